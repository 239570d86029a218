import { useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { DenialStatsQuery, DenialStatsUpdatedSubscription } from '@denialmap/web/data-access';
import type { PayerType } from '@denialmap/shared/denial-reports';

/** How long "Updated just now" stays true; after that the computed-at time says when. */
const JUST_NOW_MS = 60_000;

/**
 * A code's denial stats, kept current: the query answers first, then every denialStatsUpdated
 * event replaces the cached view, so the page changes without a reload. `liveNote` is for an
 * aria-live region; `liveProblem` says when live updates could not be started.
 */
export function useLiveDenialStats(code: string, payerType: PayerType | null) {
  const variables = { code, payerType };
  const query = useQuery(DenialStatsQuery, { variables });
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const subscription = useSubscription(DenialStatsUpdatedSubscription, {
    variables,
    onData: ({ client, data }) => {
      const next = data.data?.denialStatsUpdated;
      if (!next) return;
      client.cache.writeQuery({ query: DenialStatsQuery, variables, data: { denialStats: next } });
      setUpdatedAt(Date.now());
    },
  });

  useEffect(() => {
    if (updatedAt === null) return;
    const timer = setTimeout(() => setUpdatedAt(null), JUST_NOW_MS);
    return () => clearTimeout(timer);
  }, [updatedAt]);

  useEffect(() => setUpdatedAt(null), [code, payerType]);

  return {
    // Never the previous filter's figures while another payer type loads: they would be mislabelled.
    stats: query.data?.denialStats,
    loading: query.loading,
    error: query.error,
    refetch: query.refetch,
    liveNote: updatedAt === null ? '' : 'Updated just now',
    liveProblem: subscription.error ?? null,
  };
}
