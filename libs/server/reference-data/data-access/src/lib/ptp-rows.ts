import type { Hash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { NcciPtpScanner, ncciParser, OfficialPtpParser, OfficialPtpScanner } from '@denialmap/shared/cms-formats';
import { copyChunks } from './copy-chunks';
import { csvRow } from './copy-format';
import { ImportProgress } from './import-outcome';
import { PhraseDictionary, PhraseTable } from './phrase-dictionary';

/** Which layout the file has: DenialMap's shipped CSV, or CMS's own TAB-delimited TXT parts. */
export type PtpLayout = 'converted' | 'cms';

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
  layout: PtpLayout = 'converted',
  /** Sees the file's bytes as they are read (its SHA-256 without a pass of its own). */
  hash?: Hash,
): Promise<number> {
  const phrases = await PhraseDictionary.load(client, phraseTable, file);
  const parser = layout === 'cms' ? new OfficialPtpParser(file) : ncciParser('ptp', file);
  // The parser yields the phrase itself where COPY wants its id.
  const phraseAt = columns.indexOf(phraseTable.idColumn);
  const slowLine = (line: string, lineNumber: number): string | null => {
    const values = parser.push(line, lineNumber);
    if (!values) return null;
    const row: (string | number | null)[] = [...values];
    row[phraseAt] = phrases.idFor(values[phraseAt], lineNumber);
    return csvRow(row);
  };
  const phraseId = (phrase: string, lineNumber: number) => phrases.idFor(phrase, lineNumber);
  const scanner = layout === 'cms' ? new OfficialPtpScanner(slowLine, phraseId) : new NcciPtpScanner(slowLine, phraseId);
  const sql = `COPY ${target} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`;
  await copyChunks(client, sql, path, scanner, (fraction) => onProgress?.(parser.rowCount + scanner.plainRowCount, fraction), hash);
  parser.addCheckedRows(scanner.plainRowCount);
  parser.finish(scanner.lines);
  await phrases.saveNew(client);
  onProgress?.(parser.rowCount, 1);
  return parser.rowCount;
}
