import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { ARTIFACTS_DIR, E2eStack } from './stack';

const ADMIN_URL = process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts the product the way a user does (tools/scripts/start.mjs on the built dist/), on a
 * fresh database, so the first-run path (migrations, shipped data through BullMQ) is tested too.
 */
export default async function setup(): Promise<void> {
  for (const entry of ['dist/apps/api/main.js', 'dist/apps/worker/main.js', 'dist/apps/web/index.html']) {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: build first (npm test and nx e2e e2e do).`);
  }
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const database = `denialmap_e2e_${process.pid}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const databaseUrl = new URL(ADMIN_URL);
  databaseUrl.pathname = `/${database}`;

  const port = await freePort();
  const redisPrefix = `dm-e2e-${process.pid}`;
  const log = createWriteStream(join(ARTIFACTS_DIR, 'stack.log'));
  const launcher = spawn(process.execPath, ['tools/scripts/start.mjs', '--no-build'], {
    env: { ...process.env, DATABASE_URL: databaseUrl.toString(), REDIS_URL, REDIS_PREFIX: redisPrefix, PORT: String(port), NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  launcher.stdout?.pipe(log);
  launcher.stderr?.pipe(log);

  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the stack was not ready within 180 s:\n${output}`)), 180_000);
    launcher.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('DenialMap is ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    launcher.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the launcher exited (${code}) before the stack was ready:\n${output}`));
    });
  });

  const stack: E2eStack = { launcher, database, redisPrefix };
  (globalThis as { __E2E_STACK__?: E2eStack }).__E2E_STACK__ = stack;
  process.env['E2E_BASE_URL'] = `http://127.0.0.1:${port}`;
  process.env['E2E_REDIS_PREFIX'] = redisPrefix;
  process.env['E2E_DATABASE_URL'] = databaseUrl.toString();
}
