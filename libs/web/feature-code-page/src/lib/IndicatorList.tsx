import type { CodePageQueryResult } from '@denialmap/web/data-access';

type Indicators = CodePageQueryResult['code']['rvuRows'][number]['indicators'];

/** Every payment-policy indicator of the row, in plain words, with where the meaning comes from. */
export function IndicatorList({ indicators }: { indicators: Indicators }) {
  return (
    <dl className="indicators">
      {indicators.map((i) => (
        <div key={i.indicator} className="indicator">
          <dt>
            {i.indicator} <code>{i.value || '(blank)'}</code>
          </dt>
          <dd>
            {i.meaning} <span className="trace-source">{i.source}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
