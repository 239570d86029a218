import { computeDenialStats, DenialStats, PayerType, ReportFacts } from './denial-stats';

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
const unlocked = (s: DenialStats) => {
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
});

describe('small cells', () => {
  it('withholds a reason backed by fewer than five submitters, and one more so it cannot be derived', () => {
    const reports = [...people(8, {}, 'a'), ...people(6, { carc: '16' }, 'b'), ...people(2, { carc: '236' }, 'c')];
    const stats = unlocked(computeDenialStats(reports));
    // Published: CO-97 (8). CO-236 (2 submitters) is withheld, and so is CO-16 (next smallest):
    // otherwise 16 - 8 - 6 = 2 would reveal CO-236.
    expect(stats.reasons).toEqual({ cells: [{ key: 'CO-97', reports: 8, share: '50.0' }], suppressed: 2 });
  });

  it('resists differencing: in every single-valued breakdown, withheld cells are never exactly one', () => {
    const payers: PayerType[] = ['MEDICARE_FFS', 'COMMERCIAL', 'MEDICAID', 'TRICARE_VA'];
    const reports = payers.flatMap((p, i) => people([9, 7, 5, 1][i], { payerType: p, carc: ['97', '16', '236', '4'][i], yearQuarter: `2025Q${i + 1}` }, p));
    const stats = unlocked(computeDenialStats(reports));
    for (const b of [stats.reasons, stats.payerTypes, stats.quarters]) {
      // One withheld cell would equal the total minus the shown cells; two or more cannot be split.
      expect(b.suppressed).not.toBe(1);
    }
    expect(stats.payerTypes.cells.map((c) => c.key)).toEqual(['MEDICARE_FFS', 'COMMERCIAL']);
  });

  it('a filtered view unlocks only when the rest of the code also has five submitters', () => {
    const reports = [...people(9, { payerType: 'COMMERCIAL' }, 'c'), ...people(3, { payerType: 'MEDICAID' }, 'm')];
    expect(computeDenialStats(reports).status).toBe('UNLOCKED');
    expect(computeDenialStats(reports, 5, { payerType: 'MEDICAID' }).status).toBe('LOCKED');
    // Commercial alone has 9 submitters, but "all" minus "commercial" would reveal the 3 Medicaid ones.
    expect(computeDenialStats(reports, 5, { payerType: 'COMMERCIAL' }).status).toBe('LOCKED');
    const more = [...reports, ...people(3, { payerType: 'MEDICAID' }, 'm2')];
    expect(computeDenialStats(more, 5, { payerType: 'COMMERCIAL' })).toMatchObject({ status: 'UNLOCKED', reports: 9 });
  });
});

describe('appeals and resolution', () => {
  it('reports appeal rate, success by level with suppression, and the median days', () => {
    const reports = [
      ...people(6, { appealLevel: 1, outcome: 'PAID', daysToResolution: 30, fix: 'APPEALED' }, 'l1'),
      ...people(5, { appealLevel: 1, outcome: 'UPHELD', daysToResolution: 45, fix: 'APPEALED' }, 'l1u'),
      ...people(5, { appealLevel: 2, outcome: 'PARTIALLY_PAID', daysToResolution: 90, fix: 'APPEALED' }, 'l2'),
      ...people(2, { appealLevel: 3, outcome: 'PENDING', daysToResolution: null, fix: 'APPEALED' }, 'l3'),
      ...people(6, { fix: 'ADDED_MODIFIER', daysToResolution: 12 }, 'f'),
    ];
    const stats = unlocked(computeDenialStats(reports));
    expect(stats.appealRate).toBe('75.0');
    // Level 3 (2 submitters) is withheld, so the smallest other level (2) is withheld too.
    expect(stats.appealLevels).toEqual({ cells: [{ level: 1, appeals: 11, successRate: '54.5' }], suppressed: 2 });
    expect(stats.successRate).toBe('77.3');
    expect(stats.medianDaysToResolution).toBe(30);
    expect(stats.fixes.cells).toEqual([
      { key: 'APPEALED', reports: 18, share: '75.0' },
      { key: 'ADDED_MODIFIER', reports: 6, share: '25.0' },
    ]);
  });

  it('withholds the median when fewer than five submitters gave days to resolution', () => {
    const reports = [...people(3, { daysToResolution: 5 }, 'a'), ...people(5, { daysToResolution: null }, 'b')];
    expect(unlocked(computeDenialStats(reports)).medianDaysToResolution).toBeNull();
  });
});
