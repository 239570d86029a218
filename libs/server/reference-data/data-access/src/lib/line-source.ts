import { createReadStream, statSync } from 'node:fs';
import type { Hash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';

export interface LineSource {
  /** The file's lines (without line ends) in batches, one per chunk read. */
  batches: AsyncIterable<string[]>;
  /** Share of the file read so far, 0 to 1 (compressed bytes for .gz files). */
  fraction(): number;
}

const READ_CHUNK = 1 << 20;
const INFLATE_CHUNK = 256 << 10;

/**
 * Lines of a text file, transparently gunzipped when it ends in .gz. Lines come a chunk at a time
 * (split natively, one await per chunk rather than per line, as readline's iterator costs: for
 * the 2.5 M-line PTP file that was most of the importer's own time). Lines end at "\n" or "\r\n".
 */
export function readLines(path: string, encoding: BufferEncoding = 'utf8'): LineSource {
  const { input, fraction } = openFileBytes(path);
  input.setEncoding(encoding);
  async function* batches(): AsyncGenerator<string[]> {
    let rest = '';
    for await (const chunk of input as AsyncIterable<string>) {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      yield withoutCarriageReturns(lines);
    }
    if (rest !== '') yield withoutCarriageReturns([rest]);
  }
  return { batches: batches(), fraction };
}

/**
 * A file's bytes in large chunks, inflated when it ends in .gz, and how much of it has been read.
 * `hash` sees the file's own bytes (before inflating) as they are read, so hashing costs no pass of its own.
 */
export function openFileBytes(path: string, hash?: Hash): { input: Readable; fraction(): number } {
  const size = statSync(path).size || 1;
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK });
  const raw: Readable = hash
    ? stream.pipe(
        new Transform({
          transform(chunk: Buffer, _encoding, done) {
            hash.update(chunk);
            done(null, chunk);
          },
        }),
      )
    : stream;
  const input = path.endsWith('.gz') ? raw.pipe(createGunzip({ chunkSize: INFLATE_CHUNK })) : raw;
  return { input, fraction: () => Math.min(stream.bytesRead / size, 1) };
}

function withoutCarriageReturns(lines: string[]): string[] {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.charCodeAt(line.length - 1) === 13) lines[i] = line.slice(0, -1);
  }
  return lines;
}
