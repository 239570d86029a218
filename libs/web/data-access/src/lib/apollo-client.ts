import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';
import { createSubscriptionLink } from './subscription-link';

/** One client for the whole app; the api serves /graphql (HTTP and graphql-ws) on the same origin as the page. */
export function createApolloClient(uri = '/graphql'): ApolloClient {
  // Stats recomputed while the socket was down sent their events to nobody: read them again.
  const catchUp = () => void client.refetchQueries({ include: ['DenialStats', 'DenialStories'] }).catch(() => undefined);
  const subscriptions = createSubscriptionLink(uri, catchUp);
  const client: ApolloClient = new ApolloClient({
    link: ApolloLink.split((operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION, subscriptions, new HttpLink({ uri })),
    cache: new InMemoryCache({
      typePolicies: {
        // A code's facts depend on the date of service: never merge two dates into one entity.
        CodeDetail: { keyFields: false, fields: { ncciEdits: relayStylePagination(['role', 'inForceOnly', 'modifierAllowed']) } },
        FeeScheduleRelease: { keyFields: ['id'] },
        Query: {
          fields: {
            denialStories: relayStylePagination(['code']),
            // Each live update is a whole new view of the code's stats: replace, never merge.
            denialStats: { merge: false },
          },
        },
      },
    }),
  });
  return client;
}
