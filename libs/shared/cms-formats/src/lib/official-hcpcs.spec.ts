import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CmsFormatError } from './cms-format.error';
import { CODE_SET_COLUMNS, codeSetParser } from './code-sets';
import { detectOfficialHcpcs, OfficialHcpcsParser } from './official-hcpcs';
import { SimpleCsvParser } from './simple-csv';
import { linesOf, parseLines, refusalOf } from './spec-helpers';

const REFERENCE = join(__dirname, '../../../../../data/reference');
const linesOfFile = (path: string): string[] => linesOf(readFileSync(path));
const SAMPLES = join(REFERENCE, 'official-format-samples/hcpcs');


/** Lines 1-308 of HCPC2019_CONTR_ANWEB.txt: 8 disclaimer lines, then modifier records only. */
const HEAD = linesOfFile(join(SAMPLES, 'HCPC2019_CONTR_ANWEB.txt'));
/** Lines 535-734 of the same file: the first procedure records (A0021 ...). */
const PROCEDURES = linesOfFile(join(SAMPLES, 'HCPC2019_CONTR_ANWEB.lines535-734.txt'));
const FILE = 'HCPC2019_CONTR_ANWEB.txt';

type Row = (string | null)[];

/** Feeds [line, lineNumber] pairs, then flush() and finish(), as an importer must. */
function parse(parser: OfficialHcpcsParser, lines: readonly [string, number][]): Row[] {
  const rows: Row[] = [];
  for (const [line, n] of lines) {
    const row = parser.push(line, n);
    if (row) rows.push(row);
  }
  const last = parser.flush();
  if (last) rows.push(last);
  parser.finish(lines.length ? lines[lines.length - 1][1] : 0);
  return rows;
}

/** Both excerpts with their real line numbers in the CMS file. */
const numbered = (): [string, number][] => [...HEAD.map((l, i): [string, number] => [l, i + 1]), ...PROCEDURES.map((l, i): [string, number] => [l, 535 + i])];
/** The procedure excerpt alone, numbered from 1 (the parser needs no disclaimers). */
const fromOne = (lines: readonly string[]): [string, number][] => lines.map((l, i) => [l, i + 1]);

const overwrite = (line: string, from: number, to: number, text: string) => line.slice(0, from - 1) + text.padEnd(to - from + 1).slice(0, to - from + 1) + line.slice(to);
const withLine = (lines: readonly string[], n: number, edit: (l: string) => string) => lines.map((l, i) => (i === n - 1 ? edit(l) : l));

const columns = CODE_SET_COLUMNS.hcpcs.map((c) => c.header);

describe('OfficialHcpcsParser', () => {
  it('skips the disclaimers (TABs, 0xA0) and the modifier records, which are not HCPCS codes', () => {
    expect(HEAD.slice(0, 8).some((l) => l.includes('\t') && l.includes('\u00a0'))).toBe(true);
    expect(HEAD.slice(6, 8)).toEqual(['', '']);
    const parser = new OfficialHcpcsParser(FILE);
    const rows = HEAD.map((line, i) => parser.push(line, i + 1));
    expect(rows.every((r) => r === null)).toBe(true);
    expect(parser.flush()).toBeNull();
    expect(parser.modifierCount).toBe(HEAD.filter((l) => l[10] === '7').length);
    expect(parser.modifierCount).toBe(215);
    // 300 records, all modifiers ("   A1"): nothing for the HCPCS table.
    const error = refusalOf(() => parser.finish(308));
    expect(error.problem).toBe('no procedure records (record id 3), only 215 modifier records');
  });

  it('reads every record of both excerpts: 157 procedure codes, 43 continuation records joined to their description', () => {
    const parser = new OfficialHcpcsParser(FILE);
    const rows = parse(parser, numbered());
    expect(parser).toBeInstanceOf(SimpleCsvParser);
    expect(rows).toHaveLength(157);
    expect(parser.rowCount).toBe(157);
    expect(PROCEDURES.filter((l) => l[10] === '3')).toHaveLength(157);
    expect(PROCEDURES.filter((l) => l[10] === '4')).toHaveLength(43);
    expect(rows.every((r) => r.length === columns.length && /^[A-V]\d{4}$/.test(r[0] as string))).toBe(true);
    expect(Object.fromEntries(columns.map((c, i) => [c, rows[0][i]]))).toEqual({
      hcpcs_code: 'A0021',
      long_description: 'Ambulance service, outside state per mile, transport (medicaid only)',
      short_description: 'Outside state ambulance serv',
      price: '00',
      multi: '9',
      cov: 'I',
      betos: 'O1A',
      tos: 'D',
      action: 'N',
      cim: null,
      mcm: null,
      statute: null,
      lab: null,
      xref: 'A0030',
      asc_grp: null,
      proc: null,
      anes: '0',
      date_term: null,
      date_added: '1985-01-01',
      date_asc: null,
      date_action: '1996-09-10',
    });
    // A0080 goes on over a continuation record (id 4).
    expect(rows[1].slice(0, 2)).toEqual(['A0080', 'Non-emergency transportation, per mile - vehicle provided by volunteer (individual or organization), with no vested interest']);
  });

  it('returns what codeSetParser("hcpcs") returns for the converted CSV, for every code whose description did not change from 2019 to 2024', () => {
    // The shipped converted file is July 2024; the only fixed-width original found is 2019. Codes
    // whose long description is the same in both are the same code in both, so they are compared
    // column by column; a changed description means CMS revised the code and nothing is expected
    // to agree. Of what does not agree, each difference is listed: they are 2019 -> 2024 changes.
    const csvRows = parseLines(codeSetParser('hcpcs', 'hcpcs_level2_2024jul.csv'), linesOfFile(join(REFERENCE, 'hcpcs/hcpcs_level2_2024jul.csv')));
    const csvByCode = new Map(csvRows.map((r) => [r[0] as string, r]));
    const rows = parse(new OfficialHcpcsParser(FILE), numbered());
    const unchanged = rows.filter((r) => csvByCode.get(r[0] as string)?.[1] === r[1]);
    const revised = rows.filter((r) => !unchanged.includes(r)).map((r) => r[0]);
    const differences: string[] = [];
    for (const row of unchanged) {
      const csv = csvByCode.get(row[0] as string) as Row;
      columns.forEach((column, i) => {
        if (row[i] !== csv[i]) differences.push(`${row[0]} ${column}: 2019 ${row[i]}, 2024 ${csv[i]}`);
      });
    }
    expect(rows.every((r) => csvByCode.has(r[0] as string))).toBe(true);
    expect(unchanged.length).toBeGreaterThanOrEqual(150);
    expect(unchanged).toHaveLength(156);
    // A4344: "... all silicone, each" became "... all silicone or polyurethane, each".
    expect(revised).toEqual(['A4344']);
    // 156 codes x 21 columns = 3,276 values compared; these 5 differ: the 2024 file has no action
    // effective date for these ambulance codes (action code N, no change since they were added).
    expect(differences).toEqual([
      'A0130 date_action: 2019 1982-01-01, 2024 null',
      'A0180 date_action: 2019 1982-01-01, 2024 null',
      'A0190 date_action: 2019 1984-01-01, 2024 null',
      'A0200 date_action: 2019 1982-01-01, 2024 null',
      'A0210 date_action: 2019 1984-01-01, 2024 null',
    ]);
  });

  describe('refuses a broken copy, naming line, position and the expected format', () => {
    const a0080 = linesOfFile(join(REFERENCE, 'hcpcs/hcpcs_level2_2024jul.csv')).find((l) => l.startsWith('A0080,')) as string;
    const tabbed = PROCEDURES[1].replace(/ {2,}/g, '\t');
    it.each([
      ['truncated record', withLine(PROCEDURES, 2, (l) => l.slice(0, 300)), 2, 301, /the line is 300 characters long; expected a 320-character fixed-width HCPCS Level II record \(truncated/],
      ['comma-delimited row (the converted CSV line)', withLine(PROCEDURES, 2, () => a0080), 2, a0080.length + 1, /expected a 320-character fixed-width HCPCS Level II record/],
      ['TAB-delimited row', withLine(PROCEDURES, 2, () => tabbed), 2, tabbed.length + 1, /expected a 320-character fixed-width HCPCS Level II record/],
      ['bad date', withLine(PROCEDURES, 1, (l) => overwrite(l, 269, 276, '19851301')), 1, 269, /date_added is "19851301" \(characters 269-276\), expected a date YYYYMMDD or blanks in a 320-character fixed-width HCPCS Level II record/],
      ['missing long description', withLine(PROCEDURES, 1, (l) => overwrite(l, 12, 91, '')), 1, 12, /long_description is "", expected a description \(characters 12-91 of the 320-character HCPCS record on line 1\)/],
      ['columns shifted one to the right', withLine(PROCEDURES, 1, (l) => `${l.slice(0, 11)} ${l.slice(11, -1)}`), 1, 260, /character 260 is "A" where a 320-character fixed-width HCPCS Level II record \(record id 3\) is blank \(shifted columns\?\)/],
      ['modifier in a procedure record', withLine(PROCEDURES, 1, (l) => overwrite(l, 1, 5, '   A1')), 1, 1, /hcpcs_code is "A1", expected a HCPCS Level II code \(characters 1-5/],
      ['continuation without its first record', PROCEDURES.filter((_, i) => i !== 1), 2, 11, /a continuation record \(id 4\) of "A0080" must follow that code's first record \(id 3\); the record open is "A0021" from line 1/],
      ['unknown record id', withLine(PROCEDURES, 2, (l) => overwrite(l, 11, 11, '5')), 2, 11, /record id is "5" \(character 11\), expected 3 or 4 \(procedure\) or 7 or 8 \(modifier\)/],
      ['sequence number with a letter', withLine(PROCEDURES, 2, (l) => overwrite(l, 6, 10, '0O100')), 2, 6, /sequence number is "0O100" \(characters 6-10\), expected five digits/],
      ['continuation record with detail fields', withLine(PROCEDURES, 3, (l) => overwrite(l, 120, 121, '00')), 3, 120, /character 120 is "0" where a 320-character fixed-width HCPCS Level II record \(record id 4\) is blank/],
      ['file decoded as UTF-8', withLine(PROCEDURES, 1, (l) => overwrite(l, 20, 20, '\uFFFD')), 1, 20, /read the file as ISO-8859-1 \(latin1\)/],
    ])('%s', (_name, lines, line, column, problem) => {
      const error = refusalOf(() => parse(new OfficialHcpcsParser(FILE), fromOne(lines as string[])));
      expect({ line: error.line, column: error.column }).toEqual({ line, column });
      expect(error.problem).toMatch(problem as RegExp);
      expect(error.message.startsWith(`${FILE}:${line}`)).toBe(true);
    });
  });

  it('keeps the last code until flush(), and finish() refuses to drop it', () => {
    const parser = new OfficialHcpcsParser(FILE);
    const rows = fromOne(PROCEDURES.slice(0, 3)).map(([l, n]) => parser.push(l, n));
    expect(rows.map((r) => r?.[0] ?? null)).toEqual([null, 'A0021', null]);
    expect(() => parser.finish(3)).toThrow(/call flush\(\) before finish\(\): the row of A0080 \(line 2\)/);
    expect(parser.flush()?.[0]).toBe('A0080');
    expect(() => parser.finish(3)).not.toThrow();
    // Fixed-width records are not CSV, so they can never be passed through to COPY as they are.
    expect(() => parser.accept()).toThrow(/cannot be passed through as CSV/);
  });

  it('refuses a file with no records', () => {
    const error = refusalOf(() => parse(new OfficialHcpcsParser(FILE), fromOne(HEAD.slice(0, 8))));
    expect([error.line, error.column]).toEqual([8, null]);
    expect(error.problem).toMatch(/no HCPCS records; expected the fixed-width HCPCS Level II file \(a 320-character fixed-width HCPCS Level II record on each line/);
    expect(error).toBeInstanceOf(CmsFormatError);
  });
});

describe('detectOfficialHcpcs', () => {
  it('knows both excerpts from their first lines', () => {
    expect(detectOfficialHcpcs(HEAD.slice(0, 20))).toBe(true);
    expect(detectOfficialHcpcs(PROCEDURES.slice(0, 20))).toBe(true);
  });

  it.each([
    'hcpcs/hcpcs_level2_2024jul.csv',
    'official-format-samples/hcpcs/HCPC2026_OCT_ANWEB.xlsx-export.csv',
    'official-format-samples/rvu/PPRRVU2025_Oct.txt',
    'official-format-samples/rvu/GPCI2025.txt',
  ])('does not take %s for it', (path) => {
    expect(detectOfficialHcpcs(linesOfFile(join(REFERENCE, path)).slice(0, 20))).toBe(false);
  });
});
