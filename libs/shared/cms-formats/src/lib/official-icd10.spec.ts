import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CmsFormatError } from './cms-format.error';
import { codeSetParser } from './code-sets';
import { parseLines, refusalOf } from './spec-helpers';
import { detectOfficialIcd10Order, dottedIcd10, ICD10_CHAPTERS, OfficialIcd10OrderParser } from './official-icd10';

const SHIPPED = resolve(__dirname, '../../../../../data/reference/icd10/icd10cm_fy2024_order.csv.gz');

/** The shipped FY2024 rows (the converted table: with chapters and category titles). */
function shippedRows(): (string | null)[][] {
  const lines = gunzipSync(readFileSync(SHIPPED)).toString('utf8').split('\n').filter(Boolean);
  const parser = codeSetParser('icd10', 'icd10cm_fy2024_order.csv');
  const rows: (string | null)[][] = [];
  lines.forEach((line, i) => {
    const values = parser.push(line, i + 1);
    if (values) rows.push(values.map((v) => (v === null ? null : String(v))));
  });
  return rows;
}

const ROWS = shippedRows();

/**
 * The same rows written in the CDC order file's layout (no sample of the CDC's own file is in the
 * repository; the layout is the CDC's published one): order number, code without its dot,
 * billable flag, a 60-character short description (here: the long one cut) and the long one.
 */
function asOrderFile(rows: (string | null)[][], lineEnd = '\r\n'): string {
  return rows
    .map(([order, code, billable, description]) => {
      const long = description ?? '';
      return `${String(order).padStart(5, '0')} ${String(code).replace('.', '').padEnd(7)} ${billable} ${long.slice(0, 60).padEnd(60)} ${long}`;
    })
    .join(lineEnd)
    .concat(lineEnd);
}

function parse(text: string): (string | null)[][] {
  return parseLines(new OfficialIcd10OrderParser('icd10cm_order_2024.txt'), text.split('\n'));
}

const refusal = (text: string): CmsFormatError => refusalOf(() => parse(text));

describe('OfficialIcd10OrderParser', () => {
  it('reads all 97,296 FY2024 codes in the order-file layout back to the shipped rows: code, billable, description, chapter and category title', () => {
    const parsed = parse(asOrderFile(ROWS));
    expect(parsed).toHaveLength(97296);
    // The category range ("A00 - A00.9") is filled after the load, in SQL.
    expect(parsed.map((r) => r.slice(0, 7))).toEqual(ROWS.map((r) => r.slice(0, 7)));
    // Category titles agree except on the 216 three-character codes that are themselves billable
    // (A09, A33...): the converted copy filed each under the category before it ("Viral and other
    // specified intestinal infections" for A09); read from CMS's layout, a code's category is its own.
    const differ = parsed.filter((r, i) => r[7] !== ROWS[i][7]);
    expect(differ).toHaveLength(216);
    expect(differ.every((r) => String(r[1]).length === 3 && r[2] === '1' && r[7] === r[3])).toBe(true);
    expect(parsed.every((r) => r[8] === null)).toBe(true);
  });

  it('reads LF line ends, a last line without one and the DOS end-of-file mark', () => {
    const first = ROWS.slice(0, 50);
    expect(parse(asOrderFile(first, '\n').slice(0, -1))).toHaveLength(50);
    expect(parse(`${asOrderFile(first)}\x1a`)).toHaveLength(50);
  });

  it('puts every chapter where the shipped table has it, and dots codes after the category', () => {
    const chapters = new Map(ROWS.map((r) => [r[4], `${r[5]}|${r[6]}`]));
    for (const c of ICD10_CHAPTERS) expect(chapters.get(String(c.number))).toBe(`${c.name}|${c.first} - ${c.last}`);
    expect([dottedIcd10('K115'), dottedIcd10('M54'), dottedIcd10('S72001A')]).toEqual(['K11.5', 'M54', 'S72.001A']);
  });

  it('is recognised from its first lines; the shipped CSV and a comma-delimited copy are not', () => {
    const text = asOrderFile(ROWS.slice(0, 20));
    expect(detectOfficialIcd10Order(text.split('\n').slice(0, 20))).toBe(true);
    expect(detectOfficialIcd10Order(gunzipSync(readFileSync(SHIPPED)).toString('utf8').split('\n').slice(0, 20))).toBe(false);
    expect(detectOfficialIcd10Order(text.replace(/ /g, ',').split('\n').slice(0, 20))).toBe(false);
  });

  it.each([
    ['a comma-delimited line', (t: string) => t.replace(/^00001 A00 {5}0 /, '00001,A00,0,'), 1, 6, /tabs or commas/],
    ['a cut line', (t: string) => t.replace(/^(00002 A000 {4}1 .{20}).*$/m, '$1'), 2, 37, /ends at position 36.*cut line/],
    ['a billable flag that is not 0 or 1', (t: string) => t.replace(/^00003 A001 {4}1/m, '00003 A001    Y'), 3, 15, /position 15 must be 1/],
    ['a code before its category header (a file cut at the start)', (t: string) => t.split('\r\n').slice(1).join('\r\n'), 1, 7, /A00\.0 comes before its category's header line \(A00\)/],
    ['order numbers out of order', (t: string) => t.replace(/^00004 /m, '00002 '), 4, 1, /order number 00002 does not follow 00003/],
  ])('refuses %s, naming line and column', (_name, breakIt, line, column, problem) => {
    const error = refusal(breakIt(asOrderFile(ROWS.slice(0, 30))));
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.problem).toMatch(problem);
  });
});
