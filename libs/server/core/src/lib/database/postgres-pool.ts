import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Client, Pool } from 'pg';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/**
 * A plain pg pool for bulk work Prisma cannot do (COPY into staging tables). Small and lazy:
 * it opens connections only when an import runs.
 */
@Injectable()
export class PostgresPool implements OnApplicationShutdown {
  readonly pool: Pool;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.pool = new Pool({ connectionString: config.DATABASE_URL, max: 2, idleTimeoutMillis: 5000, allowExitOnIdle: true });
  }

  /**
   * A connection of its own, outside the pool, for the caller to `end()`: an import loading
   * partitions side by side takes these, so it never waits on a pool that other imports (each
   * holding a connection while it waits for its dataset's lock) have used up.
   */
  async dedicated(): Promise<Client> {
    const client = new Client({ connectionString: this.config.DATABASE_URL });
    await client.connect();
    return client;
  }

  /** Last of all at shutdown, after workers have finished the jobs in hand (they close in onModuleDestroy). */
  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
