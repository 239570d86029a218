import { toFacts } from './denial-report.repository';

describe('toFacts', () => {
  it('keeps only what the stats need, with the quarter as "2025Q3" and empty arrays for none', () => {
    expect(
      toFacts({
        submitter_hash: 'h',
        payer_type: 'COMMERCIAL',
        group_code: 'CO',
        carc: '97',
        rarcs: null,
        modifiers: ['26'],
        fix: null,
        appeal_level: 2,
        outcome: 'UPHELD',
        days_to_resolution: 40,
        service_year: 2025,
        service_quarter: 3,
      }),
    ).toEqual({ submitter: 'h', payerType: 'COMMERCIAL', groupCode: 'CO', carc: '97', rarcs: [], modifiers: ['26'], fix: null, appealLevel: 2, outcome: 'UPHELD', daysToResolution: 40, yearQuarter: '2025Q3' });
  });
});
