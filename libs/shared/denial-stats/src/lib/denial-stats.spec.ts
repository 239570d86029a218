import { computeDenialStats, computeDenialStatsViews, DenialStats, PAYER_TYPE_VIEWS, PayerType, ReportFacts, UnlockedStats } from './denial-stats';

let n = 0;
const report = (submitter: string, over: Partial<ReportFacts> = {}): ReportFacts => ({
  submitter,
  payerType: 'MEDICARE_FFS',
  groupCode: 'CO',
  carc: '97',
  rarcs: ['N362'],
  modifiers: ['26'],
  fix: 'ADDED_MODIFIER',
  appealLevel: null,
  outcome: 'PAID',
  daysToResolution: 10 + (n++ % 7),
  yearQuarter: '2025Q3',
  ...over,
});
const people = (count: number, over: Partial<ReportFacts> = {}, prefix = 's') => Array.from({ length: count }, (_, i) => report(`${prefix}${i}`, over));
const unlocked = (s: DenialStats): UnlockedStats => {
  if (s.status !== 'UNLOCKED') throw new Error(`expected unlocked, got ${JSON.stringify(s)}`);
  return s;
};

describe('unlocking', () => {
  it('stays locked with four submitters, and says how many more are needed', () => {
    expect(computeDenialStats([...people(4), ...people(4)])).toEqual({ status: 'LOCKED', reports: 8, submitters: 4, needed: 1, threshold: 5 });
  });

  it('does not unlock on five reports from one submitter', () => {
    expect(computeDenialStats(Array.from({ length: 5 }, () => report('same')))).toMatchObject({ status: 'LOCKED', submitters: 1, needed: 4 });
  });

  it('unlocks exactly at the fifth distinct submitter', () => {
    expect(computeDenialStats(people(4)).status).toBe('LOCKED');
    expect(unlocked(computeDenialStats(people(5))).reasons.cells).toEqual([{ key: 'CO-97', reports: 5, share: '100.0' }]);
  });

  it('takes the threshold as configured', () => {
    expect(computeDenialStats(people(5), 10)).toMatchObject({ status: 'LOCKED', needed: 5, threshold: 10 });
  });

  it('a locked code shows no payer-type view either', () => {
    const views = computeDenialStatsViews(people(4));
    expect(Object.values(views.byPayerType)).toEqual(PAYER_TYPE_VIEWS.map(() => ({ status: 'WITHHELD', threshold: 5 })));
  });
});

describe('small cells', () => {
  it('withholds a reason backed by fewer than five submitters, and one more so it cannot be derived', () => {
    const reports = [...people(8, {}, 'a'), ...people(6, { carc: '16' }, 'b'), ...people(2, { carc: '236' }, 'c')];
    const stats = unlocked(computeDenialStats(reports));
    // Published: CO-97 (8). CO-236 (2 submitters) is withheld, and so is CO-16 (next smallest):
    // otherwise 16 - 8 - 6 = 2 would reveal CO-236.
    expect(stats.reasons).toEqual({ cells: [{ key: 'CO-97', reports: 8, share: '50.0' }], suppressed: 2 });
  });

  it('counts five reports of one submitter as one: a cell needs five submitters, not five reports', () => {
    const reports = [...people(6, {}, 'a'), ...Array.from({ length: 5 }, () => report('one', { carc: '16' }))];
    expect(unlocked(computeDenialStats(reports)).reasons.cells.map((c) => c.key)).toEqual([]);
  });

  it('withholds enough payer types that the rest is never one small group', () => {
    const payers: PayerType[] = ['MEDICARE_FFS', 'COMMERCIAL', 'MEDICAID', 'TRICARE_VA'];
    const reports = payers.flatMap((p, i) => people([9, 7, 5, 1][i], { payerType: p, carc: ['97', '16', '236', '4'][i], yearQuarter: `2025Q${i + 1}` }, p));
    const stats = unlocked(computeDenialStats(reports));
    // TRICARE (1) is withheld; 22 - 9 - 7 - 5 = 1 would reveal it, so Medicaid (5) goes too.
    expect(stats.payerTypes?.cells.map((c) => c.key)).toEqual(['MEDICARE_FFS', 'COMMERCIAL']);
    expect(stats.payerTypes?.suppressed).toBe(2);
  });

  it('a payer-type view unlocks only when the rest of the code also has five submitters', () => {
    const reports = [...people(9, { payerType: 'COMMERCIAL' }, 'c'), ...people(3, { payerType: 'MEDICAID' }, 'm')];
    expect(computeDenialStats(reports).status).toBe('UNLOCKED');
    expect(computeDenialStats(reports, 5, { payerType: 'MEDICAID' })).toEqual({ status: 'WITHHELD', threshold: 5 });
    // Commercial alone has 9 submitters, but "all" minus "commercial" would reveal the 3 Medicaid ones.
    expect(computeDenialStats(reports, 5, { payerType: 'COMMERCIAL' }).status).toBe('WITHHELD');
    const more = [...reports, ...people(3, { payerType: 'MEDICAID' }, 'm2')];
    expect(computeDenialStats(more, 5, { payerType: 'COMMERCIAL' })).toMatchObject({ status: 'UNLOCKED', reports: 9 });
  });

  it('defeats differencing between the all-payers view and a payer-type view', () => {
    // Medicare: 8 submitters with CO-97 and 6 with CO-16. Commercial: 6 with CO-97 and 1 with CO-16.
    // All payers: CO-16 = 7 (7 submitters, publishable); Medicare's CO-16 = 6 (publishable) - but
    // 7 - 6 = 1 would reveal the one commercial CO-16 report. One of the two must go.
    const reports = [
      ...people(8, {}, 'm97'),
      ...people(6, { carc: '16' }, 'm16'),
      ...people(6, { payerType: 'COMMERCIAL' }, 'c97'),
      report('c16', { payerType: 'COMMERCIAL', carc: '16' }),
    ];
    const views = computeDenialStatsViews(reports);
    const all = unlocked(views.all);
    const medicare = unlocked(views.byPayerType.MEDICARE_FFS);
    const commercial = unlocked(views.byPayerType.COMMERCIAL);
    const cell = (s: UnlockedStats, key: string) => s.reasons.cells.find((c) => c.key === key)?.reports;
    expect(cell(all, 'CO-16')).toBe(7);
    expect(cell(medicare, 'CO-16')).toBeUndefined();
    expect(cell(commercial, 'CO-16')).toBeUndefined();
    // Medicare's CO-97 (8) is then its only cell shown besides a withheld remainder of 6: fine.
    expect(cell(medicare, 'CO-97')).toBe(8);
    expect(all.reports - medicare.reports).toBe(7);
  });
});

describe('appeals and resolution', () => {
  it('reports appeal rate, success by level and the median days when every part is large enough', () => {
    const reports = [
      ...people(6, { appealLevel: 1, outcome: 'PAID', daysToResolution: 30, fix: 'ADDED_DOCUMENTATION' }, 'l1'),
      ...people(5, { appealLevel: 1, outcome: 'UPHELD', daysToResolution: 45, fix: 'NOTHING_WORKED' }, 'l1u'),
      ...people(5, { appealLevel: 2, outcome: 'PARTIALLY_PAID', daysToResolution: 90, fix: 'ADDED_DOCUMENTATION' }, 'l2'),
      ...people(6, { fix: 'ADDED_MODIFIER', daysToResolution: 12 }, 'f'),
    ];
    const stats = unlocked(computeDenialStats(reports));
    expect(stats.appealRate).toBe('72.7');
    expect(stats.appealLevels).toEqual({ cells: [{ level: 1, appeals: 11, successRate: '54.5' }, { level: 2, appeals: 5, successRate: '100.0' }], suppressed: 0 });
    expect(stats.successRate).toBe('77.3');
    expect(stats.outcomes.cells).toEqual([
      { key: 'PAID', reports: 12, share: '54.5' },
      { key: 'PARTIALLY_PAID', reports: 5, share: '22.7' },
      { key: 'UPHELD', reports: 5, share: '22.7' },
    ]);
    expect(stats.medianDaysToResolution).toBe(30);
  });

  it('withholds a small level, and whatever would let it be subtracted', () => {
    const reports = [
      ...people(6, { appealLevel: 1, outcome: 'PAID' }, 'l1'),
      ...people(5, { appealLevel: 1, outcome: 'UPHELD' }, 'l1u'),
      ...people(5, { appealLevel: 2, outcome: 'PARTIALLY_PAID' }, 'l2'),
      ...people(2, { appealLevel: 3, outcome: 'PENDING', daysToResolution: null }, 'l3'),
      ...people(6, {}, 'f'),
    ];
    const stats = unlocked(computeDenialStats(reports));
    // Level 3 pending (2 submitters) is withheld, and the smallest other cell (level 2) with it,
    // so 24 - 6 - 6 - 5 = 7 is what remains hidden. Pending, level 2 and level 3 are not shown;
    // neither is the overall success rate (it needs level 2's partial payments).
    expect(stats.appealLevels).toEqual({ cells: [{ level: 1, appeals: 11, successRate: '54.5' }], suppressed: 2 });
    expect(stats.outcomes.cells.map((c) => c.key)).toEqual(['PAID', 'UPHELD']);
    expect(stats.outcomes.suppressed).toBe(2);
    expect(stats.appealRate).toBe('75.0');
    expect(stats.successRate).toBeNull();
  });

  it('withholds the median when fewer than five submitters gave days to resolution', () => {
    const reports = [...people(3, { daysToResolution: 5 }, 'a'), ...people(5, { daysToResolution: null }, 'b')];
    expect(unlocked(computeDenialStats(reports)).medianDaysToResolution).toBeNull();
  });
});

/**
 * An attacker's check, written apart from the implementation: from the published numbers alone,
 * every subtraction a reader can do (a view's total minus its shown cells; the all-payers cell
 * minus the same cell of each shown payer type) must leave nothing, or a group of at least
 * `threshold` submitters. And every shown cell is backed by `threshold` submitters.
 */
describe('no small group can be worked out (random codes)', () => {
  const T = 5;
  const random = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <X>(rnd: () => number, xs: readonly X[]) => xs[Math.floor(rnd() * xs.length)];

  function randomReports(seed: number): ReportFacts[] {
    const rnd = random(seed);
    const pool = 4 + Math.floor(rnd() * 20);
    const count = 5 + Math.floor(rnd() * 60);
    return Array.from({ length: count }, () => {
      const appealed = rnd() < 0.5;
      return report(`p${Math.floor(rnd() ** 2 * pool)}`, {
        payerType: pick(rnd, ['MEDICARE_FFS', 'MEDICARE_FFS', 'COMMERCIAL', 'MEDICAID'] as PayerType[]),
        carc: pick(rnd, ['97', '97', '16', '4', '236']),
        rarcs: rnd() < 0.5 ? [pick(rnd, ['N362', 'M15', 'N290'])] : [],
        modifiers: pick(rnd, [[], ['26'], ['26', 'RT'], ['59']]),
        fix: pick(rnd, [null, 'ADDED_MODIFIER', 'CHANGED_CODE']),
        appealLevel: appealed ? pick(rnd, [1, 1, 2]) : null,
        outcome: pick(rnd, ['PAID', 'PAID', 'UPHELD', 'PENDING', 'PARTIALLY_PAID'] as const),
        yearQuarter: pick(rnd, ['2025Q1', '2025Q2', '2025Q3']),
      });
    });
  }

  const submitters = (rs: readonly ReportFacts[]) => new Set(rs.map((r) => r.submitter)).size;
  const safe = (rest: readonly ReportFacts[]) => rest.length === 0 || submitters(rest) >= T;
  const BREAKDOWNS: { name: 'reasons' | 'remarks' | 'modifiers' | 'fixes' | 'quarters' | 'outcomes'; single: boolean; keys: (r: ReportFacts) => string[] }[] = [
    { name: 'reasons', single: true, keys: (r) => [`${r.groupCode}-${r.carc}`] },
    { name: 'remarks', single: false, keys: (r) => [...r.rarcs] },
    { name: 'modifiers', single: false, keys: (r) => [...r.modifiers] },
    { name: 'fixes', single: true, keys: (r) => (r.fix ? [r.fix] : []) },
    { name: 'quarters', single: true, keys: (r) => [r.yearQuarter] },
    { name: 'outcomes', single: true, keys: (r) => [r.outcome] },
  ];

  let withheld = 0;
  afterAll(() => {
    // The generator must produce codes where suppression actually happens, or this proves nothing.
    expect(withheld).toBeGreaterThan(200);
  });

  it.each(Array.from({ length: 400 }, (_, i) => i + 1))('seed %i', (seed) => {
    const reports = randomReports(seed);
    const views = computeDenialStatsViews(reports, T);
    const all = views.all;
    if (all.status !== 'UNLOCKED') {
      expect(submitters(reports)).toBeLessThan(T);
      return;
    }
    const shown: [string, ReportFacts[], UnlockedStats][] = [['ALL', reports, all]];
    for (const p of PAYER_TYPE_VIEWS) {
      const s = views.byPayerType[p];
      const inView = reports.filter((r) => r.payerType === p);
      if (s.status === 'UNLOCKED') {
        expect(all.payerTypes?.cells.find((c) => c.key === p)?.reports).toBe(inView.length);
        shown.push([p, inView, s]);
      }
    }
    expect(safe(reports.filter((r) => !all.payerTypes?.cells.some((c) => c.key === r.payerType)))).toBe(true);
    for (const b of BREAKDOWNS) {
      for (const [, inView, stats] of shown) {
        const keys = new Set(stats[b.name].cells.map((c) => c.key));
        withheld += stats[b.name].suppressed;
        for (const c of stats[b.name].cells) {
          const backing = inView.filter((r) => b.keys(r).includes(c.key));
          expect(backing.length).toBe(c.reports);
          expect(submitters(backing)).toBeGreaterThanOrEqual(T);
        }
        if (b.single) expect(safe(inView.filter((r) => !b.keys(r).some((k) => keys.has(k))))).toBe(true);
      }
      for (const c of all[b.name].cells) {
        const row = reports.filter((r) => b.keys(r).includes(c.key));
        const covered = new Set(shown.slice(1).filter(([, , s]) => s[b.name].cells.some((x) => x.key === c.key)).map(([p]) => p));
        expect(safe(row.filter((r) => !covered.has(r.payerType)))).toBe(true);
      }
    }
    for (const [, inView, stats] of shown) {
      if (stats.appealRate !== null) {
        expect(safe(inView.filter((r) => r.appealLevel !== null))).toBe(true);
        expect(safe(inView.filter((r) => r.appealLevel === null))).toBe(true);
      }
      for (const level of stats.appealLevels.cells) {
        const atLevel = inView.filter((r) => r.appealLevel === level.level);
        expect(atLevel.length).toBe(level.appeals);
        for (const outcome of ['PAID', 'PARTIALLY_PAID', 'UPHELD', 'PENDING']) expect(safe(atLevel.filter((r) => r.outcome === outcome))).toBe(true);
      }
    }
  });
});
