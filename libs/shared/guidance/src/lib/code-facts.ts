import type { PricingRvuRow } from '@denialmap/shared/fee-schedule';

/** One RVU row's payment-policy fields (as pricing reads them from the PPRRVU file) and its national amounts. */
export interface RowFacts extends Omit<PricingRvuRow, 'modifier'> {
  conversionFactor: string;
  /** National (GPCI 1.000) amounts, exact decimal strings; null when not payable in that setting. */
  nationalNonFacilityAmount: string | null;
  nationalFacilityAmount: string | null;
}

export interface PtpAsColumnTwo {
  /** Edits in force on the date of service with this code in column 2 (it is the one denied). */
  inForce: number;
  /** Of those, how many an NCCI-associated modifier may bypass (indicator 1). */
  modifierAllowed: number;
  /** A few of the column-1 codes, most relevant first, for the advice. */
  examples: { column1: string; modifierAllowed: boolean }[];
}

export interface NcciFacts {
  ptp: { label: string; sourceFile: string; asColumnTwo: PtpAsColumnTwo } | null;
  mue: { label: string; sourceFile: string; maxUnits: number; adjudicationIndicator: string; rationale: string | null } | null;
  addOn: { label: string; sourceFile: string; editType: string; primaryCodes: string[]; primaryCodeCount: number } | null;
}

export interface OppsCapFacts {
  sourceFile: string;
  /** Localities with a cap on the global (or TC) row. */
  localities: number;
  /** The lowest capped non-facility amount and where. */
  lowest: { amount: string; mac: string; localityNumber: string; modifier: string };
}

/** Everything rule-derived tips are computed from, for one code on one date of service. */
export interface CodeFacts {
  code: string;
  /** "CMS MPFS RVU25D" and the file it came from. */
  release: { label: string; sourceFile: string };
  global: RowFacts;
  professional: RowFacts | null;
  technical: RowFacts | null;
  /** The modifier-53 row, which only a few codes have (44388, 45378, G0105, G0121). */
  discontinued: RowFacts | null;
  ncci: NcciFacts;
  oppsCap: OppsCapFacts | null;
}
