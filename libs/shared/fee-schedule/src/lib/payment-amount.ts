import { Decimal, DecimalInput, decimal, formatMoney, roundToCents } from './money';

export interface RvuComponents {
  workRvu: DecimalInput;
  practiceExpenseRvu: DecimalInput;
  malpracticeRvu: DecimalInput;
}

export interface GeographicIndices {
  /** Where the indices come from, e.g. "National (all GPCIs 1.000)" or "GPCI2025 13202-01". */
  label: string;
  work: DecimalInput;
  practiceExpense: DecimalInput;
  malpractice: DecimalInput;
}

export const NATIONAL_GPCI: GeographicIndices = {
  label: 'National (all GPCIs 1.000)',
  work: '1.000',
  practiceExpense: '1.000',
  malpractice: '1.000',
};

/** One line of the "how we got this" trace. */
export interface PaymentStep {
  rule: string;
  formula: string;
  result: string;
  source: string;
}

export interface PaymentAmount {
  /** Rounded to cents, as Medicare states fee schedule amounts. */
  amount: Decimal;
  unrounded: Decimal;
  adjustedRvus: Decimal;
  steps: PaymentStep[];
}

export interface PaymentInputs {
  rvus: RvuComponents;
  gpci: GeographicIndices;
  conversionFactor: DecimalInput;
  /** e.g. "CMS MPFS RVU25D, PPRRVU2025_Oct.csv" */
  rvuSource: string;
  peColumn: 'NON-FAC PE RVU' | 'FACILITY PE RVU';
}

/**
 * The MPFS payment formula from the CMS RVU file layout:
 *   [(work RVU x work GPCI) + (PE RVU x PE GPCI) + (MP RVU x MP GPCI)] x CF,
 * computed exactly and rounded to cents once, at the end.
 */
export function computeFeeScheduleAmount(input: PaymentInputs): PaymentAmount {
  const { rvus, gpci, rvuSource, peColumn } = input;
  const cf = decimal(input.conversionFactor);
  const parts = [
    { name: 'Work', rvu: rvus.workRvu, index: gpci.work, column: 'WORK RVU' },
    { name: 'Practice expense', rvu: rvus.practiceExpenseRvu, index: gpci.practiceExpense, column: peColumn },
    { name: 'Malpractice', rvu: rvus.malpracticeRvu, index: gpci.malpractice, column: 'MP RVU' },
  ].map((p) => ({ ...p, adjusted: decimal(p.rvu).times(p.index) }));

  const adjustedRvus = parts.reduce((sum, p) => sum.plus(p.adjusted), new Decimal(0));
  const unrounded = adjustedRvus.times(cf);
  const amount = roundToCents(unrounded);

  const steps: PaymentStep[] = parts.map((p) => ({
    rule: `${p.name} RVU x ${p.name.toLowerCase()} GPCI`,
    // The file's own figures, as printed (RVUs to 2 places, GPCIs to 3), when given as text.
    formula: `${typeof p.rvu === 'string' ? p.rvu : decimal(p.rvu).toFixed(2)} x ${typeof p.index === 'string' ? p.index : decimal(p.index).toFixed(3)}`,
    result: p.adjusted.toString(),
    source: `${rvuSource} (${p.column}); ${gpci.label}`,
  }));
  steps.push(
    {
      rule: 'Geographically adjusted RVUs',
      formula: parts.map((p) => p.adjusted.toString()).join(' + '),
      result: adjustedRvus.toString(),
      source: 'CMS RVU file layout: payment formula',
    },
    {
      rule: 'x conversion factor',
      formula: `${adjustedRvus.toString()} x ${cf.toString()}`,
      result: unrounded.toString(),
      source: `${rvuSource} (CONV FACTOR)`,
    },
    {
      rule: 'Rounded to cents',
      formula: `round(${unrounded.toString()}, 2)`,
      result: formatMoney(amount),
      source: 'Fee schedule amounts are stated in whole cents',
    },
  );
  return { amount, unrounded, adjustedRvus, steps };
}
