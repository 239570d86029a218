import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RedisConnection } from '../redis/redis.module';
import { EventStream } from './event-stream';

/** Topics and what each event carries. */
export interface LiveTopics {
  /** A code's denial stats were recomputed (the worker's aggregation job). */
  'denial-stats': { code: string; computedAt: string; reports: number };
}
export type LiveTopic = keyof LiveTopics;

/**
 * Live updates across api instances: the worker publishes on Redis pub/sub, and each api process
 * holds one subscriber connection and fans events out to its GraphQL subscriptions. With no Redis
 * (JOBS_MODE=inline) the aggregation runs in the api itself and events stay in the process.
 * Pub/sub is best effort (a client that misses an event still sees the next one, and reads the
 * current state when it subscribes); PostgreSQL stays the source of truth.
 */
@Injectable()
export class LiveEvents implements OnApplicationShutdown {
  private readonly logger = new Logger(LiveEvents.name);
  private readonly streams = new Map<LiveTopic, Set<EventStream<unknown>>>();
  private subscriber: Redis | null = null;

  constructor(
    private readonly redis: RedisConnection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private channel(topic: LiveTopic): string {
    return `${this.config.REDIS_PREFIX}:live:${topic}`;
  }

  async publish<T extends LiveTopic>(topic: T, event: LiveTopics[T]): Promise<void> {
    if (!this.redis.client) {
      this.deliver(topic, event);
      return;
    }
    await this.redis.ensureConnected();
    await this.redis.client.publish(this.channel(topic), JSON.stringify(event));
  }

  /** Events of `topic` that pass `filter`, until the consumer returns. */
  subscribe<T extends LiveTopic>(topic: T, filter: (event: LiveTopics[T]) => boolean = () => true): AsyncIterableIterator<LiveTopics[T]> {
    const set = this.streams.get(topic) ?? new Set();
    this.streams.set(topic, set);
    const stream: EventStream<LiveTopics[T]> = new EventStream(() => {
      set.delete(stream as EventStream<unknown>);
      if (set.size === 0) {
        this.streams.delete(topic);
        void this.subscriber?.unsubscribe(this.channel(topic)).catch(() => undefined);
      }
    });
    const filtered = new EventStream<LiveTopics[T]>(() => void stream.return());
    void (async () => {
      for await (const event of stream) if (filter(event)) filtered.push(event);
    })();
    set.add(stream as EventStream<unknown>);
    if (set.size === 1) void this.listen(topic);
    return filtered;
  }

  private async listen(topic: LiveTopic): Promise<void> {
    if (!this.redis.client) return;
    if (!this.subscriber) {
      this.subscriber = this.redis.client.duplicate({ lazyConnect: false, maxRetriesPerRequest: null });
      this.subscriber.on('error', (error: Error) => this.logger.warn(`Redis subscriber: ${error.message}`));
      this.subscriber.on('message', (channel: string, message: string) => {
        const topic = channel.slice(`${this.config.REDIS_PREFIX}:live:`.length) as LiveTopic;
        try {
          this.deliver(topic, JSON.parse(message));
        } catch {
          this.logger.warn(`Ignored a malformed live event on ${channel}`);
        }
      });
    }
    await this.subscriber.subscribe(this.channel(topic)).catch((error: unknown) => this.logger.warn(`Could not subscribe to ${topic}: ${String(error)}`));
  }

  private deliver(topic: LiveTopic, event: unknown): void {
    for (const stream of this.streams.get(topic) ?? []) stream.push(event);
  }

  /** Open subscriptions, for tests and health details. */
  get subscriptions(): number {
    return [...this.streams.values()].reduce((n, s) => n + s.size, 0);
  }

  async onApplicationShutdown(): Promise<void> {
    for (const set of this.streams.values()) for (const stream of [...set]) void stream.return();
    if (this.subscriber) await this.subscriber.quit().catch(() => this.subscriber?.disconnect());
  }
}

@Global()
@Module({ providers: [LiveEvents], exports: [LiveEvents] })
export class LiveEventsModule {}
