interface Step {
  rule: string;
  formula: string;
  result: string;
  source: string;
}

/** "How we got this": every step of the math with its rule and source. */
export function PaymentTrace({ steps, title, testId }: { steps: readonly Step[]; title: string; testId?: string }) {
  if (steps.length === 0) {
    return null;
  }
  return (
    <details className="trace" data-testid={testId}>
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
