import type { Hash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { CopyWriter } from './copy-writer';
import { openFileBytes } from './line-source';

/** Turns a file's raw bytes, chunk by chunk, into COPY input (NcciPtpScanner). */
export interface ChunkTransform {
  push(chunk: Buffer): Buffer;
  end(): Buffer;
}

/**
 * Streams a file (gunzipped when it ends in .gz) through `transform` into `COPY ... FROM STDIN`,
 * as bytes: no string is made of the file except where the transform decides to. Inflating runs
 * on libuv's thread pool, so it overlaps the transform. A transform that throws aborts the COPY.
 */
export async function copyChunks(
  client: PoolClient,
  copySql: string,
  path: string,
  transform: ChunkTransform,
  onBatch?: (fractionRead: number) => void,
  hash?: Hash,
): Promise<void> {
  const source = openFileBytes(path, hash);
  const copy = new CopyWriter(client, copySql);
  let last: Buffer;
  try {
    for await (const chunk of source.input as AsyncIterable<Buffer>) {
      await copy.write(transform.push(chunk));
      onBatch?.(source.fraction());
    }
    // The last line may have no line end (a truncated file): it is checked here, still inside the COPY.
    last = transform.end();
  } catch (error) {
    source.input.destroy();
    await copy.abort(error);
    throw error;
  }
  await copy.end(last);
}
