import { isCalendarDate } from './simple-csv';

/** What the scanner does with a line that is not a plain data row (the header, quotes, a mistake). */
export type PtpSlowLine = (line: string, lineNumber: number) => string | null;
/** The id under which a rationale phrase is stored (null for none). */
export type PtpPhraseId = (phrase: string, lineNumber: number) => number | null;

const COMMA = 44;
const QUOTE = 34;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;

const isCodeByte = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
const isDigitByte = (c: number) => c >= 48 && c <= 57;

/**
 * The NCCI PTP table (2.5 M lines) straight from its bytes into COPY CSV: each plain data row
 * (`column_1,column_2,YYYYMMDD or blank,0|1|9,rationale` in ASCII without quotes) is checked in
 * place and written out with its rationale replaced by the phrase's id, without making a string
 * of the line. Any other line (the header, a quoted field, non-ASCII text, a mistake) is decoded
 * and handed to `slowLine`, which applies the column-by-column rules and names the problem; so is
 * the first line, which must be the header.
 * A rationale identical to the previous row's is not looked up again (the file repeats them in runs).
 */
export class NcciPtpScanner {
  private rest: Buffer | null = null;
  private lineNumber = 0;
  private plainRows = 0;
  private repeatedPhrase = false;
  private previousPhrase = Buffer.alloc(0);
  private previousId: Buffer = Buffer.alloc(0);
  private readonly idBytes = new Map<number | null, Buffer>();

  constructor(
    private readonly slowLine: PtpSlowLine,
    private readonly phraseId: PtpPhraseId,
  ) {}

  get lines(): number {
    return this.lineNumber;
  }

  /** Data rows written without `slowLine`. */
  get plainRowCount(): number {
    return this.plainRows;
  }

  /** COPY input for every complete line in `chunk` (and the partial line kept from before). */
  push(chunk: Buffer): Buffer {
    const input = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
    const out = new GrowingBuffer(input.length + 1024);
    let start = 0;
    let newline: number;
    while ((newline = input.indexOf(NEWLINE, start)) >= 0) {
      this.writeRow(input, start, newline > start && input[newline - 1] === CARRIAGE_RETURN ? newline - 1 : newline, out);
      start = newline + 1;
    }
    this.rest = start < input.length ? Buffer.from(input.subarray(start)) : null;
    return out.bytes();
  }

  /** The last line, when the file does not end with a newline. */
  end(): Buffer {
    const rest = this.rest;
    this.rest = null;
    if (!rest || rest.length === 0) return Buffer.alloc(0);
    const out = new GrowingBuffer(rest.length + 64);
    this.writeRow(rest, 0, rest[rest.length - 1] === CARRIAGE_RETURN ? rest.length - 1 : rest.length, out);
    return out.bytes();
  }

  /** One line's COPY bytes with their newline; nothing for a line that holds no row. */
  private writeRow(input: Buffer, start: number, end: number, out: GrowingBuffer): void {
    const lineNumber = ++this.lineNumber;
    const phraseStart = lineNumber === 1 ? -1 : this.plainRowPhraseStart(input, start, end);
    if (phraseStart < 0) {
      const text = this.slowLine(input.toString('utf8', start, end), lineNumber);
      if (text !== null) out.writeBytes(Buffer.from(text, 'utf8'), 0, Buffer.byteLength(text, 'utf8'));
      return;
    }
    const id = this.idOfPhrase(input, phraseStart, end, lineNumber);
    out.writeBytes(input, start, phraseStart);
    out.writeBytes(id, 0, id.length);
    out.writeByte(NEWLINE);
    this.plainRows++;
  }

  /** Where the rationale starts if the line is a plain data row, else -1. */
  private plainRowPhraseStart(b: Buffer, start: number, end: number): number {
    let p = start;
    if (end - p < 15) return -1;
    for (let k = 0; k < 11; k++) {
      const c = b[p + k];
      if (k === 5 ? c !== COMMA : !isCodeByte(c)) return -1;
    }
    if (b[p + 11] !== COMMA) return -1;
    p += 12;
    if (b[p] !== COMMA) {
      for (let k = 0; k < 8; k++) if (!isDigitByte(b[p + k])) return -1;
      if (b[p + 8] !== COMMA) return -1;
      const digit = (k: number) => b[p + k] - 48;
      const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
      if (!isCalendarDate(year, digit(4) * 10 + digit(5), digit(6) * 10 + digit(7))) return -1;
      p += 9;
    } else {
      p += 1;
    }
    const indicator = b[p];
    if ((indicator !== 48 && indicator !== 49 && indicator !== 57) || b[p + 1] !== COMMA) return -1;
    p += 2;
    if (p > end) return -1;
    this.repeatedPhrase = this.samePhraseAsBefore(b, p, end);
    if (this.repeatedPhrase) return p;
    for (let k = p; k < end; k++) {
      const c = b[k];
      if (c === COMMA || c === QUOTE || c >= 128) return -1;
    }
    return p;
  }

  private samePhraseAsBefore(b: Buffer, start: number, end: number): boolean {
    const previous = this.previousPhrase;
    if (end - start !== previous.length || previous.length === 0) return false;
    for (let k = 0; k < previous.length; k++) if (b[start + k] !== previous[k]) return false;
    return true;
  }

  private idOfPhrase(b: Buffer, start: number, end: number, lineNumber: number): Buffer {
    if (this.repeatedPhrase) return this.previousId;
    const id = this.phraseId(b.toString('latin1', start, end), lineNumber);
    let bytes = this.idBytes.get(id);
    if (!bytes) {
      bytes = Buffer.from(id === null ? '' : String(id), 'latin1');
      this.idBytes.set(id, bytes);
    }
    this.previousPhrase = Buffer.from(b.subarray(start, end));
    this.previousId = bytes;
    return bytes;
  }
}

/** An output buffer that grows when a slow line's text is longer than its bytes (a date gains dashes). */
class GrowingBuffer {
  private buffer: Buffer;
  private length = 0;

  constructor(capacity: number) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  writeBytes(source: Buffer, start: number, end: number): void {
    const n = end - start;
    this.reserve(n);
    // Short runs (a row's first 18-24 bytes) copy faster in a loop than through Buffer#copy.
    if (n < 64) {
      const target = this.buffer;
      let at = this.length;
      for (let k = start; k < end; k++) target[at++] = source[k];
    } else {
      source.copy(this.buffer, this.length, start, end);
    }
    this.length += n;
  }

  writeByte(byte: number): void {
    this.reserve(1);
    this.buffer[this.length++] = byte;
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  private reserve(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + n));
    this.buffer.copy(larger, 0, 0, this.length);
    this.buffer = larger;
  }
}
