import { createReadStream, statSync } from 'node:fs';
import { createInterface, Interface } from 'node:readline';
import { createGunzip } from 'node:zlib';

export interface LineSource {
  lines: Interface;
  /** Share of the file read so far, 0 to 1 (compressed bytes for .gz files). */
  fraction(): number;
}

/** Lines of a text file, transparently gunzipped when it ends in .gz. */
export function readLines(path: string, encoding: BufferEncoding = 'utf8'): LineSource {
  const size = statSync(path).size || 1;
  const stream = createReadStream(path);
  const input = path.endsWith('.gz') ? stream.pipe(createGunzip()) : stream;
  input.setEncoding(encoding);
  return { lines: createInterface({ input, crlfDelay: Infinity }), fraction: () => Math.min(stream.bytesRead / size, 1) };
}
