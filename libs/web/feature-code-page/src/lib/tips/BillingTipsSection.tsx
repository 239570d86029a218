import { useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { BillingTipsQuery, BillingTipsQueryResult, DenialStatsUpdatedSubscription, describeError, TipKind } from '@denialmap/web/data-access';
import { ErrorPanel, LoadingPanel, Money } from '@denialmap/web/ui';

type Tip = BillingTipsQueryResult['billingTips']['tips'][number];

const KIND_LABELS: Record<TipKind, string> = {
  RULE: 'From CMS rules',
  CURATED: 'From DenialMap editors',
  COMMUNITY: 'From billers’ reports',
};

const FILTERS: { value: TipKind | 'ALL'; label: string }[] = [
  { value: 'ALL', label: 'All tips' },
  { value: 'RULE', label: 'CMS rules' },
  { value: 'CURATED', label: 'Editors' },
  { value: 'COMMUNITY', label: 'Billers’ reports' },
];

/**
 * Billing tips for the code: rule-derived from the reference data, written by editors, and (once
 * five billers have reported) drawn from the community's published stats, most money at stake
 * first, each with its source. Refetched when the code's stats change, so community tips appear
 * on an open page.
 */
export function BillingTipsSection({ code, dateOfService }: { code: string; dateOfService: string }) {
  const { data, previousData, error, loading, refetch } = useQuery(BillingTipsQuery, { variables: { code, dateOfService } });
  useSubscription(DenialStatsUpdatedSubscription, {
    variables: { code, payerType: null },
    onData: () => void refetch().catch(() => undefined),
  });
  const [filter, setFilter] = useState<TipKind | 'ALL'>('ALL');
  const answer = (data ?? previousData)?.billingTips;

  return (
    <section aria-labelledby="tips-heading" className="tips" data-testid="billing-tips">
      <h2 id="tips-heading">Billing tips for {code}</h2>
      {error && !answer && <ErrorPanel title="Billing tips could not be loaded">{describeError(error).message}</ErrorPanel>}
      {!answer && loading && <LoadingPanel label="Loading billing tips…" />}
      {answer && (
        <>
          <p className="lede-small">
            What prevents the next denial, most money at stake first. Amounts are national Medicare figures from {answer.releaseLabel} for{' '}
            {answer.dateOfService}; every tip says where it comes from.
          </p>
          <div className="tip-filters" role="group" aria-label="Show tips from">
            {FILTERS.map((f) => {
              const count = f.value === 'ALL' ? answer.tips.length : answer.tips.filter((t) => t.kind === f.value).length;
              return (
                <button key={f.value} type="button" className={`chip-toggle${filter === f.value ? ' active' : ''}`} aria-pressed={filter === f.value} onClick={() => setFilter(f.value)}>
                  {f.label} ({count})
                </button>
              );
            })}
          </div>
          {!answer.communityUnlocked && (
            <p className="fine-print" data-testid="tips-community-locked">
              Tips from billers’ denial reports appear once {answer.reportersNeeded} more {answer.reportersNeeded === 1 ? 'biller reports' : 'billers report'} {code}.
            </p>
          )}
          <ol className="tip-list" aria-live="polite">
            {answer.tips
              .filter((t) => filter === 'ALL' || t.kind === filter)
              .map((t) => (
                <TipCard key={t.key} tip={t} />
              ))}
          </ol>
        </>
      )}
    </section>
  );
}

function TipCard({ tip }: { tip: Tip }) {
  return (
    <li className={`tip tip-${tip.kind.toLowerCase()}`} data-testid="tip" data-kind={tip.kind} data-key={tip.key}>
      <div className="tip-head">
        <span className={`tip-kind kind-${tip.kind.toLowerCase()}`}>{KIND_LABELS[tip.kind]}</span>
        {tip.moneyAtStake && (
          <span className="tip-money" data-testid="tip-money">
            <Money amount={tip.moneyAtStake.amount} /> at stake
          </span>
        )}
        {tip.reports !== null && tip.kind === 'COMMUNITY' && <span className="tip-evidence">{tip.reports} reports</span>}
      </div>
      <h3>{tip.title}</h3>
      <p>{tip.advice}</p>
      {tip.impact && (
        <p className="tip-impact">
          <strong>Impact:</strong> {tip.impact.statement} <span className="fine-print">(basis: {tip.impact.basis})</span>
        </p>
      )}
      <p className="fine-print tip-source">
        Source: {tip.source.label}: {tip.source.detail}
        {tip.moneyAtStake && <> · Money at stake: {tip.moneyAtStake.basis}</>}
      </p>
    </li>
  );
}
