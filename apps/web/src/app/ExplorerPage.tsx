import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { buildSchema } from 'graphql';
import 'graphiql/style.css';
// The committed schema, bundled into this lazy chunk: the explorer needs no introspection, which
// stays off in production.
import schemaSdl from '../../../api/schema.graphql?raw';

const fetcher = createGraphiQLFetcher({ url: '/graphql' });
const schema = buildSchema(schemaSdl);

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
  return (
    <div className="explorer">
      <GraphiQL fetcher={fetcher} schema={schema} defaultQuery={DEFAULT_QUERY} />
    </div>
  );
}
