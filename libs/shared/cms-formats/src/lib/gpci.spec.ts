import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CmsFormatError } from './cms-format.error';
import { parseLines, refusalOf } from './spec-helpers';
import { GPCI_COLUMNS, GpciParser } from './gpci';

const DATA = join(__dirname, '../../../../../data/reference/gpci');

const TITLE_2025 = 'ADDENDUM E. FINAL CY 2025 GEOGRAPHIC PRACTICE COST INDICES (GPCIs) BY STATE AND MEDICARE LOCALITY,,,,,,\r';
const HEADER_2025 =
  'Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,2025 PW GPCI (with 1.0 Floor),2025 PE GPCI,2025 MP GPCI\r';
const AL_2025 = '10112,AL,00,ALABAMA,1,0.869,0.575\r';
const FOOTNOTES_2025 = [
  '"MAC Assignments as of November 22, 2023",,,,,,',
  ',,,,,,',
  '*Work GPCI reflects a 1.5 floor in Alaska established by the MIPPA.,,,,,,',
];

const TITLE_2026 = 'ADDENDUM E. FINAL CY 2026 GEOGRAPHIC PRACTICE COST INDICES (GPCIs) BY STATE AND MEDICARE LOCALITY,,,,,,,';
const HEADER_2026 =
  'Medicare Administrative Contractor (MAC),State,Locality Number,Locality Name,2026 PW GPCI (without 1.0 Floor),2026 PW GPCI (with 1.0 Floor),2026 PE GPCI,2026 MP GPCI';

function parse(lines: string[]): { parser: GpciParser; rows: (string | null)[][] } {
  const parser = new GpciParser('test.csv');
  return { parser, rows: parseLines(parser, lines) };
}

function refusal(lines: string[]): CmsFormatError {
  return refusalOf(() => parse(lines));
}

describe('GpciParser', () => {
  it('reads a 2025 file: year from the title, no without-floor column, stars and footnotes dropped', () => {
    const { parser, rows } = parse([TITLE_2025, ',,,,,,\r', HEADER_2025, AL_2025, '02102,AK,01,ALASKA*,1.5,1.081,0.592\r', ...FOOTNOTES_2025]);
    expect(parser.year).toBe(2025);
    expect(parser.rowCount).toBe(2);
    expect(rows).toEqual([
      ['10112', 'AL', '00', 'ALABAMA', null, '1', '0.869', '0.575'],
      ['02102', 'AK', '01', 'ALASKA', null, '1.5', '1.081', '0.592'],
    ]);
    expect(rows.every((r) => r.length === GPCI_COLUMNS.length)).toBe(true);
  });

  it('reads a 2026 file with both work GPCIs and a quoted locality name', () => {
    const { parser, rows } = parse([
      TITLE_2026,
      ',,,,,,,',
      HEADER_2026,
      '01212,HI,01,"HAWAII, GUAM",0.998,1.000,1.137,0.579',
      '03602,WY,21,WYOMING**,0.991,1.000,1.000,0.740',
      '"Note: For CY 2024 and on, Addendum E will reflect the retirement of 3 California localities. ",,,,,,,',
    ]);
    expect(parser.year).toBe(2026);
    expect(rows).toEqual([
      ['01212', 'HI', '01', 'HAWAII, GUAM', '0.998', '1.000', '1.137', '0.579'],
      ['03602', 'WY', '21', 'WYOMING', '0.991', '1.000', '1.000', '0.740'],
    ]);
  });

  it('trims padded cells', () => {
    const { rows } = parse([TITLE_2025, HEADER_2025, ' 10112 , AL ,00, ALABAMA ,1 , 0.869,0.575 ']);
    expect(rows).toEqual([['10112', 'AL', '00', 'ALABAMA', null, '1', '0.869', '0.575']]);
  });

  it.each([
    ['wrong header (year)', [TITLE_2025, HEADER_2025.replace('2025 PE GPCI', '2024 PE GPCI'), AL_2025], 2, 6, /column 6 is "2024 PE GPCI" where "2025 PE GPCI"/],
    ['wrong header (missing column)', [TITLE_2025, HEADER_2025.replace(',2025 MP GPCI', ''), AL_2025], 2, 7, /expected 7 columns .* found 6/],
    ['header with a stray delimiter', [TITLE_2026, HEADER_2026 + ',', AL_2025], 2, 9, /expected 8 columns .* found 9/],
    ['truncated row', [TITLE_2025, HEADER_2025, '10112,AL,00,ALABAMA,1,0.869'], 3, 7, /6 fields, expected 7/],
    ['stray delimiter', [TITLE_2025, HEADER_2025, '10112,AL,00,ALABAMA,1,0.869,0.575,'], 3, 8, /8 fields, expected 7/],
    ['2025 row in a 2026 file', [TITLE_2026, HEADER_2026, AL_2025], 3, 8, /7 fields, expected 8/],
    ['bad number', [TITLE_2025, HEADER_2025, '10112,AL,00,ALABAMA,1,0.8x69,0.575'], 3, 6, /pe_gpci is "0.8x69", expected a decimal/],
    ['negative number', [TITLE_2026, HEADER_2026, '10112,AL,00,ALABAMA,-0.988,1.000,0.875,0.566'], 3, 5, /work_gpci_without_floor is "-0.988"/],
    ['MAC without leading zero', [TITLE_2025, HEADER_2025, '2102,AK,01,ALASKA*,1.5,1.081,0.592'], 3, 1, /mac is "2102", expected a five-digit MAC/],
    ['bad state', [TITLE_2025, HEADER_2025, '10112,Al,00,ALABAMA,1,0.869,0.575'], 3, 2, /state is "Al"/],
    ['one-digit locality', [TITLE_2025, HEADER_2025, '10112,AL,0,ALABAMA,1,0.869,0.575'], 3, 3, /locality_number is "0"/],
    ['blank locality name', [TITLE_2025, HEADER_2025, '10112,AL,00,**,1,0.869,0.575'], 3, 4, /locality_name is "\*\*"/],
    ['unknown year', ['ADDENDUM E. GEOGRAPHIC PRACTICE COST INDICES,,,,,,', HEADER_2025, AL_2025], 2, null, /unknown release/],
    ['data row before the header', [TITLE_2025, AL_2025, HEADER_2025], 2, 1, /before the GPCI column header/],
    ['data row after the footnotes', [TITLE_2025, HEADER_2025, AL_2025, ...FOOTNOTES_2025, AL_2025], 7, 1, /after the footnotes that start on line 4/],
    ['row with only a MAC', [TITLE_2025, HEADER_2025, '10112,,,,,,'], 3, 2, /state is ""/],
    ['unclosed quote', [TITLE_2025, HEADER_2025, '01212,HI,01,"HAWAII, GUAM,1,1.149,0.561'], 3, null, /quoted field is not closed/],
    ['no rows', [TITLE_2025, HEADER_2025, ...FOOTNOTES_2025], 5, null, /no data rows/],
    ['no header', [TITLE_2025, ',,,,,,'], 2, null, /no GPCI column header/],
  ])('refuses a %s, naming line and column', (_name, lines, line, column, problem) => {
    const error = refusal(lines as string[]);
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.problem).toMatch(problem as RegExp);
    expect(error.message.startsWith(`test.csv:${line}`)).toBe(true);
  });

  it('has no year before the header is read', () => {
    expect(() => new GpciParser('x.csv').year).toThrow(CmsFormatError);
  });

  async function parseFile(name: string): Promise<{ parser: GpciParser; rows: (string | null)[][] }> {
    const parser = new GpciParser(name);
    const rows: (string | null)[][] = [];
    let n = 0;
    for await (const line of createInterface({ input: createReadStream(join(DATA, name)), crlfDelay: Infinity })) {
      const row = parser.push(line, ++n);
      if (row) rows.push(row);
    }
    parser.finish(n);
    return { parser, rows };
  }

  // Row counts from SOURCES.md: every row of both shipped files parses.
  it.each([
    ['GPCI2025.csv', 2025, ['10112', 'AL', '00', 'ALABAMA', null, '1', '0.869', '0.575'], ['02102', 'AK', '01', 'ALASKA', null, '1.5', '1.081', '0.592']],
    ['GPCI2026.csv', 2026, ['10112', 'AL', '00', 'ALABAMA', '0.988', '1.000', '0.875', '0.566'], ['02102', 'AK', '01', 'ALASKA', '1.500', '1.500', '1.065', '0.551']],
  ])('parses every row of the shipped %s (CY %i, 109 localities)', async (file, year, alabama, alaska) => {
    const { parser, rows } = await parseFile(file);
    expect(parser.year).toBe(year);
    expect(parser.rowCount).toBe(109);
    expect(rows).toHaveLength(109);
    expect(rows[0]).toEqual(alabama);
    expect(rows.find((r) => r[1] === 'AK')).toEqual(alaska);
    expect(new Set(rows.map((r) => `${r[0]}/${r[2]}`)).size).toBe(109);
    expect(rows.every((r) => (year === 2025 ? r[4] === null : r[4] !== null))).toBe(true);
    expect(rows.some((r) => (r[3] ?? '').includes('*'))).toBe(false);
  });
});
