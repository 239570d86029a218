import { useId } from 'react';
import type { DenialStatsFieldsFragment } from '@denialmap/web/data-access';
import { AppealLevelsTable } from './AppealLevelsTable';
import { BreakdownTable } from './BreakdownTable';
import { chronological, lockedProgress } from './stats-view';

type Stats = DenialStatsFieldsFragment;

/** The three states of a code's community stats, each in words first. */
export function DenialStatsView({ stats, payerTypeLabel, onShowAllPayers }: { stats: Stats; payerTypeLabel: string | null; onShowAllPayers: () => void }) {
  if (stats.status === 'LOCKED') return <LockedStats stats={stats} />;
  if (stats.status === 'WITHHELD') {
    return (
      <div className="stats-withheld panel panel-notice" data-testid="stats-withheld">
        <p>
          <strong>Withheld{payerTypeLabel ? ` for ${payerTypeLabel}` : ''}.</strong> {stats.message}
        </p>
        <button type="button" className="secondary" onClick={onShowAllPayers}>
          Show all payers
        </button>
      </div>
    );
  }
  return <UnlockedStats stats={stats} />;
}

function LockedStats({ stats }: { stats: Stats }) {
  const id = useId();
  const progress = lockedProgress(stats.threshold, stats.submittersNeeded);
  return (
    <div className="stats-locked" data-testid="stats-locked">
      <p className="stats-message">{stats.message}</p>
      <div
        className="progress"
        role="progressbar"
        aria-label="Billers who have reported"
        aria-describedby={`${id}-label`}
        aria-valuemin={0}
        aria-valuemax={progress.threshold}
        aria-valuenow={progress.reported}
        aria-valuetext={`${progress.reported} of ${progress.threshold} billers`}
      >
        <span className="progress-fill" style={{ width: `${progress.percent}%` }} />
      </div>
      <p id={`${id}-label`} className="fine-print">
        {progress.reported} of {progress.threshold} billers have reported. Patterns are shown once {progress.threshold} different billers
        have reported this code, so no single biller&apos;s claims can be picked out.
      </p>
    </div>
  );
}

function UnlockedStats({ stats }: { stats: Stats }) {
  return (
    <div className="stats-unlocked" data-testid="stats-unlocked">
      <p className="stats-message">{stats.message}</p>
      <dl className="stats-summary">
        <div>
          <dt>Reports</dt>
          <dd data-testid="stats-reports">{stats.reports}</dd>
        </div>
        {stats.appealRate !== null && (
          <div>
            <dt>Appealed</dt>
            <dd>{stats.appealRate}%</dd>
          </div>
        )}
        {stats.successRate !== null && (
          <div>
            <dt>Paid in the end (of resolved)</dt>
            <dd>{stats.successRate}%</dd>
          </div>
        )}
        {stats.medianDaysToResolution !== null && (
          <div>
            <dt>Median days to resolve</dt>
            <dd>{stats.medianDaysToResolution}</dd>
          </div>
        )}
      </dl>
      <div className="breakdowns">
        <BreakdownTable title="Top denial reasons" keyHeader="Group code and CARC" breakdown={stats.reasons} testId="stats-reasons" />
        <BreakdownTable title="Remark codes (RARC)" keyHeader="RARC" breakdown={stats.remarks} testId="stats-remarks" />
        <BreakdownTable title="Payer types" keyHeader="Payer type" breakdown={stats.payerTypes} testId="stats-payer-types" />
        <BreakdownTable title="What fixed it" keyHeader="Fix" breakdown={stats.fixes} testId="stats-fixes" />
        <BreakdownTable title="Outcomes" keyHeader="Outcome" breakdown={stats.outcomes} testId="stats-outcomes" />
        <AppealLevelsTable stats={stats} />
        <BreakdownTable title="Modifiers billed" keyHeader="Modifier" breakdown={stats.modifiers} testId="stats-modifiers" />
        <BreakdownTable
          title="Trend by service quarter"
          keyHeader="Quarter"
          breakdown={stats.quarters}
          cells={stats.quarters ? chronological(stats.quarters.cells) : undefined}
          testId="stats-quarters"
        />
      </div>
    </div>
  );
}
