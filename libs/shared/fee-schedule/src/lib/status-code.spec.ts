import { STATUS_CODES, statusCodeMeaning } from './status-code';

describe('statusCodeMeaning', () => {
  it.each([
    ['A', 'Active', true],
    ['R', 'Restricted coverage', true],
    ['T', 'Injection', true],
    ['B', 'Bundled', false],
    ['C', 'Contractor priced', false],
    ['I', 'Not valid for Medicare', false],
    ['X', 'Statutory exclusion', false],
  ])('%s is "%s" (paid from RVUs: %s)', (code, label, paid) => {
    expect(statusCodeMeaning(code)).toMatchObject({ code, label, paidFromRvus: paid });
  });

  it('only A, R and T are priced from RVUs (layout: "Only RVUs associated with status codes of A, R, or T")', () => {
    expect(STATUS_CODES.filter((s) => s.paidFromRvus).map((s) => s.code)).toEqual(['A', 'R', 'T']);
  });

  it('explains an unknown status instead of guessing', () => {
    expect(statusCodeMeaning('Q')).toMatchObject({ label: 'Unknown status', paidFromRvus: false });
  });
});
