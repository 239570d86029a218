import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { buildSchema, type GraphQLSchema } from 'graphql';
import 'graphiql/style.css';
import { useEffect, useState } from 'react';
import { loadSchemaSdl } from '@denialmap/web/data-access';
import { ErrorPanel, LoadingPanel } from '@denialmap/web/ui';

const fetcher = createGraphiQLFetcher({ url: '/graphql' });

const DEFAULT_QUERY = `# DenialMap GraphQL API. Press the play button (or Ctrl-Enter) to run.
query CodeOnDate {
  code(code: "70390", dateOfService: "2025-06-01") {
    code
    shortDescriptor
    release { label conversionFactor }
    rvus { workRvu nationalNonFacility { amount } }
  }
}
`;

/** The API explorer, bundled from npm (no CDN): documentation and a query editor in one. */
export function ExplorerPage() {
  // The committed schema, not introspection (which is off in production).
  const [schema, setSchema] = useState<GraphQLSchema | Error | null>(null);
  useEffect(() => {
    let live = true;
    loadSchemaSdl()
      .then((sdl) => live && setSchema(buildSchema(sdl)))
      .catch((error: unknown) => live && setSchema(error instanceof Error ? error : new Error(String(error))));
    return () => {
      live = false;
    };
  }, []);
  if (schema === null) return <LoadingPanel label="Loading the API explorer" />;
  if (schema instanceof Error) return <ErrorPanel title="The API explorer could not load">{schema.message}</ErrorPanel>;
  return (
    <div className="explorer">
      <GraphiQL fetcher={fetcher} schema={schema} defaultQuery={DEFAULT_QUERY} />
    </div>
  );
}
