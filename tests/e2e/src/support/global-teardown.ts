import { Redis } from 'ioredis';
import { Client } from 'pg';
import { E2eStack } from './stack';

const ADMIN_URL = process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** Ctrl-C to the launcher (as a user would), then removes the test database and Redis keys. */
export default async function teardown(): Promise<void> {
  const stack = (globalThis as { __E2E_STACK__?: E2eStack }).__E2E_STACK__;
  if (!stack) return;
  const { launcher, database, redisPrefix } = stack;
  if (launcher.exitCode === null) {
    const exited = new Promise((resolve) => launcher.on('exit', resolve));
    launcher.kill('SIGINT');
    await exited;
  }
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
  const redis = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}:*`, 'COUNT', 500);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
}
