import { ApolloLink } from '@apollo/client';
import type { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { Observable, Subscription } from 'rxjs';

const MAX_RETRY_WAIT_MS = 30_000;

/** The graphql-ws address on the page's own origin: ws for http pages, wss for https ones. */
export function webSocketUrl(location: Pick<Location, 'protocol' | 'host'>, path = '/graphql'): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}

/** Doubling waits with jitter, capped, so a page left open through a deploy reconnects on its own. */
export function retryDelayMs(retries: number, jitter = Math.random()): number {
  return Math.min(MAX_RETRY_WAIT_MS, 1000 * 2 ** retries) + Math.round(jitter * 1000);
}

/**
 * Subscriptions over graphql-ws. The WebSocket client is imported on the first subscription, so
 * pages that never subscribe do not carry it in their initial JavaScript; graphql-ws itself opens
 * the socket only while a subscription is active and re-subscribes after a reconnect. Events sent
 * while the socket was down are lost, so `onReconnected` is the place to catch up.
 */
export function createSubscriptionLink(path = '/graphql', onReconnected: () => void = () => undefined): ApolloLink {
  let loading: Promise<GraphQLWsLink> | null = null;
  const load = () =>
    (loading ??= Promise.all([import('@apollo/client/link/subscriptions'), import('graphql-ws')]).then(
      ([{ GraphQLWsLink: Link }, { createClient }]) =>
        new Link(
          createClient({
            url: webSocketUrl(window.location, path),
            retryAttempts: Number.POSITIVE_INFINITY,
            shouldRetry: () => true,
            retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelayMs(retries))),
            on: { connected: (_socket, _payload, wasRetry) => wasRetry && onReconnected() },
          }),
        ),
    ));

  return new ApolloLink(
    (operation) =>
      new Observable<ApolloLink.Result>((observer) => {
        let inner: Subscription | undefined;
        let closed = false;
        load().then(
          (link) => {
            if (!closed) inner = link.request(operation).subscribe(observer);
          },
          (error: unknown) => {
            loading = null;
            observer.error(error);
          },
        );
        return () => {
          closed = true;
          inner?.unsubscribe();
        };
      }),
  );
}
