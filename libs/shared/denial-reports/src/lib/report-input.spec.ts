import { DenialReportDraft, normaliseReport } from './report-input';

const TODAY = new Date('2026-12-02T12:00:00Z');
const draft = (over: Partial<DenialReportDraft> = {}): DenialReportDraft => ({
  code: '70390',
  modifiers: ['26'],
  serviceYear: 2025,
  serviceQuarter: 3,
  payerType: 'MEDICARE_FFS',
  groupCode: 'CO',
  carc: '97',
  rarcs: ['M15'],
  icd10Codes: ['K11.5'],
  denialCategory: 'BUNDLING',
  actionTaken: 'APPEALED',
  appealLevel: 1,
  fix: 'ADDED_MODIFIER',
  outcome: 'PAID',
  daysToResolution: 34,
  narrative: 'Resubmitted with 26 after the TC was billed by the hospital.',
  ...over,
});
const problems = (over: Partial<DenialReportDraft>) => normaliseReport(draft(over), TODAY).problems.map((p) => p.field);

describe('normaliseReport', () => {
  it('normalises a good report: trims, upper-cases, canonical ICD-10 and payer names', () => {
    const { report, problems: found } = normaliseReport(
      draft({ code: ' 70390 ', modifiers: ['rt', ' 26'], carc: ' 97', rarcs: ['n290'], icd10Codes: ['k115', 'K11.20'], payerName: 'unitedhealthcare', state: 'tx', placeOfService: '2', narrative: '  ok  ' }),
      TODAY,
    );
    expect(found).toEqual([]);
    expect(report).toMatchObject({ code: '70390', modifiers: ['RT', '26'], carc: '97', rarcs: ['N290'], icd10Codes: ['K11.5', 'K11.20'], payerName: 'UnitedHealthcare', state: 'TX', placeOfService: '02', narrative: 'ok' });
  });

  it('turns empty optional text into null', () => {
    const { report } = normaliseReport(draft({ narrative: '   ', payerName: '', state: '', placeOfService: '' }), TODAY);
    expect(report).toMatchObject({ narrative: null, payerName: null, state: null, placeOfService: null });
  });

  it.each<[string, Partial<DenialReportDraft>, string[]]>([
    ['a code that cannot be HCPCS', { code: '7039' }, ['code']],
    ['a bad modifier and a repeated one', { modifiers: ['26', '2', '26'] }, ['modifiers[1]', 'modifiers[2]']],
    ['five modifiers', { modifiers: ['26', 'RT', 'LT', '59', 'XU'] }, ['modifiers']],
    ['a RARC that is not one', { rarcs: ['Q12'] }, ['rarcs[0]']],
    ['an ICD-10 code that is not one', { icd10Codes: ['12345'] }, ['icd10Codes[0]']],
    ['a year before 2015', { serviceYear: 2014 }, ['serviceYear']],
    ['a future year', { serviceYear: 2027 }, ['serviceYear']],
    ['quarter 5', { serviceQuarter: 5 }, ['serviceQuarter']],
    ['a quarter not started yet', { serviceYear: 2026, serviceQuarter: 4 }, []],
    ['an unknown payer type', { payerType: 'MEDICARE' }, ['payerType']],
    ['a payer not on the list', { payerName: 'Dr Smith Insurance' }, ['payerName']],
    ['an unknown state', { state: 'XX' }, ['state']],
    ['place of service 00', { placeOfService: '00' }, ['placeOfService']],
    ['group code CR', { groupCode: 'CR' }, ['groupCode']],
    ['a CARC that is not one', { carc: '97A' }, ['carc']],
    ['an unknown category', { denialCategory: 'BAD_LUCK' }, ['denialCategory']],
    ['appealed with no level', { appealLevel: null }, ['appealLevel']],
    ['level 4 for a commercial payer', { payerType: 'COMMERCIAL', appealLevel: 4 }, ['appealLevel']],
    ['a level without an appeal', { actionTaken: 'CORRECTED_AND_RESUBMITTED', appealLevel: 2 }, ['appealLevel']],
    ['nothing done yet but paid', { actionTaken: 'NOTHING_YET', appealLevel: null, fix: null, outcome: 'PAID', daysToResolution: null }, ['outcome']],
    ['written off but paid', { actionTaken: 'WROTE_OFF', appealLevel: null }, ['outcome']],
    ['days for a pending denial', { outcome: 'PENDING' }, ['daysToResolution']],
    ['negative days', { daysToResolution: -1 }, ['daysToResolution']],
    ['a narrative over 1,500 characters', { narrative: 'x'.repeat(1501) }, ['narrative']],
  ])('refuses %s', (_what, over, fields) => {
    expect(problems(over)).toEqual(fields);
  });

  it('names every problem at once, and returns no report', () => {
    const result = normaliseReport(draft({ code: 'x', carc: '', groupCode: 'ZZ' }), TODAY);
    expect(result.report).toBeNull();
    expect(result.problems.map((p) => p.field)).toEqual(['code', 'groupCode', 'carc']);
  });

  it('the current quarter is allowed, the next one is not', () => {
    expect(problems({ serviceYear: 2026, serviceQuarter: 4 })).toEqual([]);
    expect(normaliseReport(draft({ serviceYear: 2026, serviceQuarter: 4 }), new Date('2026-09-30T23:59:59Z')).problems.map((p) => p.field)).toEqual(['serviceQuarter']);
  });
});
