#!/usr/bin/env node
/**
 * `npm test`: everything CI checks, in the order that fails fastest, against real PostgreSQL and
 * Redis (TEST_DATABASE_ADMIN_URL / TEST_REDIS_URL; defaults are 127.0.0.1 with trust auth).
 * Every step runs even after a failure, so one run shows all problems; the exit code is non-zero
 * if any step failed. Ends with one line: "Total: N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const RESULTS = 'tmp/test-results';
const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  TZ: 'UTC',
  // The migration check replays migrations into a throwaway shadow database on this server.
  DATABASE_URL: process.env.TEST_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
};
const nx = [process.execPath, 'node_modules/nx/dist/bin/nx.js'];
const steps = [
  ['generate Prisma client and GraphQL types', ['npx', 'prisma', 'generate'], ['npx', 'graphql-codegen', '--config', 'libs/web/data-access/codegen.ts']],
  ['GraphQL schema file matches the resolvers', [process.execPath, 'tools/scripts/run-ts.mjs', 'apps/api/src/emit-schema.ts', '--check']],
  ['migrations match schema.prisma', ['npx', 'prisma', 'migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema-datamodel', 'prisma/schema.prisma', '--exit-code']],
  ['module boundaries are enforced', [process.execPath, 'tools/scripts/check-boundaries.mjs']],
  ['lint and typecheck', [...nx, 'run-many', '-t', 'lint', 'typecheck', '--skip-nx-cache', '--output-style=static'], ['npx', 'eslint', 'tools', 'prisma', 'bench', 'eslint.config.mjs', 'prisma.config.ts', 'jest.preset.js', '--max-warnings', '0']],
  ['unit tests', [...nx, 'run-many', '-t', 'test', '--skip-nx-cache', '--output-style=static']],
  ['integration tests (PostgreSQL, Redis, BullMQ)', [...nx, 'run-many', '-t', 'integration', '--skip-nx-cache', '--output-style=static']],
  ['build api, worker, web', [...nx, 'run-many', '-t', 'build', '-p', 'api', 'worker', 'web', '--output-style=static']],
  ['initial JavaScript within 170 KiB gzipped', [process.execPath, 'tools/scripts/check-bundle-size.mjs']],
  ['end-to-end: API over HTTP and the web app in Chromium', [...nx, 'run', 'e2e:e2e', '--skip-nx-cache', '--output-style=static', '--exclude-task-dependencies']],
  ['faults: 2,000 reports while the worker and Redis are killed (npm run test:faults)', [...nx, 'run', 'faults:faults', '--skip-nx-cache', '--output-style=static', '--exclude-task-dependencies']],
];

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });
const started = Date.now();
const failedSteps = [];
let checksPassed = 0;
for (const [name, ...commands] of steps) {
  const stepStart = Date.now();
  console.log(`\n=== ${name}`);
  const ok = commands.every(([command, ...args]) => spawnSync(command, args, { stdio: 'inherit', env }).status === 0);
  console.log(`=== ${ok ? 'ok' : 'FAILED'}: ${name} (${((Date.now() - stepStart) / 1000).toFixed(1)} s)`);
  if (ok) checksPassed++;
  else failedSteps.push(name);
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of existsSync(RESULTS) ? readdirSync(RESULTS) : []) {
  const result = JSON.parse(readFileSync(join(RESULTS, file), 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests + (result.numRuntimeErrorTestSuites ?? 0);
  skipped += result.numPendingTests;
}
console.log(`\n${steps.length} steps, ${checksPassed} ok${failedSteps.length ? `; failed: ${failedSteps.join('; ')}` : ''}. ${((Date.now() - started) / 1000).toFixed(0)} s.`);
// A failed step with no failing test (lint, a check, a build) still counts as a failure.
const failures = Math.max(failed, failedSteps.length > 0 ? failedSteps.length : 0);
console.log(`Total: ${passed} passed, ${failures} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length === 0 && failed === 0 ? 0 : 1);
