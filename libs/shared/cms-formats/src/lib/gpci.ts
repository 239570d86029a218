import { CmsFormatError } from './cms-format.error';
import { csvCells } from './csv-line';

/**
 * CMS PFS Addendum E, "Geographic Practice Cost Indices (GPCIs) by State and Medicare Locality"
 * (GPCI2025.csv, GPCI2026.csv): a title line that names the year, a blank banner line, the
 * column header, one row per MAC + locality, then footnotes. 2025 has one work GPCI column (with
 * the 1.0 floor); 2026 adds the work GPCI without the floor in front of it.
 * Rows come back in this (COPY) column order.
 */
export const GPCI_COLUMNS: readonly string[] = [
  'mac',
  'state',
  'locality_number',
  'locality_name',
  'work_gpci_without_floor',
  'work_gpci',
  'pe_gpci',
  'mp_gpci',
];

const TITLE = /FINAL CY (\d{4}) GEOGRAPHIC PRACTICE COST INDICES/i;
const MAC_HEADING = 'Medicare Administrative Contractor (MAC)';
const DECIMAL = /^\d+(\.\d+)?$/;

interface Check {
  name: string;
  test: RegExp;
  expected: string;
}

const MAC: Check = { name: 'mac', test: /^\d{5}$/, expected: 'a five-digit MAC number such as 10112' };
const STATE: Check = { name: 'state', test: /^[A-Z]{2}$/, expected: 'a two-letter state code' };
const LOCALITY: Check = { name: 'locality_number', test: /^\d{2}$/, expected: 'a two-digit locality number' };
const NAME: Check = { name: 'locality_name', test: /\S/, expected: 'a locality name' };
const gpci = (name: string): Check => ({ name, test: DECIMAL, expected: 'a decimal number such as 0.869' });

/** The headings CMS prints for a year; whether the without-floor column is there decides the layout. */
function headings(year: number, withoutFloor: boolean): string[] {
  return [
    MAC_HEADING,
    'State',
    'Locality Number',
    'Locality Name',
    ...(withoutFloor ? [`${year} PW GPCI (without 1.0 Floor)`] : []),
    `${year} PW GPCI (with 1.0 Floor)`,
    `${year} PE GPCI`,
    `${year} MP GPCI`,
  ];
}

/** Feed physical lines in order; data rows come back as COPY-ready arrays, everything else as null. */
export class GpciParser {
  private titleYear: number | null = null;
  /** The field checks of the layout the header announced; null until the header is read. */
  private checks: Check[] | null = null;
  private footnoteLine: number | null = null;
  private rows = 0;

  constructor(private readonly file: string) {}

  /** The calendar year from the title line ("FINAL CY 2025 ..."), once the header has been read. */
  get year(): number {
    if (this.titleYear === null || this.checks === null) {
      throw new CmsFormatError(this.file, 1, null, 'no GPCI title and header have been read yet');
    }
    return this.titleYear;
  }

  get rowCount(): number {
    return this.rows;
  }

  push(line: string, lineNumber: number): (string | null)[] | null {
    const cells = csvCells(this.file, line, lineNumber);
    if (this.checks === null) {
      return this.readBanner(line, cells, lineNumber);
    }
    if (cells.every((c) => c === '')) {
      return null;
    }
    // Footnotes ("MAC Assignments as of ...", "*Work GPCI reflects ...") are text in the first cell
    // only. A first cell of digits is a row with its values missing, so it is checked as a row.
    if (cells.slice(1).every((c) => c === '') && !/^\d+$/.test(cells[0])) {
      this.footnoteLine ??= lineNumber;
      return null;
    }
    if (this.footnoteLine !== null) {
      // Rows after the notes mean the table was cut or reshuffled; refuse rather than guess.
      throw new CmsFormatError(this.file, lineNumber, 1, `a data row after the footnotes that start on line ${this.footnoteLine}`);
    }
    return this.readRow(cells, lineNumber, this.checks);
  }

  /** Call after the last line: a file with no header or no rows is refused. */
  finish(lastLine: number): void {
    if (this.checks === null) {
      throw new CmsFormatError(this.file, lastLine, null, `no GPCI column header (${MAC_HEADING},State,Locality Number,...) was found`);
    }
    if (this.rows === 0) {
      throw new CmsFormatError(this.file, lastLine, null, 'the file has a header but no data rows');
    }
  }

  private readBanner(line: string, cells: string[], lineNumber: number): null {
    if (cells[0] !== MAC_HEADING) {
      if (/^\d+$/.test(cells[0])) {
        throw new CmsFormatError(this.file, lineNumber, 1, `a data row came before the GPCI column header (${MAC_HEADING},...)`);
      }
      const title = TITLE.exec(line);
      if (title && this.titleYear === null) {
        this.titleYear = Number(title[1]);
      }
      return null;
    }
    if (this.titleYear === null) {
      throw new CmsFormatError(this.file, lineNumber, null, 'unknown release: no title line above the header says "FINAL CY <year> GEOGRAPHIC PRACTICE COST INDICES"');
    }
    // The fifth heading decides the layout (2026 puts "PW GPCI (without 1.0 Floor)" there), so a
    // header with a typo or a stray cell is compared with the layout it meant and the message
    // names the first heading that differs.
    const withoutFloor = /without/i.test(cells[4] ?? '');
    const expected = headings(this.titleYear, withoutFloor);
    const found = cells.map((c) => c.replace(/\s+/g, ' '));
    const at = expected.findIndex((h, i) => found[i] !== h);
    if (at !== -1 || found.length !== expected.length) {
      const column = at === -1 ? expected.length + 1 : at + 1;
      throw new CmsFormatError(
        this.file,
        lineNumber,
        column,
        `unexpected GPCI header: expected ${expected.length} columns (${expected.join(',')}), found ${found.length}` +
          (at === -1 ? '' : `; column ${column} is "${found[at] ?? ''}" where "${expected[at]}" was expected`),
      );
    }
    this.checks = [MAC, STATE, LOCALITY, NAME, ...(withoutFloor ? [gpci('work_gpci_without_floor')] : []), gpci('work_gpci'), gpci('pe_gpci'), gpci('mp_gpci')];
    return null;
  }

  private readRow(cells: string[], lineNumber: number, checks: Check[]): (string | null)[] {
    if (cells.length !== checks.length) {
      throw new CmsFormatError(
        this.file,
        lineNumber,
        Math.min(cells.length, checks.length) + 1,
        `row has ${cells.length} fields, expected ${checks.length} (truncated, or a stray delimiter)`,
      );
    }
    const values: string[] = [];
    for (let i = 0; i < checks.length; i++) {
      // "ALASKA*", "MONTANA**": the stars point at the footnotes (Alaska's 1.5 work floor, the
      // frontier-state PE floor). They are not part of the name, so they are dropped.
      const value = checks[i] === NAME ? cells[i].replace(/\*+$/, '').trim() : cells[i];
      if (!checks[i].test.test(value)) {
        throw new CmsFormatError(this.file, lineNumber, i + 1, `${checks[i].name} is "${cells[i]}", expected ${checks[i].expected}`);
      }
      values.push(value);
    }
    this.rows++;
    // 2025 files have no without-floor column: the slot is null so every year maps to GPCI_COLUMNS.
    return checks.length === 8 ? values : [...values.slice(0, 4), null, ...values.slice(4)];
  }
}
