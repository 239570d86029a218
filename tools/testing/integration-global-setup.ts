import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { ADMIN_URL, databaseUrl, REDIS_URL, testDatabaseName } from './integration-env';

const MIGRATIONS = join(__dirname, '../../prisma/migrations');

/**
 * Jest globalSetup for *.integration-spec.ts: a fresh database for this test project with every
 * migration applied (the same SQL files, split the same way, as `prisma migrate deploy`), and a Redis prefix of
 * its own. The environment set here reaches the test workers.
 */
export default async function setup(_global: unknown, project: { displayName?: { name: string } | string }): Promise<void> {
  const name = typeof project.displayName === 'string' ? project.displayName : (project.displayName?.name ?? 'tests');
  const database = testDatabaseName(name);
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  const db = new Client({ connectionString: databaseUrl(database) });
  await db.connect();
  for (const dir of readdirSync(MIGRATIONS).filter((d) => /^\d{14}_/.test(d)).sort()) {
    // Statement by statement, split at every ';' exactly as `prisma migrate deploy` does through the
    // pg driver adapter, so a migration that deploy would break on fails here first.
    for (const statement of readFileSync(join(MIGRATIONS, dir, 'migration.sql'), 'utf8').split(';')) {
      if (statement.trim()) await db.query(statement);
    }
  }
  await db.end();

  process.env['DATABASE_URL'] = databaseUrl(database);
  process.env['REDIS_URL'] = REDIS_URL;
  process.env['REDIS_PREFIX'] = `dm-it-${name}-${process.pid}`;
  process.env['TZ'] = 'UTC';
}
