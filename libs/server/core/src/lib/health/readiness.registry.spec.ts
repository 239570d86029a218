import { ReadinessRegistry } from './readiness.registry';

describe('ReadinessRegistry', () => {
  it('is ready when every check passes, degraded ones included', async () => {
    const registry = new ReadinessRegistry();
    registry.add({ name: 'a', check: async () => ({ ok: true, detail: 'fine' }) });
    registry.add({ name: 'b', check: async () => ({ ok: true, detail: 'inline', degraded: true }) });
    await expect(registry.run()).resolves.toEqual({
      ready: true,
      checks: { a: { ok: true, detail: 'fine' }, b: { ok: true, detail: 'inline', degraded: true } },
    });
  });

  it('passes a check\'s info through to the answer without failing readiness', async () => {
    const registry = new ReadinessRegistry();
    const info = { stale: [{ dataset: 'RVU', expected: 'RVU26D, effective 2026-10-01' }] };
    registry.add({ name: 'freshness', check: async () => ({ ok: true, degraded: true, detail: 'RVU behind', info }) });
    await expect(registry.run()).resolves.toEqual({ ready: true, checks: { freshness: { ok: true, degraded: true, detail: 'RVU behind', info } } });
  });

  it('turns a throwing or hanging check into a failed one with the reason', async () => {
    const registry = new ReadinessRegistry();
    registry.add({ name: 'throws', check: async () => Promise.reject(new Error('ECONNREFUSED')) });
    registry.add({ name: 'hangs', check: () => new Promise(() => undefined) });
    const result = await registry.run(50);
    expect(result.ready).toBe(false);
    expect(result.checks['throws']).toEqual({ ok: false, detail: 'ECONNREFUSED' });
    expect(result.checks['hangs']).toEqual({ ok: false, detail: 'no answer within 50 ms' });
  });
});
