import { appealLevelOptions, applyChange, emptyReportForm, payerNamesFor, ReportFormState, serviceYears } from './report-form-state';
import { checkReport, fieldOf, formatWait, problemsByField, toReportInput } from './report-form-input';

const TODAY = new Date('2026-05-10T12:00:00Z');
const filled: ReportFormState = {
  ...emptyReportForm('70486', TODAY),
  payerType: 'MEDICARE_FFS',
  payerName: 'Noridian Healthcare Solutions',
  groupCode: 'CO',
  carc: ' 97 ',
  rarcs: ['N290'],
  modifiers: ['26'],
  icd10Codes: ['J32.9'],
  denialCategory: 'BUNDLING',
  actionTaken: 'CORRECTED_AND_RESUBMITTED',
  fix: 'ADDED_MODIFIER',
  outcome: 'PAID',
  daysToResolution: '21',
  narrative: '  Added modifier 59 and it paid.  ',
};

describe('the report form', () => {
  it('starts on the page code and the current quarter', () => {
    expect(emptyReportForm('g0121', TODAY)).toMatchObject({ code: 'G0121', serviceYear: '2026', serviceQuarter: '2', payerType: '', website: '' });
    expect(serviceYears(TODAY)[0]).toBe('2026');
    expect(serviceYears(TODAY).at(-1)).toBe('2015');
  });

  it('maps the form to the API input, trimming the story and sending nothing for hidden fields', () => {
    expect(toReportInput({ ...filled, appealLevel: '2' })).toEqual({
      code: '70486',
      modifiers: ['26'],
      serviceYear: 2026,
      serviceQuarter: 2,
      payerType: 'MEDICARE_FFS',
      payerName: 'Noridian Healthcare Solutions',
      state: null,
      placeOfService: null,
      groupCode: 'CO',
      carc: '97',
      rarcs: ['N290'],
      icd10Codes: ['J32.9'],
      denialCategory: 'BUNDLING',
      actionTaken: 'CORRECTED_AND_RESUBMITTED',
      appealLevel: null,
      fix: 'ADDED_MODIFIER',
      outcome: 'PAID',
      daysToResolution: 21,
      narrative: 'Added modifier 59 and it paid.',
      website: '',
    });
    expect(toReportInput({ ...filled, outcome: 'PENDING', daysToResolution: '21' }).daysToResolution).toBeNull();
    expect(toReportInput({ ...filled, actionTaken: 'APPEALED', appealLevel: '3' }).appealLevel).toBe(3);
  });

  it('clears what a change makes meaningless', () => {
    const appealed = applyChange(filled, { actionTaken: 'APPEALED', appealLevel: '5' });
    expect(appealed.appealLevel).toBe('5');
    const commercial = applyChange(appealed, { payerType: 'COMMERCIAL' });
    expect(commercial).toMatchObject({ payerName: '', appealLevel: '' });
    expect(applyChange(appealed, { actionTaken: 'WROTE_OFF' }).appealLevel).toBe('');
    expect(applyChange(filled, { actionTaken: 'NOTHING_YET' })).toMatchObject({ outcome: 'PENDING', fix: '', daysToResolution: '' });
    expect(applyChange(filled, { outcome: 'PENDING' }).daysToResolution).toBe('');
  });

  it('lists payers and appeal levels for the payer type', () => {
    expect(payerNamesFor('')).toEqual([]);
    expect(payerNamesFor('MEDICARE_FFS').map((p) => p.name)).toContain('Noridian Healthcare Solutions');
    expect(payerNamesFor('MEDICARE_FFS').map((p) => p.name)).not.toContain('Aetna');
    expect(appealLevelOptions('MEDICARE_FFS')).toHaveLength(5);
    expect(appealLevelOptions('COMMERCIAL')[2]).toEqual({ value: '3', label: 'Level 3: External or independent review (or state fair hearing)' });
  });

  it('passes a complete report and words what is missing as choices to make', () => {
    expect(checkReport(filled, TODAY)).toEqual([]);
    const empty = checkReport(emptyReportForm('70486', TODAY), TODAY);
    expect(empty.map((p) => p.field)).toEqual(['payerType', 'groupCode', 'carc', 'denialCategory', 'actionTaken', 'outcome']);
    expect(empty[0].message).toBe('Choose the payer type.');
  });

  it('applies the shared rules between fields', () => {
    const problems = checkReport({ ...filled, actionTaken: 'APPEALED', serviceQuarter: '4', narrative: 'x'.repeat(1501) }, TODAY);
    expect(problemsByField(problems)).toEqual({
      serviceQuarter: ['2026 Q4 has not started yet.'],
      appealLevel: ['Say which appeal level the claim reached.'],
      narrative: ['The story is at most 1500 characters; it has 1501.'],
    });
  });

  it('files list-item problems under their list', () => {
    expect(fieldOf('rarcs[1]')).toBe('rarcs');
    expect(problemsByField([{ field: 'rarcs[0]', message: 'a' }, { field: 'rarcs[1]', message: 'b' }, { field: 'carc', message: 'c' }])).toEqual({ rarcs: ['a', 'b'], carc: ['c'] });
  });

  it.each([
    [30, '30 seconds'],
    [600, 'about 10 minutes'],
    [86_000, 'about 24 hours'],
  ])('words a wait of %p s as %p', (seconds, words) => {
    expect(formatWait(seconds)).toBe(words);
  });
});
