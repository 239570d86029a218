import { Redis } from 'ioredis';
import { AppConfig, loadConfig } from '../config/app-config';
import { RedisConnection } from '../redis/redis.module';
import { RateLimiter, RateRule } from './rate-limiter';

describe('RateLimiter on a real Redis', () => {
  const config = (over: Record<string, string> = {}): AppConfig => loadConfig({ ...process.env, ...over });
  let connection: RedisConnection;
  let limiter: RateLimiter;
  const rule = (name: string, limit: number, subject = 'hash-a'): RateRule => ({ name: `${name}-${Date.now()}`, subject, limit, windowSeconds: 60 });

  beforeAll(() => {
    connection = new RedisConnection(config());
    limiter = new RateLimiter(connection);
  });
  afterAll(() => connection.onApplicationShutdown());

  it('allows up to the limit, then refuses with the time left in the window', async () => {
    const hour = rule('hour', 2);
    expect(await limiter.consume([hour])).toEqual({ allowed: true });
    expect(await limiter.consume([hour])).toEqual({ allowed: true });
    const refused = await limiter.consume([hour]);
    expect(refused).toMatchObject({ allowed: false, rule: hour });
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(55);
  });

  it('counts nothing when any rule refuses', async () => {
    const wide = rule('wide', 10);
    const narrow = rule('narrow', 1);
    expect(await limiter.consume([wide, narrow])).toEqual({ allowed: true });
    expect(await limiter.consume([wide, narrow])).toMatchObject({ allowed: false, rule: narrow });
    const raw = new Redis(config().REDIS_URL);
    expect(await raw.get(`${config().REDIS_PREFIX}:rate:${wide.name}:${wide.subject}`)).toBe('1');
    await raw.quit();
  });

  it('keeps subjects apart', async () => {
    const name = `apart-${Date.now()}`;
    expect(await limiter.consume([{ name, subject: 'a', limit: 1, windowSeconds: 60 }])).toEqual({ allowed: true });
    expect(await limiter.consume([{ name, subject: 'b', limit: 1, windowSeconds: 60 }])).toEqual({ allowed: true });
  });

  it('keeps limiting in the process while Redis is unreachable', async () => {
    const down = new RedisConnection(config({ REDIS_URL: 'redis://127.0.0.1:1' }));
    const local = new RateLimiter(down);
    const only = rule('offline', 1);
    expect(await local.consume([only])).toEqual({ allowed: true });
    expect(await local.consume([only])).toMatchObject({ allowed: false, rule: only });
    down.client?.disconnect();
  });
});
