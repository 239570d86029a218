import { addOnEditType } from './add-on';
import { mueAdjudication } from './mue';
import { explainPtpEdit, isPtpEditInForce, modifierIndicatorMeaning, NCCI_ASSOCIATED_MODIFIERS } from './ptp';

describe('PTP modifier indicators', () => {
  it.each([
    ['0', false, /never paid/],
    ['1', true, /may bypass/],
    ['9', false, /deleted/],
  ])('%s: modifier allowed %s', (indicator, allowed, meaning) => {
    expect(modifierIndicatorMeaning(indicator)).toMatchObject({ modifierAllowed: allowed, meaning: expect.stringMatching(meaning) });
  });

  it('refuses an indicator CMS does not define', () => {
    expect(() => modifierIndicatorMeaning('2')).toThrow(/defines 0, 1 and 9/);
  });

  it('lists the NCCI-associated modifiers, 59 and the X{EPSU} family included', () => {
    expect(NCCI_ASSOCIATED_MODIFIERS).toEqual(expect.arrayContaining(['59', 'XE', 'XS', 'XP', 'XU', 'RT', 'LT', '25', '91']));
    expect(NCCI_ASSOCIATED_MODIFIERS).not.toContain('26');
  });
});

describe('isPtpEditInForce', () => {
  it.each([
    [null, null, '1', '2025-06-01', true],
    [null, '2018-12-31', '1', '2018-12-31', true],
    [null, '2018-12-31', '1', '2019-01-01', false],
    [null, '2018-12-31', '0', '2017-05-05', true],
    // CMS's own files carry the effective date: not in force before it.
    ['2025-01-01', null, '1', '2024-12-31', false],
    ['2025-01-01', null, '1', '2025-01-01', true],
    ['2018-07-01', '2026-06-30', '1', '2026-06-30', true],
    ['2018-07-01', '2026-06-30', '1', '2026-07-01', false],
    // Indicator 9: deleted back to its start (0001A + 90473 in ccipra-v322r0-f1), never in force.
    ['2022-01-01', '2022-01-01', '9', '2022-01-01', false],
  ])('effective %s, deletion %s, indicator %s, date of service %s -> %s', (effectiveDate, deletionDate, modifierIndicator, dos, expected) => {
    expect(isPtpEditInForce({ effectiveDate, deletionDate, modifierIndicator }, dos)).toBe(expected);
  });
});

describe('explainPtpEdit', () => {
  const edit = { column1: '70390', column2: '76000', modifierIndicator: '1', effectiveDate: null, deletionDate: null };

  it('speaks from the column 1 side', () => {
    expect(explainPtpEdit(edit, '70390', '2025-06-01')).toBe(
      '76000 is not paid when billed with 70390 (same patient, date and provider) unless an NCCI-associated modifier such as 59 or XU on 76000 shows a separate service.',
    );
  });

  it('speaks from the column 2 side, and says when nothing bypasses it', () => {
    expect(explainPtpEdit({ ...edit, column2: '36591', modifierIndicator: '0' }, '36591', '2025-06-01')).toBe(
      '36591 is not paid when billed with 70390 (same patient, date and provider); no modifier bypasses this edit.',
    );
  });

  it('says an edit deleted before the date of service no longer applies', () => {
    expect(explainPtpEdit({ ...edit, deletionDate: '2018-12-31' }, '70390', '2025-06-01')).toMatch(/^Deleted 2018-12-31/);
  });
});

describe('MUE adjudication indicators', () => {
  it.each([
    ['1', 'Line edit', true],
    ['2', 'Date of service edit: policy', false],
    ['3', 'Date of service edit: clinical', true],
  ])('%s is "%s", appealable %s', (indicator, label, appealable) => {
    expect(mueAdjudication(indicator)).toMatchObject({ label, appealable });
  });

  it('MAI 2 says an appeal cannot succeed', () => {
    expect(mueAdjudication('2').meaning).toMatch(/appeal cannot succeed/);
  });

  it('refuses an undefined indicator', () => {
    expect(() => mueAdjudication('4')).toThrow(/defines 1, 2 and 3/);
  });
});

describe('add-on code edit types', () => {
  it.each([
    ['1', /only with one of the listed primary codes/],
    ['2', /no specific primary codes/],
    ['3', /may also allow others/],
  ])('type %s', (type, meaning) => {
    expect(addOnEditType(type).meaning).toMatch(meaning);
  });

  it('refuses an undefined type', () => {
    expect(() => addOnEditType('4')).toThrow();
  });
});
