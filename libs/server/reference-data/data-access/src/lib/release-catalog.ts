import { Injectable } from '@nestjs/common';
import { RefreshingValue } from '@denialmap/server/core';
import { FeeScheduleReleaseView } from './fee-schedule.types';
import { FeeScheduleRepository } from './fee-schedule.repository';
import { ServiceUnavailableError } from '@denialmap/shared/errors';

/**
 * The loaded fee schedule releases, re-read at most every 10 s: they change only when an import
 * commits (possibly in another process), and every lookup needs them.
 */
@Injectable()
export class ReleaseCatalog {
  private readonly loaded: RefreshingValue<FeeScheduleReleaseView[]>;
  private keyFor: { releases: FeeScheduleReleaseView[]; key: string } | null = null;

  constructor(repository: FeeScheduleRepository) {
    this.loaded = new RefreshingValue(() => repository.listReleases(), 10_000);
  }

  async releases(): Promise<FeeScheduleReleaseView[]> {
    const releases = await this.loaded.get();
    if (releases.length === 0) {
      this.loaded.reset();
      throw new ServiceUnavailableError('No fee schedule release is loaded yet. On a first run the shipped CMS data loads within a minute.');
    }
    return releases;
  }

  /** Re-read on the next lookup (after an activation or roll-back in this process). */
  refresh(): void {
    this.loaded.reset();
  }

  /** Identity of the loaded releases (ids and import times): part of every memoised answer's key. */
  async key(): Promise<string> {
    const releases = await this.releases();
    if (this.keyFor?.releases !== releases) {
      this.keyFor = { releases, key: releases.map((r) => `${r.id}@${r.importedAt.getTime()}`).join(',') };
    }
    return this.keyFor.key;
  }
}
