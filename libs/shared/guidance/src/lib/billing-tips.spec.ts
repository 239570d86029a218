import type { DenialStats } from '@denialmap/shared/denial-stats';
import { BillingTip, orderTips } from './billing-tip';
import { billingTips } from './billing-tips';
import { CodeFacts, RowFacts } from './code-facts';
import { communityTips } from './community-tips';
import { feeScheduleTips } from './fee-schedule-tips';
import { ncciTips } from './ncci-tips';

// 70390 in RVU25D (PPRRVU2025_Oct.csv): global $109.65, 26 $17.47, TC $92.19 (CF 32.3465).
const row = (overrides: Partial<RowFacts> = {}): RowFacts => ({
  statusCode: 'A',
  workRvu: '0.38',
  nonFacilityPeRvu: '2.98',
  nonFacilityNa: false,
  facilityPeRvu: '2.98',
  facilityNa: false,
  mpRvu: '0.03',
  conversionFactor: '32.3465',
  pctcIndicator: '1',
  globalDays: 'XXX',
  preOpShare: '0.00',
  intraOpShare: '0.00',
  postOpShare: '0.00',
  multipleProcedureIndicator: '0',
  bilateralIndicator: '0',
  assistantIndicator: '0',
  coSurgeonIndicator: '0',
  teamIndicator: '0',
  endoscopicBase: null,
  nationalNonFacilityAmount: '109.65',
  nationalFacilityAmount: '109.65',
  ...overrides,
});

const facts = (global: Partial<RowFacts> = {}, more: Partial<CodeFacts> = {}): CodeFacts => ({
  code: '70390',
  release: { label: 'CMS MPFS RVU25D', sourceFile: 'PPRRVU2025_Oct.csv' },
  global: row(global),
  professional: row({ nationalNonFacilityAmount: '17.47', nationalFacilityAmount: '17.47' }),
  technical: row({ nationalNonFacilityAmount: '92.19', nationalFacilityAmount: null }),
  discontinued: null,
  ncci: { ptp: null, mue: null, addOn: null },
  oppsCap: null,
  ...more,
});

const byKey = (tips: BillingTip[], key: string) => tips.find((t) => t.key === key);
const feeTip = (key: string, global: Partial<RowFacts>, more: Partial<CodeFacts> = {}) => byKey(feeScheduleTips(facts(global, more)), `rule:${key}`);

describe('rule-derived tips: PC/TC indicator (PCTC IND)', () => {
  it('1: 26 for the reading, TC for the equipment, with the TC share of the global at stake', () => {
    const t = feeTip('pctc', { pctcIndicator: '1' });
    expect(t?.title).toBe('Split billing: 26 for the reading, TC for the equipment');
    expect(t?.advice).toContain('70390-26 ($17.47)');
    expect(t?.advice).toContain('TC is $92.19 of the $109.65 global');
    expect(t?.moneyAtStake).toEqual({ amount: '92.19', basis: 'TC row, national non-facility amount: $92.19 of the $109.65 global (CMS MPFS RVU25D)' });
    expect(t?.source).toEqual({ label: 'CMS MPFS RVU25D', detail: 'PPRRVU2025_Oct.csv, PCTC IND 1' });
  });

  it.each([
    ['0', 'No 26 or TC on this code'],
    ['2', 'Already the professional component: no 26'],
    ['3', 'Already the technical component: no TC'],
    ['4', 'Global-only code: bill the separate PC and TC codes'],
    ['5', 'Incident-to: not payable for hospital patients'],
    ['6', 'Lab interpretation: no TC'],
    ['7', 'Therapy not payable in a hospital setting'],
    ['8', 'Payable for hospital inpatients only'],
  ])('%s: %s (no money claimed)', (value, title) => {
    const t = feeTip('pctc', { pctcIndicator: value }, { professional: null, technical: null });
    expect(t?.title).toBe(title);
    expect(t?.moneyAtStake).toBeNull();
  });

  it('9: no tip (the concept does not apply)', () => {
    expect(feeTip('pctc', { pctcIndicator: '9' })).toBeUndefined();
  });
});

describe('rule-derived tips: bilateral indicator (BILAT SURG)', () => {
  it.each([
    ['0', 'No bilateral increase', null],
    ['1', 'Both sides: one line with 50, paid at 150%', { amount: '54.83', basis: 'The second side (150% - 100%): global national non-facility amount $109.65 x 0.5 (CMS MPFS RVU25D)' }],
    ['2', 'Already bilateral: no 50, RT/LT or 2 units', null],
    ['3', 'Each side paid in full: bill both', { amount: '109.65', basis: 'The second side at 100%: global national non-facility amount $109.65 (CMS MPFS RVU25D)' }],
  ])('%s: %s', (value, title, money) => {
    const t = feeTip('bilateral', { bilateralIndicator: value });
    expect(t?.title).toBe(title);
    expect(t?.moneyAtStake).toEqual(money);
  });

  it('1 says what a bilateral claim pays: $164.48', () => {
    expect(feeTip('bilateral', { bilateralIndicator: '1' })?.advice).toContain('Medicare pays 150% ($164.48)');
  });

  it('9: no tip', () => expect(feeTip('bilateral', { bilateralIndicator: '9' })).toBeUndefined());
});

describe('rule-derived tips: multiple procedure indicator (MULT PROC)', () => {
  it.each([
    ['0', 'No multiple-procedure reduction', null],
    ['1', 'Second procedure paid at 50%', '54.83'],
    ['2', 'Second procedure paid at 50%', '54.83'],
    ['3', 'Endoscopy family (base 43235)', null],
    // 50% of TC $92.19 + 5% of 26 $17.47 = 46.095 + 0.8735 = 46.9685
    ['4', 'Imaging in the same session: TC 50%, PC 5% less', '46.97'],
    // non-facility PE 2.98 x 32.3465 x 0.5 = 48.196285
    ['5', 'Therapy: practice expense halved after the first unit', '48.20'],
    // 25% of TC $92.19 = 23.0475
    ['6', 'Cardiovascular tests: TC 25% less when ranked second', '23.05'],
    // 20% of TC $92.19 = 18.438
    ['7', 'Ophthalmology tests: TC 20% less when ranked second', '18.44'],
  ])('%s: %s, money at stake %s', (value, title, amount) => {
    const t = feeTip('multiple', { multipleProcedureIndicator: value, endoscopicBase: value === '3' ? '43235' : null });
    expect(t?.title).toBe(title);
    expect(t?.moneyAtStake?.amount ?? null).toBe(amount);
  });

  it('4 names both parts of the arithmetic', () => {
    expect(feeTip('multiple', { multipleProcedureIndicator: '4' })?.moneyAtStake?.basis).toBe(
      'Reduction when ranked second: TC $92.19 x 0.5 + 26 $17.47 x 0.05 (CMS MPFS RVU25D, national amounts)',
    );
  });

  it('9: no tip', () => expect(feeTip('multiple', { multipleProcedureIndicator: '9' })).toBeUndefined());
});

describe('rule-derived tips: global period (GLOB DAYS)', () => {
  const surgery = { globalDays: '090', preOpShare: '0.10', intraOpShare: '0.70', postOpShare: '0.20', nationalNonFacilityAmount: '1000.00', pctcIndicator: '0' };

  it('090: every global modifier, the split-care shares, and the postoperative share at stake', () => {
    const t = feeTip('global', surgery);
    expect(t?.title).toBe('90-day global: which modifier for what');
    for (const words of ['Unrelated E/M: 24', 'major surgery: 57', 'planned related procedure: 58', 'complication: 78 (intraoperative share, 70%)', 'Unrelated procedure: 79', '54 surgical care (80%)', '55 postoperative care (20%, $200.00)', '56 preoperative care (10%)']) {
      expect(t?.advice).toContain(words);
    }
    expect(t?.moneyAtStake).toEqual({ amount: '200.00', basis: 'Postoperative care share (20%) another provider bills with 55: global national non-facility amount $1000.00 x 0.20 (CMS MPFS RVU25D)' });
  });

  it.each([
    ['000', '0-day global: same-day visit needs 25'],
    ['010', '10-day global: which modifier for what'],
    ['YYY', 'The MAC sets the global period'],
    ['MMM', 'Maternity: no standard global period'],
  ])('%s: %s', (days, title) => expect(feeTip('global', { globalDays: days })?.title).toBe(title));

  it.each(['XXX', 'ZZZ'])('%s: no global-period tip', (days) => expect(feeTip('global', { globalDays: days })).toBeUndefined());
});

describe('rule-derived tips: assistant, co-surgeon and team indicators (surgical codes only)', () => {
  const surgical = (o: Partial<RowFacts>) => ({ globalDays: '090', nationalNonFacilityAmount: '1000.00', ...o });

  it.each([
    ['0', 'Assistant at surgery: only with documentation', '160.00'],
    ['1', 'Assistant at surgery is never paid', null],
    ['2', 'Assistant at surgery payable at 16%', '160.00'],
  ])('assistant %s: %s', (value, title, amount) => {
    const t = feeTip('assistant', surgical({ assistantIndicator: value }));
    expect(t?.title).toBe(title);
    expect(t?.moneyAtStake?.amount ?? null).toBe(amount);
  });

  it('assistant 2 gives the AS (PA/NP/CNS) amount too: 13.6%', () => {
    expect(feeTip('assistant', surgical({ assistantIndicator: '2' }))?.advice).toContain('AS (16% x 85% = 13.6%, $136.00)');
  });

  it.each([
    ['0', 'Co-surgery not permitted', null],
    ['1', 'Co-surgeons: with documentation', '625.00'],
    ['2', 'Co-surgeons permitted', '625.00'],
  ])('co-surgeon %s: %s', (value, title, amount) => {
    const t = feeTip('co-surgeon', surgical({ coSurgeonIndicator: value }));
    expect(t?.title).toBe(title);
    expect(t?.moneyAtStake?.amount ?? null).toBe(amount);
  });

  it.each([
    ['0', 'Team surgery not permitted'],
    ['1', 'Team surgery: with documentation'],
    ['2', 'Team surgery permitted'],
  ])('team %s: %s', (value, title) => expect(feeTip('team', surgical({ teamIndicator: value }))?.title).toBe(title));

  it('9 (concept does not apply) gives none of them', () => {
    const tips = feeScheduleTips(facts(surgical({ assistantIndicator: '9', coSurgeonIndicator: '9', teamIndicator: '9' })));
    expect(tips.filter((t) => t.topic === 'SURGICAL_TEAM')).toEqual([]);
  });

  it('an imaging code (global XXX) gets no surgical-team tips whatever its indicators say', () => {
    expect(feeScheduleTips(facts({ globalDays: 'XXX', assistantIndicator: '0', coSurgeonIndicator: '0', teamIndicator: '0' })).filter((t) => t.topic === 'SURGICAL_TEAM')).toEqual([]);
  });
});

describe('rule-derived tips: status codes', () => {
  it.each([
    ['B', 'Bundled: 70390 is never paid on its own'],
    ['C', 'Priced by the MAC, not the fee schedule'],
    ['N', 'Not covered by Medicare: get an ABN first'],
    ['T', 'Paid only when nothing else is billed that day'],
    ['R', 'Restricted coverage'],
    ['I', 'Not valid for Medicare claims'],
    ['G', 'Not valid for Medicare claims'],
    ['E', 'Excluded by regulation: no fee schedule payment'],
    ['X', 'Statutory exclusion: no fee schedule payment'],
    ['M', 'Measurement code: no fee schedule payment'],
    ['J', 'Anesthesia service: no fee schedule payment'],
  ])('%s: %s', (status, title) => expect(feeTip('status', { statusCode: status })?.title).toBe(title));

  it('A: no status tip', () => expect(feeTip('status', { statusCode: 'A' })).toBeUndefined());
});

describe('rule-derived tips: 52 and 53', () => {
  it('without a 53 row, says the MAC prices it and never guesses a percentage', () => {
    const t = feeTip('reduced', {});
    expect(t?.title).toBe('Reduced (52) or discontinued (53): the MAC prices it');
    expect(t?.moneyAtStake).toBeNull();
  });

  it('with a 53 row (e.g. 45378), gives its amount', () => {
    const t = feeTip('reduced', {}, { discontinued: row({ nationalNonFacilityAmount: '95.01' }) });
    expect(t?.moneyAtStake?.amount).toBe('95.01');
  });

  it('not for codes Medicare does not pay from RVUs', () => expect(feeTip('reduced', { statusCode: 'B' })).toBeUndefined());
});

describe('rule-derived tips: OPPS imaging cap', () => {
  it('names the localities and the lowest cap, without inventing a national difference', () => {
    const t = feeTip('imaging-cap', {}, { oppsCap: { sourceFile: 'OPPSCAP_Oct2025.csv', localities: 109, lowest: { amount: '60.12', mac: '01112', localityNumber: '05', modifier: 'TC' } } });
    expect(t?.advice).toContain('In 109 localities');
    expect(t?.advice).toContain('$60.12 (MAC 01112, locality 05)');
    expect(t?.source).toEqual({ label: 'CMS OPPS imaging payment caps', detail: 'OPPSCAP_Oct2025.csv, 109 localities for 70390' });
    expect(t?.moneyAtStake).toBeNull();
  });
});

describe('rule-derived tips: NCCI', () => {
  const ptp = (inForce: number, modifierAllowed: number) => ({
    label: 'CMS NCCI PTP edits (practitioner), effective 2024-07-01',
    sourceFile: 'ptp_practitioner_2024q3.csv.gz',
    asColumnTwo: { inForce, modifierAllowed, examples: [{ column1: '70391', modifierAllowed: true }, { column1: '70350', modifierAllowed: false }] },
  });
  const ncci = (more: Partial<CodeFacts['ncci']>) => ncciTips(facts({}, { ncci: { ptp: null, mue: null, addOn: null, ...more } }));

  it('column 2 of PTP edits: how many, which a modifier can bypass, and the whole line at stake', () => {
    const [t] = ncci({ ptp: ptp(14, 9) });
    expect(t.title).toBe('Bundled into 14 other codes (NCCI)');
    expect(t.advice).toContain('9 of these edits let an NCCI-associated modifier');
    expect(t.advice).toContain('(e.g. with 70391)');
    expect(t.advice).toContain('5 never allow a modifier (e.g. with 70350)');
    expect(t.moneyAtStake?.amount).toBe('109.65');
  });

  it('no tip when the code is column 2 of no edit in force', () => expect(ncci({ ptp: ptp(0, 0) })).toEqual([]));

  it.each([
    ['1', 'line', 'separate lines with 76, 77'],
    ['2', 'date of service', 'An appeal cannot succeed'],
    ['3', 'date of service', 'paid on appeal with records'],
  ])('MUE with MAI %s: denies every unit on the %s; %s', (mai, scope, appeal) => {
    const [t] = ncci({ mue: { label: 'CMS NCCI MUE', sourceFile: 'mue.csv', maxUnits: 2, adjudicationIndicator: mai, rationale: 'Anatomic Consideration' } });
    expect(t.advice).toContain(`denies every unit on the ${scope}`);
    expect(t.advice).toContain(appeal);
    // 3 units x $109.65
    expect(t.moneyAtStake).toEqual({ amount: '328.95', basis: '3 units (one over the MUE) x national non-facility amount $109.65: all denied (CMS MPFS RVU25D)' });
  });

  it('MUE 0: not billable on a practitioner claim', () => {
    const [t] = ncci({ mue: { label: 'CMS NCCI MUE', sourceFile: 'mue.csv', maxUnits: 0, adjudicationIndicator: '2', rationale: null } });
    expect(t.title).toBe('MUE 0: not billable on a practitioner claim');
    expect(t.moneyAtStake).toBeNull();
  });

  it.each(['1', '2', '3'])('add-on edit type %s: bill with a primary', (type) => {
    const [t] = ncci({ addOn: { label: 'CMS NCCI add-on code edits', sourceFile: 'aoc.csv', editType: type, primaryCodes: type === '2' ? ['CCCCC'] : ['22551', '22554'], primaryCodeCount: type === '2' ? 1 : 2 } });
    expect(t.title).toBe('Add-on code: bill it with its primary');
    expect(t.advice).toContain(type === '2' ? 'the MAC decides' : 'Primary codes include 22551, 22554.');
    expect(t.advice).not.toContain('CCCCC');
  });
});

describe('community tips', () => {
  const unlocked = (over: Partial<Extract<DenialStats, { status: 'UNLOCKED' }>> = {}): DenialStats => ({
    status: 'UNLOCKED',
    reports: 19,
    threshold: 5,
    reasons: { cells: [{ key: 'CO-4', reports: 12, share: '63.2' }, { key: 'CO-97', reports: 7, share: '36.8' }], suppressed: 0 },
    remarks: { cells: [], suppressed: 0 },
    modifiers: { cells: [], suppressed: 0 },
    fixes: { cells: [{ key: 'ADDED_MODIFIER', reports: 12, share: '63.2' }, { key: 'NOTHING_WORKED', reports: 7, share: '36.8' }], suppressed: 1 },
    quarters: { cells: [], suppressed: 0 },
    outcomes: { cells: [], suppressed: 0 },
    payerTypes: null,
    appealLevels: { cells: [{ level: 1, appeals: 7, successRate: '71.4' }], suppressed: 0 },
    appealRate: '36.8',
    successRate: '63.2',
    medianDaysToResolution: 21,
    ...over,
  });

  it('gives nothing while the code is locked', () => {
    expect(communityTips('70390', { status: 'LOCKED', reports: 3, submitters: 3, needed: 2, threshold: 5 })).toEqual([]);
    expect(communityTips('70390', null)).toEqual([]);
  });

  it('names the top reasons (with the CARC wording), what fixed them and appeal results, with counts', () => {
    const tips = communityTips('70390', unlocked(), { '4': 'The procedure code is inconsistent with the modifier used. Usage: Refer to the 835 Healthcare Policy Identification Segment.' });
    expect(tips.map((t) => t.title)).toEqual(['Most reported denial: CO-4', 'What fixed it most often: added a modifier', 'How appeals went']);
    expect(tips[0].advice).toContain('CO-4 (The procedure code is inconsistent with the modifier used) in 12 of 19');
    expect(tips[1].advice).toBe('Added a modifier: 12 reports. 63.2% of the resolved reports ended paid or partly paid, in a median of 21 days.');
    expect(tips[2].advice).toBe('Level 1: 71.4% of 7 resolved appeals paid (36.8% of reports were appealed).');
    expect(tips.every((t) => t.kind === 'COMMUNITY' && t.source.label === 'DenialMap community reports')).toBe(true);
    expect(tips[0].reports).toBe(12);
  });

  it('uses only published cells: a withheld success rate or appeal level is never mentioned', () => {
    const tips = communityTips('70390', unlocked({ successRate: null, appealLevels: { cells: [{ level: 1, appeals: 7, successRate: null }], suppressed: 1 } }));
    expect(tips.map((t) => t.key)).toEqual(['community:reasons', 'community:fixes']);
    expect(tips[1].advice).not.toContain('%');
  });
});

describe('billingTips: merging and order', () => {
  it('puts the most money at stake first, then evidence, and keeps every kind', () => {
    const tips = billingTips({
      facts: facts({}, { ncci: { ptp: null, mue: { label: 'MUE', sourceFile: 'mue.csv', maxUnits: 2, adjudicationIndicator: '3', rationale: null }, addOn: null } }),
      stats: null,
      curated: [{ id: 'x', topic: 'CODING', title: 'Report laterality', advice: 'Use RT or LT.', source: 'CPT radiology guidelines', impact: null }],
    });
    expect(tips[0].key).toBe('rule:mue');
    expect(tips[1].key).toBe('rule:pctc');
    expect(tips.find((t) => t.kind === 'CURATED')?.source).toEqual({ label: 'DenialMap editors', detail: 'CPT radiology guidelines' });
  });

  it('orders by whole cents, not by text', () => {
    const t = (key: string, amount: string | null, reports: number | null = null): BillingTip => ({
      key,
      kind: 'RULE',
      topic: 'OTHER',
      title: key,
      advice: '',
      source: { label: '', detail: '' },
      moneyAtStake: amount ? { amount, basis: '' } : null,
      reports,
    });
    expect(orderTips([t('a', '9.50'), t('b', '10.00'), t('c', null, 4), t('d', null, 9), t('e', '10.5')]).map((x) => x.key)).toEqual(['e', 'b', 'a', 'd', 'c']);
  });
});
