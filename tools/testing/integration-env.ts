/**
 * Where integration tests find the real services. Defaults match this repository's CI machine
 * (PostgreSQL with trust auth on 127.0.0.1:5432, Redis on 127.0.0.1:6379); override with
 * TEST_DATABASE_ADMIN_URL / TEST_REDIS_URL. Each test project gets its own database and Redis
 * key prefix, created and removed by the tests, so nothing else on the servers is touched.
 */
export const ADMIN_URL = process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** Per project and per run (the Jest parent's pid), so two runs on one server never share a database. */
export function testDatabaseName(project: string): string {
  return `denialmap_it_${project.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_${process.pid}`;
}

export function databaseUrl(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}
