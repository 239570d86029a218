import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig, QUEUES, QueueWorker } from '@denialmap/server/core';
import { ToolkitJobHandler } from './toolkit.job-handler';

/**
 * The toolkit queue's worker (worker app only). A build takes a second or two per code; shutdown
 * waits at most 30 s for the one in hand, and an interrupted build is picked up again.
 */
@Injectable()
export class ToolkitWorker implements OnApplicationBootstrap, OnModuleDestroy {
  readonly worker: QueueWorker<typeof QUEUES.toolkit>;

  constructor(handler: ToolkitJobHandler, @Inject(APP_CONFIG) config: AppConfig) {
    this.worker = new QueueWorker(handler, config, { concurrency: 1, lockDuration: 30_000, stalledInterval: 15_000, graceMs: 30_000 });
  }

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.worker.close();
  }
}
