export interface FindingView {
  severity: string;
  lines: readonly number[];
  message: string;
  fix?: string | null;
  carc?: string | null;
  carcDescription?: string | null;
  source: string;
}

const LEAD: Record<string, string> = { ERROR: 'Will be denied', WARNING: 'Watch out', INFO: 'Note' };

/** Claim-check and pricing findings: what will happen, the fix, the likely CARC and the source. */
export function FindingsList({ findings, showLines, testId }: { findings: readonly FindingView[]; showLines: boolean; testId?: string }) {
  return (
    <ul className="findings" data-testid={testId}>
      {findings.map((f, i) => (
        <li key={i} className={`finding finding-${f.severity.toLowerCase()}`}>
          <strong>
            {LEAD[f.severity] ?? f.severity}
            {showLines ? ` (line ${f.lines.join(', ')})` : ''}:
          </strong>{' '}
          {f.message}
          {f.fix && <span className="finding-fix">Fix: {f.fix}</span>}
          {f.carc && (
            <span className="finding-carc">
              Likely CARC {f.carc}
              {f.carcDescription ? `: ${f.carcDescription}` : ''}
            </span>
          )}
          <span className="trace-source">Source: {f.source}</span>
        </li>
      ))}
    </ul>
  );
}
