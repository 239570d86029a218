import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CmsFormatError } from './cms-format.error';
import { parseLines, refusalOf } from './spec-helpers';
import { OPPS_CAP_COLUMNS, OppsCapParser } from './oppscap';

const DATA = join(__dirname, '../../../../../data/reference/rvu');

const HEADER = 'HCPCS,MOD,PROCSTAT,CARRIER,LOCALITY,FACILITY PRICE,NON-FACILTY PRICE\r';
const ROW = '0633T,TC,C,01112,05,150.69,150.69\r';

function parse(lines: string[]): { parser: OppsCapParser; rows: (string | null)[][] } {
  const parser = new OppsCapParser('test.csv');
  return { parser, rows: parseLines(parser, lines) };
}

function refusal(lines: string[]): CmsFormatError {
  return refusalOf(() => parse(lines));
}

describe('OppsCapParser', () => {
  it('reads rows after the header, keeping a blank modifier as an empty string', () => {
    const { parser, rows } = parse([HEADER, ROW, '70450,,A,10112,00,45.12,52.3\r', ' 93990 , TC , A ,15102,00 ,93.37 , 93.37', ',,,,,,\r']);
    expect(parser.rowCount).toBe(3);
    expect(rows).toEqual([
      ['0633T', 'TC', 'C', '01112', '05', '150.69', '150.69'],
      ['70450', '', 'A', '10112', '00', '45.12', '52.3'],
      ['93990', 'TC', 'A', '15102', '00', '93.37', '93.37'],
    ]);
    expect(rows.every((r) => r.length === OPPS_CAP_COLUMNS.length)).toBe(true);
  });

  it('accepts the corrected spelling NON-FACILITY PRICE', () => {
    expect(parse([HEADER.replace('FACILTY', 'FACILITY'), ROW]).rows).toHaveLength(1);
  });

  it.each([
    ['wrong header', [HEADER.replace('PROCSTAT', 'STATUS'), ROW], 1, 3, /column 3 is "STATUS"/],
    ['header with a stray delimiter', [HEADER.replace('\r', ',\r'), ROW], 1, 8, /column 8 is ""/],
    ['file starting with a data row', [ROW, HEADER], 1, 1, /unexpected OPPS cap header/],
    ['truncated row', [HEADER, '0633T,TC,C,01112,05,150.69'], 2, 7, /6 fields, expected 7/],
    ['stray delimiter', [HEADER, '0633T,TC,C,01112,05,150.69,150.69,'], 2, 8, /8 fields, expected 7/],
    ['thousands separator', [HEADER, '0633T,TC,C,01112,05,1,150.69,150.69'], 2, 8, /8 fields, expected 7/],
    ['bad number', [HEADER, '0633T,TC,C,01112,05,150.69,$150.69'], 2, 7, /non_facility_price is "\$150.69", expected a price/],
    ['negative price', [HEADER, '0633T,TC,C,01112,05,-1.00,150.69'], 2, 6, /facility_price is "-1.00"/],
    ['bad HCPCS', [HEADER, '0633,TC,C,01112,05,150.69,150.69'], 2, 1, /hcpcs is "0633"/],
    ['bad modifier', [HEADER, '0633T,T,C,01112,05,150.69,150.69'], 2, 2, /modifier is "T"/],
    ['bad status', [HEADER, '0633T,TC,,01112,05,150.69,150.69'], 2, 3, /status_code is ""/],
    ['carrier without leading zero', [HEADER, '0633T,TC,C,1112,05,150.69,150.69'], 2, 4, /mac is "1112"/],
    ['bad locality', [HEADER, '0633T,TC,C,01112,5,150.69,150.69'], 2, 5, /locality_number is "5"/],
    ['unclosed quote', [HEADER, '0633T,"TC,C,01112,05,150.69,150.69'], 2, null, /quoted field is not closed/],
    ['no rows', [HEADER, ',,,,,,'], 2, null, /no data rows/],
  ])('refuses a %s, naming line and column', (_name, lines, line, column, problem) => {
    const error = refusal(lines as string[]);
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.problem).toMatch(problem as RegExp);
  });

  it('refuses an empty file', () => {
    expect(() => new OppsCapParser('test.csv').finish(0)).toThrow(/file is empty/);
  });

  // SOURCES.md says 16,101 rows, but that counts the header: the file has 16,102 lines, the
  // header, 16,100 data rows and a closing ",,,,,," line.
  it('parses every row of the shipped OPPSCAP_Oct2025.csv', async () => {
    const parser = new OppsCapParser('OPPSCAP_Oct2025.csv');
    const rows: (string | null)[][] = [];
    let n = 0;
    for await (const line of createInterface({ input: createReadStream(join(DATA, 'OPPSCAP_Oct2025.csv')), crlfDelay: Infinity })) {
      const row = parser.push(line, ++n);
      if (row) rows.push(row);
    }
    parser.finish(n);
    expect(n).toBe(16102);
    expect(parser.rowCount).toBe(16100);
    expect(rows).toHaveLength(16100);
    expect(rows[0]).toEqual(['0633T', 'TC', 'C', '01112', '05', '150.69', '150.69']);
    expect(rows.at(-1)).toEqual(['93990', 'TC', 'A', '15202', '00', '97.07', '97.07']);
    expect(rows.filter((r) => r[1] === '')).toHaveLength(7245);
    expect(new Set(rows.map((r) => r.slice(0, 5).join('/'))).size).toBe(16100);
  });
});
