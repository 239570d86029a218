import { Injectable } from '@nestjs/common';
import { DatasetCatalog } from './dataset-catalog';
import { ReleaseCatalog } from './release-catalog';

/** One key naming every loaded fee schedule release and reference table edition. */
@Injectable()
export class ReferenceDataVersion {
  constructor(
    private readonly releases: ReleaseCatalog,
    private readonly datasets: DatasetCatalog,
  ) {}

  async key(): Promise<string> {
    const [releases, datasets] = await Promise.all([this.releases.key(), this.datasets.key()]);
    return `${releases}|${datasets}`;
  }
}
