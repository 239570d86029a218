import { CmsFormatError } from './cms-format.error';

/**
 * CDC/NCHS's ICD-10-CM order file as CMS and the CDC distribute it (icd10cm_order_2025.txt, or
 * icd10cm-order-April-2024.txt for an April update): fixed width, one code per line, no heading.
 * Positions (1-based, from the CDC's "ICD-10-CM order file" description):
 *   1-5   order number, zero-filled
 *   7-13  the code without its dot, left-justified
 *   15    1 = valid for submission on a claim (billable), 0 = a header
 *   17-76 short description
 *   78-   long description
 * Positions 6, 14, 16 and 77 are blanks. The file has no chapters or category titles: the
 * chapter comes from the code (CHAPTERS), the category title from the code's 3-character header
 * line, which precedes it; the category range ("A00 - A00.9") is filled in after the load, when
 * the category's last code is known (ICD10_CATEGORY_RANGE_SQL).
 */
const LINE = /^(\d{5}) ([A-Z][0-9A-Z]{2}[0-9A-Z ]{4}) ([01]) (.{60}) (.*\S.*)$/;

/** ICD-10-CM's 22 chapters by their 3-character category ranges (FY2024 tabular list). */
export const ICD10_CHAPTERS: readonly { number: number; name: string; first: string; last: string }[] = [
  { number: 1, name: 'Certain infectious and parasitic diseases', first: 'A00', last: 'B99' },
  { number: 2, name: 'Neoplasms', first: 'C00', last: 'D49' },
  { number: 3, name: 'Diseases of the blood and blood-forming organs and certain disorders involving the immune mechanism', first: 'D50', last: 'D89' },
  { number: 4, name: 'Endocrine, nutritional and metabolic diseases', first: 'E00', last: 'E89' },
  { number: 5, name: 'Mental, behavioral and neurodevelopmental disorders', first: 'F01', last: 'F99' },
  { number: 6, name: 'Diseases of the nervous system', first: 'G00', last: 'G99' },
  { number: 7, name: 'Diseases of the eye and adnexa', first: 'H00', last: 'H59' },
  { number: 8, name: 'Diseases of the ear and mastoid process', first: 'H60', last: 'H95' },
  { number: 9, name: 'Diseases of the circulatory system', first: 'I00', last: 'I99' },
  { number: 10, name: 'Diseases of the respiratory system', first: 'J00', last: 'J99' },
  { number: 11, name: 'Diseases of the digestive system', first: 'K00', last: 'K95' },
  { number: 12, name: 'Diseases of the skin and subcutaneous tissue', first: 'L00', last: 'L99' },
  { number: 13, name: 'Diseases of the musculoskeletal system and connective tissue', first: 'M00', last: 'M99' },
  { number: 14, name: 'Diseases of the genitourinary system', first: 'N00', last: 'N99' },
  { number: 15, name: 'Pregnancy, childbirth and the puerperium', first: 'O00', last: 'O9A' },
  { number: 16, name: 'Certain conditions originating in the perinatal period', first: 'P00', last: 'P96' },
  { number: 17, name: 'Congenital malformations, deformations and chromosomal abnormalities', first: 'Q00', last: 'Q99' },
  { number: 18, name: 'Symptoms, signs and abnormal clinical and laboratory findings, not elsewhere classified', first: 'R00', last: 'R99' },
  { number: 19, name: 'Injury, poisoning and certain other consequences of external causes', first: 'S00', last: 'T88' },
  { number: 20, name: 'External causes of morbidity', first: 'V00', last: 'Y99' },
  { number: 21, name: 'Factors influencing health status and contact with health services', first: 'Z00', last: 'Z99' },
  { number: 22, name: 'Codes for special purposes', first: 'U00', last: 'U85' },
];

/** Whether these first lines are the order file: at least 3 lines, every non-blank one in its layout. */
export function detectOfficialIcd10Order(lines: readonly string[]): boolean {
  const data = lines.map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() !== '');
  return data.length >= 3 && data.every((l) => LINE.test(l));
}

/** "K115" -> "K11.5": the dotted form the shipped table and every page use. */
export const dottedIcd10 = (code: string): string => (code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code);

/** Fills each row's category range ("M54 - M54.9": its category's first and last code in file order) once all rows are in `table`. */
export const ICD10_CATEGORY_RANGE_SQL = (table: string): string =>
  `UPDATE ${table} t SET category_range = r.range
   FROM (SELECT left(code, 3) AS category, (array_agg(code ORDER BY order_number))[1] || ' - ' || (array_agg(code ORDER BY order_number DESC))[1] AS range
         FROM ${table} GROUP BY left(code, 3)) r
   WHERE left(t.code, 3) = r.category`;

/**
 * The order file's lines as rows in the icd10_cm column order (order_number, code, billable,
 * description, chapter_number, chapter_name, chapter_range, category_title, category_range); the
 * category range is left empty here and filled by ICD10_CATEGORY_RANGE_SQL. Any line out of the
 * layout, a code outside every chapter, or a code before its category's header line is refused
 * with its line and column.
 */
export class OfficialIcd10OrderParser {
  private rows = 0;
  private category: { code: string; title: string } | null = null;
  private lastOrder = 0;

  constructor(private readonly file: string) {}

  get rowCount(): number {
    return this.rows;
  }

  push(raw: string, lineNumber: number): (string | null)[] | null {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line === '\x1a') return null;
    const m = LINE.exec(line);
    if (!m) throw new CmsFormatError(this.file, lineNumber, this.firstBadColumn(line), this.problemWith(line));
    const [, order, paddedCode, billable, , long] = m;
    const code = paddedCode.trimEnd();
    if (/ /.test(code)) throw new CmsFormatError(this.file, lineNumber, 7, `positions 7-13 must hold one code, left-justified; found "${paddedCode}"`);
    const orderNumber = Number(order);
    if (orderNumber <= this.lastOrder) {
      throw new CmsFormatError(this.file, lineNumber, 1, `order number ${order} does not follow ${String(this.lastOrder).padStart(5, '0')}: the order file is in tabular order`);
    }
    this.lastOrder = orderNumber;
    const categoryCode = code.slice(0, 3);
    const chapter = ICD10_CHAPTERS.find((c) => c.first <= categoryCode && categoryCode <= c.last);
    if (!chapter) throw new CmsFormatError(this.file, lineNumber, 7, `${code} falls in no ICD-10-CM chapter (A00-Z99, U00-U85)`);
    const description = long.trim();
    if (code.length === 3) {
      this.category = { code, title: description };
    } else if (this.category?.code !== categoryCode) {
      throw new CmsFormatError(this.file, lineNumber, 7, `${dottedIcd10(code)} comes before its category's header line (${categoryCode}); the file is cut or out of order`);
    }
    this.rows++;
    return [order.replace(/^0+(?=\d)/, ''), dottedIcd10(code), billable, description, String(chapter.number), chapter.name, `${chapter.first} - ${chapter.last}`, this.category?.title ?? description, null];
  }

  finish(lastLine: number): void {
    if (this.rows === 0) throw new CmsFormatError(this.file, lastLine, null, 'the file holds no ICD-10-CM codes');
  }

  /** The first column that breaks the layout, for the error message. */
  private firstBadColumn(line: string): number {
    if (!/^\d{5}/.test(line)) return 1;
    if (line[5] !== ' ') return 6;
    if (!/^[A-Z][0-9A-Z]{2}[0-9A-Z ]{4}$/.test(line.slice(6, 13))) return 7;
    if (line[13] !== ' ') return 14;
    if (!/^[01]$/.test(line[14] ?? '')) return 15;
    if (line.length < 78) return line.length + 1;
    return 77;
  }

  private problemWith(line: string): string {
    const column = this.firstBadColumn(line);
    if (/[\t,]/.test(line.slice(0, 17))) return 'not the fixed-width ICD-10-CM order file (tabs or commas between the first fields); expected positions 1-5 order number, 7-13 code, 15 billable 0/1, 17-76 short and 78- long description';
    if (column === 15) return 'position 15 must be 1 (valid for claims) or 0 (header)';
    if (column > 77 || column === line.length + 1) return `the line ends at position ${line.length}: the long description starts at 78 (a cut line?)`;
    return `position ${column} is out of the ICD-10-CM order file layout (1-5 order number, 7-13 code, 15 billable 0/1, 17-76 short and 78- long description)`;
  }
}
