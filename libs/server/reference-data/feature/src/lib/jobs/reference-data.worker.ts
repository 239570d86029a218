import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig, QUEUES, QueueWorker } from '@denialmap/server/core';
import { ReferenceDataJobHandler } from './reference-data.job-handler';

/** Imports are heavy and serialised: one at a time per worker process; shutdown waits up to 45 s for one in hand. */
@Injectable()
export class ReferenceDataWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly worker: QueueWorker<typeof QUEUES.referenceData>;

  constructor(handler: ReferenceDataJobHandler, @Inject(APP_CONFIG) config: AppConfig) {
    this.worker = new QueueWorker(handler, config, { concurrency: 1, graceMs: 45_000 });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  /** First at shutdown: finish the import in hand before the database connections close. */
  onModuleDestroy(): Promise<void> {
    return this.worker.close();
  }
}
