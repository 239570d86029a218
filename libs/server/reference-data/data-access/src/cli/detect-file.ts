import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ReferenceFileKind } from '../lib/import-outcome';

/** Recognises a file by its content (first lines), never by its name. */
export async function detectReferenceFile(path: string): Promise<ReferenceFileKind | null> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'latin1', end: 64 * 1024 }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    if (/^HCPCS,MOD,DESCRIPTION,/.test(line) || /National Physician Fee Schedule Relative Value File/i.test(line)) {
      lines.close();
      return 'pprrvu';
    }
    if (++n >= 20) break;
  }
  lines.close();
  return null;
}
