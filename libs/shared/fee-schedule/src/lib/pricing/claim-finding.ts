/**
 * What a claim check or the pricing rules found about one or more lines: a plain explanation, the
 * fix, and the claim adjustment reason code (CARC) a payer most likely denies it with.
 */
export type FindingSeverity = 'ERROR' | 'WARNING' | 'INFO';

export type FindingKind =
  | 'MODIFIER_NOT_ALLOWED'
  | 'MODIFIER_CONFLICT'
  | 'DOCUMENTATION_REQUIRED'
  | 'NOT_SEPARATELY_PAYABLE'
  | 'CONTRACTOR_PRICED'
  | 'BILATERAL_UNITS'
  | 'MULTIPLE_PROCEDURE'
  | 'PTP_EDIT'
  | 'MUE_EXCEEDED'
  | 'ADD_ON_WITHOUT_PRIMARY'
  | 'DUPLICATE_LINE';

export interface ClaimFinding {
  kind: FindingKind;
  severity: FindingSeverity;
  /** 1-based claim line numbers, in claim order. */
  lines: number[];
  message: string;
  /** What to change on the claim, or null when nothing can be changed. */
  fix: string | null;
  /** Most likely CARC on the remittance, e.g. "97"; null when no denial is expected. */
  carc: string | null;
  /** Where the rule comes from (file and field, or manual). */
  source: string;
}

const SEVERITY_ORDER: Record<FindingSeverity, number> = { ERROR: 0, WARNING: 1, INFO: 2 };

/** Errors first, then by first line, so a biller reads what will be denied before what to watch. */
export function sortFindings(findings: ClaimFinding[]): ClaimFinding[] {
  return [...findings].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.lines[0] ?? 0) - (b.lines[0] ?? 0) || a.kind.localeCompare(b.kind),
  );
}
