import { useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { DenialStoriesQuery, describeError } from '@denialmap/web/data-access';
import { LoadingPanel } from '@denialmap/web/ui';
import { FlagStory } from './FlagStory';

const PAGE = 10;

/**
 * What billers wrote, newest first, each with a Flag button. The API returns none until the code
 * is unlocked; the list is fetched again whenever the stats are recomputed.
 */
export function StoriesList({ code, unlocked, computedAt }: { code: string; unlocked: boolean; computedAt: string | null }) {
  const { data, loading, error, refetch, fetchMore } = useQuery(DenialStoriesQuery, { variables: { code, first: PAGE } });

  const seen = useRef(computedAt);
  useEffect(() => {
    if (computedAt === seen.current) return;
    seen.current = computedAt;
    refetch().catch(() => undefined);
  }, [computedAt, refetch]);

  const stories = data?.denialStories;
  return (
    <div className="stories" data-testid="stories">
      <h3>What billers wrote (all payers)</h3>
      {error && <p className="field-problem">Stories could not be loaded: {describeError(error).message}</p>}
      {!stories && !error && <LoadingPanel label="Loading stories…" />}
      {stories && stories.edges.length === 0 && (
        <p className="fine-print">{unlocked ? 'No stories yet for this code.' : 'Stories are shown once the code has enough reports to unlock.'}</p>
      )}
      {stories && stories.edges.length > 0 && (
        <ul className="story-list">
          {stories.edges.map(({ node }) => (
            <li key={node.reportId} className="story" data-testid="story">
              <blockquote>{node.narrative}</blockquote>
              <FlagStory reportId={node.reportId} />
            </li>
          ))}
        </ul>
      )}
      {stories?.pageInfo.hasNextPage && (
        <button
          type="button"
          className="secondary"
          disabled={loading}
          onClick={() => fetchMore({ variables: { after: stories.pageInfo.endCursor } }).catch(() => undefined)}
        >
          {loading ? 'Loading…' : `Show more stories (${stories.totalCount - stories.edges.length} more)`}
        </button>
      )}
    </div>
  );
}
