/**
 * Aggregated denial patterns for one code, computed from its published reports, for all payers
 * and for each payer type (the filters), with the anonymity rules applied to all of them at once:
 * nothing unlocks until `threshold` distinct submitters have reported, no published number rests
 * on fewer submitters, and nothing withheld can be worked out from what is shown, within a view
 * or by comparing views (see suppression.ts). Every rate is computed from published cells only.
 */
import { Cell, makeCell, Relation, suppress } from './suppression';

export type PayerType = 'MEDICARE_FFS' | 'MEDICARE_ADVANTAGE' | 'MEDICAID' | 'MEDICAID_MANAGED_CARE' | 'COMMERCIAL' | 'TRICARE_VA' | 'WORKERS_COMP' | 'OTHER';
export const PAYER_TYPE_VIEWS: readonly PayerType[] = ['MEDICARE_FFS', 'MEDICARE_ADVANTAGE', 'MEDICAID', 'MEDICAID_MANAGED_CARE', 'COMMERCIAL', 'TRICARE_VA', 'WORKERS_COMP', 'OTHER'];

export type Outcome = 'PAID' | 'PARTIALLY_PAID' | 'UPHELD' | 'PENDING';

export interface ReportFacts {
  /** Keyed hash of the submitter: only distinctness matters here. */
  submitter: string;
  payerType: PayerType;
  groupCode: string;
  carc: string;
  rarcs: readonly string[];
  modifiers: readonly string[];
  /** What fixed it, as a category (e.g. ADDED_MODIFIER); null when not said. */
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
  /** Paid or partially paid, percent of this level's resolved appeals; null when withheld. */
  successRate: string | null;
}

export interface UnlockedStats {
  status: 'UNLOCKED';
  reports: number;
  threshold: number;
  reasons: Breakdown;
  remarks: Breakdown;
  modifiers: Breakdown;
  fixes: Breakdown;
  quarters: Breakdown;
  outcomes: Breakdown;
  /** All-payers view only (a payer-type view is one payer type). */
  payerTypes: Breakdown | null;
  appealLevels: { cells: AppealLevelCell[]; suppressed: number };
  /** Percent of reports appealed, one decimal; null when withheld. */
  appealRate: string | null;
  /** Percent of resolved reports ending paid or partially paid, one decimal; null when withheld. */
  successRate: string | null;
  /** Median days to resolution; null when fewer than `threshold` submitters gave it. */
  medianDaysToResolution: number | null;
}

export type DenialStats =
  /** The code as a whole has too few submitters: only the count and how many more are needed. */
  | { status: 'LOCKED'; reports: number; submitters: number; needed: number; threshold: number }
  /** A payer-type view that would expose a small group: nothing about it is shown. */
  | { status: 'WITHHELD'; threshold: number }
  | UnlockedStats;

export interface DenialStatsViews {
  all: DenialStats;
  byPayerType: Record<PayerType, DenialStats>;
}

export const DEFAULT_THRESHOLD = 5;

type Dimension = 'reasons' | 'remarks' | 'modifiers' | 'fixes' | 'quarters' | 'resolution';
const NOT_APPEALED = 'NONE';
const OUTCOMES: readonly Outcome[] = ['PAID', 'PARTIALLY_PAID', 'UPHELD', 'PENDING'];
const DIMENSIONS: Record<Dimension, { singleValued: boolean; keys: (r: ReportFacts) => readonly string[] }> = {
  reasons: { singleValued: true, keys: (r) => [`${r.groupCode}-${r.carc}`] },
  remarks: { singleValued: false, keys: (r) => r.rarcs },
  modifiers: { singleValued: false, keys: (r) => r.modifiers },
  fixes: { singleValued: true, keys: (r) => (r.fix ? [r.fix] : []) },
  quarters: { singleValued: true, keys: (r) => [r.yearQuarter] },
  // Appeal level (or NONE) x outcome. Outcomes, appeal levels, the appeal rate and every success
  // rate are sums of these cells and shown only when every cell they add up is published: two
  // overlapping partitions (outcomes, and levels x outcomes) would let one be subtracted from the other.
  resolution: { singleValued: true, keys: (r) => [`${r.appealLevel ?? NOT_APPEALED}:${r.outcome}`] },
};

const percent = (part: number, whole: number): string => (whole === 0 ? '0.0' : (Math.round((part * 1000) / whole) / 10).toFixed(1));
type View = 'ALL' | PayerType;
type ViewCells = Map<Dimension, Map<string, Cell>>;

/** Every view of a code's published reports, suppressed together. */
export function computeDenialStatsViews(reports: readonly ReportFacts[], threshold = DEFAULT_THRESHOLD): DenialStatsViews {
  const submitterOf = reports.map((r) => r.submitter);
  const everyone = reports.map((_, i) => i);
  const allTotal = makeCell('ALL', 'ALL', everyone, submitterOf, threshold);
  if (!allTotal.published) {
    const locked: DenialStats = { status: 'LOCKED', reports: reports.length, submitters: allTotal.submitters, needed: threshold - allTotal.submitters, threshold };
    return { all: locked, byPayerType: withheldViews(threshold) };
  }

  const members = (view: View) => (view === 'ALL' ? everyone : everyone.filter((i) => reports[i].payerType === view));
  const payerTypes = cellsBy('ALL|payerTypes', everyone, (i) => [reports[i].payerType], submitterOf, threshold);
  const totals = new Map<View, Cell>([['ALL', allTotal], ...PAYER_TYPE_VIEWS.map((p) => [p, payerTypes.get(p) ?? makeCell(`ALL|payerTypes|${p}`, p, [], submitterOf, threshold)] as [View, Cell])]);
  const views: View[] = ['ALL', ...PAYER_TYPE_VIEWS];
  const cells = new Map<View, ViewCells>(
    views.map((v) => {
      const inView = members(v);
      const dims = new Map<Dimension, Map<string, Cell>>();
      for (const d of Object.keys(DIMENSIONS) as Dimension[]) dims.set(d, cellsBy(`${v}|${d}`, inView, (i) => DIMENSIONS[d].keys(reports[i]), submitterOf, threshold));
      return [v, dims];
    }),
  );
  const cellsOfView = (v: View) => [...(cells.get(v) as ViewCells).values()].flatMap((m) => [...m.values()]);
  for (const p of PAYER_TYPE_VIEWS) if (!(totals.get(p) as Cell).published) for (const c of cellsOfView(p)) c.published = false;

  const relations: Relation[] = [{ parent: allTotal, children: [...payerTypes.values()] }];
  for (const v of views) {
    const dims = cells.get(v) as ViewCells;
    for (const d of Object.keys(DIMENSIONS) as Dimension[]) {
      if (DIMENSIONS[d].singleValued) relations.push({ parent: totals.get(v) as Cell, children: [...(dims.get(d) as Map<string, Cell>).values()] });
    }
  }
  for (const d of Object.keys(DIMENSIONS) as Dimension[]) {
    for (const [key, parent] of cells.get('ALL')?.get(d) ?? []) {
      relations.push({ parent, children: PAYER_TYPE_VIEWS.map((p) => cells.get(p)?.get(d)?.get(key)).filter((c): c is Cell => c !== undefined) });
    }
  }
  suppress(relations, submitterOf, threshold, (cell) => {
    const view = PAYER_TYPE_VIEWS.find((p) => totals.get(p) === cell);
    return view ? cellsOfView(view).filter((c) => c.published) : [];
  });

  const viewStats = (v: View): DenialStats => {
    const total = totals.get(v) as Cell;
    if (!total.published) return { status: 'WITHHELD', threshold };
    return unlockedView(total, cells.get(v) as ViewCells, v === 'ALL' ? payerTypes : null, reports, threshold);
  };
  return {
    all: viewStats('ALL'),
    byPayerType: Object.fromEntries(PAYER_TYPE_VIEWS.map((p) => [p, viewStats(p)])) as Record<PayerType, DenialStats>,
  };
}

/** One view: all payers (`filter` empty) or one payer type. */
export function computeDenialStats(reports: readonly ReportFacts[], threshold = DEFAULT_THRESHOLD, filter: { payerType?: PayerType } = {}): DenialStats {
  const views = computeDenialStatsViews(reports, threshold);
  return filter.payerType ? views.byPayerType[filter.payerType] : views.all;
}

function withheldViews(threshold: number): Record<PayerType, DenialStats> {
  return Object.fromEntries(PAYER_TYPE_VIEWS.map((p) => [p, { status: 'WITHHELD', threshold }])) as Record<PayerType, DenialStats>;
}

function cellsBy(prefix: string, members: readonly number[], keys: (i: number) => readonly string[], submitterOf: readonly string[], threshold: number): Map<string, Cell> {
  const groups = new Map<string, number[]>();
  for (const i of members) {
    for (const k of new Set(keys(i))) {
      const group = groups.get(k);
      if (group) group.push(i);
      else groups.set(k, [i]);
    }
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, m]) => [k, makeCell(`${prefix}|${k}`, k, m, submitterOf, threshold)]));
}

function toBreakdown(cells: Map<string, Cell>, total: number, hidden: (key: string) => boolean = () => false): Breakdown {
  const all = [...cells.values()].filter((c) => !hidden(c.key));
  const shown = all.filter((c) => c.published).sort((a, b) => b.members.length - a.members.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { cells: shown.map((c) => ({ key: c.key, reports: c.members.length, share: percent(c.members.length, total) })), suppressed: all.length - shown.length };
}

/** The sum of the resolution cells `match` selects, or null when any of them is withheld. */
function resolutionSum(resolution: Map<string, Cell>, match: (level: string, outcome: string) => boolean): number | null {
  let sum = 0;
  for (const c of resolution.values()) {
    const [level, outcome] = c.key.split(':');
    if (!match(level, outcome)) continue;
    if (!c.published) return null;
    sum += c.members.length;
  }
  return sum;
}

/** Paid or partially paid over resolved, for the appeal levels `level` selects. */
function successRate(resolution: Map<string, Cell>, level: (l: string) => boolean): string | null {
  const paid = resolutionSum(resolution, (l, o) => level(l) && (o === 'PAID' || o === 'PARTIALLY_PAID'));
  const upheld = resolutionSum(resolution, (l, o) => level(l) && o === 'UPHELD');
  return paid === null || upheld === null || paid + upheld === 0 ? null : percent(paid, paid + upheld);
}

function unlockedView(total: Cell, dims: ViewCells, payerTypes: Map<string, Cell> | null, reports: readonly ReportFacts[], threshold: number): UnlockedStats {
  const n = total.members.length;
  const dim = (d: Dimension) => dims.get(d) as Map<string, Cell>;
  const resolution = dim('resolution');
  const present = (pick: (level: string, outcome: string) => string) => [...new Set([...resolution.keys()].map((k) => pick(...(k.split(':') as [string, string]))))];
  const outcomeCells = present((_, o) => o)
    .map((o) => ({ key: o, reports: resolutionSum(resolution, (_, x) => x === o) }))
    .sort((a, b) => OUTCOMES.indexOf(a.key as Outcome) - OUTCOMES.indexOf(b.key as Outcome));
  const levels = present((l) => l).filter((l) => l !== NOT_APPEALED);
  const levelCells = levels.map((l) => ({ level: Number(l), appeals: resolutionSum(resolution, (x) => x === l) }));
  const notAppealed = resolutionSum(resolution, (l) => l === NOT_APPEALED);
  const withDays = total.members.filter((i) => reports[i].daysToResolution !== null);
  const days = withDays.map((i) => reports[i].daysToResolution as number).sort((a, b) => a - b);
  const median = days.length === 0 ? null : days.length % 2 ? days[(days.length - 1) / 2] : (days[days.length / 2 - 1] + days[days.length / 2]) / 2;
  const shown = <T extends { reports: number | null }>(cells: T[]) => cells.filter((c): c is T & { reports: number } => c.reports !== null);
  return {
    status: 'UNLOCKED',
    reports: n,
    threshold,
    reasons: toBreakdown(dim('reasons'), n),
    remarks: toBreakdown(dim('remarks'), n),
    modifiers: toBreakdown(dim('modifiers'), n),
    fixes: toBreakdown(dim('fixes'), n),
    quarters: toBreakdown(dim('quarters'), n),
    outcomes: {
      cells: shown(outcomeCells).map((c) => ({ key: c.key, reports: c.reports, share: percent(c.reports, n) })),
      suppressed: outcomeCells.length - shown(outcomeCells).length,
    },
    payerTypes: payerTypes ? toBreakdown(payerTypes, n) : null,
    appealLevels: {
      cells: levelCells
        .filter((c): c is { level: number; appeals: number } => c.appeals !== null)
        .map((c) => ({ ...c, successRate: successRate(resolution, (l) => l === String(c.level)) }))
        .sort((a, b) => a.level - b.level),
      suppressed: levelCells.filter((c) => c.appeals === null).length,
    },
    appealRate: notAppealed === null ? null : percent(n - notAppealed, n),
    successRate: successRate(resolution, () => true),
    medianDaysToResolution: new Set(withDays.map((i) => reports[i].submitter)).size >= threshold ? median : null,
  };
}
