import { Redis } from 'ioredis';
import { Client } from 'pg';
import { ADMIN_URL, REDIS_URL } from './integration-env';

/** Removes this project's test database and every Redis key under its prefix. */
export default async function teardown(): Promise<void> {
  const database = new URL(process.env['DATABASE_URL'] ?? '').pathname.slice(1);
  if (database.startsWith('denialmap_it_')) {
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  }
  const prefix = process.env['REDIS_PREFIX'];
  if (prefix?.startsWith('dm-it-')) {
    const redis = new Redis(REDIS_URL);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    await redis.quit();
  }
}
