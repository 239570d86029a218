import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, AppConfig, JobProducer, QUEUES, withTimeout } from '@denialmap/server/core';
import { OUTBOX_CHANNEL, OutboxRepository } from '@denialmap/server/denials/data-access';
import { PIPELINE_HOST, PipelineHost, runsPipeline, sleep } from './pipeline-host';

const BATCH = 500;
/** Polling interval when no notification arrives (LISTEN lost, or another relay took the batch). */
const IDLE_MS = 1_000;
const ENQUEUE_TIMEOUT_MS = 5_000;

/**
 * Moves outbox events to BullMQ: one aggregation job per code (job id "stats-<code>", so a burst
 * of reports for a code collapses into one waiting job; if that job is already running, a
 * follow-up is queued, as it may have read the reports before these). Woken by NOTIFY when a report commits, and polls
 * every second anyway. Safe to run in every worker: batches are taken FOR UPDATE SKIP LOCKED, and
 * an event is marked relayed only in the transaction that enqueued its code, so a crash or a
 * Redis outage between the two re-sends it rather than losing it.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private stopping = false;
  private loop: Promise<void> | null = null;
  private listener: Client | null = null;
  private readonly idle: { wake?: () => void } = {};
  relayed = 0;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly jobs: JobProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PIPELINE_HOST) private readonly host: PipelineHost,
  ) {}

  onApplicationBootstrap(): void {
    if (!runsPipeline(this.host, this.config)) return;
    this.loop = this.run();
  }

  /** Relay now (e.g. the sweeper just re-sent events). */
  wake(): void {
    this.idle.wake?.();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      if (!this.listener) await this.listen();
      try {
        const moved = await this.outbox.relayBatch(BATCH, (codes) => this.enqueue(codes));
        this.relayed += moved;
        if (moved > 0) continue;
      } catch (error) {
        if (!this.stopping) this.logger.warn(`Relay paused (events stay in the outbox): ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!this.stopping) await sleep(IDLE_MS, this.idle);
    }
  }

  private async enqueue(codes: string[]): Promise<void> {
    const added = Promise.all(
      codes.map((code) => this.jobs.enqueue(QUEUES.denialStats, 'recompute-code-stats', { code }, { jobId: `stats-${code}`, forgetWhenDone: true, freshRun: true })),
    );
    await withTimeout(added, ENQUEUE_TIMEOUT_MS, 'the queue did not answer');
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.DATABASE_URL });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      this.logger.warn(`Outbox LISTEN connection lost (${error.message}); polling until it is back.`);
      if (this.listener === client) this.listener = null;
    });
    client.on('end', () => {
      if (this.listener === client) this.listener = null;
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.listener = client;
    } catch {
      await client.end().catch(() => undefined);
    }
  }

  /** First at shutdown: stop taking batches before the database connections close. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.wake();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
  }
}
