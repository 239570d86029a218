import { RefreshingValue } from './refreshing-value';

describe('RefreshingValue', () => {
  it('reads once within the time to live, again after it', async () => {
    let clock = 0;
    let reads = 0;
    const value = new RefreshingValue(async () => ++reads, 10_000, () => clock);
    expect(await value.get()).toBe(1);
    clock = 10_000;
    expect(await value.get()).toBe(1);
    clock = 10_001;
    expect(await value.get()).toBe(2);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const value = new RefreshingValue(async () => (fail ? Promise.reject(new Error('down')) : 'up'), 10_000);
    await expect(value.get()).rejects.toThrow('down');
    await new Promise((r) => setImmediate(r));
    fail = false;
    expect(await value.get()).toBe('up');
  });

  it('reads again after reset()', async () => {
    let reads = 0;
    const value = new RefreshingValue(async () => ++reads, 10_000);
    await value.get();
    value.reset();
    expect(await value.get()).toBe(2);
  });
});
