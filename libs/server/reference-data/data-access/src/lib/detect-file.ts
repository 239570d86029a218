import { detectNcciTable } from '@denialmap/shared/cms-formats';
import { ReferenceFileKind } from '../lib/import-outcome';
import { readLines } from '../lib/line-source';

/** Recognises a reference file by its content (first lines), never by its name. */
export async function detectReferenceFile(path: string): Promise<ReferenceFileKind | null> {
  const lines = readLines(path, 'latin1');
  let n = 0;
  try {
    for await (const line of lines) {
      if (/^HCPCS,MOD,DESCRIPTION,/.test(line) || /National Physician Fee Schedule Relative Value File/i.test(line)) {
        return 'pprrvu';
      }
      const ncci = n === 0 ? detectNcciTable(line) : null;
      if (ncci) {
        return `ncci-${ncci}`;
      }
      if (++n >= 20) break;
    }
    return null;
  } finally {
    lines.close();
  }
}
