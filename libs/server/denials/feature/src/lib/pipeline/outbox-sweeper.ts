import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@denialmap/server/core';
import { OutboxRepository, SubmitterKeyRepository } from '@denialmap/server/denials/data-access';
import { OutboxRelay } from './outbox-relay';
import { PIPELINE_HOST, PipelineHost, runsPipeline, sleep } from './pipeline-host';

const EVERY_MS = 5_000;
/** Housekeeping (old outbox rows, past days' submitter keys) every this many sweeps. */
const HOUSEKEEPING_EVERY = 60;
const KEEP_AGGREGATED_HOURS = 24;

/**
 * Re-sends outbox events that were relayed but never aggregated (a job lost with Redis, a worker
 * killed mid-job, a report that slipped past a running job), deletes aggregated events after a
 * day, and forgets submitter keys of past days.
 */
@Injectable()
export class OutboxSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxSweeper.name);
  private stopping = false;
  private loop: Promise<void> | null = null;
  private readonly idle: { wake?: () => void } = {};

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly keys: SubmitterKeyRepository,
    private readonly relay: OutboxRelay,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PIPELINE_HOST) private readonly host: PipelineHost,
  ) {}

  onApplicationBootstrap(): void {
    if (!runsPipeline(this.host, this.config)) return;
    this.loop = this.run();
  }

  /** One sweep; returns how many events were sent back to the relay. */
  async sweep(housekeeping: boolean, now = new Date()): Promise<number> {
    const resent = await this.outbox.resendStuck(this.config.OUTBOX_STUCK_SECONDS);
    if (resent > 0) {
      this.logger.warn(`Re-sent ${resent} outbox event(s) that waited over ${this.config.OUTBOX_STUCK_SECONDS} s for their aggregation.`);
      this.relay.wake();
    }
    if (housekeeping) {
      await this.outbox.deleteAggregatedBefore(KEEP_AGGREGATED_HOURS);
      await this.keys.forgetBefore(now.toISOString().slice(0, 10));
    }
    return resent;
  }

  private async run(): Promise<void> {
    let round = 0;
    while (!this.stopping) {
      try {
        await this.sweep(round % HOUSEKEEPING_EVERY === 0);
      } catch (error) {
        if (!this.stopping) this.logger.warn(`Sweep failed, retrying: ${error instanceof Error ? error.message : String(error)}`);
      }
      round++;
      if (!this.stopping) await sleep(EVERY_MS, this.idle);
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.idle.wake?.();
    await this.loop;
  }
}
