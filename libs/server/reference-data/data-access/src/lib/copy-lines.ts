import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { readLines } from './line-source';

const BATCH_CHARS = 65536;

/**
 * Streams a file's lines into `COPY ... FROM STDIN`: `toChunk` turns each line into COPY input
 * (or null to skip it) and may throw to refuse the file, which aborts the COPY. Writes go out in
 * ~64 KiB batches, far fewer stream calls than one per row. Returns the number of lines read.
 */
export async function copyLines(
  client: PoolClient,
  copySql: string,
  path: string,
  encoding: BufferEncoding,
  toChunk: (line: string, lineNumber: number) => string | null,
  onBatch?: (fractionRead: number) => void,
): Promise<number> {
  const copy = client.query(copyFrom(copySql));
  const copied = new Promise<void>((resolve, reject) => {
    copy.on('finish', resolve);
    copy.on('error', reject);
  });
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
        if (!copy.write(batch)) await once(copy, 'drain');
        batch = '';
        onBatch?.(source.fraction());
      }
    }
  } catch (error) {
    copy.destroy(error instanceof Error ? error : new Error(String(error)));
    await copied.catch(() => undefined);
    throw error;
  }
  copy.end(batch);
  await copied;
  return lineNumber;
}
