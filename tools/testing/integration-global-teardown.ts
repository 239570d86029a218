import { deleteRedisKeys, dropTestDatabase } from './cleanup';
import { ADMIN_URL, REDIS_URL } from './integration-env';

/** Removes this project's test database and every Redis key under its prefix. */
export default async function teardown(): Promise<void> {
  const database = new URL(process.env['DATABASE_URL'] ?? '').pathname.slice(1);
  if (database.startsWith('denialmap_it_')) {
    await dropTestDatabase(ADMIN_URL, database);
  }
  const prefix = process.env['REDIS_PREFIX'];
  if (prefix?.startsWith('dm-it-')) {
    await deleteRedisKeys(REDIS_URL, prefix);
  }
}
