import { Test } from '@nestjs/testing';
import { ConfigModule, DatabaseModule, PrismaService } from '@denialmap/server/core';
import { DenialsDataAccessModule } from './denials-data-access.module';
import { OutboxRepository } from './outbox.repository';

describe('OutboxRepository on a real PostgreSQL', () => {
  let prisma: PrismaService;
  let outbox: OutboxRepository;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const app = await Test.createTestingModule({ imports: [ConfigModule, DatabaseModule, DenialsDataAccessModule] }).compile();
    await app.init();
    prisma = app.get(PrismaService);
    outbox = app.get(OutboxRepository);
    close = () => app.close();
  });
  afterAll(() => close?.());
  beforeEach(() => prisma.$executeRawUnsafe('TRUNCATE outbox_event'));

  const addEvents = (codes: string[]) => prisma.$executeRawUnsafe(`INSERT INTO outbox_event (kind, code) SELECT 'report-submitted', unnest($1::text[])`, codes);
  const relayed = async () => Number((await prisma.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) AS n FROM outbox_event WHERE relayed_at IS NOT NULL'))[0].n);

  it('hands each code once per batch and marks the events relayed', async () => {
    await addEvents(['70390', '70390', '99213']);
    const seen: string[][] = [];
    expect(await outbox.relayBatch(100, async (codes) => void seen.push(codes.sort()))).toBe(3);
    expect(seen).toEqual([['70390', '99213']]);
    expect(await relayed()).toBe(3);
    expect(await outbox.relayBatch(100, async () => undefined)).toBe(0);
  });

  it('marks nothing when enqueueing fails, so the events are tried again', async () => {
    await addEvents(['70390']);
    await expect(outbox.relayBatch(100, async () => Promise.reject(new Error('Redis is down')))).rejects.toThrow('Redis is down');
    expect(await relayed()).toBe(0);
    expect(await outbox.relayBatch(100, async () => undefined)).toBe(1);
  });

  it('two relays at once never take the same events (SKIP LOCKED)', async () => {
    await addEvents(Array.from({ length: 40 }, (_, i) => `7${String(i).padStart(4, '0')}`));
    const taken: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const first = outbox.relayBatch(25, async (codes) => {
      taken.push(...codes);
      await held;
    });
    await new Promise((r) => setTimeout(r, 200));
    const second = await outbox.relayBatch(25, async (codes) => void taken.push(...codes));
    release();
    expect(await first).toBe(25);
    expect(second).toBe(15);
    expect(new Set(taken).size).toBe(40);
  });

  it('re-sends events relayed long ago and never aggregated, and reports the backlog', async () => {
    await prisma.$executeRawUnsafe(`INSERT INTO outbox_event (kind, code, created_at, relayed_at) VALUES
      ('report-submitted', '70390', now() - interval '2 minutes', now() - interval '2 minutes'),
      ('report-submitted', '70390', now(), now())`);
    expect(await outbox.backlog()).toMatchObject({ events: 2 });
    expect(await outbox.resendStuck(30)).toBe(1);
    expect(await relayed()).toBe(1);
  });
});
