/**
 * PostgreSQL's binary COPY format, for the one table where it pays: CMS's own PTP parts, whose two
 * dates per row cost PostgreSQL more to parse as text (about 0.4 s of CPU for 2.5 M rows) than
 * the whole of the rest of the row. Values are written as the server stores them: text as its
 * bytes, a date as days since 2000-01-01, smallint and boolean as big-endian bytes.
 */

/** The file header: signature, flags, header extension length. */
export const COPY_BINARY_HEADER = Buffer.from([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]);
/** The file trailer: a field count of -1. */
export const COPY_BINARY_TRAILER = Buffer.from([0xff, 0xff]);

export type BinaryColumnType = 'text' | 'date' | 'int2' | 'bool';

const DAY_MS = 86_400_000;
const EPOCH_2000 = Date.UTC(2000, 0, 1);

/** PostgreSQL's date value: days from 2000-01-01 (negative before it). */
export function pgDate(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - EPOCH_2000) / DAY_MS;
}

/** A row of values as the text formats give them (dates as YYYY-MM-DD, booleans as t/f) in binary COPY form. */
export function binaryRow(values: readonly (string | number | null)[], types: readonly BinaryColumnType[]): Buffer {
  if (values.length !== types.length) throw new Error(`${values.length} values for ${types.length} columns`);
  const fields = values.map((value, i) => (value === null ? null : binaryValue(String(value), types[i])));
  const row = Buffer.allocUnsafe(2 + fields.reduce((n, f) => n + 4 + (f?.length ?? 0), 0));
  let at = row.writeInt16BE(fields.length, 0);
  for (const field of fields) {
    at = row.writeInt32BE(field ? field.length : -1, at);
    if (field) at += field.copy(row, at);
  }
  return row;
}

function binaryValue(value: string, type: BinaryColumnType): Buffer {
  switch (type) {
    case 'text':
      return Buffer.from(value, 'utf8');
    case 'int2': {
      const n = Number(value);
      if (!Number.isInteger(n) || n < -32768 || n > 32767) throw new Error(`"${value}" is not a smallint`);
      const b = Buffer.alloc(2);
      b.writeInt16BE(n);
      return b;
    }
    case 'bool':
      if (value !== 't' && value !== 'f') throw new Error(`"${value}" is not t or f`);
      return Buffer.from([value === 't' ? 1 : 0]);
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!m) throw new Error(`"${value}" is not a YYYY-MM-DD date`);
      const b = Buffer.alloc(4);
      b.writeInt32BE(pgDate(Number(m[1]), Number(m[2]), Number(m[3])));
      return b;
    }
  }
}

/** Where the first field of a binary COPY row starts and ends (null: none). */
export function firstBinaryField(row: Buffer): [number, number] {
  const length = row.length >= 6 ? row.readInt32BE(2) : -1;
  return length < 0 ? [6, 6] : [6, 6 + length];
}
