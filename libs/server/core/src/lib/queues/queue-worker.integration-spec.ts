import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { loadConfig } from '../config/app-config';
import { redisOptionsFromUrl } from '../redis/redis-options';
import { QueueWorker } from './queue-worker';
import { JobHandler, QUEUES } from './queue-contracts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A Redis of this test's own, so it can be killed. */
async function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', mkdtempSync(join(tmpdir(), 'dm-redis-'))], { stdio: 'ignore' });
  await wait(300);
  return redis;
}

describe('QueueWorker through a Redis outage', () => {
  it('keeps taking jobs after Redis is killed and restarted, and closes within its grace period', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    const config = loadConfig({ ...process.env, REDIS_URL: `redis://127.0.0.1:${port}` });
    const handled: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const handler: JobHandler<typeof QUEUES.denialStats> = {
      queue: QUEUES.denialStats,
      handle: async (job) => {
        if (job.data.code === 'first') await held;
        handled.push(job.data.code);
      },
    };
    const worker = new QueueWorker(handler, config, { concurrency: 2, lockDuration: 5_000, stalledInterval: 2_000, graceMs: 3_000 });
    worker.start();
    const queue = () => new Queue(QUEUES.denialStats, { connection: redisOptionsFromUrl(config.REDIS_URL), prefix: config.REDIS_PREFIX });
    let producer = queue();
    producer.on('error', () => undefined);
    try {
      await producer.add('recompute-code-stats', { code: 'first' });
      await wait(300);

      // The job in hand finishes while Redis is down: BullMQ cannot record it.
      redis.kill('SIGKILL');
      await wait(300);
      release();
      await wait(1_000);
      redis = await startRedis(port);
      await producer.close().catch(() => undefined);
      producer = queue();
      await producer.add('recompute-code-stats', { code: 'after-outage' });
      for (let i = 0; i < 100 && !handled.includes('after-outage'); i++) await wait(100);
      expect(handled).toEqual(['first', 'after-outage']);

      const started = Date.now();
      await worker.close();
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      release();
      await worker.close();
      await producer.close().catch(() => undefined);
      redis.kill('SIGKILL');
    }
  }, 30_000);
});
