import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

/** One client for the whole app; the api serves /graphql on the same origin as the page. */
export function createApolloClient(uri = '/graphql'): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri }),
    cache: new InMemoryCache({
      typePolicies: {
        // A code's facts depend on the date of service: never merge two dates into one entity.
        CodeDetail: { keyFields: false, fields: { ncciEdits: relayStylePagination(['role', 'inForceOnly', 'modifierAllowed']) } },
        FeeScheduleRelease: { keyFields: ['id'] },
      },
    }),
  });
}
