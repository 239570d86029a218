import { CmsFormatError } from './cms-format.error';

/**
 * CMS ZIP code to carrier locality file (ZIP5_<MON><year>.txt): fixed-width 80-character
 * records, no header, laid out in ZIP5_layout.txt. Only the fields the fee schedule needs are read:
 * lab competitive-bid locality, the 2006 rural flag, the +4 flag and the Part B payment indicator
 * (positions 16-23) are not. Rows come back in this (COPY) column order.
 */
export const ZIP5_COLUMNS: readonly string[] = ['zip', 'state', 'carrier', 'locality_number', 'rural_indicator', 'year_quarter'];

const RECORD_LENGTH = 80;

interface Field {
  name: string;
  /** 1-based first and last character, as ZIP5_layout.txt gives them. */
  from: number;
  to: number;
  test: RegExp;
  expected: string;
}

// State codes are not a fixed list: the file uses CMS's own, such as EK/EM and WK/WM for the two
// halves of Kansas and Missouri, so any two capitals are accepted.
const STATE: Field = { name: 'state', from: 1, to: 2, test: /^[A-Z]{2}$/, expected: 'a two-letter state code' };
const ZIP: Field = { name: 'zip', from: 3, to: 7, test: /^\d{5}$/, expected: 'a five-digit ZIP code' };
const CARRIER: Field = { name: 'carrier', from: 8, to: 12, test: /^\d{5}$/, expected: 'a five-digit carrier (MAC) number' };
const LOCALITY: Field = { name: 'locality_number', from: 13, to: 14, test: /^\d{2}$/, expected: 'a two-digit pricing locality' };
const RURAL: Field = { name: 'rural_indicator', from: 15, to: 15, test: /^[ RB]$/, expected: 'blank (urban), R (rural) or B (super rural)' };
const YEAR_QUARTER: Field = { name: 'year_quarter', from: 76, to: 80, test: /^\d{4}[1-4]$/, expected: 'a year and quarter as YYYYQ such as 20254' };

/** In the order the checks run, so the first bad field from the left is the one reported. */
const FIELDS: readonly Field[] = [STATE, ZIP, CARRIER, LOCALITY, RURAL, YEAR_QUARTER];

/** Feed physical lines in order; every non-blank line is a ZIP record and comes back as a COPY-ready array. */
export class Zip5Parser {
  private quarter: string | null = null;
  private quarterLine = 0;
  private rows = 0;

  constructor(private readonly file: string) {}

  /** YYYYQ shared by every record of the file (20254 = October 2025 quarter), once a record has been read. */
  get yearQuarter(): string {
    if (this.quarter === null) {
      throw new CmsFormatError(this.file, 1, null, 'no ZIP5 record has been read yet');
    }
    return this.quarter;
  }

  get rowCount(): number {
    return this.rows;
  }

  push(line: string, lineNumber: number): (string | null)[] | null {
    const text = line.replace(/\r$/, '');
    if (text.trim() === '') {
      return null;
    }
    if (text.length < RECORD_LENGTH) {
      throw new CmsFormatError(this.file, lineNumber, text.length + 1, `record is ${text.length} characters, expected ${RECORD_LENGTH} (truncated)`);
    }
    if (text.length > RECORD_LENGTH) {
      throw new CmsFormatError(
        this.file,
        lineNumber,
        RECORD_LENGTH + 1,
        `record is ${text.length} characters, expected ${RECORD_LENGTH} (extra characters, or not a ZIP5 file)`,
      );
    }
    const value = (field: Field): string => {
      const raw = text.slice(field.from - 1, field.to);
      if (!field.test.test(raw)) {
        throw new CmsFormatError(this.file, lineNumber, field.from, `${field.name} (characters ${field.from}-${field.to}) is "${raw}", expected ${field.expected}`);
      }
      return raw;
    };
    const [state, zip, carrier, locality, rural, quarter] = FIELDS.map(value);
    if (this.quarter === null) {
      this.quarter = quarter;
      this.quarterLine = lineNumber;
    } else if (quarter !== this.quarter) {
      // One file is one quarter's crosswalk; a mix means files were concatenated.
      throw new CmsFormatError(
        this.file,
        lineNumber,
        YEAR_QUARTER.from,
        `year_quarter is "${quarter}" but line ${this.quarterLine} has "${this.quarter}"; every record of a file must share one quarter`,
      );
    }
    this.rows++;
    return [zip, state, carrier, locality, rural === ' ' ? null : rural, quarter];
  }

  /** Call after the last line: a file without records is refused (ZIP5 files have no header). */
  finish(lastLine: number): void {
    if (this.rows === 0) {
      throw new CmsFormatError(this.file, lastLine, null, 'the file has no ZIP5 records');
    }
  }
}
