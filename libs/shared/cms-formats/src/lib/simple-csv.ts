import { CmsFormatError } from './cms-format.error';
import { splitCsvLine } from './csv-line';

/** A column of a plain CSV table: its header and how a value is checked and normalised. */
export interface CsvColumn {
  header: string;
  /** What a valid value looks like, for error messages. */
  expected: string;
  /** The normalised value, null for "no value", or undefined when the value is invalid. */
  read: (raw: string) => string | null | undefined;
}

/**
 * Single-line CSV tables (the converted NCCI, X12 and code-set files): one header line that must
 * match exactly, then rows of exactly that many fields; RFC 4180 quoting where a line has quotes.
 * Rows come back as arrays ready for COPY. Errors name file, line and column; nothing is guessed.
 */
export class SimpleCsvParser {
  private headerSeen = false;
  private rows = 0;

  constructor(
    private readonly file: string,
    private readonly columns: readonly CsvColumn[],
    /**
     * A whole-line pattern for rows that are certainly valid (plus a check on its groups). Lines
     * that match are accepted without splitting; any other line goes through the per-column
     * checks, which name the exact column that is wrong.
     */
    private readonly fastLine?: { pattern: RegExp; check?: (match: RegExpExecArray) => boolean },
  ) {}

  /** True for a valid data row, false for the header or a blank line; throws like push(). */
  accept(line: string, lineNumber: number): boolean {
    if (this.headerSeen && this.fastLine) {
      const match = this.fastLine.pattern.exec(line);
      if (match && (!this.fastLine.check || this.fastLine.check(match))) {
        this.rows++;
        return true;
      }
    }
    return this.push(line, lineNumber) !== null;
  }

  get rowCount(): number {
    return this.rows;
  }

  /** Counts rows checked outside `push` (the PTP byte scanner's plain rows), for `finish`. */
  addCheckedRows(count: number): void {
    this.rows += count;
  }

  push(line: string, lineNumber: number): (string | null)[] | null {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    // Most lines have no quotes: a plain split is several times faster than the quote-aware one.
    const fields = text.includes('"') ? splitCsvLine(text) : text.split(',');
    if (fields === null) {
      throw new CmsFormatError(this.file, lineNumber, null, 'a quoted field is not closed on this line');
    }
    if (!this.headerSeen) {
      this.checkHeader(fields, lineNumber);
      this.headerSeen = true;
      return null;
    }
    if (text === '') {
      return null;
    }
    if (fields.length !== this.columns.length) {
      throw new CmsFormatError(
        this.file,
        lineNumber,
        Math.min(fields.length, this.columns.length) + 1,
        `row has ${fields.length} fields, expected ${this.columns.length} (truncated, or a stray delimiter)`,
      );
    }
    const values = new Array<string | null>(fields.length);
    for (let i = 0; i < fields.length; i++) {
      const value = this.columns[i].read(fields[i]);
      if (value === undefined) {
        throw new CmsFormatError(this.file, lineNumber, i + 1, `${this.columns[i].header} is "${fields[i]}", expected ${this.columns[i].expected}`);
      }
      values[i] = value;
    }
    this.rows++;
    return values;
  }

  finish(lastLine: number): void {
    if (!this.headerSeen) {
      throw new CmsFormatError(this.file, lastLine, null, `the file is empty; expected the header ${this.columns.map((c) => c.header).join(',')}`);
    }
    if (this.rows === 0) {
      throw new CmsFormatError(this.file, lastLine, null, 'the file has a header but no data rows');
    }
  }

  private checkHeader(fields: string[], lineNumber: number): void {
    const expected = this.columns.map((c) => c.header);
    const at = expected.findIndex((h, i) => fields[i]?.trim() !== h);
    if (at !== -1 || fields.length !== expected.length) {
      const column = at === -1 ? expected.length + 1 : at + 1;
      throw new CmsFormatError(
        this.file,
        lineNumber,
        column,
        `unexpected header: expected ${expected.join(',')}; found ${fields.join(',').slice(0, 200)}`,
      );
    }
  }
}

const HCPCS = /^[0-9A-Z]{5}$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar date from its digits (leap years included), without building a Date. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]) return false;
  return month !== 2 || day < 29 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
}

/** Readers shared by the CMS tables. */
export const read = {
  hcpcs: (v: string) => (HCPCS.test(v) ? v : undefined),
  oneOf:
    (...allowed: string[]) =>
    (v: string) =>
      allowed.includes(v) ? v : undefined,
  wholeNumber: (v: string) => (/^\d{1,9}$/.test(v) ? String(Number(v)) : undefined),
  text: (v: string) => (v.trim() === '' ? null : v.trim()),
  requiredText: (v: string) => (v.trim() === '' ? undefined : v.trim()),
  /** YYYY-MM-DD (blank = none), refusing impossible dates. */
  optionalIsoDate: (v: string) => {
    if (v === '') return null;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    return m && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) ? v : undefined;
  },
  pattern: (re: RegExp) => (v: string) => (re.test(v) ? v : undefined),
  /** YYYYMMDD (blank = none) as YYYY-MM-DD, refusing impossible dates. */
  optionalCompactDate: (v: string) => {
    if (v === '') return null;
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
    return m && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
  },
};
