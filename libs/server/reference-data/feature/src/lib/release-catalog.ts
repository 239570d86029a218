import { Injectable } from '@nestjs/common';
import { FeeScheduleReleaseView, FeeScheduleRepository } from '@denialmap/server/reference-data/data-access';
import { ServiceUnavailableError } from '@denialmap/shared/errors';

const TTL_MS = 10_000;

/**
 * The loaded fee schedule releases, re-read at most every 10 s: they change only when an import
 * commits (possibly in another process), and every lookup needs them.
 */
@Injectable()
export class ReleaseCatalog {
  private cached: { at: number; value: Promise<FeeScheduleReleaseView[]> } | null = null;

  constructor(private readonly repository: FeeScheduleRepository) {}

  async releases(): Promise<FeeScheduleReleaseView[]> {
    if (!this.cached || Date.now() - this.cached.at > TTL_MS) {
      const value = this.repository.listReleases();
      this.cached = { at: Date.now(), value };
      value.catch(() => (this.cached = null));
    }
    const releases = await this.cached.value;
    if (releases.length === 0) {
      this.cached = null;
      throw new ServiceUnavailableError('No fee schedule release is loaded yet. On a first run the shipped CMS data loads within a minute.');
    }
    return releases;
  }
}
