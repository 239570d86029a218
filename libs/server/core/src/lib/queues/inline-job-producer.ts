import { Injectable, Logger } from '@nestjs/common';
import { JobHandlerRegistry } from './job-handler.registry';
import { JobProducer } from './job-producer';
import { assertValidJobId, EnqueueOptions, JobName, JobOf, JobPayloads, QueueName } from './queue-contracts';

/**
 * Runs jobs in this process through the same handlers the worker uses. Only for `npm start`
 * on a machine with no Redis: nothing survives a restart, so it is announced loudly.
 */
@Injectable()
export class InlineJobProducer extends JobProducer {
  readonly mode = 'inline' as const;
  private readonly logger = new Logger('InlineJobs');
  private readonly running = new Map<string, { run: Promise<unknown>; started: boolean }>();

  constructor(private readonly registry: JobHandlerRegistry) {
    super();
  }

  async enqueue<Q extends QueueName, N extends JobName<Q>>(queue: Q, name: N, data: JobPayloads[Q][N], options: EnqueueOptions): Promise<void> {
    assertValidJobId(options.jobId);
    const key = `${queue}/${options.jobId}`;
    const current = this.running.get(key);
    // A run that has not started will see every change; one under way may not (freshRun: one more after it).
    if (current && (!current.started || !options.freshRun)) {
      return;
    }
    const job = { name, data } as unknown as JobOf<Q>;
    const entry = { run: Promise.resolve() as Promise<unknown>, started: false };
    entry.run = (current?.run ?? Promise.resolve())
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => {
        entry.started = true;
        return this.registry.get(queue).handle(job, { reportProgress: async () => undefined });
      })
      .catch((error: unknown) => this.logger.error(`Inline job ${key} (${name}) failed: ${error instanceof Error ? error.stack : String(error)}`))
      .finally(() => {
        if (this.running.get(key) === entry) this.running.delete(key);
      });
    this.running.set(key, entry);
  }

  /** Lets shutdown and tests wait for in-flight inline jobs. */
  async drain(): Promise<void> {
    await Promise.all([...this.running.values()].map((e) => e.run));
  }
}
