import { loadConfig } from '@denialmap/server/core';
import type { ReportCodeFacts } from '@denialmap/server/reference-data/data-access';
import { NormalisedReport } from '@denialmap/shared/denial-reports';
import { reportCodeProblems } from './report-code-checks';
import { reportFingerprint } from './report-fingerprint';
import { reportRateRules } from './report-limits';

const report: NormalisedReport = {
  code: '70390', modifiers: ['26'], serviceYear: 2025, serviceQuarter: 3, payerType: 'MEDICARE_FFS', payerName: null, state: null, placeOfService: null,
  groupCode: 'CO', carc: '97', rarcs: ['M15'], icd10Codes: ['K11.5'], denialCategory: 'BUNDLING', actionTaken: 'APPEALED', appealLevel: 1,
  fix: null, outcome: 'PAID', daysToResolution: 10, narrative: 'Paid after 26 was added.',
};
const known: ReportCodeFacts = { codeKnown: true, knownModifiers: ['26'], carc: { code: '97', stopDate: null }, rarcs: [{ code: 'M15', stopDate: null }], icd10: [{ code: 'K11.5', billable: true }] };

describe('reportCodeProblems', () => {
  it('passes codes the tables know', () => {
    expect(reportCodeProblems(report, known)).toEqual([]);
  });

  it.each<[string, Partial<ReportCodeFacts>, string]>([
    ['an unknown code', { codeKnown: false }, 'code'],
    ['an unknown modifier', { knownModifiers: [] }, 'modifiers[0]'],
    ['an unknown CARC', { carc: null }, 'carc'],
    ['a CARC stopped before the quarter began', { carc: { code: '97', stopDate: '2025-07-01' } }, 'carc'],
    ['a RARC stopped before the quarter began', { rarcs: [{ code: 'M15', stopDate: '2020-01-01' }] }, 'rarcs[0]'],
    ['an unknown RARC', { rarcs: [] }, 'rarcs[0]'],
    ['an unknown diagnosis', { icd10: [] }, 'icd10Codes[0]'],
    ['a header diagnosis', { icd10: [{ code: 'K11.5', billable: false }] }, 'icd10Codes[0]'],
  ])('refuses %s', (_what, over, field) => {
    expect(reportCodeProblems(report, { ...known, ...over }).map((p) => p.field)).toEqual([field]);
  });

  it('accepts a CARC stopped after the quarter began: it was valid on the claim', () => {
    expect(reportCodeProblems(report, { ...known, carc: { code: '97', stopDate: '2025-07-02' } })).toEqual([]);
  });
});

describe('reportFingerprint', () => {
  it('is the same for the same story with other punctuation and numbers, and differs per submitter and per field', () => {
    const a = reportFingerprint(report, 'h1');
    expect(reportFingerprint({ ...report, narrative: 'PAID after 27 was added!' }, 'h1')).toBe(a);
    expect(reportFingerprint(report, 'h2')).not.toBe(a);
    expect(reportFingerprint({ ...report, carc: '16' }, 'h1')).not.toBe(a);
  });
});

describe('reportRateRules', () => {
  it('limits everyone per minute, each submitter per hour, and each submitter per code per day', () => {
    const rules = reportRateRules(loadConfig({ DATABASE_URL: 'postgresql://x@127.0.0.1/x' }), 'hash', '70390');
    expect(rules.map((r) => [r.name, r.subject, r.limit, r.windowSeconds])).toEqual([
      ['reports-per-minute', 'everyone', 600, 60],
      ['reports-per-hour', 'hash', 10, 3600],
      ['reports-per-code-per-day', 'hash:70390', 1, 86_400],
    ]);
  });
});
