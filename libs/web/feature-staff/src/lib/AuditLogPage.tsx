import { useApolloClient, useQuery } from '@apollo/client/react';
import { FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AuditAction, AuditLogQuery, AuditLogQueryResult } from '@denialmap/web/data-access';
import { LoadingPanel } from '@denialmap/web/ui';
import { ProblemPanel } from './ProblemPanel';
import { problemWords, staffProblem } from './staff-error';
import { auditApiFilter, auditCsvHref, AUDIT_ACTIONS, AuditFilterValues, detailWords, when } from './words';

const PAGE_SIZE = 50;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
type Edge = AuditLogQueryResult['auditLog']['edges'][number];
const ACTIONS = Object.keys(AUDIT_ACTIONS) as AuditAction[];

/** /staff/audit (admins): every staff action, newest first, filtered, paged, and as CSV. */
export function AuditLogPage() {
  const client = useApolloClient();
  const [params, setParams] = useSearchParams();
  const applied: AuditFilterValues = {
    action: ACTIONS.includes(params.get('action') as AuditAction) ? (params.get('action') as string) : '',
    from: DAY.test(params.get('from') ?? '') ? (params.get('from') as string) : '',
    to: DAY.test(params.get('to') ?? '') ? (params.get('to') as string) : '',
  };
  const [draft, setDraft] = useState<AuditFilterValues>(applied);
  const [draftProblem, setDraftProblem] = useState<string | null>(null);
  const api = auditApiFilter(applied);
  const variables = { action: (api.action as AuditAction | null) ?? null, from: api.from, to: api.to, first: PAGE_SIZE };
  const filterKey = JSON.stringify(variables);
  const { data, loading, error, refetch } = useQuery(AuditLogQuery, { variables, fetchPolicy: 'cache-and-network', notifyOnNetworkStatusChange: true });
  const [more, setMore] = useState<{ key: string; edges: Edge[]; endCursor: string | null; hasNextPage: boolean } | null>(null);
  const [moreLoading, setMoreLoading] = useState(false);
  const [moreProblem, setMoreProblem] = useState<string | null>(null);
  useEffect(() => {
    document.title = 'Audit log | DenialMap staff';
  }, []);

  const firstPage = data?.auditLog;
  const extra = more && more.key === filterKey ? more : null;
  const seen = new Set(firstPage?.edges.map((e) => e.node.id));
  const edges = [...(firstPage?.edges ?? []), ...(extra?.edges.filter((e) => !seen.has(e.node.id)) ?? [])];
  const hasNextPage = extra ? extra.hasNextPage : (firstPage?.pageInfo.hasNextPage ?? false);
  const endCursor = extra ? extra.endCursor : (firstPage?.pageInfo.endCursor ?? null);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (draft.from && draft.to && draft.to < draft.from) {
      setDraftProblem('“To” is before “From”.');
      return;
    }
    setDraftProblem(null);
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(draft)) if (value) next.set(key, value);
    setParams(next);
  };
  const loadMore = async () => {
    if (!endCursor) return;
    setMoreLoading(true);
    setMoreProblem(null);
    try {
      const { data: page } = await client.query({ query: AuditLogQuery, variables: { ...variables, after: endCursor }, fetchPolicy: 'network-only' });
      if (page) setMore({ key: filterKey, edges: [...(extra?.edges ?? []), ...page.auditLog.edges], endCursor: page.auditLog.pageInfo.endCursor ?? null, hasNextPage: page.auditLog.pageInfo.hasNextPage });
    } catch (problem) {
      setMoreProblem(problemWords(staffProblem(problem)));
    } finally {
      setMoreLoading(false);
    }
  };

  return (
    <section aria-labelledby="audit-heading">
      <h1 id="audit-heading">Audit log</h1>
      <p className="lede-small">Every staff action: who, what, when and why. Entries are never changed or deleted.</p>
      <form className="staff-filters" onSubmit={apply} aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="audit-action">Action</label>
          <select id="audit-action" value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })}>
            <option value="">Every action</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {AUDIT_ACTIONS[a]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">From</label>
          <input id="audit-from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">To (including that day)</label>
          <input
            id="audit-to"
            type="date"
            value={draft.to}
            aria-invalid={draftProblem ? true : undefined}
            aria-describedby={draftProblem ? 'audit-to-problem' : undefined}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
          {draftProblem && (
            <p id="audit-to-problem" className="field-problem">
              {draftProblem}
            </p>
          )}
        </div>
        <div className="field field-submit">
          <button type="submit">Show</button>
        </div>
      </form>
      <p>
        {/* A plain link: the browser downloads it with the session cookie (same origin). */}
        <a className="download-link" href={auditCsvHref(applied)} download data-testid="audit-csv">
          Download CSV
        </a>{' '}
        <span className="fine-print">(the entries that match the filters shown; dates are UTC)</span>
      </p>

      {error && !firstPage && <ProblemPanel title="The audit log could not be loaded" error={error} onRetry={() => void refetch().catch(() => undefined)} />}
      {!firstPage && !error && <LoadingPanel label="Loading the audit log…" />}
      {firstPage && edges.length === 0 && <p role="status">No entries match these filters.</p>}
      {firstPage && edges.length > 0 && (
        <>
          {loading && (
            <p className="fine-print" role="status">
              Refreshing…
            </p>
          )}
          {/* Focusable, so a keyboard user can scroll a wide table sideways. */}
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Audit log entries">
            <table className="staff-table" data-testid="audit-table">
              <caption className="visually-hidden">Audit log entries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Code</th>
                  <th scope="col">Report</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {edges.map(({ node }) => {
                  const details = detailWords(node.details);
                  return (
                    <tr key={node.id} data-testid="audit-row" data-action={node.action}>
                      <td data-label="When" className="nowrap">
                        {when(node.at)}
                      </td>
                      <td data-label="Who" className="wrap-anywhere">
                        {node.actorEmail === 'cli' ? 'Server command line' : node.actorEmail}
                      </td>
                      <td data-label="Action">{AUDIT_ACTIONS[node.action] ?? node.action}</td>
                      <td data-label="Reason" className={node.reason ? undefined : 'empty'}>
                        {node.reason ?? '—'}
                      </td>
                      <td data-label="Code" className={node.code ? undefined : 'empty'}>
                        {node.code ?? '—'}
                      </td>
                      <td data-label="Report" className={node.reportId ? 'nowrap' : 'empty'}>
                        {node.reportId ? <Link to={`/staff/reports/${node.reportId}`}>Open report</Link> : '—'}
                      </td>
                      <td data-label="Details" className={details ? 'details-cell' : 'empty'}>
                        {details || '—'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      {moreProblem && <p className="field-problem">More entries could not be loaded: {moreProblem}</p>}
      {hasNextPage && (
        <button type="button" className="secondary" onClick={() => void loadMore()} disabled={moreLoading}>
          {moreLoading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
