import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';

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
  return (
    <div className="explorer">
      <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />
    </div>
  );
}
