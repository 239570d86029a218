import { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { AppConfig } from '../config/app-config';
import { formatGraphqlError } from './format-error';

/**
 * Apollo settings shared by the api and the schema emitter. The schema is built in memory
 * (sorted); `npm run graphql:schema` writes the committed copy that web codegen reads.
 */
export function graphqlOptions(config: AppConfig, plugins: ApolloServerPlugin<BaseContext>[] = []): ApolloDriverConfig {
  const production = config.NODE_ENV === 'production';
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    // The offline explorer lives in the web app at /explorer; Apollo's landing pages load from a CDN.
    playground: false,
    introspection: !production || config.GRAPHQL_EXPLORER,
    csrfPrevention: true,
    // Live updates (denialStatsUpdated) over graphql-ws on the same path.
    subscriptions: { 'graphql-ws': { path: '/graphql' } },
    includeStacktraceInErrorResponses: !production,
    formatError: (formatted, error) => formatGraphqlError(formatted, error, production),
    // No HTTP cache hints are used; Apollo's default cache-control plugin would otherwise wrap every
    // field resolver (willResolveField), which costs more than the resolvers on field-heavy answers.
    plugins: [ApolloServerPluginCacheControlDisabled(), ...plugins],
  };
}
