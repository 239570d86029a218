import { createReadStream } from 'node:fs';
import { createInterface, Interface } from 'node:readline';
import { createGunzip } from 'node:zlib';

/** Lines of a text file, transparently gunzipped when it ends in .gz. */
export function readLines(path: string, encoding: BufferEncoding = 'utf8'): Interface {
  const stream = createReadStream(path);
  const input = path.endsWith('.gz') ? stream.pipe(createGunzip()) : stream;
  input.setEncoding(encoding);
  return createInterface({ input, crlfDelay: Infinity });
}
