import { isCalendarDate } from './simple-csv';

/**
 * What the scanner does with a line that is not a plain data row (the header, quotes, a mistake):
 * its COPY input (CSV text, or a binary COPY row for a binary scanner), or null for none.
 */
export type PtpSlowLine = (line: string, lineNumber: number) => string | Buffer | null;
/** The id under which a rationale phrase is stored (null for none). */
export type PtpPhraseId = (phrase: string, lineNumber: number) => number | null;

const COMMA = 44;
const QUOTE = 34;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;

export const isCodeByte = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
export const isDigitByte = (c: number): boolean => c >= 48 && c <= 57;

/** A real calendar date as 8 digits (YYYYMMDD) at `p`. */
export function isCompactDateAt(b: Buffer, p: number): boolean {
  for (let k = 0; k < 8; k++) if (!isDigitByte(b[p + k])) return false;
  const digit = (k: number) => b[p + k] - 48;
  return isCalendarDate(digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3), digit(4) * 10 + digit(5), digit(6) * 10 + digit(7));
}

/**
 * What both PTP layouts' scanners share: lines cut from the file's bytes (LF or CRLF, a last line
 * without one kept for `end`), the first `headerLines` and any line `writePlainRow` declines
 * handed to `slowLine` (decoded as `slowEncoding`, its text written as UTF-8), and the rationale
 * phrases' ids, a phrase identical to the previous row's not looked up again (the files repeat
 * them in runs). A subclass checks and writes a plain data row straight from the bytes.
 */
export abstract class PtpByteScanner {
  protected out = new OutputBytes(0);
  /** One output per partition (see `partitionAt`); `out` is the current line's. */
  private outs: OutputBytes[] = [this.out];
  /** The partitions' lower bounds after the first, ascending, as bytes. */
  private splits: Buffer[] = [];
  private rest: Buffer | null = null;
  private lineNumber = 0;
  private plainRows = 0;
  private previousPhrase = Buffer.alloc(0);
  private previousId: Buffer = Buffer.alloc(0);
  private readonly idBytes = new Map<number | null, Buffer>();

  protected constructor(
    private readonly slowLine: PtpSlowLine,
    private readonly phraseId: PtpPhraseId,
    private readonly headerLines: number,
    private readonly slowEncoding: 'utf8' | 'latin1',
  ) {}

  get lines(): number {
    return this.lineNumber;
  }

  /** Data rows written without `slowLine`. */
  get plainRowCount(): number {
    return this.plainRows;
  }

  /**
   * Rows go to one output per partition of a table range-partitioned on its first column:
   * `lowerBounds` are the partitions' lower bounds after the first, ascending in byte order (the
   * columns' COLLATE "C"). `pushParts`/`endParts` then return one COPY input per partition.
   */
  partitionAt(lowerBounds: readonly string[]): void {
    this.splits = lowerBounds.map((bound) => Buffer.from(bound, 'latin1'));
    for (let k = 1; k < this.splits.length; k++) {
      if (Buffer.compare(this.splits[k - 1], this.splits[k]) >= 0) throw new Error('partition bounds must ascend');
    }
  }

  /** COPY input for every complete line in `chunk` (and the partial line kept from before). */
  push(chunk: Buffer): Buffer {
    return this.single(this.pushParts(chunk));
  }

  /** The last line, when the file does not end with a newline. */
  end(): Buffer {
    return this.single(this.endParts());
  }

  /** `push`, one COPY input per partition. */
  pushParts(chunk: Buffer): Buffer[] {
    const input = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
    this.startOutputs(input.length);
    let start = 0;
    let newline: number;
    while ((newline = input.indexOf(NEWLINE, start)) >= 0) {
      this.writeLine(input, start, newline > start && input[newline - 1] === CARRIAGE_RETURN ? newline - 1 : newline);
      start = newline + 1;
    }
    this.rest = start < input.length ? Buffer.from(input.subarray(start)) : null;
    return this.outs.map((o) => o.bytes());
  }

  /** `end`, one COPY input per partition. */
  endParts(): Buffer[] {
    const rest = this.rest;
    this.rest = null;
    this.startOutputs(rest?.length ?? 0);
    if (rest && rest.length > 0) this.writeLine(rest, 0, rest[rest.length - 1] === CARRIAGE_RETURN ? rest.length - 1 : rest.length);
    return this.outs.map((o) => o.bytes());
  }

  private single(parts: Buffer[]): Buffer {
    if (parts.length !== 1) throw new Error('a partitioned scan returns one output per partition: use pushParts/endParts');
    return parts[0];
  }

  private startOutputs(inputLength: number): void {
    // Each output could take every row (the file need not be in partition order); they grow when needed.
    const capacity = this.splits.length === 0 ? inputLength + 1024 : Math.ceil(inputLength / (this.splits.length + 1)) + 1024;
    this.outs = Array.from({ length: this.splits.length + 1 }, () => new OutputBytes(capacity));
    this.out = this.outs[0];
  }

  /** The partition of a row whose first column is `b[start, end)`. */
  private partitionOf(b: Buffer, start: number, end: number): number {
    let part = 0;
    while (part < this.splits.length && !bytesBefore(b, start, end, this.splits[part])) part++;
    return part;
  }

  /** Writes the row's COPY line to `out` and returns true if the line is a plain data row; else writes nothing. */
  protected abstract writePlainRow(b: Buffer, start: number, end: number, lineNumber: number): boolean;

  protected isPreviousPhrase(b: Buffer, start: number, end: number): boolean {
    const previous = this.previousPhrase;
    if (end - start !== previous.length || previous.length === 0) return false;
    for (let k = 0; k < previous.length; k++) if (b[start + k] !== previous[k]) return false;
    return true;
  }

  /** The id's bytes for the phrase at start..end (`previous`: the caller found it equal to the last one). */
  protected phraseBytes(b: Buffer, start: number, end: number, lineNumber: number, previous: boolean): Buffer {
    if (previous) return this.previousId;
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

  private writeLine(b: Buffer, start: number, end: number): void {
    const lineNumber = ++this.lineNumber;
    if (lineNumber > this.headerLines) {
      // A plain row starts with its 5-byte column 1 (checked by writePlainRow).
      if (this.splits.length > 0) this.out = this.outs[this.partitionOf(b, start, Math.min(start + 5, end))];
      if (this.writePlainRow(b, start, end, lineNumber)) {
        this.plainRows++;
        return;
      }
    }
    const text = this.slowLine(b.toString(this.slowEncoding, start, end), lineNumber);
    if (text === null) return;
    const row = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    const out = this.splits.length > 0 ? this.outs[this.partitionOf(row, ...this.firstField(row))] : this.outs[0];
    out.writeBytes(row, 0, row.length);
  }

  /** Where a COPY row's first field (column 1) starts and ends: CSV, unless a subclass writes binary. */
  protected firstField(row: Buffer): [number, number] {
    return firstCsvField(row);
  }
}

/**
 * The NCCI PTP table (2.5 M lines) straight from its bytes into COPY CSV: each plain data row
 * (`column_1,column_2,YYYYMMDD or blank,0|1|9,rationale` in ASCII without quotes) is checked in
 * place and written out with its rationale replaced by the phrase's id, without making a string
 * of the line. Any other line (the header, a quoted field, non-ASCII text, a mistake) is decoded
 * and handed to `slowLine`, which applies the column-by-column rules and names the problem; so is
 * the first line, which must be the header.
 */
export class NcciPtpScanner extends PtpByteScanner {
  constructor(slowLine: PtpSlowLine, phraseId: PtpPhraseId) {
    super(slowLine, phraseId, 1, 'utf8');
  }

  protected writePlainRow(b: Buffer, start: number, end: number, lineNumber: number): boolean {
    let p = start;
    if (end - p < 15) return false;
    for (let k = 0; k < 11; k++) {
      const c = b[p + k];
      if (k === 5 ? c !== COMMA : !isCodeByte(c)) return false;
    }
    if (b[p + 11] !== COMMA) return false;
    p += 12;
    if (b[p] !== COMMA) {
      if (!isCompactDateAt(b, p) || b[p + 8] !== COMMA) return false;
      p += 9;
    } else {
      p += 1;
    }
    const indicator = b[p];
    if ((indicator !== 48 && indicator !== 49 && indicator !== 57) || b[p + 1] !== COMMA) return false;
    p += 2;
    if (p > end) return false;
    const previous = this.isPreviousPhrase(b, p, end);
    if (!previous) {
      for (let k = p; k < end; k++) {
        const c = b[k];
        if (c === COMMA || c === QUOTE || c >= 128) return false;
      }
    }
    const id = this.phraseBytes(b, p, end, lineNumber, previous);
    this.out.writeBytes(b, start, p);
    this.out.writeBytes(id, 0, id.length);
    this.out.writeByte(NEWLINE);
    return true;
  }
}

/** Whether `b[start, end)` sorts before `bound`, byte by byte (COLLATE "C"); a loop, as most rows differ at the first byte. */
function bytesBefore(b: Buffer, start: number, end: number, bound: Buffer): boolean {
  const n = Math.min(end - start, bound.length);
  for (let k = 0; k < n; k++) {
    const c = b[start + k];
    if (c !== bound[k]) return c < bound[k];
  }
  return end - start < bound.length;
}

/** Where the first field of a CSV row (as csvRow writes it: codes are never quoted) starts and ends. */
function firstCsvField(row: Buffer): [number, number] {
  const comma = row.indexOf(COMMA);
  const end = comma < 0 ? row.length : comma;
  return row[0] === QUOTE && end > 1 && row[end - 1] === QUOTE ? [1, end - 1] : [0, end];
}

/** A growing output buffer; scanners may also write straight into `buffer` after `reserve`. */
export class OutputBytes {
  buffer: Buffer;
  length = 0;

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

  writeText(text: string): void {
    const n = Buffer.byteLength(text, 'utf8');
    this.reserve(n);
    this.buffer.write(text, this.length, 'utf8');
    this.length += n;
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  /** Room for n more bytes. */
  reserve(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + n));
    this.buffer.copy(larger, 0, 0, this.length);
    this.buffer = larger;
  }
}
