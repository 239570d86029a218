import { spawn } from 'node:child_process';

/** `node dist/apps/worker/main.js admin:create ...` with the password on stdin, as an operator's script runs it. */
export function createAdmin(admin: { email: string; name: string; password: string }): Promise<{ code: number | null; output: string }> {
  const databaseUrl = process.env['E2E_DATABASE_URL'];
  if (!databaseUrl) throw new Error('E2E_DATABASE_URL is not set: run through tests/e2e/jest.config.ts (its globalSetup creates the database).');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/apps/worker/main.js', 'admin:create', '--email', admin.email, '--name', admin.name], {
      env: { ...process.env, DATABASE_URL: databaseUrl, REDIS_PREFIX: process.env['E2E_REDIS_PREFIX'], NODE_ENV: 'production', LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill(), 60_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
    child.stdin.end(`${admin.password}\n`);
  });
}
