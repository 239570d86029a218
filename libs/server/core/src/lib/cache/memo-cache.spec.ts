import { MemoCache } from './memo-cache';

describe('MemoCache', () => {
  it('loads once per key', async () => {
    const cache = new MemoCache<number>(10);
    const load = jest.fn(async () => 42);
    expect(await cache.get('a', load)).toBe(42);
    expect(await cache.get('a', load)).toBe(42);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('evicts the least recently used entry past capacity', async () => {
    const cache = new MemoCache<string>(2);
    await cache.get('a', async () => 'a');
    await cache.get('b', async () => 'b');
    await cache.get('a', async () => 'a2'); // touch a
    await cache.get('c', async () => 'c'); // evicts b
    expect(cache.size).toBe(2);
    expect(await cache.get('b', async () => 'b2')).toBe('b2');
    expect(await cache.get('c', async () => 'c2')).toBe('c');
  });

  it('does not keep failures', async () => {
    const cache = new MemoCache<string>(2);
    await expect(cache.get('x', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await new Promise((r) => setImmediate(r));
    expect(await cache.get('x', async () => 'up')).toBe('up');
  });
});
