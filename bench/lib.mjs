// Shared helpers for the benchmarks: a throwaway database with every migration applied.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name) {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function freshDatabase(name) {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const db = new pg.Client({ connectionString: databaseUrl(name) });
  await db.connect();
  for (const dir of readdirSync('prisma/migrations').filter((d) => /^\d{14}_/.test(d)).sort()) {
    await db.query(readFileSync(join('prisma/migrations', dir, 'migration.sql'), 'utf8'));
  }
  await db.end();
  return databaseUrl(name);
}

export async function dropDatabase(name) {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

/** Runs a command, resolving with its exit code, stdout and wall time in ms. */
export function timed(command, args, options = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'], ...options });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('exit', (code) => resolve({ code, stdout, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    if (options.input) {
      options.input.pipe(child.stdin);
    } else {
      child.stdin.end();
    }
  });
}

export function ensureBuilt() {
  return timed(process.execPath, ['node_modules/nx/dist/bin/nx.js', 'run-many', '-t', 'build', '-p', 'api', 'worker', 'web', '--output-style=static'], {
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
}

export const fmt = (n, digits = 0) => Number(n).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
