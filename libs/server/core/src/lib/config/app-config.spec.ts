import { ConfigError, loadConfig } from './app-config';

const minimal = { DATABASE_URL: 'postgresql://root@127.0.0.1:5432/denialmap' };

describe('loadConfig', () => {
  it('fills defaults around the one required key', () => {
    expect(loadConfig(minimal)).toMatchObject({
      PORT: 3000,
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_PREFIX: 'denialmap',
      JOBS_MODE: 'bullmq',
      GRAPHQL_INTROSPECTION: false,
      NODE_ENV: 'development',
    });
  });

  it('coerces and validates typed values', () => {
    expect(loadConfig({ ...minimal, PORT: '8080', GRAPHQL_INTROSPECTION: 'true' })).toMatchObject({ PORT: 8080, GRAPHQL_INTROSPECTION: true });
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ ...minimal, PORT: '' }).PORT).toBe(3000);
  });

  it('lists every bad key at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '99999', REDIS_URL: 'http://x', JOBS_MODE: 'sometimes', REDIS_PREFIX: 'a:b' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const keys = (error as ConfigError).problems.map((p) => p.split(':')[0]);
    expect(keys.sort()).toEqual(['DATABASE_URL', 'JOBS_MODE', 'PORT', 'REDIS_PREFIX', 'REDIS_URL']);
    expect((error as ConfigError).message).toContain('5 problems');
  });
});
