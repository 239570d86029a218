/**
 * Aggregated denial patterns for one code, computed from its published reports, with the
 * anonymity rules applied: nothing unlocks until enough distinct submitters have reported, no
 * published cell rests on fewer submitters than the threshold, and no suppressed cell can be
 * worked out from the published ones (complementary suppression).
 */
export type PayerType =
  | 'MEDICARE_FFS'
  | 'MEDICARE_ADVANTAGE'
  | 'MEDICAID'
  | 'MEDICAID_MANAGED_CARE'
  | 'COMMERCIAL'
  | 'TRICARE_VA'
  | 'WORKERS_COMP'
  | 'OTHER';

export type Outcome = 'PAID' | 'PARTIALLY_PAID' | 'UPHELD' | 'PENDING';

export interface ReportFacts {
  /** Keyed hash of the submitter: only distinctness matters here. */
  submitter: string;
  payerType: PayerType;
  groupCode: string;
  carc: string;
  rarcs: readonly string[];
  modifiers: readonly string[];
  /** What fixed it, as a category (e.g. ADDED_MODIFIER, CORRECTED_CODE, APPEALED, WROTE_OFF). */
  fix: string | null;
  /** 1-5 for appeal levels; null when not appealed. */
  appealLevel: number | null;
  outcome: Outcome;
  daysToResolution: number | null;
  /** "2025Q3" */
  yearQuarter: string;
}

export interface PublishedCell {
  key: string;
  reports: number;
  /** Percent of the reports in this view, one decimal, e.g. "42.9". */
  share: string;
}

export interface Breakdown {
  cells: PublishedCell[];
  /** How many cells were withheld (fewer submitters than the threshold, or derivable). */
  suppressed: number;
}

export interface AppealLevelCell {
  level: number;
  appeals: number;
  /** Paid or partially paid, percent of this level's resolved appeals, one decimal. */
  successRate: string | null;
}

export type DenialStats =
  | { status: 'LOCKED'; reports: number; submitters: number; needed: number; threshold: number }
  | {
      status: 'UNLOCKED';
      reports: number;
      submitters: number;
      threshold: number;
      reasons: Breakdown;
      remarks: Breakdown;
      payerTypes: Breakdown;
      modifiers: Breakdown;
      fixes: Breakdown;
      quarters: Breakdown;
      appealLevels: { cells: AppealLevelCell[]; suppressed: number };
      /** Percent of reports appealed, one decimal. */
      appealRate: string;
      /** Percent of resolved reports ending paid or partially paid, one decimal; null if too few. */
      successRate: string | null;
      /** Median days to resolution; null when fewer than `threshold` submitters gave it. */
      medianDaysToResolution: number | null;
    };

export const DEFAULT_THRESHOLD = 5;

const percent = (part: number, whole: number): string => (whole === 0 ? '0.0' : ((Math.round((part * 1000) / whole) / 10).toFixed(1)));
const submitters = (reports: readonly ReportFacts[]) => new Set(reports.map((r) => r.submitter)).size;
const paid = (r: ReportFacts) => r.outcome === 'PAID' || r.outcome === 'PARTIALLY_PAID';

/**
 * One breakdown: each report adds to the cell(s) `keys` gives it. A cell backed by fewer than
 * `threshold` submitters is withheld; when exactly one cell of a single-valued breakdown would be
 * withheld it could be derived as total minus the rest, so the next smallest cell is withheld too.
 */
export function breakdown(reports: readonly ReportFacts[], keys: (r: ReportFacts) => readonly string[], threshold: number, singleValued: boolean): Breakdown {
  const cells = new Map<string, ReportFacts[]>();
  for (const r of reports) for (const k of new Set(keys(r))) cells.set(k, [...(cells.get(k) ?? []), r]);
  const all = [...cells.entries()].map(([key, rs]) => ({ key, reports: rs.length, submitters: submitters(rs) }));
  const published = all.filter((c) => c.submitters >= threshold).sort((a, b) => b.reports - a.reports || a.key.localeCompare(b.key));
  let suppressed = all.length - published.length;
  // Withheld reports are derivable from the published total when exactly one cell is withheld.
  const withheldReports = singleValued ? reports.length - published.reduce((n, c) => n + c.reports, 0) : 0;
  if (singleValued && suppressed === 1 && published.length > 0) {
    published.pop();
    suppressed++;
  } else if (singleValued && suppressed === 0 && withheldReports > 0 && published.length > 0) {
    // Reports with no key for this breakdown: same derivation risk.
    published.pop();
    suppressed++;
  }
  return { cells: published.map((c) => ({ key: c.key, reports: c.reports, share: percent(c.reports, reports.length) })), suppressed };
}

export interface StatsFilter {
  payerType?: PayerType;
}

/**
 * The stats for a code's published reports, optionally filtered. A filtered view unlocks only when
 * both the view and the rest of the code's reports have `threshold` distinct submitters, so "all"
 * minus "filtered" never reveals a small group.
 */
export function computeDenialStats(all: readonly ReportFacts[], threshold = DEFAULT_THRESHOLD, filter: StatsFilter = {}): DenialStats {
  const inView = (r: ReportFacts) => filter.payerType === undefined || r.payerType === filter.payerType;
  const reports = all.filter(inView);
  const rest = all.filter((r) => !inView(r));
  const count = submitters(reports);
  const restCount = submitters(rest);
  if (count < threshold || (rest.length > 0 && restCount < threshold)) {
    return { status: 'LOCKED', reports: reports.length, submitters: count, needed: Math.max(0, threshold - count), threshold };
  }

  const appealed = reports.filter((r) => r.appealLevel !== null);
  const levels = new Map<number, ReportFacts[]>();
  for (const r of appealed) levels.set(r.appealLevel as number, [...(levels.get(r.appealLevel as number) ?? []), r]);
  const levelCells = [...levels.entries()]
    .filter(([, rs]) => submitters(rs) >= threshold)
    .sort(([a], [b]) => a - b)
    .map(([level, rs]) => {
      const resolved = rs.filter((r) => r.outcome !== 'PENDING');
      return { level, appeals: rs.length, successRate: submitters(resolved) >= threshold ? percent(resolved.filter(paid).length, resolved.length) : null };
    });
  let levelSuppressed = levels.size - levelCells.length;
  if (levelSuppressed === 1 && levelCells.length > 0) {
    // The appeal total is published (appealRate), so one withheld level could be derived.
    levelCells.sort((a, b) => a.appeals - b.appeals).shift();
    levelCells.sort((a, b) => a.level - b.level);
    levelSuppressed++;
  }

  const resolved = reports.filter((r) => r.outcome !== 'PENDING');
  const days = reports.filter((r) => r.daysToResolution !== null);
  const sortedDays = days.map((r) => r.daysToResolution as number).sort((a, b) => a - b);
  const median = sortedDays.length === 0 ? null : sortedDays.length % 2 ? sortedDays[(sortedDays.length - 1) / 2] : (sortedDays[sortedDays.length / 2 - 1] + sortedDays[sortedDays.length / 2]) / 2;

  return {
    status: 'UNLOCKED',
    reports: reports.length,
    submitters: count,
    threshold,
    reasons: breakdown(reports, (r) => [`${r.groupCode}-${r.carc}`], threshold, true),
    remarks: breakdown(reports, (r) => r.rarcs, threshold, false),
    payerTypes: breakdown(reports, (r) => [r.payerType], threshold, true),
    modifiers: breakdown(reports, (r) => r.modifiers, threshold, false),
    fixes: breakdown(reports, (r) => (r.fix ? [r.fix] : []), threshold, true),
    quarters: breakdown(reports, (r) => [r.yearQuarter], threshold, true),
    appealLevels: { cells: levelCells, suppressed: levelSuppressed },
    appealRate: percent(appealed.length, reports.length),
    successRate: submitters(resolved) >= threshold ? percent(resolved.filter(paid).length, resolved.length) : null,
    medianDaysToResolution: submitters(days) >= threshold ? median : null,
  };
}
