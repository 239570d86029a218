import { EnqueueOptions, JobName, JobPayloads, QueueName } from './queue-contracts';

/** How features start background work. BullMQ in production; inline when npm start finds no Redis. */
export abstract class JobProducer {
  abstract readonly mode: 'bullmq' | 'inline';
  abstract enqueue<Q extends QueueName, N extends JobName<Q>>(
    queue: Q,
    name: N,
    data: JobPayloads[Q][N],
    options: EnqueueOptions,
  ): Promise<void>;
}
