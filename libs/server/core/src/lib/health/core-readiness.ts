import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PrismaService } from '../database/prisma.service';
import { RedisConnection } from '../redis/redis.module';
import { ReadinessRegistry } from './readiness.registry';

/** Readiness of the two services every process needs: PostgreSQL, and Redis for jobs. */
@Injectable()
export class CoreReadinessChecks implements OnModuleInit {
  constructor(
    private readonly registry: ReadinessRegistry,
    private readonly prisma: PrismaService,
    private readonly redis: RedisConnection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.add({
      name: 'database',
      check: async () => {
        await this.prisma.$queryRaw`SELECT 1`;
        return { ok: true, detail: 'PostgreSQL answers' };
      },
    });
    this.registry.add({
      name: 'jobs',
      check: async () => {
        if (this.config.JOBS_MODE === 'inline') {
          return {
            ok: true,
            degraded: true,
            detail: 'NO REDIS: background jobs run inline in the api process; queued work is lost on restart. Start Redis for production.',
          };
        }
        await this.redis.ping();
        return { ok: true, detail: `Redis answers; BullMQ queues under prefix "${this.config.REDIS_PREFIX}"` };
      },
    });
  }
}
