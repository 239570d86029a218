import { InvalidInputError } from '@denialmap/shared/errors';
import { ptpPartsEdition } from './ptp-parts';

const file = (name: string) => ({ name });

describe('ptpPartsEdition (CMS ships the practitioner PTP edits in four parts)', () => {
  it('orders the parts and says nothing when all four are there', () => {
    const edition = ptpPartsEdition(['ccipra-v322r0-f3.TXT', 'ccipra-v322r0-f1.TXT', 'ccipra-v322r0-f4.TXT', 'ccipra-v322r0-f2.TXT'].map(file));
    expect(edition.files.map((f) => f.name)).toEqual(['ccipra-v322r0-f1.TXT', 'ccipra-v322r0-f2.TXT', 'ccipra-v322r0-f3.TXT', 'ccipra-v322r0-f4.TXT']);
    expect(edition.warnings).toEqual([]);
  });

  it('names the missing parts and what activating without them does', () => {
    expect(ptpPartsEdition([file('ccipra-v322r0-f1.TXT')]).warnings).toEqual([
      'Only part f1 of the four CMS publishes (f1–f4) is in this upload: activating makes its rows the whole PTP table, so edits for codes in f2, f3, f4 would be gone until a complete edition is activated. Upload all four parts together.',
    ]);
    expect(ptpPartsEdition([file('ccipra-v322r0-f4.TXT'), file('ccipra-v322r0-f2.TXT')]).warnings[0]).toMatch(/^Only parts f2, f4 of the four .* are in this upload: .*their rows .* codes in f1, f3 /);
  });

  it('refuses parts of different versions or revisions', () => {
    expect(() => ptpPartsEdition([file('ccipra-v322r0-f1.TXT'), file('ccipra-v322r1-f2.TXT')])).toThrow(InvalidInputError);
    expect(() => ptpPartsEdition([file('ccipra-v321r0-f1.TXT'), file('ccipra-v322r0-f2.TXT')])).toThrow(/different versions \(32\.1r0, 32\.2r0\)/);
  });
});
