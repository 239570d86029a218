import { once } from 'node:events';
import { createReadStream, statSync } from 'node:fs';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createGunzip } from 'node:zlib';

/** Turns a file's raw bytes, chunk by chunk, into COPY input (NcciPtpScanner). */
export interface ChunkTransform {
  push(chunk: Buffer): Buffer;
  end(): Buffer;
}

const READ_CHUNK = 1 << 20;
const INFLATE_CHUNK = 256 << 10;

/**
 * Streams a file (gunzipped when it ends in .gz) through `transform` into `COPY ... FROM STDIN`,
 * as bytes: no string is made of the file except where the transform decides to. Inflating runs
 * on libuv's thread pool, so it overlaps the transform. A transform that throws aborts the COPY.
 */
export async function copyChunks(client: PoolClient, copySql: string, path: string, transform: ChunkTransform, onBatch?: (fractionRead: number) => void): Promise<void> {
  const size = statSync(path).size || 1;
  const file = createReadStream(path, { highWaterMark: READ_CHUNK });
  const input = path.endsWith('.gz') ? file.pipe(createGunzip({ chunkSize: INFLATE_CHUNK })) : file;
  const copy = client.query(copyFrom(copySql));
  const copied = new Promise<void>((resolve, reject) => {
    copy.on('finish', resolve);
    copy.on('error', reject);
  });
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      const out = transform.push(chunk);
      if (out.length > 0 && !copy.write(out)) await once(copy, 'drain');
      onBatch?.(Math.min(file.bytesRead / size, 1));
    }
    copy.end(transform.end());
  } catch (error) {
    file.destroy();
    copy.destroy(error instanceof Error ? error : new Error(String(error)));
    await copied.catch(() => undefined);
    throw error;
  }
  await copied;
}
