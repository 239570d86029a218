import { addChips, normaliseCarc, normaliseModifier, normaliseRarc } from './chip-codes';

describe('chip codes', () => {
  it('adds several typed codes at once, upper-cased, skipping duplicates', () => {
    expect(addChips(['N290'], 'm80, n290;MA130', 5, normaliseRarc, 'a RARC')).toEqual({ list: ['N290', 'M80', 'MA130'], problem: null });
  });

  it('names what it refused and stops at the limit', () => {
    expect(addChips(['26', 'TC', 'RT'], 'LT 59 XYZ', 4, normaliseModifier, 'a modifier')).toEqual({ list: ['26', 'TC', 'RT', 'LT'], problem: '"XYZ" is not a modifier. At most 4.' });
    expect(addChips([], 'Q1 N5', 5, normaliseRarc, 'a RARC')).toEqual({ list: ['N5'], problem: '"Q1" is not a RARC.' });
    expect(addChips([], 'a b', 5, normaliseRarc, 'a RARC').problem).toBe('"a", "b" are not a RARC.');
  });

  it.each([
    ['97', '97'],
    ['b7', 'B7'],
    [' 4 ', '4'],
    ['1000', null],
    ['CO-97', null],
  ])('reads CARC %p as %p', (raw, expected) => {
    expect(normaliseCarc(raw)).toBe(expected);
  });
});
