import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { redisOptionsFromUrl } from './redis-options';

/**
 * The process's general-purpose Redis connection (health checks, rate limits, publishing live events),
 * with every key under REDIS_PREFIX. Absent (null) when jobs run inline without Redis.
 */
@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisConnection.name);
  readonly client: Redis | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.client =
      config.JOBS_MODE === 'bullmq'
        ? new Redis({ ...redisOptionsFromUrl(config.REDIS_URL), keyPrefix: `${config.REDIS_PREFIX}:`, lazyConnect: true, maxRetriesPerRequest: 1 })
        : null;
    this.client?.on('error', (error: Error) => this.logger.warn(`Redis: ${error.message}`));
  }

  key(name: string): string {
    return `${this.config.REDIS_PREFIX}:${name}`;
  }

  async ping(): Promise<string> {
    await this.ensureConnected();
    return (this.client as Redis).ping();
  }

  /** Connects on first use (the connection is lazy so processes start without waiting on Redis). */
  async ensureConnected(): Promise<void> {
    if (!this.client) {
      throw new Error('no Redis connection (JOBS_MODE=inline)');
    }
    if (this.client.status === 'wait') {
      await this.client.connect().catch((error: unknown) => {
        // Another caller may have started connecting at the same moment.
        if (!(error instanceof Error && /already connecting|already connected/i.test(error.message))) throw error;
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client && this.client.status !== 'end' && this.client.status !== 'wait') {
      await this.client.quit().catch(() => this.client?.disconnect());
    }
  }
}

@Global()
@Module({ providers: [RedisConnection], exports: [RedisConnection] })
export class RedisModule {}
