import { useQuery } from '@apollo/client/react';
import { lazy, Suspense, useEffect } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { CodePageQuery, describeError } from '@denialmap/web/data-access';
import { ErrorPanel, LoadingPanel, Money, NoticePanel, SectionErrorBoundary } from '@denialmap/web/ui';
import { CodeFreshnessBanner } from './CodeFreshnessBanner';
import { isIsoDate, todayIso } from './date-of-service';
import { IndicatorList } from './IndicatorList';
import { NcciSection } from './NcciSection';
import { PaymentCalculator } from './PaymentCalculator';
import { PaymentTrace } from './PaymentTrace';
import { RvuTable } from './RvuTable';

// Community reports (tables, stories, the form, live updates) load after the fee schedule facts.
const CommunitySection = lazy(() => import('./community/CommunitySection').then((m) => ({ default: m.CommunitySection })));
// Billing tips sit below the fold: their chunk loads beside the community one.
const BillingTipsSection = lazy(() => import('./tips/BillingTipsSection').then((m) => ({ default: m.BillingTipsSection })));

/** /codes/:code — the page a biller lands on: what Medicare pays for the code, and why. */
export function CodePage() {
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const requested = params.get('dos') ?? '';
  const dateOfService = isIsoDate(requested) ? requested : todayIso();
  const { data, previousData, loading, error } = useQuery(CodePageQuery, { variables: { code, dateOfService } });
  const detail = (data ?? previousData)?.code;

  useEffect(() => {
    document.title = detail ? `${detail.code} ${detail.shortDescriptor} – Medicare fee, RVUs | DenialMap` : `${code.toUpperCase()} | DenialMap`;
  }, [code, detail]);

  if (error) {
    const problem = describeError(error);
    return (
      <ErrorPanel title={problem.code === 'NOT_FOUND' ? `${code.toUpperCase()} is not in the fee schedule` : 'This code could not be shown'}>
        {problem.message}
      </ErrorPanel>
    );
  }
  if (!detail) {
    return <LoadingPanel label={`Loading ${code.toUpperCase()}…`} />;
  }

  const global = detail.rvuRows.find((r) => r.modifier === '') ?? detail.rvuRows[0];
  const release = detail.release;
  return (
    <article className="code-page" aria-busy={loading}>
      <header className="code-header">
        <p className="eyebrow">{detail.level === 'CPT' ? 'CPT code' : 'HCPCS Level II code'}</p>
        <h1>
          <span className="code-number">{detail.code}</span> {detail.shortDescriptor}
        </h1>
        <p className={`status status-${detail.status.paidFromRvus ? 'paid' : 'unpaid'}`}>
          <strong>Status {detail.status.code}: {detail.status.label}.</strong> {detail.status.meaning}
        </p>
      </header>

      <section className="controls" aria-label="Date of service">
        <label htmlFor="dos">Date of service</label>
        <input
          id="dos"
          type="date"
          value={dateOfService}
          onChange={(e) => {
            if (!isIsoDate(e.target.value)) return;
            const next = new URLSearchParams(params);
            next.set('dos', e.target.value);
            setParams(next, { replace: true });
          }}
        />
        <span className="source" data-testid="source">
          Source: {release.label} ({release.sourceFile}
          {release.releasedOn ? `, released ${release.releasedOn}` : ''})
        </span>
      </section>
      {detail.releaseNote && <NoticePanel>{detail.releaseNote}</NoticePanel>}
      <CodeFreshnessBanner level={detail.level} dateOfService={dateOfService} />

      <section className="amounts" aria-label="National payment">
        <div className="amount-card primary">
          <h2>National non-facility (office)</h2>
          {global.nationalNonFacility.amount ? (
            <Money amount={global.nationalNonFacility.amount} testId="national-non-facility-amount" />
          ) : (
            <p className="amount-reason">{global.nationalNonFacility.reason}</p>
          )}
        </div>
        <div className="amount-card">
          <h2>National facility</h2>
          {global.nationalFacility.amount ? (
            <Money amount={global.nationalFacility.amount} testId="national-facility-amount" />
          ) : (
            <p className="amount-reason">{global.nationalFacility.reason}</p>
          )}
        </div>
        <div className="amount-card">
          <h2>Conversion factor</h2>
          <span className="money" data-testid="conversion-factor">
            ${release.conversionFactor}
          </span>
          <p className="amount-reason">{release.conversionFactorNote ?? `${release.year} Medicare PFS conversion factor`}</p>
        </div>
      </section>

      <PaymentTrace steps={global.nationalNonFacility.steps} title="How we got the national non-facility amount" />

      <PaymentCalculator code={detail.code} dateOfService={dateOfService} />

      <section aria-labelledby="rvus-heading">
        <h2 id="rvus-heading">RVU breakdown</h2>
        <RvuTable rows={detail.rvuRows} />
        <p className="fine-print">
          Global days: {global.globalDays}. PC/TC indicator: {global.pctcIndicator}. National amounts use GPCIs of 1.000;
          the payment calculator above prices a locality, setting and modifiers.
        </p>
      </section>

      <section aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">Payment rules for this code</h2>
        <IndicatorList indicators={global.indicators} />
      </section>

      <NcciSection detail={detail} />

      <SectionErrorBoundary title="Billing tips could not be shown">
        <Suspense fallback={<LoadingPanel label="Loading billing tips…" />}>
          <BillingTipsSection code={detail.code} dateOfService={dateOfService} />
        </Suspense>
      </SectionErrorBoundary>

      <SectionErrorBoundary title="Community denial reports could not be shown">
        <Suspense fallback={<LoadingPanel label="Loading community denial reports…" />}>
          <CommunitySection code={detail.code} />
        </Suspense>
      </SectionErrorBoundary>

      <section className="freshness" aria-label="Data freshness">
        <h2>Where these figures come from</h2>
        <p>
          {release.label}: {release.year} quarter {release.quarter}, in force {release.effectiveFrom} to {release.effectiveTo}.
          Loaded {release.importedAt.slice(0, 10)} from {release.sourceFile}.
        </p>
        {detail.descriptorNotice && <p className="notice">{detail.descriptorNotice}</p>}
      </section>
    </article>
  );
}
