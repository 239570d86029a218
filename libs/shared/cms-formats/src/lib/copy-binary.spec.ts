import { binaryRow, COPY_BINARY_HEADER, firstBinaryField, pgDate } from './copy-binary';

describe('binary COPY rows', () => {
  it('counts dates in days from 2000-01-01, as PostgreSQL stores them', () => {
    expect(pgDate(2000, 1, 1)).toBe(0);
    expect(pgDate(1996, 1, 1)).toBe(-1461);
    expect(pgDate(2022, 1, 1)).toBe(8036);
    expect(pgDate(2024, 2, 29)).toBe(8825);
  });

  it('writes each field as its length and bytes, -1 for NULL', () => {
    const row = binaryRow(['0001A', '1996-01-01', null, '12', 't'], ['text', 'date', 'date', 'int2', 'bool']);
    expect(row.toString('hex')).toBe(['0005', '00000005' + Buffer.from('0001A').toString('hex'), '00000004' + 'fffffa4b', 'ffffffff', '00000002' + '000c', '00000001' + '01'].join(''));
    expect(firstBinaryField(row)).toEqual([6, 11]);
    expect(row.subarray(...firstBinaryField(row)).toString()).toBe('0001A');
    expect(firstBinaryField(binaryRow([null], ['text']))).toEqual([6, 6]);
  });

  it('starts with PostgreSQL\'s signature', () => {
    expect(COPY_BINARY_HEADER.subarray(0, 11).toString('latin1')).toBe('PGCOPY\n\xff\r\n\0');
    expect(COPY_BINARY_HEADER).toHaveLength(19);
  });

  it.each([
    [['x'], ['int2'], /not a smallint/],
    [['40000'], ['int2'], /not a smallint/],
    [['yes'], ['bool'], /not t or f/],
    [['19960101'], ['date'], /not a YYYY-MM-DD date/],
    [['a', 'b'], ['text'], /2 values for 1 columns/],
  ] as const)('refuses a value of the wrong shape: %j as %j', (values, types, problem) => {
    expect(() => binaryRow(values, types)).toThrow(problem);
  });
});
