/** Where a tip comes from: rule-derived from reference data, community reports, or staff. */
export type TipKind = 'RULE' | 'COMMUNITY' | 'CURATED';

/** What a tip is about, so a page can group or filter them. */
export type TipTopic =
  | 'PROFESSIONAL_TECHNICAL_SPLIT'
  | 'BILATERAL'
  | 'MULTIPLE_PROCEDURES'
  | 'NCCI_BUNDLING'
  | 'UNIT_LIMIT'
  | 'ADD_ON'
  | 'GLOBAL_PERIOD'
  | 'SURGICAL_TEAM'
  | 'PAYMENT_STATUS'
  | 'REDUCED_OR_DISCONTINUED'
  | 'IMAGING_CAP'
  | 'DENIAL_PATTERN'
  | 'CODING'
  | 'DOCUMENTATION'
  | 'OTHER';

export interface TipSource {
  /** Who says so: "CMS MPFS RVU25D", "CMS NCCI PTP edits, effective 2024-07-01", "DenialMap community reports". */
  label: string;
  /** Exactly where: file and field, rule, or the basis a staff member gave. */
  detail: string;
}

export interface MoneyAtStake {
  /** Dollars as an exact decimal string, two places ("92.19"). */
  amount: string;
  /** How it was computed, in words with the figures ("TC row, national non-facility: 2.85 x 32.3465"). */
  basis: string;
}

export interface BillingTip {
  /** Stable within a code: "rule:pctc", "community:top-reason", "curated:<id>". */
  key: string;
  kind: TipKind;
  topic: TipTopic;
  title: string;
  advice: string;
  source: TipSource;
  /** Only where it can be computed from the data; never estimated. */
  moneyAtStake: MoneyAtStake | null;
  /** Community tips: how many published reports back it. */
  reports: number | null;
  /** Curated tips: an impact a staff member stated, with the basis they cited (never computed here). */
  impact?: { statement: string; basis: string } | null;
}

const KIND_ORDER: Record<TipKind, number> = { CURATED: 0, RULE: 1, COMMUNITY: 2 };

/**
 * Most money at stake first, then most evidence (reports), then staff-written before
 * rule-derived before community; ties keep the order they came in (curated tips oldest first).
 */
export function orderTips(tips: readonly BillingTip[]): BillingTip[] {
  const cents = (t: BillingTip) => (t.moneyAtStake ? wholeCents(t.moneyAtStake.amount) : -1);
  return [...tips].sort(
    (a, b) => cents(b) - cents(a) || (b.reports ?? 0) - (a.reports ?? 0) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind],
  );
}

/** "92.19" -> 9219, exactly (integers, never a binary fraction). */
function wholeCents(amount: string): number {
  const [dollars, cents = ''] = amount.split('.');
  return Number(dollars) * 100 + Number(cents.padEnd(2, '0').slice(0, 2));
}
