import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { redisOptionsFromUrl } from '../redis/redis-options';
import { JobProducer } from './job-producer';
import { assertValidJobId, EnqueueOptions, JobName, JobPayloads, QueueName } from './queue-contracts';

/** States in which a job has not started yet, so it will see every change made before now. */
const WAITING = new Set<string>(['waiting', 'delayed', 'prioritized', 'waiting-children']);

@Injectable()
export class BullmqJobProducer extends JobProducer implements OnApplicationShutdown {
  readonly mode = 'bullmq' as const;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly logger = new Logger(BullmqJobProducer.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  async enqueue<Q extends QueueName, N extends JobName<Q>>(queue: Q, name: N, data: JobPayloads[Q][N], options: EnqueueOptions): Promise<void> {
    assertValidJobId(options.jobId);
    const target = this.queue(queue);
    const settings = {
      attempts: 5,
      backoff: { type: 'exponential' as const, delay: 1000 },
      removeOnComplete: options.forgetWhenDone ? true : { count: 1000 },
      removeOnFail: options.forgetWhenDone ? true : { count: 5000 },
    };
    await target.add(name, data, { ...settings, jobId: options.jobId });
    if (options.freshRun && !WAITING.has(await target.getJobState(options.jobId))) {
      // Already running (or just finished): it may have read its data before the caller's change.
      await target.add(name, data, { ...settings, jobId: `${options.jobId}-again-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}` });
    }
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: redisOptionsFromUrl(this.config.REDIS_URL), prefix: this.config.REDIS_PREFIX });
      // Outages surface here; callers see their own enqueue fail and retry (the outbox keeps the work).
      queue.on('error', (error: Error) => this.logger.warn(`Queue ${name}: ${error.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
