import { Injectable } from '@nestjs/common';
import { RefreshingValue } from '@denialmap/server/core';
import { DatasetReleaseView } from './ncci.types';
import { NcciRepository } from './ncci.repository';

/**
 * The active edition of every reference table besides the fee schedule, re-read at most every
 * 10 s, and a key naming them all: answers memoised under that key are never served after a new
 * edition is imported.
 */
@Injectable()
export class DatasetCatalog {
  private readonly loaded: RefreshingValue<DatasetReleaseView[]>;
  private keyFor: { editions: DatasetReleaseView[]; key: string } | null = null;

  constructor(repository: NcciRepository) {
    this.loaded = new RefreshingValue(() => repository.activeReleases(), 10_000);
  }

  /** Forgets the list, so the next answer reads the editions live now (after an activation here). */
  refresh(): void {
    this.loaded.reset();
  }

  editions(): Promise<DatasetReleaseView[]> {
    return this.loaded.get();
  }

  async edition(dataset: string): Promise<DatasetReleaseView | undefined> {
    return (await this.editions()).find((e) => e.dataset === dataset);
  }

  /** Identity of the active editions; recomputed only when the list is re-read. */
  async key(): Promise<string> {
    const editions = await this.editions();
    if (this.keyFor?.editions !== editions) {
      this.keyFor = { editions, key: editions.map((e) => `${e.id}@${e.importedAt.getTime()}`).join(',') };
    }
    return this.keyFor.key;
  }
}
