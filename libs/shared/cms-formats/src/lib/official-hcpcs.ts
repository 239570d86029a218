import { CmsFormatError } from './cms-format.error';
import { CODE_SET_COLUMNS } from './code-sets';
import { read, SimpleCsvParser } from './simple-csv';

/**
 * The HCPCS Level II alpha-numeric file as CMS publishes it (HCPC<yyyy>_..._ANWEB.txt): ISO-8859-1,
 * CRLF, a few disclaimer lines (padded with TABs and 0xA0), then 320-character records. A code's
 * long description goes on over continuation records. Record layout: HCPCS<yyyy>_recordlayout.txt
 * (data/reference/official-format-samples/hcpcs, README section 5).
 *
 * Rows come back exactly as codeSetParser('hcpcs', ...) returns them for the converted CSV (same
 * columns, order and checks): the records are re-written as that CSV's lines and read by it.
 */

const RECORD_LENGTH = 320;
/** Code (or a right-justified modifier), five-digit sequence number, record id. */
const RECORD_START = /^[ 0-9A-Z]{5}\d{5}[3478]/;
const RECORD_TEXT = 'a 320-character fixed-width HCPCS Level II record';

interface Span {
  from: number;
  to: number;
  /** Repeated fields (PRICE1-4, TOS1-5, ...): how many, joined as the converted CSV joins them. */
  times?: number;
  joiner?: string;
  date?: true;
}

/** The first record's fields, in the order of CODE_SET_COLUMNS.hcpcs. */
const SPANS: readonly Span[] = [
  { from: 1, to: 5 }, // hcpcs_code
  { from: 12, to: 91 }, // long_description (continued by the next records)
  { from: 92, to: 119 }, // short_description
  { from: 120, to: 121, times: 4, joiner: ':' }, // price: pricing indicators 1-4
  { from: 128, to: 128 }, // multi: multiple pricing indicator
  { from: 230, to: 230 }, // cov: coverage
  { from: 257, to: 259 }, // betos
  { from: 261, to: 261, times: 5, joiner: ':' }, // tos: type of service 1-5
  { from: 293, to: 293 }, // action code
  { from: 129, to: 134, times: 3, joiner: ', ' }, // cim references 1-3
  { from: 147, to: 154, times: 3, joiner: ', ' }, // mcm references 1-3
  { from: 171, to: 180 }, // statute
  { from: 181, to: 183, times: 8, joiner: ', ' }, // lab certifications 1-8
  { from: 205, to: 209, times: 5, joiner: ', ' }, // cross-references 1-5
  { from: 231, to: 232 }, // asc_grp
  { from: 253, to: 256 }, // proc: processing note
  { from: 266, to: 268 }, // anes: anesthesia base units
  { from: 285, to: 292, date: true }, // date_term: termination date
  { from: 269, to: 276, date: true }, // date_added: code added date
  { from: 233, to: 240, date: true }, // date_asc: ASC payment group effective date
  { from: 277, to: 284, date: true }, // date_action: action effective date
];
/** Filler in the layout: a character there means the columns have shifted. */
const FILLER: readonly [number, number][] = [
  [260, 260],
  [294, 320],
];

const lastPosition = (s: Span) => s.to + (s.to - s.from + 1) * ((s.times ?? 1) - 1);

function csvLine(values: readonly string[]): string {
  return values.map((v) => `"${v.replace(/"/g, '""')}"`).join(',');
}

interface OpenRecord {
  code: string;
  lineNumber: number;
  /** The CSV values of a procedure; null for a modifier (skipped). */
  values: string[] | null;
}

/**
 * Feed physical lines (decoded as latin1) in order. A code's row can only be complete when the
 * next record (or the end of the file) shows that no continuation follows, so push() returns
 * the row of the code before; after the last line call flush() for the last code's row, then
 * finish().
 */
export class OfficialHcpcsParser extends SimpleCsvParser {
  private open: OpenRecord | null = null;
  private recordsStarted = false;
  private modifiers = 0;

  constructor(private readonly source: string) {
    super(source, CODE_SET_COLUMNS.hcpcs);
    super.push(CODE_SET_COLUMNS.hcpcs.map((c) => c.header).join(','), 0);
  }

  /** Modifier records (id 7) read and skipped: they belong to the modifier list. */
  get modifierCount(): number {
    return this.modifiers;
  }

  override push(line: string, lineNumber: number): (string | null)[] | null {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (!this.recordsStarted && !RECORD_START.test(text)) {
      return null; // the disclaimer lines and the empty lines after them
    }
    this.recordsStarted = true;
    if (text.trim() === '') {
      return null;
    }
    this.checkRecord(text, lineNumber);
    const code = text.slice(0, 5);
    const id = text[10];
    if (id === '4' || id === '8') {
      this.continueRecord(text, lineNumber, code, id);
      return null;
    }
    const done = this.flush();
    if (id === '7') {
      // Modifier records carry the two-character modifier right-justified ("   A1"). Modifiers are
      // not HCPCS codes: they belong to the modifier list (its own table and file, with CPT
      // modifiers and their types), so they are checked for shape and skipped here.
      if (!/^ {3}[0-9A-Z]{2}$/.test(code)) {
        throw new CmsFormatError(this.source, lineNumber, 1, `a modifier record (id 7) has "${code}", expected the two-character modifier in characters 4-5 ("   A1")`);
      }
      this.modifiers++;
      this.open = { code, lineNumber, values: null };
    } else {
      this.open = { code, lineNumber, values: SPANS.map((span, i) => this.readSpan(text, lineNumber, span, i)) };
    }
    return done;
  }

  /** The lines are fixed-width records, not CSV: they can never go to COPY as they are. */
  override accept(): boolean {
    throw new Error(`${this.source}: the fixed-width HCPCS file cannot be passed through as CSV; use push() and flush()`);
  }

  /** The row of the record still open (the file's last code), or null; call after the last push(). */
  flush(): (string | null)[] | null {
    const open = this.open;
    this.open = null;
    if (!open?.values) {
      return null;
    }
    const values = open.values;
    try {
      return super.push(csvLine(values), open.lineNumber);
    } catch (error) {
      if (!(error instanceof CmsFormatError) || error.column === null) throw error;
      const span = SPANS[error.column - 1];
      throw new CmsFormatError(
        error.file,
        error.line,
        span.from,
        `${error.problem} (characters ${span.from}-${lastPosition(span)} of the 320-character HCPCS record on line ${open.lineNumber})`,
      );
    }
  }

  override finish(lastLine: number): void {
    if (this.open?.values) {
      throw new Error(`${this.source}: call flush() before finish(): the row of ${this.open.code} (line ${this.open.lineNumber}) has not been returned`);
    }
    if (!this.recordsStarted) {
      throw new CmsFormatError(this.source, lastLine, null, `no HCPCS records; expected the fixed-width HCPCS Level II file (${RECORD_TEXT} on each line after the disclaimers)`);
    }
    if (this.rowCount === 0) {
      throw new CmsFormatError(this.source, lastLine, null, `no procedure records (record id 3), only ${this.modifiers} modifier records`);
    }
    super.finish(lastLine);
  }

  private checkRecord(text: string, lineNumber: number): void {
    const fail = (column: number, problem: string): never => {
      throw new CmsFormatError(this.source, lineNumber, column, problem);
    };
    const replaced = text.indexOf('\uFFFD');
    if (replaced !== -1) {
      fail(replaced + 1, 'a byte that is not UTF-8 was replaced: read the file as ISO-8859-1 (latin1), as CMS writes it');
    }
    if (text.length !== RECORD_LENGTH) {
      fail(Math.min(text.length, RECORD_LENGTH) + 1, `the line is ${text.length} characters long; expected ${RECORD_TEXT} (truncated, or not this fixed-width format?)`);
    }
    if (!/^\d{5}$/.test(text.slice(5, 10))) {
      fail(6, `sequence number is "${text.slice(5, 10)}" (characters 6-10), expected five digits such as 00100 in ${RECORD_TEXT}`);
    }
    if (!'3478'.includes(text[10])) {
      fail(11, `record id is "${text[10]}" (character 11), expected 3 or 4 (procedure) or 7 or 8 (modifier) in ${RECORD_TEXT}`);
    }
    // A continuation record has a code, sequence number, id and description only.
    const blanks = text[10] === '4' || text[10] === '8' ? [[92, RECORD_LENGTH]] : FILLER;
    for (const [from, to] of blanks) {
      const at = text.slice(from - 1, to).search(/\S/);
      if (at !== -1) {
        const position = from + at;
        fail(position, `character ${position} is "${text[position - 1]}" where ${RECORD_TEXT} (record id ${text[10]}) is blank (shifted columns?)`);
      }
    }
  }

  private continueRecord(text: string, lineNumber: number, code: string, id: string): void {
    const open = this.open;
    const procedure = id === '4';
    if (!open || open.code !== code || procedure !== (open.values !== null)) {
      throw new CmsFormatError(
        this.source,
        lineNumber,
        11,
        `a continuation record (id ${id}) of "${code.trim()}" must follow that ${procedure ? 'code' : 'modifier'}'s first record (id ${procedure ? 3 : 7}); ` +
          (open ? `the record open is "${open.code.trim()}" from line ${open.lineNumber}` : 'no record is open'),
      );
    }
    if (open.values) {
      open.values[1] = `${open.values[1]} ${text.slice(11, 91).trim()}`.trim();
    }
  }

  private readSpan(text: string, lineNumber: number, span: Span, column: number): string {
    const width = span.to - span.from + 1;
    const parts: string[] = [];
    for (let i = 0; i < (span.times ?? 1); i++) {
      const part = text.slice(span.from - 1 + i * width, span.to + i * width).trim();
      if (part !== '') parts.push(part);
    }
    const value = parts.join(span.joiner ?? '');
    if (!span.date || value === '') {
      return value;
    }
    const iso = read.optionalCompactDate(value);
    if (iso === undefined || iso === null) {
      const header = CODE_SET_COLUMNS.hcpcs[column].header;
      throw new CmsFormatError(this.source, lineNumber, span.from, `${header} is "${value}" (characters ${span.from}-${span.to}), expected a date YYYYMMDD or blanks in ${RECORD_TEXT}`);
    }
    return iso;
  }
}

/** Whether the first lines (10 or more: the disclaimers come first) are the fixed-width HCPCS Level II file. */
export function detectOfficialHcpcs(firstLines: readonly string[]): boolean {
  return firstLines.some((line) => {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    return text.length === RECORD_LENGTH && RECORD_START.test(text);
  });
}
