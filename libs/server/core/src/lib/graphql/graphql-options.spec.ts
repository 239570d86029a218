import { loadConfig } from '../config/app-config';
import { graphqlOptions } from './graphql-options';

const config = (env: Record<string, string>) => loadConfig({ DATABASE_URL: 'postgresql://x@127.0.0.1/x', ...env });

describe('graphqlOptions', () => {
  it('turns introspection and stack traces off in production', () => {
    const options = graphqlOptions(config({ NODE_ENV: 'production' }));
    expect(options.introspection).toBe(false);
    expect(options.includeStacktraceInErrorResponses).toBe(false);
    expect(options.csrfPrevention).toBe(true);
  });

  it('allows introspection in production only when configured, and always in development', () => {
    expect(graphqlOptions(config({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' })).introspection).toBe(true);
    expect(graphqlOptions(config({ NODE_ENV: 'development' })).introspection).toBe(true);
  });

  it('limits tokens in the parser itself, so a broken query stays a parse error', () => {
    expect(graphqlOptions(config({})).parseOptions).toEqual({ maxTokens: 5000 });
  });

  it('adds the depth, alias and cost limits as validation rules', () => {
    const rules = graphqlOptions(config({})).validationRules as unknown[];
    expect(rules.length).toBeGreaterThanOrEqual(4);
  });
});
