import type { PoolClient } from 'pg';
import { CopyWriter } from './copy-writer';
import { readLines } from './line-source';

const BATCH_CHARS = 65536;

/**
 * Streams a file's lines into `COPY ... FROM STDIN`: `toChunk` turns each line into COPY input
 * (or null to skip it) and may throw to refuse the file, which aborts the COPY. `atEnd`, called
 * once after the last line and before the COPY ends, gives what a parser held back (a fixed-width
 * record whose continuation lines could still follow); it may throw too, which aborts the COPY.
 * Writes go out in ~64 KiB batches, far fewer stream calls than one per row. Returns the number
 * of lines read.
 */
export async function copyLines(
  client: PoolClient,
  copySql: string,
  path: string,
  encoding: BufferEncoding,
  toChunk: (line: string, lineNumber: number) => string | null,
  onBatch?: (fractionRead: number) => void,
  atEnd?: () => string | null,
): Promise<number> {
  const copy = new CopyWriter(client, copySql);
  const source = readLines(path, encoding);
  let lineNumber = 0;
  let batch = '';
  try {
    for await (const lines of source.batches) {
      for (const line of lines) {
        const chunk = toChunk(line, ++lineNumber);
        if (chunk !== null) batch += chunk;
      }
      if (batch.length > BATCH_CHARS) {
        await copy.write(batch);
        batch = '';
        onBatch?.(source.fraction());
      }
    }
    const last = atEnd?.() ?? null;
    if (last !== null) batch += last;
  } catch (error) {
    await copy.abort(error);
    throw error;
  }
  await copy.end(batch);
  return lineNumber;
}
