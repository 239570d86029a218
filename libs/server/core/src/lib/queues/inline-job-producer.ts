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
  private readonly running = new Map<string, Promise<unknown>>();

  constructor(private readonly registry: JobHandlerRegistry) {
    super();
  }

  async enqueue<Q extends QueueName, N extends JobName<Q>>(queue: Q, name: N, data: JobPayloads[Q][N], options: EnqueueOptions): Promise<void> {
    assertValidJobId(options.jobId);
    const key = `${queue}/${options.jobId}`;
    if (this.running.has(key)) {
      return;
    }
    const job = { name, data } as unknown as JobOf<Q>;
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.registry.get(queue).handle(job, { reportProgress: async () => undefined }))
      .catch((error: unknown) => this.logger.error(`Inline job ${key} (${name}) failed: ${error instanceof Error ? error.stack : String(error)}`))
      .finally(() => this.running.delete(key));
    this.running.set(key, run);
  }

  /** Lets shutdown and tests wait for in-flight inline jobs. */
  async drain(): Promise<void> {
    await Promise.all([...this.running.values()]);
  }
}
