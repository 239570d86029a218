import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig, JobProducer, QUEUES, ReadinessRegistry } from '@denialmap/server/core';
import { DatasetCatalog, FeeScheduleRepository, ReleaseCatalog, ShippedReferenceData } from '@denialmap/server/reference-data/data-access';

/**
 * First run (or an upgrade that ships new files): shipped CMS files not yet in the database go
 * through the reference-data queue (the worker imports them; inline mode runs the same handler
 * here). Readiness waits until every shipped file is in, and the first time it is met this process
 * forgets the release lists it may have read while the files were loading (it would otherwise
 * re-read them within 10 s), so the first pages after "ready" name every table's edition.
 */
@Injectable()
export class ReferenceDataBootstrap implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(ReferenceDataBootstrap.name);
  private readyOnce = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: FeeScheduleRepository,
    private readonly shipped: ShippedReferenceData,
    private readonly jobs: JobProducer,
    private readonly readiness: ReadinessRegistry,
    private readonly releaseCatalog: ReleaseCatalog,
    private readonly datasetCatalog: DatasetCatalog,
  ) {}

  onModuleInit(): void {
    this.readiness.add({
      name: 'referenceData',
      check: async () => {
        const pending = this.config.LOAD_SHIPPED_REFERENCE_DATA ? await this.shipped.pendingFiles() : [];
        const releases = await this.repository.listReleases();
        if (pending.length > 0 || releases.length === 0) {
          return { ok: false, detail: `Loading the shipped CMS files (${pending.join(', ') || 'none loaded'}); see the worker (or, without Redis, the api) log.` };
        }
        if (!this.readyOnce) {
          this.readyOnce = true;
          this.releaseCatalog.refresh();
          this.datasetCatalog.refresh();
        }
        return { ok: true, detail: `Fee schedule releases loaded: ${releases.map((r) => r.id).join(', ')}` };
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.LOAD_SHIPPED_REFERENCE_DATA) {
      return;
    }
    const pending = await this.shipped.pendingFiles();
    if (pending.length === 0) {
      return;
    }
    this.logger.log(`Queueing the shipped CMS reference files not yet loaded: ${pending.join(', ')}`);
    await this.jobs.enqueue(QUEUES.referenceData, 'load-shipped-reference-data', { reason: 'first-run' }, {
      jobId: 'load-shipped-reference-data',
      forgetWhenDone: true,
    });
  }
}
