import { copyField, copyRow } from './copy-format';

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
