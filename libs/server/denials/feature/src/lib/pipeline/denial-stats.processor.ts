import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Job } from 'bullmq';
import { APP_CONFIG, AppConfig, JobOf, QUEUES } from '@denialmap/server/core';
import { DenialStatsJobHandler } from './denial-stats.job-handler';

/**
 * Aggregations are short and per code. A worker that dies mid-job leaves it "active"; a short
 * lock lets another worker take it over within about 10 s instead of BullMQ's default 30 s.
 */
@Processor(QUEUES.denialStats, { lockDuration: 10_000, stalledInterval: 5_000 })
export class DenialStatsProcessor extends WorkerHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DenialStatsProcessor.name);

  constructor(
    private readonly handler: DenialStatsJobHandler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.WORKER_CONCURRENCY;
  }

  /** First at shutdown: finish the job in hand before the database connections close. */
  async onModuleDestroy(): Promise<void> {
    await this.worker.close();
  }

  /** Redis outages surface here; BullMQ reconnects by itself and the sweeper re-sends lost jobs. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`denial-stats worker: ${error.message}`);
  }

  async process(job: Job): Promise<unknown> {
    return this.handler.handle({ name: job.name, data: job.data } as JobOf<typeof QUEUES.denialStats>);
  }
}
