import { Injectable } from '@nestjs/common';
import { JobHandler, QueueName } from './queue-contracts';

/** Handlers register themselves here so the inline producer and the worker find the same code. */
@Injectable()
export class JobHandlerRegistry {
  private readonly handlers = new Map<QueueName, JobHandler<QueueName>>();

  register<Q extends QueueName>(handler: JobHandler<Q>): void {
    if (this.handlers.has(handler.queue)) {
      throw new Error(`Queue "${handler.queue}" already has a handler; one handler per queue.`);
    }
    this.handlers.set(handler.queue, handler as unknown as JobHandler<QueueName>);
  }

  get<Q extends QueueName>(queue: Q): JobHandler<Q> {
    const handler = this.handlers.get(queue);
    if (!handler) {
      throw new Error(`No handler is registered for queue "${queue}".`);
    }
    return handler as unknown as JobHandler<Q>;
  }
}
