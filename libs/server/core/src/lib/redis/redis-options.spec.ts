import { redisOptionsFromUrl } from './redis-options';

describe('redisOptionsFromUrl', () => {
  it.each([
    ['redis://127.0.0.1:6379', { host: '127.0.0.1', port: 6379, db: 0, tls: undefined, password: undefined }],
    ['redis://:s%40cret@cache.internal:6380/2', { host: 'cache.internal', port: 6380, db: 2, password: 's@cret' }],
    ['rediss://user:pw@redis.example', { host: 'redis.example', port: 6379, username: 'user', password: 'pw', tls: {} }],
  ])('%s', (url, expected) => {
    expect(redisOptionsFromUrl(url)).toMatchObject({ ...expected, maxRetriesPerRequest: null });
  });
});
