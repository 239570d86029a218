import { splitCsvLine } from './csv-line';

describe('splitCsvLine', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['70390,,X-ray exam of salivary duct,A', ['70390', '', 'X-ray exam of salivary duct', 'A']],
    ['80161,,"Asy carbamazepin 10,11-epxid",X', ['80161', '', 'Asy carbamazepin 10,11-epxid', 'X']],
    ['"say ""hi""",2', ['say "hi"', '2']],
    ['', ['']],
    [',', ['', '']],
    ['a"b,c', ['a"b', 'c']],
  ])('%p', (line, expected) => {
    expect(splitCsvLine(line)).toEqual(expected);
  });

  it('returns null for a record that continues on the next line', () => {
    expect(splitCsvLine('1,"open quote')).toBeNull();
  });
});
