import { lazy, Suspense, useId, useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '@denialmap/web/data-access';
import { ErrorPanel, LoadingPanel, SectionErrorBoundary } from '@denialmap/web/ui';
import { PAYER_TYPES, PayerType } from '@denialmap/shared/denial-reports';
import { DenialStatsView } from './DenialStatsView';
import { computedAtWords } from './stats-view';
import { StoriesList } from './StoriesList';
import { useLiveDenialStats } from './useLiveDenialStats';

// The form (pickers, vocabulary, patient-information checks) is the heaviest part: load it on its own.
const ReportForm = lazy(() => import('./ReportForm').then((m) => ({ default: m.ReportForm })));

/**
 * "Community denial reports" on the code page: what other billers saw when claims for the code
 * were denied (locked until enough distinct billers have reported), live as reports arrive, the
 * stories they wrote, and the form to add one.
 */
export function CommunitySection({ code }: { code: string }) {
  const id = useId();
  const [payerType, setPayerType] = useState<PayerType | ''>('');
  const [formOpen, setFormOpen] = useState(false);
  const { stats, error, liveNote, liveProblem, refetch } = useLiveDenialStats(code, payerType || null);

  return (
    <section className="community" aria-labelledby={`${id}-heading`} data-testid="community">
      <h2 id={`${id}-heading`}>Community denial reports</h2>
      <p className="lede-small">
        What other billers saw when claims for {code} were denied, and what fixed it. Reports are anonymous and carry no patient
        information. <Link to="/moderation-rules">How reports are moderated</Link>
      </p>

      <div className="community-controls">
        <label htmlFor={`${id}-payer`}>Payer type</label>
        <select id={`${id}-payer`} value={payerType} onChange={(e) => setPayerType(e.target.value as PayerType | '')}>
          <option value="">All payers</option>
          {Object.entries(PAYER_TYPES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <p className="live-note" aria-live="polite" data-testid="stats-live-note">
          {liveNote}
        </p>
      </div>
      {liveProblem && <p className="fine-print">Live updates are off ({describeError(liveProblem).message}); reload the page for new reports.</p>}

      {error && (
        <ErrorPanel title="Community reports could not be loaded">
          {describeError(error).message}{' '}
          <button type="button" className="link-button" onClick={() => refetch().catch(() => undefined)}>
            Try again
          </button>
        </ErrorPanel>
      )}
      {!stats && !error && <LoadingPanel label="Loading community reports…" />}
      {stats && (
        <>
          <DenialStatsView stats={stats} payerTypeLabel={payerType ? PAYER_TYPES[payerType] : null} onShowAllPayers={() => setPayerType('')} />
          <p className="fine-print" data-testid="stats-source">
            Source: {stats.source}
            {computedAtWords(stats.computedAt) ? ` Figures computed ${computedAtWords(stats.computedAt)}.` : ''}
          </p>
          <StoriesList code={code} unlocked={stats.status === 'UNLOCKED'} computedAt={stats.computedAt} />
        </>
      )}

      {formOpen ? (
        <SectionErrorBoundary title="The report form could not be shown">
          <Suspense fallback={<LoadingPanel label="Loading the report form…" />}>
            <ReportForm code={code} />
          </Suspense>
        </SectionErrorBoundary>
      ) : (
        <div className="report-cta">
          <p>Had a claim line for {code} denied? Adding it takes about two minutes and helps the next biller.</p>
          <button type="button" onClick={() => setFormOpen(true)}>
            Report a denial
          </button>
        </div>
      )}
    </section>
  );
}
