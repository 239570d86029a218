import { OperationDefinitionNode, parse } from 'graphql';
import { ReferenceAnswerCache } from './answer-cache';

const op = (query: string) => parse(query).definitions[0] as OperationDefinitionNode;
const DAY = new Date('2026-11-27T10:00:00Z');

describe('ReferenceAnswerCache', () => {
  let cache: ReferenceAnswerCache;
  let version: string;

  beforeEach(() => {
    cache = new ReferenceAnswerCache();
    version = 'RVU25D@1';
    cache.register(['code', 'price'], async () => version);
  });

  it('keys a query of registered root fields by day, versions, text and variables', async () => {
    const query = '{ code(code: "70390") { code } }';
    const key = await cache.keyFor(op(query), query, { a: 1 }, DAY);
    expect(key).toBe(`2026-11-27|RVU25D@1|${query}|{"a":1}`);
    version = 'RVU25D@2';
    expect(await cache.keyFor(op(query), query, { a: 1 }, DAY)).not.toBe(key);
    expect(await cache.keyFor(op(query), query, { a: 1 }, new Date('2026-11-28T00:00:01Z'))).not.toBe(key);
  });

  it.each([
    ['mutation { code }', 'a mutation'],
    ['{ moderationQueue { id } }', 'an unregistered root field'],
    ['{ code(code: "1") { code } moderationQueue { id } }', 'a mix of registered and unregistered fields'],
    ['{ ...F } fragment F on Query { code }', 'a root fragment'],
  ])('refuses %s (%s)', async (query) => {
    expect(await cache.keyFor(op(query), query, {}, DAY)).toBeNull();
  });

  it('does not cache (and does not fail) when a version cannot be read', async () => {
    cache.register(['code'], async () => {
      throw new Error('no release loaded');
    });
    expect(await cache.keyFor(op('{ code { code } }'), '{ code { code } }', {}, DAY)).toBeNull();
  });

  it('keeps answers without errors, least recently used out first', () => {
    cache.capacity = 2;
    cache.set('a', { data: { code: 1 } });
    cache.set('err', { data: null, errors: [{ message: 'x' }] });
    cache.set('b', { data: { code: 2 } });
    expect(cache.get('err')).toBeUndefined();
    expect(cache.get('a')).toEqual({ data: { code: 1 } });
    cache.set('c', { data: { code: 3 } });
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.size).toBe(2);
  });
});
