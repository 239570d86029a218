#!/usr/bin/env node
/**
 * `npm start`: build, then run DenialMap on one URL (default http://localhost:3000).
 *  - DATABASE_URL unset: an embedded PostgreSQL 17 with its data in .data/ (kept between runs).
 *  - REDIS_URL unset and no Redis on 127.0.0.1:6379: jobs run inline in the api (said loudly).
 *  - Applies migrations; the api loads the shipped CMS data on a first run.
 *  - Ctrl-C stops api, worker and the embedded database cleanly.
 * Flags: --no-build (use the existing dist/).
 */
import { existsSync } from 'node:fs';
import { startChild, stopChild, run } from './lib/children.mjs';
import { startEmbeddedPostgres } from './lib/embedded-db.mjs';
import { redisAnswers } from './lib/redis-probe.mjs';

const started = Date.now();
const log = (message) => console.log(`[start] ${message}`);
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

if (existsSync('.env')) {
  process.loadEnvFile('.env');
}
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NODE_ENV: process.env.NODE_ENV ?? 'production' };
if (!process.stdout.isTTY) env.NO_COLOR = '1';
const port = Number(env.PORT ?? 3000);
const cleanups = [];
const children = [];
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  await Promise.all(children.map((c) => stopChild(c)));
  for (const cleanup of cleanups.reverse()) {
    await cleanup().catch((error) => console.error(`[start] ${error instanceof Error ? error.message : String(error)}`));
  }
  log('stopped.');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function main() {
  if (!process.argv.includes('--no-build')) {
    log('building api, worker and web (cached after the first time)…');
    const build = await run(process.execPath, ['node_modules/nx/dist/bin/nx.js', 'run-many', '-t', 'build', '-p', 'api', 'worker', 'web', '--output-style=static'], env, { quiet: true });
    if (build.code !== 0) {
      console.error(build.output);
      throw new Error('the build failed (output above)');
    }
    log(`built (${elapsed()})`);
  }

  if (!env.DATABASE_URL) {
    const db = await startEmbeddedPostgres({ port: Number(env.EMBEDDED_POSTGRES_PORT ?? 54329), log: (m) => log(`postgres: ${m}`) });
    cleanups.push(db.stop);
    env.DATABASE_URL = db.url;
    log(`embedded PostgreSQL 17 on 127.0.0.1:${env.EMBEDDED_POSTGRES_PORT ?? 54329}, data in .data/postgres${db.firstRun ? ' (new)' : ''}`);
  } else {
    log('using the PostgreSQL server in DATABASE_URL');
  }

  const redisUrl = env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (await redisAnswers(redisUrl)) {
    env.JOBS_MODE = 'bullmq';
    log(`Redis answers at ${new URL(redisUrl).host}; jobs go through BullMQ to the worker`);
  } else if (env.REDIS_URL) {
    throw new Error(`REDIS_URL is set (${new URL(redisUrl).host}) but nothing answers there. Start Redis or unset REDIS_URL.`);
  } else {
    env.JOBS_MODE = 'inline';
    console.warn('\n[start] ************************************************************************');
    console.warn('[start] NO REDIS at 127.0.0.1:6379: running WITHOUT a worker. Background jobs run');
    console.warn('[start] inline in the api and are lost if it stops. Fine for a look around;');
    console.warn('[start] start Redis (or set REDIS_URL) for real use. /health/ready says so too.');
    console.warn('[start] ************************************************************************\n');
  }

  const prisma = ['node_modules/prisma/build/index.js'];
  const status = await run(process.execPath, [...prisma, 'migrate', 'status'], env, { quiet: true });
  if (status.code !== 0) {
    log('applying database migrations…');
    const deploy = await run(process.execPath, [...prisma, 'migrate', 'deploy'], env, { quiet: true });
    if (deploy.code !== 0) {
      console.error(deploy.output);
      throw new Error('migrations failed (output above)');
    }
  }
  log(`database schema is up to date (${elapsed()})`);

  const processes = [['api', 'dist/apps/api/main.js']];
  if (env.JOBS_MODE === 'bullmq') processes.push(['worker', 'dist/apps/worker/main.js']);
  for (const [name, entry] of processes) {
    const child = startChild(name, process.execPath, ['--enable-source-maps', entry], env);
    children.push(child);
    child.exited.then(({ code, signal }) => {
      if (!stopping) {
        console.error(`[start] ${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping everything.`);
        void shutdown(1);
      }
    });
  }

  const readyUrl = `http://127.0.0.1:${port}/health/ready`;
  const deadline = Date.now() + Number(env.START_TIMEOUT_SECONDS ?? 300) * 1000;
  let last = '';
  while (!stopping) {
    const answer = await fetch(readyUrl).then(async (r) => ({ ok: r.ok, body: await r.text() })).catch(() => null);
    if (answer?.ok) break;
    if (answer && answer.body !== last) {
      last = answer.body;
      const pending = Object.entries(JSON.parse(answer.body).checks ?? {}).filter(([, c]) => !c.ok);
      log(`waiting for: ${pending.map(([name, c]) => `${name} (${c.detail})`).join('; ')}`);
    }
    if (Date.now() > deadline) throw new Error(`not ready after ${env.START_TIMEOUT_SECONDS ?? 300} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
  if (!stopping) {
    log(`ready in ${elapsed()}`);
    console.log(`\n  DenialMap is ready: http://localhost:${port}\n  (GraphQL API: http://localhost:${port}/graphql, explorer: http://localhost:${port}/explorer; Ctrl-C to stop)\n`);
  }
}

main().catch((error) => {
  console.error(`[start] ${error instanceof Error ? error.message : `failed: ${String(error)} (see the lines above)`}`);
  void shutdown(1);
});
