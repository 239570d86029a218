import { AppConfig, loadConfig } from '../config/app-config';
import { RedisConnection } from '../redis/redis.module';
import { LiveEvents } from './live-events';

describe('LiveEvents across two processes sharing one Redis', () => {
  const config: AppConfig = loadConfig(process.env);
  const connections: RedisConnection[] = [];
  const instance = () => {
    const connection = new RedisConnection(config);
    connections.push(connection);
    return new LiveEvents(connection, config);
  };
  afterAll(() => Promise.all(connections.map((c) => c.onApplicationShutdown())));

  it('delivers what one publishes to the other subscribers that asked for it, and stops on return', async () => {
    const api = instance();
    const worker = instance();
    const forCode = api.subscribe('denial-stats', (e) => e.code === '70390');
    expect(api.subscriptions).toBe(1);
    const next = forCode.next();
    // Pub/sub is best effort: until the subscriber connection has subscribed, events go nowhere,
    // so publish until one arrives (the other code's events must never come through).
    let received = false;
    void next.then(() => (received = true));
    for (let i = 0; i < 50 && !received; i++) {
      await worker.publish('denial-stats', { code: '99213', computedAt: 'x', reports: 1 });
      await worker.publish('denial-stats', { code: '70390', computedAt: '2026-12-02T00:00:00.000Z', reports: 5 });
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await next).toEqual({ value: { code: '70390', computedAt: '2026-12-02T00:00:00.000Z', reports: 5 }, done: false });
    await forCode.return?.();
    expect(api.subscriptions).toBe(0);
    await api.onApplicationShutdown();
    await worker.onApplicationShutdown();
  });

  it('inline mode (no Redis): events stay in the process', async () => {
    const inline = loadConfig({ ...process.env, JOBS_MODE: 'inline' });
    const events = new LiveEvents(new RedisConnection(inline), inline);
    const stream = events.subscribe('denial-stats');
    const next = stream.next();
    await events.publish('denial-stats', { code: 'G0121', computedAt: 'now', reports: 0 });
    expect((await next).value).toMatchObject({ code: 'G0121' });
    await stream.return?.();
  });
});
