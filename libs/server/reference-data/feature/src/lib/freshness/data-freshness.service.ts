import { Injectable } from '@nestjs/common';
import { RefreshingValue } from '@denialmap/server/core';
import { DatasetCatalog, FeeScheduleRepository } from '@denialmap/server/reference-data/data-access';
import { DATASET_FAMILIES, DatasetFamily, IsoDate, LoadedEdition, StaleDataset, staleReferenceData } from '@denialmap/shared/fee-schedule';
import { DataFreshnessObject, ReferenceDatasetFamily, StaleDatasetObject } from './data-freshness.object';

type LoadedByFamily = Partial<Record<DatasetFamily, LoadedEdition[]>>;

/** Editions change only when an import commits (maybe in another process): re-read at most this often. */
const EDITIONS_TTL_MS = 30_000;

/** Which reference tables are behind CMS's publication calendar today (see publication-calendar.ts). */
@Injectable()
export class DataFreshnessService {
  private readonly loaded: RefreshingValue<LoadedByFamily>;
  /** The last answer, reused while the day and the loaded editions are the same. */
  private last: { checkedOn: string; loaded: LoadedByFamily; answer: DataFreshnessObject } | null = null;

  constructor(feeSchedule: FeeScheduleRepository, datasets: DatasetCatalog) {
    this.loaded = new RefreshingValue(async () => {
      const [releases, editions] = await Promise.all([feeSchedule.listReleases(), datasets.editions()]);
      const byFamily: LoadedByFamily = { RVU: releases.map((r) => ({ id: r.id, effectiveFrom: r.effectiveFrom })) };
      for (const family of DATASET_FAMILIES.filter((f) => f !== 'RVU')) {
        byFamily[family] = editions.filter((e) => e.dataset === family).map((e) => ({ id: e.id, effectiveFrom: e.effectiveFrom }));
      }
      return byFamily;
    }, EDITIONS_TTL_MS);
  }

  async freshness(now = new Date()): Promise<DataFreshnessObject> {
    const checkedOn = now.toISOString().slice(0, 10);
    const loaded = await this.loaded.get();
    if (this.last?.checkedOn !== checkedOn || this.last.loaded !== loaded) {
      const stale = staleReferenceData(checkedOn as IsoDate, loaded).map(toStaleDatasetObject);
      this.last = { checkedOn, loaded, answer: { checkedOn, stale, upToDate: stale.length === 0 } };
    }
    return this.last.answer;
  }
}

function toStaleDatasetObject(stale: StaleDataset): StaleDatasetObject {
  return {
    dataset: ReferenceDatasetFamily[stale.family],
    name: stale.name,
    expected: stale.expected,
    expectedId: stale.expectedId,
    expectedEffectiveFrom: stale.expectedFrom,
    loadedId: stale.loaded?.id ?? null,
    loadedEffectiveFrom: stale.loaded?.effectiveFrom ?? null,
    since: stale.since,
    message: stale.message,
    whatToUpload: stale.whatToUpload,
  };
}
