import { CmsFormatError } from './cms-format.error';
import { BinaryColumnType, firstBinaryField, pgDate } from './copy-binary';
import { splitCsvLine } from './csv-line';
import { isCodeByte, isCompactDateAt, PtpByteScanner, PtpPhraseId, PtpSlowLine } from './ncci-ptp-scanner';
import { CsvColumn, isCalendarDate, read } from './simple-csv';

/*
 * NCCI files as CMS publishes them (data/reference/official-format-samples/README.md §1-2), as
 * opposed to the converted CSVs read by ncci.ts. Callers hand over lines decoded as Latin-1,
 * split on LF, a trailing CR removed (a CR left on is removed here too).
 */

/** Which official NCCI file the first lines (up to about 20) are; null for anything else. */
export function detectOfficialNcci(firstLines: string[]): 'ptp' | 'mue' | null {
  const lines = firstLines.slice(0, DETECT_LINES).map(withoutCr);
  if (lines.length >= 3 && COPYRIGHT_FIELD.test(lines[0].split('\t')[0]) && lines[1].startsWith('Column1/Column2 Edits') && lines[2].startsWith('Column 1\tColumn 2\t')) {
    return 'ptp';
  }
  if (lines.length > 0 && lines[0].startsWith(MUE_BANNER_START)) {
    return mueHeaderFollowsBanner(lines) ? 'mue' : null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// PTP: ccipra-v###r#-f#.TXT (TAB-delimited, 6 preamble lines, 7 fields, no quoting)
// ---------------------------------------------------------------------------------------------

/**
 * COPY column order of a PTP row (the parser's values and the scanner's CSV). Dates are written
 * as YYYY-MM-DD. `rationale_id` is where the parser puts the rationale phrase, which the caller
 * swaps for its id (OFFICIAL_PTP_RATIONALE_INDEX); the pre-1996 flag is `t` or `f`.
 */
export const OFFICIAL_PTP_COLUMNS = [
  'column_1',
  'column_2',
  'effective_date',
  'deletion_date',
  'modifier_indicator',
  'rationale_id',
  'in_existence_before_1996',
] as const;

/** Index of the rationale phrase in OfficialPtpParser's values (the id's place in COPY order). */
export const OFFICIAL_PTP_RATIONALE_INDEX = OFFICIAL_PTP_COLUMNS.indexOf('rationale_id');

const PTP_PREAMBLE_LINES = 6;
const PTP_FIELD_COUNT = 7;

/**
 * The 6 preamble lines, field by field (7 TAB-separated fields each). Line 1's first field holds
 * the AMA copyright year, which changes every year, so it is matched by COPYRIGHT_FIELD instead.
 */
const PTP_PREAMBLE: readonly (readonly string[])[] = [
  ['CPT only copyright YYYY American Medical Association.  All rights reserved.', '', '', '', '', '', ''],
  ['Column1/Column2 Edits', '', '', '', '', '', ''],
  ['Column 1', 'Column 2', '*=in existence', 'Effective', 'Deletion', 'Modifier', 'PTP Edit Rationale'],
  ['', '', 'prior to 1996', 'Date', 'Date', '0=not allowed', ''],
  ['', '', '', '', '*=no data', '1=allowed', ''],
  ['', '', '', '', '', '9=not applicable', ''],
];
const COPYRIGHT_FIELD = /^CPT only copyright (?:19|20)\d\d American Medical Association\. {2}All rights reserved\.$/;

/** A compact date CMS always fills (the effective date). */
const requiredCompactDate = (v: string) => (v === '' ? undefined : read.optionalCompactDate(v));

/** The 7 fields in file order, with the column titles CMS wraps over preamble lines 3-6. */
const PTP_FIELDS: readonly CsvColumn[] = [
  { header: 'Column 1', expected: 'a five-character HCPCS code', read: read.hcpcs },
  { header: 'Column 2', expected: 'a five-character HCPCS code', read: read.hcpcs },
  {
    header: '*=in existence prior to 1996',
    expected: '"*" or empty',
    read: (v) => (v === '*' ? 't' : v === '' ? 'f' : undefined),
  },
  { header: 'Effective Date', expected: 'a date as YYYYMMDD', read: requiredCompactDate },
  { header: 'Deletion Date', expected: 'a date as YYYYMMDD or "*" (no data)', read: (v) => (v === '*' ? null : requiredCompactDate(v)) },
  { header: 'Modifier', expected: '0, 1 or 9', read: read.oneOf('0', '1', '9') },
  { header: 'PTP Edit Rationale', expected: 'text', read: read.text },
];

/** File field index for each COPY column (OFFICIAL_PTP_COLUMNS order). */
const PTP_COPY_ORDER = [0, 1, 3, 4, 5, 6, 2] as const;

const COMMA_DELIMITED = "the line is comma-delimited; CMS's .TXT is TAB-delimited";

/** DOS end-of-file mark (Ctrl-Z) that some CMS text files end with. */
const DOS_EOF = '\x1a';

/**
 * Lines of an official PTP part file. The 6 preamble lines must be exactly CMS's (only the
 * copyright year may differ), because they are the one proof that the columns mean what we think.
 * Data rows come back in OFFICIAL_PTP_COLUMNS order with the rationale phrase in the id's place.
 * Blank lines and a final DOS end-of-file mark are skipped; errors name file, line and column
 * (the column counted in the file, 1-7).
 */
export class OfficialPtpParser {
  private preambleLines = 0;
  private rows = 0;
  private endOfFileLine = 0;

  constructor(private readonly file: string) {}

  get rowCount(): number {
    return this.rows;
  }

  /** Counts rows checked outside `push` (OfficialPtpScanner's plain rows), for `finish`. */
  addCheckedRows(count: number): void {
    this.rows += count;
  }

  push(line: string, lineNumber: number): (string | null)[] | null {
    const text = this.withoutEndOfFile(withoutCr(line), lineNumber);
    if (this.preambleLines < PTP_PREAMBLE_LINES) {
      this.checkPreambleLine(text, lineNumber);
      this.preambleLines++;
      return null;
    }
    if (text === '') return null;
    const fields = this.fieldsOf(text, lineNumber);
    const values = fields.map((raw, i) => {
      const value = PTP_FIELDS[i].read(raw);
      if (value === undefined) {
        throw new CmsFormatError(this.file, lineNumber, i + 1, `${PTP_FIELDS[i].header} is "${raw}", expected ${PTP_FIELDS[i].expected}`);
      }
      return value;
    });
    this.rows++;
    return PTP_COPY_ORDER.map((i) => values[i]);
  }

  finish(lastLine: number): void {
    if (this.preambleLines < PTP_PREAMBLE_LINES) {
      throw new CmsFormatError(
        this.file,
        lastLine,
        null,
        `the file ends after ${this.preambleLines} line(s); expected CMS's 6-line preamble ("CPT only copyright …", "Column1/Column2 Edits", 4 lines of column titles) and then data rows`,
      );
    }
    if (this.rows === 0) {
      throw new CmsFormatError(this.file, lastLine, null, 'the file has the CMS preamble but no data rows');
    }
  }

  /** The line without a DOS end-of-file mark; nothing may follow that mark. */
  private withoutEndOfFile(text: string, lineNumber: number): string {
    if (this.endOfFileLine > 0 && text !== '') {
      throw new CmsFormatError(this.file, lineNumber, null, `text after the DOS end-of-file mark (0x1A) on line ${this.endOfFileLine}; expected the file to end there`);
    }
    if (!text.endsWith(DOS_EOF)) return text;
    this.endOfFileLine = lineNumber;
    return text.slice(0, -1);
  }

  private fieldsOf(text: string, lineNumber: number): string[] {
    const fields = text.split('\t');
    if (fields.length === PTP_FIELD_COUNT) return fields;
    const hint =
      fields.length === 1 && text.includes(',')
        ? COMMA_DELIMITED
        : fields.length < PTP_FIELD_COUNT
          ? 'the line is cut short or a field is missing'
          : 'a stray TAB or an extra field';
    throw new CmsFormatError(
      this.file,
      lineNumber,
      Math.min(fields.length, PTP_FIELD_COUNT) + 1,
      `expected 7 TAB-separated fields (${PTP_FIELDS.map((f) => f.header).join(' | ')}), found ${fields.length}: ${hint}`,
    );
  }

  private checkPreambleLine(text: string, lineNumber: number): void {
    const expected = PTP_PREAMBLE[this.preambleLines];
    const what = `line ${this.preambleLines + 1} of CMS's 6-line PTP preamble`;
    const fields = text.split('\t');
    if (fields.length !== PTP_FIELD_COUNT) {
      const delimiter = fields.length === 1 && text.includes(',') ? ` (${COMMA_DELIMITED})` : '';
      throw new CmsFormatError(
        this.file,
        lineNumber,
        null,
        `expected 7 TAB-separated fields in ${what}, found ${fields.length}${delimiter}: ${JSON.stringify(text.slice(0, 120))}`,
      );
    }
    const at = fields.findIndex((field, i) => !(i === 0 && this.preambleLines === 0 ? COPYRIGHT_FIELD.test(field) : field === expected[i]));
    if (at !== -1) {
      throw new CmsFormatError(this.file, lineNumber, at + 1, `${what}: field ${at + 1} is ${JSON.stringify(fields[at])}, expected ${JSON.stringify(expected[at])}`);
    }
  }
}

const TAB = 9;
const NEWLINE = 10;
const SPACE = 32;
const STAR = 42;
const COMMA = 44;
const DASH = 45;
const TILDE = 126;
const LETTER_T = 116;
const LETTER_F = 102;
/** The shortest plain row: `AAAAA→BBBBB→→YYYYMMDD→*→1→` (26 bytes) and a one-byte rationale. */
const SHORTEST_PLAIN_ROW = 27;
/** A plain row's COPY line without its id: codes, two ISO dates, indicator, flag and separators. */
const LONGEST_PLAIN_OUTPUT = 40;
/** A plain row in binary COPY form: field count, then each field's length and bytes. */
const LONGEST_BINARY_ROW = 2 + (4 + 5) * 2 + (4 + 4) * 2 + (4 + 1) + (4 + 2) + (4 + 1);

/** Column types of OFFICIAL_PTP_COLUMNS, for binary COPY rows. */
export const OFFICIAL_PTP_BINARY_TYPES: readonly BinaryColumnType[] = ['text', 'text', 'date', 'date', 'text', 'int2', 'bool'];

/** Five code bytes ([0-9A-Z]) at `p`. */
function isCodeAt(b: Buffer, p: number): boolean {
  return isCodeByte(b[p]) && isCodeByte(b[p + 1]) && isCodeByte(b[p + 2]) && isCodeByte(b[p + 3]) && isCodeByte(b[p + 4]);
}

/**
 * An official PTP part file (about 630,000 rows each, 2.5 M in all) straight from its bytes into
 * COPY CSV in OFFICIAL_PTP_COLUMNS order. Each plain data row (the fixed layout
 * `code→code→[*]→YYYYMMDD→YYYYMMDD|*→0|1|9→rationale`, printable ASCII, real dates) is checked
 * in place and written out reordered, dates as YYYY-MM-DD, the rationale replaced by its id,
 * without making a string of the line. Every other line (the 6 preamble lines, blank lines, the
 * DOS end-of-file mark, non-ASCII text, any mistake) is decoded as Latin-1 and handed to
 * `slowLine`, which applies OfficialPtpParser's checks and names the problem; its text is written
 * as UTF-8 (the COPY client encoding). Lines end in CRLF or LF. A rationale identical to the
 * previous row's is not looked up again (the file repeats them in runs).
 */
export class OfficialPtpScanner extends PtpByteScanner {
  /** Dates seen (YYYYMMDD as a number) and their PostgreSQL day numbers: the files hold a few thousand. */
  private readonly days = new Map<number, number>();

  /**
   * `binary`: rows in PostgreSQL's binary COPY format (OFFICIAL_PTP_BINARY_TYPES) instead of CSV,
   * so the server does not parse 5 M dates; `slowLine` must then give binary rows too.
   */
  constructor(
    slowLine: PtpSlowLine,
    phraseId: PtpPhraseId,
    private readonly binary = false,
  ) {
    super(slowLine, phraseId, PTP_PREAMBLE_LINES, 'latin1');
  }

  protected override firstField(row: Buffer): [number, number] {
    return this.binary ? firstBinaryField(row) : super.firstField(row);
  }

  protected writePlainRow(b: Buffer, start: number, end: number, lineNumber: number): boolean {
    if (end - start < SHORTEST_PLAIN_ROW) return false;
    if (!isCodeAt(b, start) || b[start + 5] !== TAB || !isCodeAt(b, start + 6) || b[start + 11] !== TAB) return false;
    let p = start + 12;
    const before1996 = b[p] === STAR;
    if (before1996) p++;
    if (b[p] !== TAB || !isCompactDateAt(b, p + 1) || b[p + 9] !== TAB) return false;
    const effective = p + 1;
    p += 10;
    let deletion = -1;
    if (b[p] === STAR) {
      p++;
    } else {
      if (!isCompactDateAt(b, p)) return false;
      deletion = p;
      p += 8;
    }
    const indicator = b[p + 1];
    if (b[p] !== TAB || (indicator !== 48 && indicator !== 49 && indicator !== 57) || b[p + 2] !== TAB) return false;
    // Every byte read so far lies before the rationale, so a rationale inside the line proves
    // that no check above looked past the line's end.
    const phraseStart = p + 3;
    if (phraseStart >= end) return false;
    const id = this.idOfPhrase(b, phraseStart, end, lineNumber);
    if (id === null) return false;

    if (this.binary) {
      this.writeBinaryRow(b, start, effective, deletion, indicator, id, before1996);
      return true;
    }
    this.out.reserve(LONGEST_PLAIN_OUTPUT + id.length);
    const out = this.out.buffer;
    let at = this.out.length;
    for (let k = 0; k < 5; k++) out[at++] = b[start + k];
    out[at++] = COMMA;
    for (let k = 6; k < 11; k++) out[at++] = b[start + k];
    out[at++] = COMMA;
    at = writeIsoDate(out, at, b, effective);
    out[at++] = COMMA;
    if (deletion >= 0) at = writeIsoDate(out, at, b, deletion);
    out[at++] = COMMA;
    out[at++] = indicator;
    out[at++] = COMMA;
    for (let k = 0; k < id.length; k++) out[at++] = id[k];
    out[at++] = COMMA;
    out[at++] = before1996 ? LETTER_T : LETTER_F;
    out[at++] = NEWLINE;
    this.out.length = at;
    return true;
  }

  /** The row in binary COPY form, OFFICIAL_PTP_COLUMNS order (bytes set one by one: Buffer's writeInt32BE costs more per call). */
  private writeBinaryRow(b: Buffer, start: number, effective: number, deletion: number, indicator: number, id: Buffer, before1996: boolean): void {
    this.out.reserve(LONGEST_BINARY_ROW);
    const out = this.out.buffer;
    let at = this.out.length;
    // 7 fields; column 1 is 5 bytes.
    out[at] = 0;
    out[at + 1] = 7;
    out[at + 2] = 0;
    out[at + 3] = 0;
    out[at + 4] = 0;
    out[at + 5] = 5;
    at += 6;
    for (let k = 0; k < 5; k++) out[at++] = b[start + k];
    at = int32(out, at, 5);
    for (let k = 6; k < 11; k++) out[at++] = b[start + k];
    at = int32(out, at, 4);
    at = int32(out, at, this.dayOf(b, effective));
    if (deletion >= 0) {
      at = int32(out, at, 4);
      at = int32(out, at, this.dayOf(b, deletion));
    } else {
      at = int32(out, at, -1);
    }
    at = int32(out, at, 1);
    out[at++] = indicator;
    if (id.length === 0) {
      at = int32(out, at, -1);
    } else {
      let n = 0;
      for (let k = 0; k < id.length; k++) n = n * 10 + (id[k] - 48);
      at = int32(out, at, 2);
      out[at++] = (n >> 8) & 0xff;
      out[at++] = n & 0xff;
    }
    at = int32(out, at, 1);
    out[at++] = before1996 ? 1 : 0;
    this.out.length = at;
  }

  /** The PostgreSQL date of the (checked) YYYYMMDD at `p`. */
  private dayOf(b: Buffer, p: number): number {
    let key = 0;
    for (let k = 0; k < 8; k++) key = key * 10 + (b[p + k] - 48);
    let day = this.days.get(key);
    if (day === undefined) {
      day = pgDate(Math.floor(key / 10000), Math.floor(key / 100) % 100, key % 100);
      this.days.set(key, day);
    }
    return day;
  }

  /**
   * The id's bytes for the rationale at start..end, or null when the rationale is not plain
   * (non-ASCII, control bytes, or spaces at either end, which the parser would trim).
   */
  private idOfPhrase(b: Buffer, start: number, end: number, lineNumber: number): Buffer | null {
    const previous = this.isPreviousPhrase(b, start, end);
    if (!previous) {
      if (b[start] === SPACE || b[end - 1] === SPACE) return null;
      for (let k = start; k < end; k++) {
        const c = b[k];
        if (c < SPACE || c > TILDE) return null;
      }
    }
    return this.phraseBytes(b, start, end, lineNumber, previous);
  }
}

/** A big-endian 32-bit integer at `at`; returns the position after it. */
function int32(out: Buffer, at: number, value: number): number {
  out[at] = (value >>> 24) & 0xff;
  out[at + 1] = (value >>> 16) & 0xff;
  out[at + 2] = (value >>> 8) & 0xff;
  out[at + 3] = value & 0xff;
  return at + 4;
}

/** YYYYMMDD at `p` written as YYYY-MM-DD at `at`; returns the position after it. */
function writeIsoDate(out: Buffer, at: number, b: Buffer, p: number): number {
  out[at] = b[p];
  out[at + 1] = b[p + 1];
  out[at + 2] = b[p + 2];
  out[at + 3] = b[p + 3];
  out[at + 4] = DASH;
  out[at + 5] = b[p + 4];
  out[at + 6] = b[p + 5];
  out[at + 7] = DASH;
  out[at + 8] = b[p + 6];
  out[at + 9] = b[p + 7];
  return at + 10;
}

// ---------------------------------------------------------------------------------------------
// MUE: MCR_MUE_PractitionerServices_Eff_MM-DD-YYYY.csv (Latin-1 CSV, multi-line quoted cells)
// ---------------------------------------------------------------------------------------------

/** COPY column order of an MUE row (OfficialMueParser's values). */
export const OFFICIAL_MUE_COLUMNS = ['hcpcs', 'max_units', 'adjudication_indicator', 'rationale'] as const;

const MUE_BANNER_START = '"Current Procedural Terminology (CPT) codes';
const MUE_CODE_TITLE = 'HCPCS/\nCPT Code';
/** The MAI cell is the digit and its label; the label must be the digit's. */
const MAI_LABELS: Readonly<Record<string, string>> = {
  '1': '1 Line Edit',
  '2': '2 Date of Service Edit: Policy',
  '3': '3 Date of Service Edit: Clinical',
};
const MUE_CELL_TITLES = ['HCPCS/CPT Code', 'MUE Values', 'MUE Adjudication Indicator', 'MUE Rationale'];

/**
 * Lines of an official MUE table. Its quoted cells hold bare line breaks (the banner, the header's
 * first cell), so records are reassembled across lines before they are read. Record 1, CMS's AMA
 * notice, is checked by its opening words and skipped; record 2 must be the header, its second
 * title naming `services` (practitioner by default: the hospital and DME tables have different
 * values and must not be loaded in their place). Rows come back in OFFICIAL_MUE_COLUMNS order,
 * the MAI as its digit. A record of empty cells (a spreadsheet's trailing `,,,`) is skipped.
 *
 * Encoding: CMS publishes the file in Latin-1, whose only non-ASCII byte is the banner's ® (0xAE).
 * A copy re-encoded as UTF-8 (® as C2 AE, read here as "Â®"), or a Latin-1 file decoded as UTF-8
 * (® lost as U+FFFD), is refused rather than loaded: the data bytes would be the same, but the
 * file is not the one CMS published, and any non-ASCII rationale would be stored garbled.
 */
export class OfficialMueParser {
  private readonly records: QuotedRecordReader;
  private recordsSeen = 0;
  private rows = 0;

  constructor(
    private readonly file: string,
    private readonly services = 'Practitioner Services',
  ) {
    this.records = new QuotedRecordReader(file);
  }

  get rowCount(): number {
    return this.rows;
  }

  push(line: string, lineNumber: number): (string | null)[] | null {
    const record = this.records.push(line, lineNumber);
    if (record === null) return null;
    this.refuseMisdecoded(record);
    const index = ++this.recordsSeen;
    if (index === 1) {
      this.checkBanner(record);
      return null;
    }
    if (index === 2) {
      this.checkHeader(record);
      return null;
    }
    if (record.cells.every((cell) => cell === '')) return null;
    const values = this.rowOf(record);
    this.rows++;
    return values;
  }

  finish(lastLine: number): void {
    this.records.finish(lastLine);
    if (this.recordsSeen < 2) {
      throw new CmsFormatError(this.file, lastLine, null, `the file ends after ${this.recordsSeen} record(s); expected CMS's AMA notice record, then the header record`);
    }
    if (this.rows === 0) {
      throw new CmsFormatError(this.file, lastLine, null, 'the file has the CMS banner and header but no data rows');
    }
  }

  private rowOf({ cells, line }: CsvRecord): (string | null)[] {
    if (cells.length !== MUE_CELL_TITLES.length) {
      throw new CmsFormatError(
        this.file,
        line,
        Math.min(cells.length, MUE_CELL_TITLES.length) + 1,
        `expected 4 comma-separated cells (${MUE_CELL_TITLES.join(' | ')}), found ${cells.length}: the line is cut short, a cell is missing or a delimiter is stray`,
      );
    }
    const [code, units, mai, rationale] = cells;
    const hcpcs = read.hcpcs(code);
    if (hcpcs === undefined) throw this.badCell(line, 1, code, 'a five-character HCPCS code');
    const maxUnits = read.wholeNumber(units);
    if (maxUnits === undefined) throw this.badCell(line, 2, units, 'a whole number of units');
    const indicator = maiDigit(mai);
    if (indicator === null) throw this.badCell(line, 3, mai, Object.values(MAI_LABELS).map((l) => `"${l}"`).join(', '));
    return [hcpcs, maxUnits, indicator, read.text(rationale)];
  }

  private badCell(line: number, column: number, raw: string, expected: string): CmsFormatError {
    return new CmsFormatError(this.file, line, column, `${MUE_CELL_TITLES[column - 1]} is ${JSON.stringify(raw)}, expected ${expected}`);
  }

  private checkBanner({ cells, line }: CsvRecord): void {
    const opening = MUE_BANNER_START.slice(1);
    if (!cells[0].startsWith(opening)) {
      throw new CmsFormatError(
        this.file,
        line,
        1,
        `expected CMS's AMA notice record, starting ${JSON.stringify(`${opening}…`)}; found ${JSON.stringify(cells.join(',').slice(0, 120))}`,
      );
    }
  }

  private checkHeader({ cells, line }: CsvRecord): void {
    const expected = [MUE_CODE_TITLE, `${this.services} MUE Values`, 'MUE Adjudication Indicator', 'MUE Rationale'];
    const at = expected.findIndex((title, i) => cells[i] !== title);
    if (at !== -1 || cells.length !== expected.length) {
      const column = at === -1 ? expected.length + 1 : at + 1;
      throw new CmsFormatError(
        this.file,
        line,
        column,
        `unexpected header: expected ${expected.map((t) => JSON.stringify(t)).join(',')}; found ${cells.map((c) => JSON.stringify(c)).join(',').slice(0, 200)}`,
      );
    }
  }

  private refuseMisdecoded({ text, line }: CsvRecord): void {
    if (text.includes('\ufffd')) {
      throw new CmsFormatError(this.file, line, null, 'the file was decoded as UTF-8 (a byte became U+FFFD); CMS publishes it in Latin-1, so read it as Latin-1');
    }
    const utf8 = UTF8_READ_AS_LATIN1.exec(text);
    if (utf8) {
      throw new CmsFormatError(
        this.file,
        line,
        null,
        `the file is UTF-8 (${JSON.stringify(utf8[0])} is one character written as two bytes), not the Latin-1 CMS publishes; it has been re-encoded since download, so use the file as downloaded from CMS`,
      );
    }
  }
}

/** A two-byte UTF-8 sequence for U+0080..U+00FF (® = C2 AE, é = C3 A9) read as Latin-1. */
const UTF8_READ_AS_LATIN1 = /[\u00c2\u00c3][\u0080-\u00bf]/;

/** The MAI digit of a cell such as "2 Date of Service Edit: Policy"; null unless digit and label agree. */
function maiDigit(cell: string): string | null {
  const digit = cell.charAt(0);
  return MAI_LABELS[digit] === cell ? digit : null;
}

interface CsvRecord {
  cells: string[];
  /** The record's text, its line breaks as LF. */
  text: string;
  /** The line the record starts on. */
  line: number;
}

/** A quoted cell may hold this many line breaks (CMS's banner holds 6) before a lost quote is assumed. */
const MAX_RECORD_LINES = 20;

/**
 * CSV records from lines split on LF: while a quoted cell is open (RFC 4180 quoting, `""` for a
 * quote), the next line is joined to the record with the LF it was split on. A quote that stays
 * open for MAX_RECORD_LINES lines is refused at once instead of swallowing the rest of the file.
 */
class QuotedRecordReader {
  private pending: string | null = null;
  private firstLine = 0;
  private heldLines = 0;

  constructor(private readonly file: string) {}

  /** The complete record this line ends, or null while a quoted cell is still open. */
  push(line: string, lineNumber: number): CsvRecord | null {
    const text = this.pending === null ? withoutCr(line) : `${this.pending}\n${withoutCr(line)}`;
    if (this.pending === null) this.firstLine = lineNumber;
    const cells = text.includes('"') ? splitCsvLine(text) : text.split(',');
    if (cells === null) {
      if (++this.heldLines >= MAX_RECORD_LINES) {
        throw new CmsFormatError(this.file, this.firstLine, null, `a quoted cell opened on line ${this.firstLine} is still open after ${MAX_RECORD_LINES} lines: a closing quote is missing`);
      }
      this.pending = text;
      return null;
    }
    this.pending = null;
    this.heldLines = 0;
    return { cells, text, line: this.firstLine };
  }

  finish(lastLine: number): void {
    if (this.pending !== null) {
      throw new CmsFormatError(this.file, this.firstLine, null, `a quoted cell opened on line ${this.firstLine} is not closed when the file ends (line ${lastLine}): the file is cut short`);
    }
  }
}

const DETECT_LINES = 20;

/** True when the lines after the MUE banner record hold the header record. */
function mueHeaderFollowsBanner(lines: readonly string[]): boolean {
  const reader = new QuotedRecordReader('');
  const records: CsvRecord[] = [];
  try {
    for (let i = 0; i < lines.length && records.length < 2; i++) {
      const record = reader.push(lines[i], i + 1);
      if (record) records.push(record);
    }
  } catch {
    return false;
  }
  const header = records[1]?.cells;
  return header !== undefined && header[0] === MUE_CODE_TITLE && (header[1] ?? '').endsWith('MUE Values');
}

function withoutCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

// ---------------------------------------------------------------------------------------------
// Releases from file names
// ---------------------------------------------------------------------------------------------

export interface NcciPtpRelease {
  /** "32.2" */
  version: string;
  revision: number;
  /** Which of the (usually 4) part files. */
  part: number;
  year: number;
  quarter: number;
  effectiveFrom: string;
  effectiveTo: string;
}

/** NCCI versions count years from 1994: 30.x is 2024, 32.x is 2026. */
const NCCI_VERSION_YEAR_OFFSET = 1994;

/**
 * "ccipra-v322r0-f1.TXT" (any case, also inside a longer zip name) -> version 32.2 revision 0
 * part 1, 2026 Q3. The version's minor digit 0-3 is the quarter (1-4). Practitioner files only:
 * the hospital (ccioph) files were never seen and have no table here. Null when the name does
 * not say.
 */
export function ncciVersionFromName(fileName: string): NcciPtpRelease | null {
  const m = /ccipra-v(\d{2})(\d)r(\d{1,2})-f(\d)/i.exec(fileName);
  if (!m || Number(m[2]) > 3) return null;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const year = NCCI_VERSION_YEAR_OFFSET + major;
  const quarter = minor + 1;
  return { version: `${major}.${minor}`, revision: Number(m[3]), part: Number(m[4]), year, quarter, ...quarterDates(year, quarter) };
}

/** "MCR_MUE_PractitionerServices_Eff_07-01-2026.csv" -> "2026-07-01"; null when the name does not say. */
export function mueEffectiveFromName(fileName: string): string | null {
  const m = /_Eff_(\d{2})-(\d{2})-(\d{4})/i.exec(fileName);
  if (!m || !isCalendarDate(Number(m[3]), Number(m[1]), Number(m[2]))) return null;
  return `${m[3]}-${m[1]}-${m[2]}`;
}

function quarterDates(year: number, quarter: number): { effectiveFrom: string; effectiveTo: string } {
  const startMonth = (quarter - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, startMonth + 2, 0));
  return { effectiveFrom: `${year}-${String(startMonth).padStart(2, '0')}-01`, effectiveTo: lastDay.toISOString().slice(0, 10) };
}
