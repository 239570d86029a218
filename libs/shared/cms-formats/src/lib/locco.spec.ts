import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CmsFormatError } from './cms-format.error';
import { parseLines, refusalOf } from './spec-helpers';
import { GpciParser } from './gpci';
import { LOCALITY_COUNTY_COLUMNS, LocalityCountyParser } from './locco';

const DATA = join(__dirname, '../../../../../data/reference/gpci');

const TITLE_2025 = 'COUNTIES INCLUDED IN 2025 LOCALITIES. (ALPHABETICALLY BY STATE AND LOCALITY NAME WITHIN STATE),,,,\r';
const HEADER_2025 = 'Medicare Adminstrative Contractor,Locality Number,State ,Fee Schedule Area ,Counties\r';
const TITLE_2026 = 'COUNTIES INCLUDED IN 2026 LOCALITIES. (ALPHABETICALLY BY STATE AND LOCALITY NAME WITHIN STATE),,,,,';
const HEADER_2026 = 'Medicare Adminstrative Contractor,Locality Number,State ,Fee Schedule Area ,Counties,';
const AL_2025 = '10112,0,ALABAMA ,STATEWIDE ,ALL COUNTIES \r';

function parse(lines: string[]): { parser: LocalityCountyParser; rows: (string | null)[][] } {
  const parser = new LocalityCountyParser('test.csv');
  return { parser, rows: parseLines(parser, lines) };
}

function refusal(lines: string[]): CmsFormatError {
  return refusalOf(() => parse(lines));
}

describe('LocalityCountyParser', () => {
  it('reads 2025 rows: pads MAC and locality, carries the state down its group, drops stars and footnotes', () => {
    const { parser, rows } = parse([
      TITLE_2025,
      ',,,,\r',
      HEADER_2025,
      ',,,,\r',
      AL_2025,
      ',,,,\r',
      '1182,18,CALIFORNIA,LOS ANGELES-LONG BEACH-ANAHEIM (LOS ANGELES CNTY),LOS ANGELES /ORAGNGE CNTY\r',
      '1112,62,,RIVERSIDE-SAN BERNARDINO-ONTARIO,"SAN BERNARDINO, RIVERSIDE"\r',
      '1112,75,,REST OF STATE*,ALL OTHER COUNTIES\r',
      ' , , , , \r',
      '*  Payment locality is serviced by two carriers.,,,,\r',
    ]);
    expect(parser.year).toBe(2025);
    expect(parser.rowCount).toBe(4);
    expect(rows).toEqual([
      ['10112', '00', 'ALABAMA', 'STATEWIDE', 'ALL COUNTIES'],
      ['01182', '18', 'CALIFORNIA', 'LOS ANGELES-LONG BEACH-ANAHEIM (LOS ANGELES CNTY)', 'LOS ANGELES /ORAGNGE CNTY'],
      ['01112', '62', 'CALIFORNIA', 'RIVERSIDE-SAN BERNARDINO-ONTARIO', 'SAN BERNARDINO, RIVERSIDE'],
      ['01112', '75', 'CALIFORNIA', 'REST OF STATE', 'ALL OTHER COUNTIES'],
    ]);
    expect(rows.every((r) => r.length === LOCALITY_COUNTY_COLUMNS.length)).toBe(true);
  });

  it('reads 2026 rows with their trailing empty column', () => {
    const { parser, rows } = parse([
      TITLE_2026,
      HEADER_2026,
      '02402,02,WASHINGTON ,SEATTLE (KING CNTY),KING ,',
      '02402,99,,REST OF STATE ,ALL OTHER COUNTIES ,',
    ]);
    expect(parser.year).toBe(2026);
    expect(rows).toEqual([
      ['02402', '02', 'WASHINGTON', 'SEATTLE (KING CNTY)', 'KING'],
      ['02402', '99', 'WASHINGTON', 'REST OF STATE', 'ALL OTHER COUNTIES'],
    ]);
  });

  it.each([
    ['wrong header', [TITLE_2025, 'Medicare Adminstrative Contractor,Locality Number,State ,Area ,Counties', AL_2025], 2, 4, /column 4 is "Area"/],
    ['header with an extra column', [TITLE_2025, HEADER_2025.replace('Counties', 'Counties,Notes'), AL_2025], 2, 6, /column 6 is "Notes"/],
    ['truncated row', [TITLE_2025, HEADER_2025, '10112,0,ALABAMA ,STATEWIDE '], 3, 5, /4 fields, expected 5/],
    ['stray delimiter', [TITLE_2025, HEADER_2025, '10112,0,ALABAMA ,STATE,WIDE ,ALL COUNTIES '], 3, 6, /6 fields, expected 5/],
    ['2026 row without its trailing column', [TITLE_2026, HEADER_2026, '10112,00,ALABAMA ,STATEWIDE ,ALL COUNTIES '], 3, 6, /5 fields, expected 6/],
    ['value in the trailing column', [TITLE_2026, HEADER_2026, '10112,00,ALABAMA ,STATEWIDE,ALL,COUNTIES'], 3, 6, /"COUNTIES" in the unnamed column/],
    ['bad MAC', [TITLE_2025, HEADER_2025, '1011A,0,ALABAMA ,STATEWIDE ,ALL COUNTIES '], 3, 1, /mac is "1011A"/],
    ['six-digit MAC', [TITLE_2025, HEADER_2025, '101120,0,ALABAMA ,STATEWIDE ,ALL COUNTIES '], 3, 1, /mac is "101120"/],
    ['three-digit locality', [TITLE_2025, HEADER_2025, '10112,100,ALABAMA ,STATEWIDE ,ALL COUNTIES '], 3, 2, /locality_number is "100"/],
    ['number in the state column', [TITLE_2025, HEADER_2025, '10112,0,01,STATEWIDE ,ALL COUNTIES '], 3, 3, /state_name is "01"/],
    ['blank counties', [TITLE_2025, HEADER_2025, '10112,0,ALABAMA ,STATEWIDE , '], 3, 5, /counties is ""/],
    ['first row without a state', [TITLE_2025, HEADER_2025, '1112,62,,RIVERSIDE,RIVERSIDE'], 3, 3, /no row above it in this group/],
    ['group without a state after a separator', [TITLE_2025, HEADER_2025, AL_2025, ',,,,', '1112,62,,RIVERSIDE,RIVERSIDE'], 5, 3, /no row above it in this group/],
    ['unknown year', ['COUNTIES INCLUDED IN LOCALITIES,,,,', HEADER_2025, AL_2025], 2, null, /unknown release/],
    ['data row before the header', [TITLE_2025, AL_2025], 2, 1, /before the locality column header/],
    ['data row after the footnotes', [TITLE_2025, HEADER_2025, '*  Payment locality is serviced by two carriers.,,,,', AL_2025], 4, 1, /after the footnotes that start on line 3/],
    ['unclosed quote', [TITLE_2025, HEADER_2025, '1112,62,CALIFORNIA,RIVERSIDE,"SAN BERNARDINO, RIVERSIDE'], 3, null, /quoted field is not closed/],
    ['no rows', [TITLE_2025, HEADER_2025, ',,,,'], 3, null, /no data rows/],
    ['no header', [TITLE_2025], 1, null, /no locality column header/],
  ])('refuses a %s, naming line and column', (_name, lines, line, column, problem) => {
    const error = refusal(lines as string[]);
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.problem).toMatch(problem as RegExp);
  });

  async function parseFile<P extends { push(line: string, n: number): (string | null)[] | null; finish(n: number): void }>(
    parser: P,
    name: string,
  ): Promise<(string | null)[][]> {
    const rows: (string | null)[][] = [];
    let n = 0;
    for await (const line of createInterface({ input: createReadStream(join(DATA, name)), crlfDelay: Infinity })) {
      const row = parser.push(line, ++n);
      if (row) rows.push(row);
    }
    parser.finish(n);
    return rows;
  }

  // SOURCES.md: 110 locality rows each. Missouri's "REST OF STATE*" (05302/99) is printed twice,
  // so there are 109 distinct MAC + locality pairs, the same pairs as the GPCI file of the year.
  it.each([
    ['25LOCCO.csv', 'GPCI2025.csv', 2025],
    ['26LOCCO.csv', 'GPCI2026.csv', 2026],
  ])('parses every row of the shipped %s and matches %s', async (file, gpciFile, year) => {
    const parser = new LocalityCountyParser(file);
    const rows = await parseFile(parser, file);
    expect(parser.year).toBe(year);
    expect(parser.rowCount).toBe(110);
    expect(rows).toHaveLength(110);
    expect(rows[0]).toEqual(['10112', '00', 'ALABAMA', 'STATEWIDE', 'ALL COUNTIES']);
    expect(rows.find((r) => r[0] === '02102')).toEqual(['02102', '01', 'ALASKA', 'STATEWIDE', 'ALL COUNTIES']);
    expect(rows.filter((r) => r[0] === '05302' && r[1] === '99')).toEqual([
      ['05302', '99', 'MISSOURI', 'REST OF STATE', 'ALL OTHER COUNTIES'],
      ['05302', '99', 'MISSOURI', 'REST OF STATE', 'ALL OTHER COUNTIES'],
    ]);
    expect(rows.every((r) => r[2] !== null && !(r[3] ?? '').includes('*'))).toBe(true);
    const pairs = new Set(rows.map((r) => `${r[0]}/${r[1]}`));
    expect(pairs.size).toBe(109);
    const gpci = await parseFile(new GpciParser(gpciFile), gpciFile);
    expect(new Set(gpci.map((r) => `${r[0]}/${r[2]}`))).toEqual(pairs);
  });
});
