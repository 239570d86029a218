import { csvCell, csvLine } from './csv-cell';

describe('CSV cells for exports', () => {
  it.each([
    ['plain', 'plain'],
    ['with, comma', '"with, comma"'],
    ['say "no"', '"say ""no"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['-1+1', `"'-1+1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
  ])('quotes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes null as an empty cell and ends a line with CRLF', () => {
    expect(csvLine(['a', null, 'b'])).toBe('a,,b\r\n');
  });
});
