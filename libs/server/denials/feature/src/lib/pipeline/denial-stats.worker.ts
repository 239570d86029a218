import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig, QUEUES, QueueWorker } from '@denialmap/server/core';
import { DenialStatsJobHandler } from './denial-stats.job-handler';

/**
 * The denial-stats queue's worker (worker app only). Aggregations are short: a worker that dies
 * mid-job frees it within about 10 s, and shutdown waits at most 15 s for the jobs in hand.
 */
@Injectable()
export class DenialStatsWorker implements OnApplicationBootstrap, OnModuleDestroy {
  readonly worker: QueueWorker<typeof QUEUES.denialStats>;

  constructor(handler: DenialStatsJobHandler, @Inject(APP_CONFIG) config: AppConfig) {
    this.worker = new QueueWorker(handler, config, { concurrency: config.WORKER_CONCURRENCY, lockDuration: 10_000, stalledInterval: 5_000, graceMs: 15_000 });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  /** First at shutdown: finish the jobs in hand before the database connections close. */
  onModuleDestroy(): Promise<void> {
    return this.worker.close();
  }
}
