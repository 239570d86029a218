import { AppConfig, JobProducer, ReadinessRegistry } from '@denialmap/server/core';
import { DatasetCatalog, FeeScheduleRepository, ReleaseCatalog, ShippedReferenceData } from '@denialmap/server/reference-data/data-access';
import { ReferenceDataBootstrap } from './reference-data.bootstrap';

/**
 * Readiness on a first run: the api may have read the release lists (and cached them for 10 s)
 * while the worker was still loading the shipped files, so the first time readiness is met it
 * forgets them. Fakes stand in for the database; the rule is what is tested.
 */
describe('ReferenceDataBootstrap readiness', () => {
  function setUp() {
    let pending = ['ptp_practitioner_2024q3.csv.gz'];
    const refreshed = { releases: 0, datasets: 0 };
    const registry = new ReadinessRegistry();
    const bootstrap = new ReferenceDataBootstrap(
      { LOAD_SHIPPED_REFERENCE_DATA: true } as AppConfig,
      { listReleases: async () => [{ id: 'RVU25D' }] } as unknown as FeeScheduleRepository,
      { pendingFiles: async () => pending } as unknown as ShippedReferenceData,
      {} as JobProducer,
      registry,
      { refresh: () => refreshed.releases++ } as unknown as ReleaseCatalog,
      { refresh: () => refreshed.datasets++ } as unknown as DatasetCatalog,
    );
    bootstrap.onModuleInit();
    return { registry, refreshed, loadedAll: () => (pending = []) };
  }

  it('forgets the cached release lists once, when the shipped files are all in', async () => {
    const { registry, refreshed, loadedAll } = setUp();
    expect((await registry.run()).ready).toBe(false);
    expect(refreshed).toEqual({ releases: 0, datasets: 0 });
    loadedAll();
    expect((await registry.run()).ready).toBe(true);
    expect(refreshed).toEqual({ releases: 1, datasets: 1 });
    // Later checks (a load balancer's every few seconds) leave the caches alone.
    await registry.run();
    await registry.run();
    expect(refreshed).toEqual({ releases: 1, datasets: 1 });
  });
});
