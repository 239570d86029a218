import { fileSize, formField, parseCodeList } from './toolkit-words';

describe('toolkit page words', () => {
  it.each([
    ['70390 70450', ['70390', '70450']],
    ['70390,70450;\n g2211 ', ['70390', '70450', 'G2211']],
    ['70390 70390', ['70390']],
    ['  ', []],
  ])('parseCodeList(%j)', (text, codes) => expect(parseCodeList(text)).toEqual(codes));

  it.each([
    [500, '1 KB'],
    [84_000, '82 KB'],
    [1_300_000, '1.2 MB'],
  ])('fileSize(%i) = %s', (bytes, words) => expect(fileSize(bytes)).toBe(words));

  it('maps API fields to the form', () => {
    expect(formField('input.emailConsent')).toBe('emailConsent');
    expect(formField(null)).toBeNull();
  });
});
