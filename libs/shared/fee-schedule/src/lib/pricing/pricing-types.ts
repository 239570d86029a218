import type { GeographicIndices, PaymentStep } from '../payment-amount';
import type { RvuRowForPricing, Setting } from '../setting-amount';
import type { ClaimFinding } from './claim-finding';

/** The PPRRVU fields pricing needs from one row (decimals as exact strings, as in the file). */
export interface PricingRvuRow extends RvuRowForPricing {
  /** '' for the global row, or 26, TC, 53. */
  modifier: string;
  pctcIndicator: string;
  globalDays: string;
  preOpShare: string;
  intraOpShare: string;
  postOpShare: string;
  multipleProcedureIndicator: string;
  bilateralIndicator: string;
  assistantIndicator: string;
  coSurgeonIndicator: string;
  teamIndicator: string;
  endoscopicBase: string | null;
}

export interface PricingRelease {
  /** e.g. "RVU25D" */
  id: string;
  /** e.g. "CMS MPFS RVU25D" */
  label: string;
  sourceFile: string;
  conversionFactor: string;
  /** Where the factor comes from, e.g. "CONV FACTOR in PPRRVU2025_Oct.csv" or the QP factor's rule. */
  conversionFactorSource: string;
}

/** OPPS-based imaging cap amounts for one code (and modifier row) in one locality. */
export interface OppsCapAmounts {
  facility: string;
  nonFacility: string;
  /** e.g. "OPPSCAP_Oct2025.csv, 13202-01" */
  source: string;
}

export interface ClaimLineInput {
  code: string;
  modifiers: readonly string[];
  units: number;
  /** For modifier 55: days of postoperative care the billing provider gave. */
  postOperativeDays?: number | null;
}

export interface ClaimPricingInput {
  release: PricingRelease;
  gpci: GeographicIndices;
  setting: Setting;
  /** Why this setting, e.g. "Place of service 11 (Office): non-facility rate". */
  settingBasis: string;
  participating: boolean;
  /** Billed by a nurse practitioner, physician assistant or clinical nurse specialist under their own number. */
  nonPhysicianPractitioner: boolean;
  lines: readonly ClaimLineInput[];
  /** Every RVU row of every claim code and of the endoscopic base codes they name. */
  rowsByCode: ReadonlyMap<string, readonly PricingRvuRow[]>;
  /** The imaging cap lookup for the locality, or null when no cap applies (national amounts). */
  oppsCap: ((code: string, modifier: string) => OppsCapAmounts | null) | null;
  /** Lines (0-based) the claim edits deny, with the reason; they are neither priced nor ranked. */
  deniedLines?: ReadonlyMap<number, string>;
}

/**
 * FEE_SCHEDULE: amount is the allowed amount. CONTRACTOR_PRICED: payable, but the MAC sets the
 * amount (by report). NOT_PAYABLE: the fee schedule does not pay it as billed. DENIED: a claim edit
 * denies the line.
 */
export type LinePricing = 'FEE_SCHEDULE' | 'CONTRACTOR_PRICED' | 'NOT_PAYABLE' | 'DENIED';

export interface PricedLine {
  /** 1-based line number. */
  line: number;
  code: string;
  modifiers: string[];
  units: number;
  pricing: LinePricing;
  /** The allowed amount after every adjustment, e.g. "109.65"; null unless pricing is FEE_SCHEDULE. */
  amount: string | null;
  /** The most a non-participating provider may charge the patient; null for participating providers. */
  limitingCharge: string | null;
  /** One unit of the RVU row used, before modifier and multiple-procedure adjustments. */
  feeScheduleAmount: string | null;
  /** The RVU row priced: '' (global), 26, TC or 53. */
  rvuRowModifier: string | null;
  reason: string | null;
  steps: PaymentStep[];
}

export interface PricedClaim {
  lines: PricedLine[];
  /** Sum of the FEE_SCHEDULE lines. */
  total: string;
  findings: ClaimFinding[];
}
