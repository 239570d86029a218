import { copyField, copyRow, csvField, csvRow } from './copy-format';

describe('COPY text format', () => {
  it.each([
    [null, '\\N'],
    [true, 't'],
    [false, 'f'],
    [12, '12'],
    ['plain', 'plain'],
    ['tab\there', 'tab\\there'],
    ['line\nbreak\r', 'line\\nbreak\\r'],
    ['back\\slash', 'back\\\\slash'],
    ['\\N', '\\\\N'],
  ])('%p -> %p', (value, expected) => {
    expect(copyField(value)).toBe(expected);
  });

  it('joins a row with tabs and ends it with a newline', () => {
    expect(copyRow(['70390', '', null, true])).toBe('70390\t\t\\N\tt\n');
  });
});

describe('COPY CSV format', () => {
  it.each([
    [null, ''],
    ['', '""'],
    [7, '7'],
    ['plain words', 'plain words'],
    ['a, b', '"a, b"'],
    ['say "no"', '"say ""no"""'],
    ['two\nlines', '"two\nlines"'],
  ])('%p -> %p', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('joins a row with commas and ends it with a newline', () => {
    expect(csvRow(['0001A', '0591T', null, '1', 3])).toBe('0001A,0591T,,1,3\n');
  });
});
