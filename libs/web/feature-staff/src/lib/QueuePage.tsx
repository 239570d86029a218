import { useApolloClient, useQuery } from '@apollo/client/react';
import { FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  ModeratedReportStatus,
  ModerationQueueOrder,
  ModerationQueueQuery,
  ModerationQueueQueryResult,
  ModerationQueueReason,
} from '@denialmap/web/data-access';
import { LoadingPanel } from '@denialmap/web/ui';
import { ProblemPanel } from './ProblemPanel';
import { problemWords, staffProblem } from './staff-error';
import { excerpt, plural, queueReasonWords, QUEUE_REASONS, REPORT_STATUSES, when } from './words';
import { QueueReturn } from './queue-return';

const PAGE_SIZE = 20;
type Edge = ModerationQueueQueryResult['moderationQueue']['edges'][number];

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | null => (value && (allowed as readonly string[]).includes(value) ? (value as T) : null);
const STATUSES = Object.keys(REPORT_STATUSES) as ModeratedReportStatus[];
const REASONS = Object.keys(QUEUE_REASONS) as ModerationQueueReason[];

/** /staff: the reports waiting for a moderator, filtered (in the URL, so a view can be shared) and paged. */
export function QueuePage() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // A report opened from here leads back to the queue as it was filtered.
  const backToQueue: QueueReturn = { queueSearch: params.toString() };
  const status = pick(params.get('status'), STATUSES);
  const reason = pick(params.get('reason'), REASONS);
  const order: ModerationQueueOrder = params.get('order') === 'MOST_FLAGGED' ? 'MOST_FLAGGED' : 'NEWEST';
  const code = /^[A-Z0-9]{5}$/.test(params.get('code') ?? '') ? (params.get('code') as string) : null;
  const [codeDraft, setCodeDraft] = useState(code ?? '');
  const [codeProblem, setCodeProblem] = useState<string | null>(null);
  const variables = { status, reason, code, order, first: PAGE_SIZE };
  const filterKey = JSON.stringify(variables);

  const { data, loading, error, refetch } = useQuery(ModerationQueueQuery, { variables, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  // Later pages are kept here (reset when the filters change), so "Load more" never reorders what is shown.
  const [more, setMore] = useState<{ key: string; edges: Edge[]; endCursor: string | null; hasNextPage: boolean } | null>(null);
  const [moreLoading, setMoreLoading] = useState(false);
  const [moreProblem, setMoreProblem] = useState<string | null>(null);
  useEffect(() => {
    document.title = 'Moderation queue | DenialMap staff';
  }, []);

  const firstPage = data?.moderationQueue;
  const extra = more && more.key === filterKey ? more : null;
  const seen = new Set(firstPage?.edges.map((e) => e.node.id));
  const edges = [...(firstPage?.edges ?? []), ...(extra?.edges.filter((e) => !seen.has(e.node.id)) ?? [])];
  const hasNextPage = extra ? extra.hasNextPage : (firstPage?.pageInfo.hasNextPage ?? false);
  const endCursor = extra ? extra.endCursor : (firstPage?.pageInfo.endCursor ?? null);

  const setFilter = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };
  const applyCode = (e: FormEvent) => {
    e.preventDefault();
    const typed = codeDraft.trim().toUpperCase();
    if (typed && !/^[A-Z0-9]{5}$/.test(typed)) {
      setCodeProblem('A code has 5 letters or digits, e.g. 70390.');
      return;
    }
    setCodeProblem(null);
    setFilter('code', typed || null);
  };
  const loadMore = async () => {
    if (!endCursor) return;
    setMoreLoading(true);
    setMoreProblem(null);
    try {
      const { data: page } = await client.query({ query: ModerationQueueQuery, variables: { ...variables, after: endCursor }, fetchPolicy: 'network-only' });
      if (page) {
        setMore({ key: filterKey, edges: [...(extra?.edges ?? []), ...page.moderationQueue.edges], endCursor: page.moderationQueue.pageInfo.endCursor ?? null, hasNextPage: page.moderationQueue.pageInfo.hasNextPage });
      }
    } catch (problem) {
      setMoreProblem(problemWords(staffProblem(problem)));
    } finally {
      setMoreLoading(false);
    }
  };

  return (
    <section aria-labelledby="queue-heading">
      <h1 id="queue-heading">Moderation queue</h1>
      <p className="lede-small">Reports held by the automated checks, flagged by readers, or picked at random for a second look.</p>
      <form className="staff-filters" onSubmit={applyCode} aria-label="Filter the queue">
        <div className="field">
          <label htmlFor="queue-status">Status</label>
          <select id="queue-status" value={status ?? ''} onChange={(e) => setFilter('status', e.target.value || null)}>
            <option value="">Any status</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {REPORT_STATUSES[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-reason">Why queued</label>
          <select id="queue-reason" value={reason ?? ''} onChange={(e) => setFilter('reason', e.target.value || null)}>
            <option value="">Any reason</option>
            {REASONS.map((r) => (
              <option key={r} value={r}>
                {QUEUE_REASONS[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-order">Order</label>
          <select id="queue-order" value={order} onChange={(e) => setFilter('order', e.target.value === 'MOST_FLAGGED' ? 'MOST_FLAGGED' : null)}>
            <option value="NEWEST">Newest first</option>
            <option value="MOST_FLAGGED">Most new flags first</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-code">Code</label>
          <div className="inline-entry">
            <input
              id="queue-code"
              inputMode="text"
              autoComplete="off"
              maxLength={5}
              placeholder="e.g. 70390"
              value={codeDraft}
              aria-invalid={codeProblem ? true : undefined}
              aria-describedby={codeProblem ? 'queue-code-problem' : undefined}
              onChange={(e) => setCodeDraft(e.target.value)}
            />
            <button type="submit" className="button-quiet">
              Show
            </button>
          </div>
          {codeProblem && (
            <p id="queue-code-problem" className="field-problem">
              {codeProblem}
            </p>
          )}
        </div>
      </form>

      {error && !firstPage && <ProblemPanel title="The queue could not be loaded" error={error} onRetry={() => void refetch().catch(() => undefined)} />}
      {!firstPage && !error && <LoadingPanel label="Loading the queue…" />}
      {firstPage && (
        <>
          <p className="queue-count" role="status" data-testid="queue-count">
            {firstPage.totalCount === 0 ? 'Nothing waits here. ' : `${plural(firstPage.totalCount, 'report')} in the queue${status || reason || code ? ' with these filters' : ''}. `}
            {loading && <span className="fine-print">Refreshing…</span>}
          </p>
          {edges.length > 0 && (
            <div className="table-scroll">
              <table className="staff-table queue-table" data-testid="queue-table">
                <caption className="visually-hidden">Queued reports; open one to decide on it.</caption>
                <thead>
                  <tr>
                    <th scope="col">Code</th>
                    <th scope="col">Why queued</th>
                    <th scope="col">New flags</th>
                    <th scope="col">Received</th>
                    <th scope="col">Story</th>
                  </tr>
                </thead>
                <tbody>
                  {edges.map(({ node }) => (
                    <tr key={node.id} className="clickable" data-testid="queue-row" data-report-id={node.id} onClick={() => navigate(`/staff/reports/${node.id}`, { state: backToQueue })}>
                      <td data-label="Code">
                        <Link to={`/staff/reports/${node.id}`} state={backToQueue} onClick={(e) => e.stopPropagation()}>
                          <strong>{node.code}</strong>
                          <span className="visually-hidden">, open the report</span>
                        </Link>{' '}
                        <span className={`status-chip status-${node.status.toLowerCase()}`}>{REPORT_STATUSES[node.status]}</span>
                      </td>
                      <td data-label="Why queued">
                        <ul className="plain-list">
                          {queueReasonWords(node).map((words) => (
                            <li key={words}>{words}</li>
                          ))}
                        </ul>
                      </td>
                      <td data-label="New flags" className="num">
                        {node.unseenFlags}
                      </td>
                      <td data-label="Received">{when(node.createdAt)}</td>
                      <td data-label="Story" className="story-cell">
                        {node.narrative ? excerpt(node.narrative) : <span className="fine-print">No story</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {moreProblem && <p className="field-problem">More reports could not be loaded: {moreProblem}</p>}
          {hasNextPage && (
            <button type="button" className="secondary" onClick={() => void loadMore()} disabled={moreLoading}>
              {moreLoading ? 'Loading…' : 'Load more'}
            </button>
          )}
        </>
      )}
    </section>
  );
}
