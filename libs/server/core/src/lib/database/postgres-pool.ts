import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/**
 * A plain pg pool for bulk work Prisma cannot do (COPY into staging tables). Small and lazy:
 * it opens connections only when an import runs.
 */
@Injectable()
export class PostgresPool implements OnApplicationShutdown {
  readonly pool: Pool;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.pool = new Pool({ connectionString: config.DATABASE_URL, max: 2, idleTimeoutMillis: 5000, allowExitOnIdle: true });
  }

  /** Last of all at shutdown, after workers have finished the jobs in hand (they close in onModuleDestroy). */
  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
