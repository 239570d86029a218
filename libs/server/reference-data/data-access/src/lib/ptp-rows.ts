import type { PoolClient } from 'pg';
import { NcciPtpScanner, ncciParser } from '@denialmap/shared/cms-formats';
import { copyChunks } from './copy-chunks';
import { csvRow } from './copy-format';
import { ImportProgress } from './import-outcome';
import { PhraseDictionary, PhraseTable } from './phrase-dictionary';

/**
 * COPYs an NCCI PTP file into `target`: plain rows checked and rewritten from the raw bytes
 * (NcciPtpScanner), every other line through the column-by-column parser, which names the
 * problem; each rationale phrase is stored once in `phraseTable`. Returns the number of rows.
 */
export async function copyPtpRows(
  client: PoolClient,
  target: string,
  columns: readonly string[],
  phraseTable: PhraseTable,
  path: string,
  file: string,
  onProgress?: ImportProgress,
): Promise<number> {
  const phrases = await PhraseDictionary.load(client, phraseTable, file);
  const parser = ncciParser('ptp', file);
  const scanner = new NcciPtpScanner(
    (line, lineNumber) => {
      const values = parser.push(line, lineNumber);
      return values && csvRow([...values.slice(0, -1), phrases.idFor(values[values.length - 1], lineNumber)]);
    },
    (phrase, lineNumber) => phrases.idFor(phrase, lineNumber),
  );
  const sql = `COPY ${target} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`;
  await copyChunks(client, sql, path, scanner, (fraction) => onProgress?.(parser.rowCount + scanner.plainRowCount, fraction));
  parser.addCheckedRows(scanner.plainRowCount);
  parser.finish(scanner.lines);
  await phrases.saveNew(client);
  onProgress?.(parser.rowCount, 1);
  return parser.rowCount;
}
