import { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../config/app-config';
import { formatGraphqlError } from './format-error';

/**
 * Apollo settings shared by the api and the schema emitter. The schema is built in memory
 * (sorted); `npm run graphql:schema` writes the committed copy that web codegen reads.
 */
export function graphqlOptions(config: AppConfig, plugins: ApolloServerPlugin<BaseContext>[] = []): ApolloDriverConfig {
  const production = config.NODE_ENV === 'production';
  const armor = graphqlArmor(config);
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    // The offline explorer lives in the web app at /explorer with the committed schema bundled;
    // Apollo's landing pages load from a CDN.
    playground: false,
    introspection: !production || config.GRAPHQL_INTROSPECTION,
    csrfPrevention: true,
    // Each request's Fastify request and reply: the access guard reads credentials, sign-in sets cookies.
    context: (req: FastifyRequest, reply: FastifyReply): GraphqlContext => ({ req, reply }),
    // Live updates (denialStatsUpdated) over graphql-ws on the same path. Subscriptions are always
    // anonymous: cookies on a WebSocket upgrade are not trusted (cross-site WebSocket hijacking).
    subscriptions: { 'graphql-ws': ANONYMOUS_WS },
    includeStacktraceInErrorResponses: !production,
    formatError: (formatted, error) => formatGraphqlError(formatted, error, production),
    // No HTTP cache hints are used; Apollo's default cache-control plugin would otherwise wrap every
    // field resolver (willResolveField), which costs more than the resolvers on field-heavy answers.
    plugins: [ApolloServerPluginCacheControlDisabled(), ...armor.plugins, ...plugins],
    validationRules: armor.validationRules,
    // graphql-js's own token limit: the parser stops early and the answer is GRAPHQL_PARSE_FAILED.
    // (graphql-armor's max-tokens plugin parses in a hook of its own and reports every syntax
    // error, even a plain typo, as GRAPHQL_VALIDATION_FAILED.)
    parseOptions: { maxTokens: GRAPHQL_MAX_TOKENS },
  };
}

/** Far above any page's query (the code page's is about 600 tokens). */
export const GRAPHQL_MAX_TOKENS = 5000;

// Nest hands these options to graphql-ws's useServer after its own context, so this one wins.
const ANONYMOUS_WS = { path: '/graphql', context: (): GraphqlContext => ({}) };

export interface GraphqlContext {
  req?: FastifyRequest;
  reply?: FastifyReply;
}

/**
 * Limits that keep one request from costing the server more than a page ever needs: depth, aliases,
 * directives and an estimated cost (tokens: `parseOptions` above). Field suggestions ("did you mean") are off in production
 * so the schema cannot be guessed past a disabled introspection.
 */
export function graphqlArmor(config: AppConfig) {
  const production = config.NODE_ENV === 'production';
  return new ApolloArmor({
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES },
    maxDirectives: { n: 20 },
    maxTokens: { enabled: false },
    costLimit: { maxCost: config.GRAPHQL_MAX_COST, ignoreIntrospection: true },
    blockFieldSuggestion: { enabled: production },
  }).protect();
}
