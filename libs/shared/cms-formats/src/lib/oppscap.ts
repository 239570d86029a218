import { CmsFormatError } from './cms-format.error';
import { csvCells } from './csv-line';

/**
 * CMS OPPS payment caps for imaging services by carrier and locality (OPPSCAP_<Mon>.csv, RVU bundle):
 * one header line, then one row per HCPCS + modifier + carrier + locality. Codes and prices only.
 * Rows come back in this (COPY) column order.
 */
export const OPPS_CAP_COLUMNS: readonly string[] = ['hcpcs', 'modifier', 'status_code', 'mac', 'locality_number', 'facility_price', 'non_facility_price'];

interface Column {
  /** The heading CMS prints ("NON-FACILTY" is CMS's spelling; the corrected one is accepted too). */
  heading: RegExp;
  name: string;
  test: RegExp;
  expected: string;
}

const COLUMNS: readonly Column[] = [
  { heading: /^HCPCS$/, name: 'hcpcs', test: /^[0-9A-Z]{5}$/, expected: 'a five-character HCPCS code' },
  // Blank stays '' (not null): the modifier is part of the key, as in PPRRVU.
  { heading: /^MOD$/, name: 'modifier', test: /^([0-9A-Z]{2})?$/, expected: 'blank or a two-character modifier' },
  { heading: /^PROCSTAT$/, name: 'status_code', test: /^[A-Z]$/, expected: 'a one-letter status code' },
  { heading: /^CARRIER$/, name: 'mac', test: /^\d{5}$/, expected: 'a five-digit carrier (MAC) number' },
  { heading: /^LOCALITY$/, name: 'locality_number', test: /^\d{2}$/, expected: 'a two-digit locality number' },
  { heading: /^FACILITY PRICE$/, name: 'facility_price', test: /^\d+(\.\d+)?$/, expected: 'a price such as 150.69' },
  { heading: /^NON-FACILI?TY PRICE$/, name: 'non_facility_price', test: /^\d+(\.\d+)?$/, expected: 'a price such as 150.69' },
];
const HEADER = 'HCPCS,MOD,PROCSTAT,CARRIER,LOCALITY,FACILITY PRICE,NON-FACILTY PRICE';

/** Feed physical lines in order; the first line must be the header, data rows come back as COPY-ready arrays. */
export class OppsCapParser {
  private headerSeen = false;
  private rows = 0;

  constructor(private readonly file: string) {}

  get rowCount(): number {
    return this.rows;
  }

  push(line: string, lineNumber: number): (string | null)[] | null {
    const cells = csvCells(this.file, line, lineNumber);
    if (!this.headerSeen) {
      this.checkHeader(cells, lineNumber);
      this.headerSeen = true;
      return null;
    }
    // The shipped file ends with ",,,,,,".
    if (cells.every((c) => c === '')) {
      return null;
    }
    if (cells.length !== COLUMNS.length) {
      throw new CmsFormatError(
        this.file,
        lineNumber,
        Math.min(cells.length, COLUMNS.length) + 1,
        `row has ${cells.length} fields, expected ${COLUMNS.length} (truncated, or a stray delimiter)`,
      );
    }
    for (let i = 0; i < COLUMNS.length; i++) {
      if (!COLUMNS[i].test.test(cells[i])) {
        throw new CmsFormatError(this.file, lineNumber, i + 1, `${COLUMNS[i].name} is "${cells[i]}", expected ${COLUMNS[i].expected}`);
      }
    }
    this.rows++;
    return cells;
  }

  /** Call after the last line: a file with no header or no rows is refused. */
  finish(lastLine: number): void {
    if (!this.headerSeen) {
      throw new CmsFormatError(this.file, lastLine, null, `the file is empty; expected the header ${HEADER}`);
    }
    if (this.rows === 0) {
      throw new CmsFormatError(this.file, lastLine, null, 'the file has a header but no data rows');
    }
  }

  private checkHeader(cells: string[], lineNumber: number): void {
    const at = COLUMNS.findIndex((c, i) => !c.heading.test(cells[i] ?? ''));
    if (at !== -1 || cells.length !== COLUMNS.length) {
      const column = at === -1 ? COLUMNS.length + 1 : at + 1;
      throw new CmsFormatError(
        this.file,
        lineNumber,
        column,
        `unexpected OPPS cap header: expected ${HEADER}; column ${column} is "${cells[column - 1] ?? ''}"`,
      );
    }
  }
}
