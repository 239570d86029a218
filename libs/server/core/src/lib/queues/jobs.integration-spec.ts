import { Test } from '@nestjs/testing';
import { Job, Queue, Worker } from 'bullmq';
import { APP_CONFIG, AppConfig, loadConfig } from '../config/app-config';
import { ConfigModule } from '../config/config.module';
import { RedisConnection, RedisModule } from '../redis/redis.module';
import { redisOptionsFromUrl } from '../redis/redis-options';
import { BullmqJobProducer } from './bullmq-job-producer';
import { InlineJobProducer } from './inline-job-producer';
import { JobHandlerRegistry } from './job-handler.registry';
import { JobProducer } from './job-producer';
import { JobsModule } from './jobs.module';
import { JobOf, QUEUES } from './queue-contracts';

describe('jobs against a real Redis and BullMQ', () => {
  const config = (): AppConfig => loadConfig(process.env);

  it('BullMQ mode: a job reaches a worker once, even when enqueued twice with one jobId', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ConfigModule, RedisModule, JobsModule] }).compile();
    const app = await moduleRef.init();
    const producer = app.get(JobProducer);
    expect(producer).toBeInstanceOf(BullmqJobProducer);

    const seen: Job[] = [];
    const worker = new Worker(QUEUES.referenceData, async (job) => void seen.push(job), {
      connection: redisOptionsFromUrl(config().REDIS_URL),
      prefix: config().REDIS_PREFIX,
      autorun: false,
    });
    await producer.enqueue(QUEUES.referenceData, 'load-shipped-reference-data', { reason: 'operator' }, { jobId: 'dedupe-probe' });
    await producer.enqueue(QUEUES.referenceData, 'load-shipped-reference-data', { reason: 'operator' }, { jobId: 'dedupe-probe' });
    const queue = new Queue(QUEUES.referenceData, { connection: redisOptionsFromUrl(config().REDIS_URL), prefix: config().REDIS_PREFIX });
    expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 1 });

    const drained = new Promise<void>((resolve) => worker.on('drained', resolve));
    void worker.run();
    await drained;
    expect(seen.map((j) => [j.id, j.name, j.data])).toEqual([['dedupe-probe', 'load-shipped-reference-data', { reason: 'operator' }]]);
    expect(seen[0].opts.attempts).toBe(5);

    await worker.close();
    await queue.close();
    await app.close();
  });

  it('freshRun: a job already running gets a follow-up; one still waiting absorbs the new call', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ConfigModule, RedisModule, JobsModule] }).compile();
    const app = await moduleRef.init();
    const producer = app.get(JobProducer);
    const connection = { connection: redisOptionsFromUrl(config().REDIS_URL), prefix: config().REDIS_PREFIX };
    const queue = new Queue(QUEUES.denialStats, connection);
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((r) => (release = r));
    const runs: string[] = [];
    const worker = new Worker(
      QUEUES.denialStats,
      async (job) => {
        runs.push(String(job.id));
        if (runs.length === 1) await blocked;
      },
      connection,
    );
    try {
      const enqueue = () => producer.enqueue(QUEUES.denialStats, 'recompute-code-stats', { code: '70390' }, { jobId: 'stats-70390', forgetWhenDone: true, freshRun: true });
      await enqueue();
      for (let i = 0; i < 100 && runs.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(runs).toEqual(['stats-70390']);
      // A worker that takes a job at once can make the first call queue a harmless follow-up too.
      const early = (await queue.getWaiting()).filter((j) => String(j.id).startsWith('stats-70390-again-')).length;
      // Running (held on purpose): the next call must not be swallowed by the running job's id.
      await enqueue();
      release();
      for (let i = 0; i < 100 && runs.length < 2 + early; i++) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 100));
      expect(runs.slice(1)).toHaveLength(early + 1);
      expect(runs.slice(1).every((id) => id.startsWith('stats-70390-again-'))).toBe(true);
      await worker.close();
      // Waiting: two calls collapse into one job.
      await enqueue();
      await enqueue();
      expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 1 });
    } finally {
      release();
      await worker.close(true);
      await queue.obliterate({ force: true });
      await queue.close();
      await app.close();
    }
  });

  it('refuses job ids BullMQ would misread', async () => {
    const producer = new BullmqJobProducer(config());
    await expect(producer.enqueue(QUEUES.referenceData, 'load-shipped-reference-data', { reason: 'operator' }, { jobId: 'a:b' })).rejects.toThrow(
      /Invalid job id/,
    );
    await producer.onApplicationShutdown();
  });

  it('keeps every key under the configured prefix', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ConfigModule, RedisModule] }).compile();
    const app = await moduleRef.init();
    const redis = app.get(RedisConnection);
    expect(await redis.ping()).toBe('PONG');
    await redis.client?.set('probe', '1');
    const raw = new (await import('ioredis')).Redis(config().REDIS_URL);
    expect(await raw.get(`${app.get<AppConfig>(APP_CONFIG).REDIS_PREFIX}:probe`)).toBe('1');
    await raw.quit();
    await app.close();
  });

  it('inline mode: the registered handler runs in-process, once per pending jobId', async () => {
    const registry = new JobHandlerRegistry();
    const handled: JobOf<'reference-data'>[] = [];
    registry.register({ queue: QUEUES.referenceData, handle: async (job) => void handled.push(job) });
    const producer = new InlineJobProducer(registry);
    await producer.enqueue(QUEUES.referenceData, 'load-shipped-reference-data', { reason: 'first-run' }, { jobId: 'inline-probe' });
    await producer.enqueue(QUEUES.referenceData, 'load-shipped-reference-data', { reason: 'first-run' }, { jobId: 'inline-probe' });
    await producer.drain();
    expect(handled).toEqual([{ name: 'load-shipped-reference-data', data: { reason: 'first-run' } }]);
    expect(() => registry.register({ queue: QUEUES.referenceData, handle: async () => undefined })).toThrow(/one handler per queue/);
  });

  it('inline mode with freshRun: a call during a run queues exactly one more run', async () => {
    const registry = new JobHandlerRegistry();
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((r) => (release = r));
    let runs = 0;
    registry.register({ queue: QUEUES.denialStats, handle: async () => void (++runs === 1 && (await blocked)) });
    const producer = new InlineJobProducer(registry);
    const enqueue = () => producer.enqueue(QUEUES.denialStats, 'recompute-code-stats', { code: '70390' }, { jobId: 'stats-70390', freshRun: true });
    await enqueue();
    await new Promise((r) => setTimeout(r, 20));
    expect(runs).toBe(1);
    await enqueue();
    await enqueue();
    release();
    await producer.drain();
    await producer.drain();
    expect(runs).toBe(2);
  });
});
