import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnesthesiaCfParser } from './anes';
import { CmsFormatError } from './cms-format.error';
import { GpciParser } from './gpci';
import { LocalityCountyParser } from './locco';
import {
  detectOfficialRvuMember,
  OfficialAnesthesiaCfParser,
  OfficialGpciParser,
  OfficialLocalityCountyParser,
  OfficialOppsCapParser,
  OfficialPprrvuParser,
  pprrvuEditionFromFileName,
} from './official-rvu';
import { OppsCapParser } from './oppscap';
import { PprrvuParser, PprrvuRecord } from './pprrvu';
import { LineParser, linesOf, parseLines, refusalOf } from './spec-helpers';

const REFERENCE = join(__dirname, '../../../../../data/reference');
const linesOfFile = (path: string): string[] => linesOf(readFileSync(path));
const SAMPLES = join(REFERENCE, 'official-format-samples/rvu');


const sample = (name: string) => linesOfFile(join(SAMPLES, name));
const converted = (path: string) => linesOfFile(join(REFERENCE, path));

/** The sample with one line replaced (line numbers from 1). */
function withLine(lines: readonly string[], lineNumber: number, edit: (line: string) => string): string[] {
  return lines.map((l, i) => (i === lineNumber - 1 ? edit(l) : l));
}

/** Characters from..to (1-based, inclusive) replaced by `text`, padded or cut to the same width. */
function overwrite(line: string, from: number, to: number, text: string): string {
  const width = to - from + 1;
  return line.slice(0, from - 1) + text.padStart(width).slice(-width) + line.slice(to);
}

/** The refusal of a broken copy, checked for line, column and the words of its message. */
function expectRefusal(parser: LineParser<unknown>, lines: string[], line: number, column: number | null, problem: RegExp, file: string): void {
  const error = refusalOf(() => parseLines(parser, lines));
  expect({ line: error.line, column: error.column }).toEqual({ line, column });
  expect(error.problem).toMatch(problem);
  expect(error.message.startsWith(`${file}:${line}`)).toBe(true);
}

/** Every line pushed in turn; a refused line is recorded and reading goes on (for files with known bad rows). */
function readAll<R>(parser: LineParser<R>, lines: readonly string[]): { rows: R[]; refused: Map<number, string> } {
  const rows: R[] = [];
  const refused = new Map<number, string>();
  lines.forEach((line, i) => {
    try {
      const row = parser.push(line, i + 1);
      if (row !== null) rows.push(row);
    } catch (error) {
      if (!(error instanceof CmsFormatError)) throw error;
      refused.set(error.line, error.problem);
    }
  });
  return { rows, refused };
}

/** A decimal's value as text, whatever the trailing zeros: "1.000" and "1" are both "1". */
const decimal = (v: string | null) => (v !== null && v.includes('.') ? v.replace(/\.?0+$/, '') : v);

describe('OfficialPprrvuParser (PPRRVU2025_Oct.txt)', () => {
  const FILE = 'PPRRVU2025_Oct.txt';
  const txt = sample(FILE);
  const parser = () => new OfficialPprrvuParser(FILE, { year: 2025, quarter: 'D' });

  it('reads every record of the sample: 7 HDR lines skipped, 300 records of 171 characters', () => {
    const p = parser();
    const rows = parseLines(p, txt);
    expect(txt.slice(0, 7).every((l) => l.startsWith('HDR '))).toBe(true);
    expect(txt.slice(7).every((l) => l.length === 171)).toBe(true);
    expect(rows).toHaveLength(300);
    expect(p.rowCount).toBe(300);
    expect(p).toBeInstanceOf(PprrvuParser);
    expect(rows[0]).toMatchObject({ hcpcs: '0001F', modifier: '', description: 'Heart failure composite', statusCode: 'I', preOpShare: '0.00', conversionFactor: '32.3465' });
  });

  it('has the release of the edition it is given, with the AMA and ADA notices of the HDR lines', () => {
    const p = parser();
    parseLines(p, txt);
    expect(p.release).toEqual({
      id: 'RVU25D',
      year: 2025,
      quarter: 'D',
      title: '2025 National Physician Fee Schedule Relative Value File October Release',
      releasedOn: null,
      notices: [
        'CPT CODES AND DESCRIPTIONS ONLY ARE COPYRIGHT 2026 AMERICAN MEDICAL ASSOCIATION. ALL RIGHTS RESERVED. APPLICABLE FARS/DFARS APPLY.',
        // "ALL RIGH": CMS's banner lost two characters at its 50-character wrap; kept as printed.
        'THE FOLLOWING STATEMENT APPLIES TO ALL DENTAL CODES (HCPCS START WITH LETTER D): COPYRIGHT 2025/26 AMERICAN DENTAL ASSOCIATION. ALL RIGH RESERVED.',
      ],
    });
  });

  it('gives every record exactly the values of the same row of PPRRVU2025_Oct.csv, field by field', () => {
    const csvParser = new PprrvuParser('PPRRVU2025_Oct.csv');
    const csvRows = parseLines(csvParser, converted('rvu/PPRRVU2025_Oct.csv'));
    const byKey = new Map(csvRows.map((r) => [`${r.hcpcs}/${r.modifier}`, r]));
    expect(byKey.size).toBe(csvRows.length);
    const rows = parseLines(parser(), txt);
    let fields = 0;
    for (const row of rows) {
      const csv = byKey.get(`${row.hcpcs}/${row.modifier}`) as PprrvuRecord;
      for (const key of Object.keys(csv) as (keyof PprrvuRecord)[]) {
        expect({ code: `${row.hcpcs}/${row.modifier}`, field: key, value: row[key] }).toEqual({ code: `${row.hcpcs}/${row.modifier}`, field: key, value: csv[key] });
        fields++;
      }
    }
    expect(fields).toBe(300 * 32);
    // The text prints the global-package shares as ".00" (PIC .99); the .csv and the rows have "0.00".
    expect(txt[7].slice(106, 115)).toBe('.00.00.00');
  });

  it('takes the edition from the file name when asked', () => {
    expect(pprrvuEditionFromFileName('PPRRVU2025_Oct.txt')).toEqual({ year: 2025, quarter: 'D' });
    expect(pprrvuEditionFromFileName('PPRRVU25_JAN.txt')).toEqual({ year: 2025, quarter: 'A' });
    expect(pprrvuEditionFromFileName('PPRRVU2026_Jul_nonQPP.txt')).toEqual({ year: 2026, quarter: 'C' });
    expect(pprrvuEditionFromFileName('rvu.txt')).toBeNull();
    expect(() => new OfficialPprrvuParser(FILE, { year: 25, quarter: 'D' })).toThrow(RangeError);
  });

  // Line 10 is "00102  Anesth repair of cleft lip ... J   0.00 ...". The RVU members have no date
  // fields; the bad-date case is in official-hcpcs.spec.ts.
  const csvRow = converted('rvu/PPRRVU2025_Oct.csv').find((l) => l.startsWith('00102,')) as string;
  it.each([
    ['truncated record', withLine(txt, 10, (l) => l.slice(0, 120)), 10, 121, /the line is 120 characters long; a fixed-width PPRRVU record \(CMS RVU25 layout\) is 171 to 200 characters/],
    ['record longer than 200 characters', withLine(txt, 10, (l) => l.padEnd(200) + 'X'), 10, 201, /201 characters long; a fixed-width PPRRVU record .* is 171 to 200/],
    ['comma-delimited row (the .csv line)', withLine(txt, 10, () => csvRow), 10, csvRow.length + 1, /characters long; a fixed-width PPRRVU record/],
    ['TAB where the layout has a blank', withLine(txt, 10, (l) => overwrite(l, 66, 66, '\t')), 10, 66, /character 66 is "\\t" where the fixed-width PPRRVU record .* has a blank between fields/],
    ['columns shifted one to the right', withLine(txt, 10, (l) => `${l.slice(0, 7)} ${l.slice(7)}`), 10, 66, /character 66 is "0" where the fixed-width PPRRVU record/],
    ['non-numeric work RVU', withLine(txt, 10, (l) => overwrite(l, 60, 65, '0.3O')), 10, 60, /workRvu is "0.3O", expected a decimal number such as 0.38 \(characters 60-65 of the fixed-width PPRRVU record/],
    ['missing status code', withLine(txt, 10, (l) => overwrite(l, 58, 58, ' ')), 10, 58, /statusCode is "", expected a one-letter status code \(characters 58-58/],
    ['missing global days', withLine(txt, 10, (l) => overwrite(l, 104, 106, '')), 10, 104, /globalDays is "", expected global days .* \(characters 104-106/],
    ['value in the filler (a newer layout?)', withLine(txt, 10, (l) => overwrite(l, 121, 121, '1')), 10, 121, /character 121 is "1" where/],
  ])('refuses a %s, naming line, position and the expected format', (_name, lines, line, column, problem) => {
    expectRefusal(parser(), lines, line, column, problem, FILE);
  });

  it('refuses a file that has only the HDR banner', () => {
    expectRefusal(parser(), txt.slice(0, 7), 7, null, /no data records after the HDR banner; each line should be a fixed-width PPRRVU record \(CMS RVU25 layout\)/, FILE);
  });
});

describe('OfficialGpciParser (GPCI2025.txt)', () => {
  const FILE = 'GPCI2025.txt';
  const txt = sample(FILE);

  it('reads every row of the sample: title, headings cut to width, 109 rows, footnotes', () => {
    const p = new OfficialGpciParser(FILE);
    const rows = parseLines(p, txt);
    expect(p).toBeInstanceOf(GpciParser);
    expect(p.year).toBe(2025);
    expect(rows).toHaveLength(109);
    expect(p.rowCount).toBe(109);
    expect(rows[1]).toEqual(['02102', 'AK', '01', 'ALASKA', null, '1.500', '1.081', '0.592']);
  });

  it('gives every row the values of the same row of GPCI2025.csv, field by field', () => {
    const csvRows = parseLines(new GpciParser('GPCI2025.csv'), converted('gpci/GPCI2025.csv'));
    const byKey = new Map(csvRows.map((r) => [`${r[0]}/${r[2]}`, r]));
    const rows = parseLines(new OfficialGpciParser(FILE), txt);
    expect(byKey.size).toBe(109);
    expect(rows.map((r) => `${r[0]}/${r[2]}`)).toEqual([...byKey.keys()]);
    let reformatted = 0;
    for (const row of rows) {
      const csv = byKey.get(`${row[0]}/${row[2]}`) as (string | null)[];
      // Codes and names: the same text.
      expect(row.slice(0, 5)).toEqual(csv.slice(0, 5));
      // GPCIs: the same decimal. The text prints three decimals ("1.000", as the 2026 .csv does);
      // the 2025 .csv went through Excel and lost trailing zeros ("1"). The columns are
      // DECIMAL(6,3), so both store 1.000.
      expect(row.slice(5).map(decimal)).toEqual(csv.slice(5).map(decimal));
      expect(row.slice(5).every((v) => /^\d\.\d{3}$/.test(v as string))).toBe(true);
      reformatted += row.slice(5).filter((v, i) => v !== csv[5 + i]).length;
    }
    expect(reformatted).toBeGreaterThan(0);
  });

  const csvRow = converted('gpci/GPCI2025.csv')[3];
  it.each([
    ['truncated row', withLine(txt, 4, (l) => l.slice(0, 140)), 4, 141, /140 characters long; a fixed-width GPCI record .* is 150 characters/],
    ['comma-delimited row (the .csv line)', withLine(txt, 4, () => csvRow), 4, csvRow.length + 1, /a fixed-width GPCI record/],
    ['columns shifted one to the right', withLine(txt, 4, (l) => ` ${l.slice(0, -1)}`), 4, 6, /character 6 is "2" where the fixed-width GPCI record .* has a blank/],
    ['non-numeric GPCI', withLine(txt, 4, (l) => overwrite(l, 127, 138, '0.8x9')), 4, 127, /pe_gpci is "0.8x9", expected a decimal number such as 0.869 \(characters 127-138/],
    ['missing state', withLine(txt, 4, (l) => overwrite(l, 17, 18, '')), 4, 17, /state is "", expected a two-letter state code \(characters 17-18/],
    ['headings of another layout', withLine(txt, 3, (l) => l.replace('2025 PW GPCI', '2025 PW GPCI2025 PW GPCI')), 3, 1, /unexpected GPCI header: expected .*one work GPCI column/],
    ['data row before the headings', [txt[0], txt[3], ...txt.slice(2)], 2, 1, /data row came before the GPCI column header/],
  ])('refuses a %s, naming line, position and the expected format', (_name, lines, line, column, problem) => {
    expectRefusal(new OfficialGpciParser(FILE), lines, line, column, problem, FILE);
  });

  it('refuses a file without the headings', () => {
    expectRefusal(new OfficialGpciParser(FILE), txt.slice(0, 2), 2, null, /no GPCI column header .* fixed-width GPCI file/, FILE);
  });
});

describe('OfficialLocalityCountyParser (25LOCCO.txt)', () => {
  const FILE = '25LOCCO.txt';
  const txt = sample(FILE);
  // 25LOCCO.txt prints no state on any California row (the .csv has CALIFORNIA), and its export
  // cut nine county lists at character 201 ("... SUFFOLK AND WEST" for "... WESTCHESTER").
  const CALIFORNIA = Array.from({ length: 29 }, (_, i) => 13 + i);
  const CUT = [49, 51, 55, 63, 81, 107, 113, 114, 157];
  // Reading on after a refusal (an import stops at the first): rows under a refused first row of a
  // state have no state either.
  const UNDER_CUT = [52, 53, 56, 82, 108];

  it('reads every row of the sample; refuses exactly the 29 California rows and the 9 cut county lists (and the rows under them)', () => {
    const p = new OfficialLocalityCountyParser(FILE);
    const { rows, refused } = readAll(p, txt);
    expect(p).toBeInstanceOf(LocalityCountyParser);
    expect(p.year).toBe(2025);
    expect([...refused.keys()].sort((a, b) => a - b)).toEqual([...CALIFORNIA, ...CUT, ...UNDER_CUT].sort((a, b) => a - b));
    for (const line of [...CALIFORNIA, ...UNDER_CUT]) {
      expect(refused.get(line)).toMatch(/state_name is blank and no row above it in this group names the state \(characters 23-45 of the fixed-width LOCCO record/);
    }
    for (const line of CUT) {
      expect(refused.get(line)).toMatch(/reaches character 20[01], where CMS's fixed-width export cuts lines, so it is probably incomplete; load the .csv member/);
    }
    expect(rows).toHaveLength(110 - 29 - 9 - 5);
    // So the whole file is refused, at its first California row.
    expectRefusal(new OfficialLocalityCountyParser(FILE), txt, 13, 23, /state_name is blank/, FILE);
  });

  it('gives every row it accepts the values of the same row of 25LOCCO.csv; the refused ones are cut there', () => {
    const csvRows = parseLines(new LocalityCountyParser('25LOCCO.csv'), converted('gpci/25LOCCO.csv'));
    const byKey = new Map(csvRows.map((r) => [`${r[0]}/${r[1]}`, r]));
    // 110 rows, 109 keys: the .csv (and the text) list 05302/99 twice, the same values both times.
    expect([csvRows.length, byKey.size]).toEqual([110, 109]);
    const { rows } = readAll(new OfficialLocalityCountyParser(FILE), txt);
    expect(rows).toHaveLength(67);
    for (const row of rows) {
      expect(row).toEqual(byKey.get(`${row[0]}/${row[1]}`));
    }
    for (const line of CUT) {
      const text = txt[line - 1];
      const csv = byKey.get(`${text.slice(4, 9)}/${text.slice(16, 18)}`) as (string | null)[];
      const counties = text.slice(143).trim();
      expect((csv[4] as string).startsWith(counties) && (csv[4] as string).length > counties.length).toBe(true);
    }
  });

  it('carries the state down its group and resets it at the blank line', () => {
    // Lines 51-53 are Florida's group (the first one's county list cut short here, so it is accepted).
    const florida = [txt[50].slice(0, 180), txt[51], txt[52]];
    const { rows, refused } = readAll(new OfficialLocalityCountyParser(FILE), [...txt.slice(0, 4), ...florida, '', txt[51]]);
    expect(rows.map((r) => [r[1], r[2]])).toEqual([
      ['03', 'FLORIDA'],
      ['04', 'FLORIDA'],
      ['99', 'FLORIDA'],
    ]);
    expect([...refused]).toEqual([[9, expect.stringMatching(/state_name is blank and no row above it in this group/)]]);
  });

  it.each([
    ['truncated row', withLine(txt, 5, (l) => l.slice(0, 100)), 5, 101, /100 characters long; a fixed-width LOCCO record .* is 144 to 201 characters/],
    ['columns shifted one to the right', withLine(txt, 5, (l) => ` ${l}`), 5, 10, /character 10 is "2" where the fixed-width LOCCO record/],
    ['missing locality', withLine(txt, 5, (l) => overwrite(l, 17, 18, '')), 5, 17, /locality_number is "", expected a locality number .* \(characters 17-18/],
    ['comma-delimited row (the .csv line)', withLine(txt, 5, () => '10112,0,ALABAMA ,STATEWIDE ,ALL COUNTIES '), 5, 42, /41 characters long; a fixed-width LOCCO record/],
  ])('refuses a %s, naming line, position and the expected format', (_name, lines, line, column, problem) => {
    expectRefusal(new OfficialLocalityCountyParser(FILE), lines, line, column, problem, FILE);
  });
});

describe('OfficialAnesthesiaCfParser (ANES2025.txt)', () => {
  const FILE = 'ANES2025.txt';
  const txt = sample(FILE);
  // Names longer than the 40-character field of the text are cut there; the .csv has them whole.
  const CUT_NAMES = ['01182/18', '01112/05', '01112/52', '01112/65', '01112/09'];

  it('reads every row of the sample: 109 rows, the CF with its implied decimals', () => {
    const p = new OfficialAnesthesiaCfParser(FILE, 2025);
    const rows = parseLines(p, txt);
    expect(p).toBeInstanceOf(AnesthesiaCfParser);
    expect(p.year).toBe(2025);
    expect(rows).toHaveLength(109);
    expect(rows[0]).toEqual(['10112', '00', 'ALABAMA', '19.31', null]);
  });

  it('gives every row the values of the same row of ANES2025.csv, field by field', () => {
    const csvRows = parseLines(new AnesthesiaCfParser('ANES2025.csv', 2025), converted('rvu/ANES2025.csv'));
    const byKey = new Map(csvRows.map((r) => [`${r[0]}/${r[1]}`, r]));
    const rows = parseLines(new OfficialAnesthesiaCfParser(FILE, 2025), txt);
    expect(rows.map((r) => `${r[0]}/${r[1]}`)).toEqual([...byKey.keys()]);
    const cut: string[] = [];
    for (const row of rows) {
      const key = `${row[0]}/${row[1]}`;
      const csv = byKey.get(key) as (string | null)[];
      expect([row[0], row[1], row[3], row[4]]).toEqual([csv[0], csv[1], csv[3], csv[4]]);
      if (row[2] !== csv[2]) {
        expect((row[2] as string).length).toBe(40);
        expect((csv[2] as string).startsWith(row[2] as string)).toBe(true);
        cut.push(key);
      }
    }
    expect(cut.sort()).toEqual([...CUT_NAMES].sort());
  });

  it('ignores the DOS end-of-file byte 0x1A after the last CRLF, and only there', () => {
    // Why it is harmless: it follows the last CRLF, so split on \n it is a line of its own ("\x1A",
    // no CR) that holds no record. latin1 decodes it to U+001A one for one, the parser takes that
    // line as the end-of-file mark and returns no row, so nothing of it reaches COPY.
    expect(readFileSync(join(SAMPLES, FILE)).subarray(-3)).toEqual(Buffer.from([0x0d, 0x0a, 0x1a]));
    expect(txt[txt.length - 1]).toBe('\x1A');
    const withMark = parseLines(new OfficialAnesthesiaCfParser(FILE, 2025), txt);
    const withoutMark = parseLines(new OfficialAnesthesiaCfParser(FILE, 2025), txt.slice(0, -1));
    expect(withMark).toEqual(withoutMark);
    // Anything after it, or the byte inside a record, is refused.
    expectRefusal(new OfficialAnesthesiaCfParser(FILE, 2025), [...txt, txt[0]], 111, 1, /text after the DOS end-of-file mark \(byte 0x1A\) on line 110/, FILE);
    expectRefusal(new OfficialAnesthesiaCfParser(FILE, 2025), withLine(txt, 1, (l) => `${l}\x1A`), 1, 78, /78 characters long; a fixed-width ANES record/, FILE);
  });

  it('does not print the national CF, and knows only the one-CF layout (through 2025)', () => {
    expect(() => new OfficialAnesthesiaCfParser(FILE, 2025).nationalConversionFactors).toThrow(/does not print the national anesthesia CF/);
    expectRefusal(new OfficialAnesthesiaCfParser(FILE, 2026), txt, 1, null, /CY 2026 has QP and non-QP anesthesia CFs; .* load the .csv member/, FILE);
  });

  it.each([
    ['truncated row', withLine(txt, 2, (l) => l.slice(0, 75)), 2, 76, /75 characters long; a fixed-width ANES record .* is 77 characters/],
    ['CF with a decimal point', withLine(txt, 2, (l) => overwrite(l, 59, 77, '27.86')), 2, 59, /"27.86" in characters 59-77 of the fixed-width ANES record .*, expected digits with two implied decimals such as 1931 \(= 19.31\)/],
    ['missing CF', withLine(txt, 2, (l) => overwrite(l, 59, 77, '')), 2, 59, /"" in characters 59-77 of the fixed-width ANES record .*, expected digits with two implied decimals/],
    ['missing locality', withLine(txt, 2, (l) => overwrite(l, 13, 14, '')), 2, 13, /locality_number is "", expected a two-digit locality number \(characters 13-14/],
    ['columns shifted one to the left', withLine(txt, 2, (l) => `${l.slice(1)} `), 2, 12, /character 12 is "0" where the fixed-width ANES record .* has a blank between fields/],
    ['comma-delimited row (the .csv line)', withLine(txt, 2, () => '02102 ,01 ,ALASKA*,27.86 '), 2, 26, /a fixed-width ANES record/],
  ])('refuses a %s, naming line, position and the expected format', (_name, lines, line, column, problem) => {
    expectRefusal(new OfficialAnesthesiaCfParser(FILE, 2025), lines, line, column, problem, FILE);
  });
});

describe('OfficialOppsCapParser (OPPSCAP_Oct.txt)', () => {
  const FILE = 'OPPSCAP_Oct.txt';
  const txt = sample(FILE);

  it('reads every row of the sample: 300 rows of 38 characters, no heading', () => {
    const p = new OfficialOppsCapParser(FILE);
    const rows = parseLines(p, txt);
    expect(p).toBeInstanceOf(OppsCapParser);
    expect(rows).toHaveLength(300);
    expect(rows[0]).toEqual(['0633T', 'TC', 'C', '01112', '05', '150.69', '150.69']);
  });

  it('gives every row exactly the values of the same row of OPPSCAP_Oct2025.csv', () => {
    const csvRows = parseLines(new OppsCapParser('OPPSCAP_Oct2025.csv'), converted('rvu/OPPSCAP_Oct2025.csv'));
    const byKey = new Map(csvRows.map((r) => [`${r[0]}/${r[1]}/${r[3]}/${r[4]}`, r]));
    expect(byKey.size).toBe(csvRows.length);
    const rows = parseLines(new OfficialOppsCapParser(FILE), txt);
    for (const row of rows) {
      expect(row).toEqual(byKey.get(`${row[0]}/${row[1]}/${row[3]}/${row[4]}`));
    }
  });

  it.each([
    ['truncated row', withLine(txt, 3, (l) => l.slice(0, 30)), 3, 31, /30 characters long; a fixed-width OPPSCAP record .* is 38 characters/],
    ['comma-delimited row (the .csv line)', withLine(txt, 3, () => '0633T,TC,C,01112,17,125.72,125.72'), 3, 34, /a fixed-width OPPSCAP record/],
    ['columns shifted one to the right', withLine(txt, 3, (l) => ` ${l.slice(0, -1)}`), 3, 8, /character 8 is "C" where the fixed-width OPPSCAP record/],
    ['non-numeric price', withLine(txt, 3, (l) => overwrite(l, 29, 38, '125.7x')), 3, 29, /non_facility_price is "125.7x", expected a price such as 150.69 \(characters 29-38/],
    ['missing carrier', withLine(txt, 3, (l) => overwrite(l, 11, 15, '')), 3, 11, /mac is "", expected a five-digit carrier \(MAC\) number \(characters 11-15/],
  ])('refuses a %s, naming line, position and the expected format', (_name, lines, line, column, problem) => {
    expectRefusal(new OfficialOppsCapParser(FILE), lines, line, column, problem, FILE);
  });

  it('refuses an empty file', () => {
    expectRefusal(new OfficialOppsCapParser(FILE), [], 0, null, /the file has no rows; each line should be a fixed-width OPPSCAP record/, FILE);
  });
});

describe('detectOfficialRvuMember', () => {
  it.each([
    ['PPRRVU2025_Oct.txt', 'pprrvu'],
    ['GPCI2025.txt', 'gpci'],
    ['25LOCCO.txt', 'locality-counties'],
    ['ANES2025.txt', 'anesthesia-cf'],
    ['OPPSCAP_Oct.txt', 'opps-cap'],
  ])('knows %s from its first lines as %s', (name, member) => {
    expect(detectOfficialRvuMember(sample(name).slice(0, 20))).toBe(member);
  });

  it.each(['rvu/PPRRVU2025_Oct.csv', 'gpci/GPCI2025.csv', 'gpci/25LOCCO.csv', 'rvu/ANES2025.csv', 'rvu/OPPSCAP_Oct2025.csv', 'gpci/ZIP5_OCT2025.txt', 'hcpcs/hcpcs_level2_2024jul.csv'])(
    'does not take the converted or other file %s for an RVU zip text member',
    (path) => {
      expect(detectOfficialRvuMember(converted(path).slice(0, 20))).toBeNull();
    },
  );

  it('does not take the HCPCS fixed-width file for one', () => {
    expect(detectOfficialRvuMember(linesOfFile(join(REFERENCE, 'official-format-samples/hcpcs/HCPC2019_CONTR_ANWEB.lines535-734.txt')).slice(0, 20))).toBeNull();
  });
});
