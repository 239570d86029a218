import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CmsFormatError } from './cms-format.error';
import { parseLines, refusalOf } from './spec-helpers';
import { ZIP5_COLUMNS, Zip5Parser } from './zip5';

const DATA = join(__dirname, '../../../../../data/reference/gpci');

/** Characters 1-23 as in the file, blank filler to 75, then YYYYQ at 76-80. */
function record(start: string, quarter = '20254'): string {
  return start.padEnd(75, ' ') + quarter;
}

const ANCHORAGE = record('AK995010210201 Z9   0 A');
const WY_SUPER_RURAL = record('WY831270360221BZ9B  0 A');
const AL_RURAL = record('AL350041011200RZ9   0 A');

function parse(lines: string[]): { parser: Zip5Parser; rows: (string | null)[][] } {
  const parser = new Zip5Parser('test.txt');
  return { parser, rows: parseLines(parser, lines) };
}

function refusal(lines: string[]): CmsFormatError {
  return refusalOf(() => parse(lines));
}

/** Replaces characters from a 1-based position, like editing the fixed-width record by hand. */
function at(line: string, position: number, text: string): string {
  return line.slice(0, position - 1) + text + line.slice(position - 1 + text.length);
}

describe('Zip5Parser', () => {
  it('reads fixed-width records from the first line, blank rural indicator as null', () => {
    const { parser, rows } = parse([`${ANCHORAGE}\r`, WY_SUPER_RURAL, AL_RURAL, '']);
    expect(parser.yearQuarter).toBe('20254');
    expect(parser.rowCount).toBe(3);
    expect(rows).toEqual([
      ['99501', 'AK', '02102', '01', null, '20254'],
      ['83127', 'WY', '03602', '21', 'B', '20254'],
      ['35004', 'AL', '10112', '00', 'R', '20254'],
    ]);
    expect(rows.every((r) => r.length === ZIP5_COLUMNS.length)).toBe(true);
  });

  it.each([
    ['truncated record', [ANCHORAGE, ANCHORAGE.slice(0, 60)], 2, 61, /60 characters, expected 80 \(truncated\)/],
    ['record cut before the quarter', [ANCHORAGE.slice(0, 75)], 1, 76, /75 characters, expected 80/],
    ['record with extra characters', [`${ANCHORAGE} `], 1, 81, /81 characters, expected 80/],
    ['comma-separated line (stray delimiters)', ['AK,99501,02102,01,,Z9'], 1, 22, /truncated/],
    ['header line', ['State,Zip Code,Carrier,Pricing Locality,Rural Indicator,Bene Lab CB Locality,,,Year/Quarter'], 1, 81, /expected 80/],
    ['bad state', [at(ANCHORAGE, 1, 'A1')], 1, 1, /state \(characters 1-2\) is "A1"/],
    ['bad ZIP', [at(ANCHORAGE, 3, '9950A')], 1, 3, /zip \(characters 3-7\) is "9950A"/],
    ['bad carrier', [at(ANCHORAGE, 8, ' 2102')], 1, 8, /carrier \(characters 8-12\) is " 2102"/],
    ['bad locality', [at(ANCHORAGE, 13, '1 ')], 1, 13, /locality_number \(characters 13-14\) is "1 "/],
    ['unknown rural indicator', [at(ANCHORAGE, 15, 'U')], 1, 15, /rural_indicator \(characters 15-15\) is "U"/],
    ['bad quarter', [record('AK995010210201 Z9   0 A', '20255')], 1, 76, /year_quarter \(characters 76-80\) is "20255"/],
    ['blank quarter', [record('AK995010210201 Z9   0 A', '     ')], 1, 76, /year_quarter/],
    ['mix of quarters', [ANCHORAGE, WY_SUPER_RURAL, record('AL350041011200RZ9   0 A', '20253')], 3, 76, /"20253" but line 1 has "20254"/],
    ['empty file', [''], 1, null, /no ZIP5 records/],
  ])('refuses a %s, naming line and column', (_name, lines, line, column, problem) => {
    const error = refusal(lines as string[]);
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.problem).toMatch(problem as RegExp);
  });

  it('has no quarter before a record is read', () => {
    expect(() => new Zip5Parser('x.txt').yearQuarter).toThrow(CmsFormatError);
  });

  // SOURCES.md: 42,956 ZIP records, all of quarter 20254 (October 2025).
  it('parses every record of the shipped ZIP5_OCT2025.txt', async () => {
    const parser = new Zip5Parser('ZIP5_OCT2025.txt');
    const rows: (string | null)[][] = [];
    let n = 0;
    for await (const line of createInterface({ input: createReadStream(join(DATA, 'ZIP5_OCT2025.txt')), crlfDelay: Infinity })) {
      const row = parser.push(line, ++n);
      if (row) rows.push(row);
    }
    parser.finish(n);
    expect(parser.rowCount).toBe(42956);
    expect(rows).toHaveLength(42956);
    expect(parser.yearQuarter).toBe('20254');
    expect(rows[0]).toEqual(['99501', 'AK', '02102', '01', null, '20254']);
    expect(new Set(rows.map((r) => r[0])).size).toBe(42956);
    const rural = new Map<string | null, number>();
    rows.forEach((r) => rural.set(r[4], (rural.get(r[4]) ?? 0) + 1));
    expect(Object.fromEntries([...rural].map(([k, v]) => [String(k), v]))).toEqual({ null: 23493, R: 11633, B: 7830 });
  });
});
