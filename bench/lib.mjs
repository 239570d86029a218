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

/**
 * Builds, starts the production api (dist/) with the floor route on a fresh database, imports
 * every shipped file, waits for readiness, runs `body(api)`, then stops and drops everything.
 * With `serveWeb`, the api also serves the production web build, as it does in production.
 * `api.load(title, request, connections)` runs autocannon against one request.
 */
export async function withLoadedApi(name, body, { serveWeb = false } = {}) {
  const { default: autocannon } = await import('autocannon');
  const port = Number(process.env.BENCH_PORT ?? 3901);
  const duration = Number(process.env.BENCH_SECONDS ?? 10);
  const base = `http://127.0.0.1:${port}`;
  const database = `denialmap_bench_${name}_${process.pid}`;
  const build = await ensureBuilt();
  if (build.code !== 0) throw new Error('build failed');
  const url = await freshDatabase(database);
  const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'error', NODE_ENV: 'production', REDIS_PREFIX: `dm-bench-${process.pid}`, LOAD_SHIPPED_REFERENCE_DATA: 'false', BENCH_FLOOR_ROUTE: 'true', PORT: String(port), WEB_DIST_DIR: serveWeb ? 'dist/apps/web' : '' };
  const server = spawn(process.execPath, ['dist/apps/api/main.js'], { env, stdio: 'inherit' });
  try {
    const imported = await timed(process.execPath, ['dist/apps/worker/main.js', 'import'], { env });
    if (imported.code !== 0) throw new Error('import failed');
    for (let i = 0; i < 100; i++) {
      if (await fetch(`${base}/health/ready`).then((r) => r.ok).catch(() => false)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const load = (title, request, connections) =>
      new Promise((resolve, reject) => {
        const { path, ...rest } = request;
        autocannon({ url: `${base}${path}`, connections, duration, ...rest }, (error, result) => {
          if (error) return reject(error);
          if (result.non2xx > 0 || result.errors > 0) return reject(new Error(`${title}: ${result.non2xx} non-2xx, ${result.errors} errors`));
          resolve({ title, connections, rps: result.requests.average, p50: result.latency.p50, p95: result.latency.p97_5 ?? result.latency.p95, p99: result.latency.p99 });
        });
      });
    const graphql = (query, variables = {}) => ({ path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const answer = (request) => fetch(`${base}${request.path}`, request).then((r) => r.text());
    await body({ base, duration, load, graphql, answer });
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.on('exit', r));
    await dropDatabase(database);
  }
}

/** Prints one table row per result with its ratio to the floor route at the same concurrency. */
export function printLoadTable(results, duration, bytesNote) {
  console.log(`\n${bytesNote}; ${duration} s per run; load generator on the same 2 cores`);
  console.log('query                               conns     req/s    p50 ms   p97.5 ms   p99 ms   vs floor   vs GraphQL floor');
  for (const r of results) {
    const floor = results.find((f) => f.connections === r.connections && f.title.startsWith('floor'));
    const gql = results.find((f) => f.connections === r.connections && f.title.startsWith('GraphQL'));
    console.log(
      `${r.title.padEnd(36)}${String(r.connections).padStart(5)}${fmt(r.rps).padStart(10)}${fmt(r.p50).padStart(10)}${fmt(r.p95).padStart(11)}${fmt(r.p99).padStart(9)}${`${fmt((100 * r.rps) / floor.rps)}%`.padStart(11)}${gql ? `${fmt((100 * r.rps) / gql.rps)}%`.padStart(19) : ''}`,
    );
  }
}
