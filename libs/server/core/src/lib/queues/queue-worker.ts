import { Logger } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { redisOptionsFromUrl } from '../redis/redis-options';
import { JobHandler, JobOf, QueueName } from './queue-contracts';

export interface QueueWorkerOptions {
  concurrency: number;
  /** How long a job's lock lasts; a worker that dies mid-job frees it after this. */
  lockDuration?: number;
  stalledInterval?: number;
  /** How long shutdown waits for the jobs in hand before it gives up on them (they are retried elsewhere). */
  graceMs: number;
}

/**
 * One queue's BullMQ worker, calling the queue's one handler, that survives Redis outages and
 * never hangs shutdown. Seen here with BullMQ 6.7: a job finishing while Redis was down left the
 * worker fetching nothing after Redis came back, and its close() never returned. So after a
 * connection error, once Redis answers again, the worker is replaced by a fresh one (jobs are
 * idempotent, and the old one is closed in the background), and close() waits at most graceMs.
 */
export class QueueWorker<Q extends QueueName> {
  private readonly logger: Logger;
  private worker: Worker | null = null;
  private healing: Promise<void> | null = null;
  private stopping = false;
  /** Workers replaced after an outage, for tests and logs. */
  replacements = 0;

  constructor(
    private readonly handler: JobHandler<Q>,
    private readonly config: AppConfig,
    private readonly options: QueueWorkerOptions,
  ) {
    this.logger = new Logger(`QueueWorker:${handler.queue}`);
  }

  start(): void {
    this.worker = this.create();
  }

  private create(): Worker {
    const worker = new Worker(this.handler.queue, processorFor(this.handler), {
      connection: redisOptionsFromUrl(this.config.REDIS_URL),
      prefix: this.config.REDIS_PREFIX,
      concurrency: this.options.concurrency,
      // BullMQ takes an explicit undefined as "0", not as its default.
      ...(this.options.lockDuration ? { lockDuration: this.options.lockDuration } : {}),
      ...(this.options.stalledInterval ? { stalledInterval: this.options.stalledInterval } : {}),
    });
    worker.on('error', (error: Error) => this.onError(error));
    worker.on('failed', (job, error) => this.logger.warn(`Job ${job?.id ?? '?'} (${job?.name ?? '?'}) failed, attempt ${job?.attemptsMade ?? '?'}: ${error.message}`));
    return worker;
  }

  private onError(error: Error): void {
    if (this.stopping) return;
    this.logger.warn(error.message);
    if (isConnectionError(error) && !this.healing) {
      this.healing = this.replaceWhenRedisAnswers().finally(() => (this.healing = null));
    }
  }

  private async replaceWhenRedisAnswers(): Promise<void> {
    const probe = new Redis({ ...redisOptionsFromUrl(this.config.REDIS_URL), lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      while (!this.stopping) {
        await new Promise((r) => setTimeout(r, 1_000));
        const answered = await probe
          .connect()
          .then(() => probe.ping())
          .then(() => true)
          .catch(() => false);
        probe.disconnect();
        if (answered) break;
      }
    } finally {
      probe.disconnect();
    }
    if (this.stopping) return;
    const old = this.worker;
    this.worker = this.create();
    this.replacements++;
    this.logger.warn('Redis answers again: started a fresh worker for this queue.');
    if (old) void closeWithin(old, this.options.graceMs);
  }

  /**
   * Stops taking jobs and waits for the ones in hand, at most graceMs; during a Redis outage
   * (nothing can be recorded anyway) at most a second.
   */
  async close(): Promise<void> {
    const outage = this.healing !== null;
    this.stopping = true;
    if (this.worker) await closeWithin(this.worker, outage ? 1_000 : this.options.graceMs);
  }
}

/** BullMQ calls the processor with its Job; the handler gets the name, data and progress only. */
export function processorFor<Q extends QueueName>(h: JobHandler<Q>): (job: Job) => Promise<unknown> {
  return (job) => h.handle({ name: job.name, data: job.data } as JobOf<Q>, { reportProgress: (percent) => job.updateProgress(percent) });
}

async function closeWithin(worker: Worker, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  const outcome = await Promise.race([worker.close().then(() => 'closed' as const, () => 'closed' as const), gaveUp]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    // Jobs still "active" are taken over by another worker once their lock expires.
    await Promise.race([worker.close(true).catch(() => undefined), new Promise((r) => setTimeout(r, 1_000))]);
  }
}

function isConnectionError(error: Error & { code?: string }): boolean {
  return error.code === 'ECONNREFUSED' || /ECONNREFUSED|ECONNRESET|Connection is closed|EPIPE|ETIMEDOUT/.test(error.message);
}
