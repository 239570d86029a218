import type { CodePageQueryResult } from '@denialmap/web/data-access';

type Steps = CodePageQueryResult['code']['rvuRows'][number]['nationalNonFacility']['steps'];

/** "How we got this": every step of the math with its rule and source. */
export function PaymentTrace({ steps, title }: { steps: Steps; title: string }) {
  if (steps.length === 0) {
    return null;
  }
  return (
    <details className="trace">
      <summary>{title}</summary>
      <ol>
        {steps.map((step, i) => (
          <li key={i}>
            <span className="trace-rule">{step.rule}</span>
            <code>
              {step.formula} = {step.result}
            </code>
            <span className="trace-source">{step.source}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
