#!/usr/bin/env node
/**
 * npm run bench:lookup — the production api (dist/) on a database with all shipped data, loaded
 * by autocannon on this machine: the `code` query (fee schedule + NCCI page data) beside a floor
 * route in the same server that answers a constant body of the same size, and the trivial
 * GraphQL query `{ __typename }` (the Nest + Apollo floor). Prints req/s and p50/p97.5/p99 at 32
 * and at 8 connections, and the ratios.
 * Targets: code and searchCodes >= 50% of the floor's req/s; p95 < 20 ms at 8 connections.
 */
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { dropDatabase, ensureBuilt, fmt, freshDatabase, timed } from './lib.mjs';

const DB = `denialmap_bench_lookup_${process.pid}`;
const PORT = Number(process.env.BENCH_PORT ?? 3901);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const base = `http://127.0.0.1:${PORT}`;

const CODE_QUERY = JSON.stringify({
  query: `query ($code: String!, $dos: String) { code(code: $code, dateOfService: $dos) {
    code shortDescriptor source release { label conversionFactor }
    rvus { workRvu nonFacilityPracticeExpenseRvu malpracticeRvu nationalNonFacility { amount } nationalFacility { amount reason } }
    professionalComponent { nationalNonFacility { amount } } technicalComponent { nationalNonFacility { amount } }
    mue { maxUnits adjudicationLabel } ncciEdits(first: 10) { totalCount edges { node { otherCode modifierAllowed } } } } }`,
  variables: { code: '70390', dos: '2025-06-01' },
});

function load(title, request, connections) {
  return new Promise((resolve, reject) => {
    const { path, ...rest } = request;
    autocannon({ url: `${base}${path}`, connections, duration: DURATION, ...rest }, (error, result) => {
      if (error) return reject(error);
      if (result.non2xx > 0 || result.errors > 0) return reject(new Error(`${title}: ${result.non2xx} non-2xx, ${result.errors} errors`));
      resolve({ title, connections, rps: result.requests.average, p50: result.latency.p50, p95: result.latency.p97_5 ?? result.latency.p95, p99: result.latency.p99 });
    });
  });
}

const build = await ensureBuilt();
if (build.code !== 0) throw new Error('build failed');
const url = await freshDatabase(DB);
const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'error', NODE_ENV: 'production', REDIS_PREFIX: `dm-bench-${process.pid}`, LOAD_SHIPPED_REFERENCE_DATA: 'false', BENCH_FLOOR_ROUTE: 'true', PORT: String(PORT), WEB_DIST_DIR: '' };
const api = spawn(process.execPath, ['dist/apps/api/main.js'], { env, stdio: 'inherit' });
try {
  const imported = await timed(process.execPath, ['dist/apps/worker/main.js', 'import'], { env });
  if (imported.code !== 0) throw new Error('import failed');
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${base}/health/ready`).then((r) => r.ok).catch(() => false)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const post = { method: 'POST', headers: { 'content-type': 'application/json' }, body: CODE_QUERY };
  const sample = await fetch(`${base}/graphql`, post).then((r) => r.text());
  if (!sample.includes('"109.65"')) throw new Error(`unexpected answer: ${sample.slice(0, 300)}`);
  const bytes = Buffer.byteLength(sample);
  const floorRequest = { path: `/bench/floor?bytes=${bytes}` };
  const codeRequest = { path: '/graphql', ...post };
  const trivialRequest = { path: '/graphql', ...post, body: JSON.stringify({ query: '{ __typename }' }) };
  const searchRequest = {
    path: '/graphql',
    ...post,
    body: JSON.stringify({ query: '{ searchCodes(query: "x-ray salivary", first: 10) { totalCount edges { node { code shortDescriptor level statusCode } } } }' }),
  };

  await load('warm-up', codeRequest, 8);
  const results = [];
  for (const connections of [32, 8]) {
    results.push(await load('floor (constant body)', floorRequest, connections));
    results.push(await load('GraphQL { __typename }', trivialRequest, connections));
    results.push(await load('code(70390) + NCCI', codeRequest, connections));
    results.push(await load('searchCodes(x-ray salivary)', searchRequest, connections));
  }
  console.log(`\nresponse size ${fmt(bytes)} bytes; ${DURATION} s per run; load generator on the same 2 cores`);
  console.log('query                          conns     req/s    p50 ms   p97.5 ms   p99 ms   vs floor   vs GraphQL floor');
  for (const r of results) {
    const floor = results.find((f) => f.connections === r.connections && f.title.startsWith('floor'));
    const gql = results.find((f) => f.connections === r.connections && f.title.startsWith('GraphQL'));
    console.log(
      `${r.title.padEnd(31)}${String(r.connections).padStart(5)}${fmt(r.rps).padStart(10)}${fmt(r.p50).padStart(10)}${fmt(r.p95).padStart(11)}${fmt(r.p99).padStart(9)}${`${fmt((100 * r.rps) / floor.rps)}%`.padStart(11)}${`${fmt((100 * r.rps) / gql.rps)}%`.padStart(19)}`,
    );
  }
} finally {
  api.kill('SIGTERM');
  await new Promise((r) => api.on('exit', r));
  await dropDatabase(DB);
}
