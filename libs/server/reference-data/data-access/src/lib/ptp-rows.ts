import type { Hash } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ClientBase } from 'pg';
import {
  binaryRow,
  COPY_BINARY_HEADER,
  COPY_BINARY_TRAILER,
  NcciPtpScanner,
  ncciParser,
  OFFICIAL_PTP_BINARY_TYPES,
  OFFICIAL_PTP_COLUMNS,
  OfficialPtpParser,
  OfficialPtpScanner,
} from '@denialmap/shared/cms-formats';
import { CopyFanOut } from './copy-fan-out';
import { csvRow } from './copy-format';
import { ImportProgress } from './import-outcome';
import { openFileBytes } from './line-source';
import { PhraseDictionary } from './phrase-dictionary';

/** Which layout the file has: DenialMap's shipped CSV, or CMS's own TAB-delimited TXT parts. */
export type PtpLayout = 'converted' | 'cms';

/** Where rows go: a table, or each partition of a table range-partitioned on column 1, on its own connection. */
export interface PtpTarget {
  client: ClientBase;
  /** Schema-qualified. */
  table: string;
  /** The lowest column 1 it takes (null: the first partition, or the table itself). */
  from: string | null;
}

export interface PtpCopyOptions {
  layout?: PtpLayout;
  onProgress?: ImportProgress;
  /** One per file (or none), fed the file's bytes as they are read: its SHA-256 without a pass of its own. */
  hashes?: readonly Hash[] | null;
}

/** A file one reader scans. */
interface Segment {
  file: string;
  /** Bytes on disk, for progress. */
  size: number;
  chunks: AsyncIterable<Buffer>;
  fraction(): number;
  destroy(): void;
}

/**
 * COPYs an edition's NCCI PTP files into `targets` (the table, or each of its partitions on its
 * own connection). Readers run side by side, one per partition: CMS's four part files are shared
 * out in order (f1-f2 and f3-f4, which hold about the two partitions' codes). Every row goes to
 * the partition its column 1 belongs in, whichever reader met it, so files in any order load
 * correctly, only with less overlap. Plain rows are checked and rewritten from the raw
 * bytes (NcciPtpScanner); every other line goes through the column-by-column parser, which names
 * the problem; each rationale phrase becomes its id in `phrases` (the caller saves new ones).
 * Returns the number of rows.
 */
export async function copyPtpRows(
  targets: readonly PtpTarget[],
  columns: readonly string[],
  phrases: PhraseDictionary,
  phraseIdColumn: string,
  paths: readonly string[],
  options: PtpCopyOptions = {},
): Promise<number> {
  const layout = options.layout ?? 'converted';
  const bounds = targets.slice(1).map((t) => t.from ?? '');
  // CMS's rows carry two dates each: sent in binary, PostgreSQL need not parse them (the shipped
  // CSV's one optional date is not worth the bigger stream).
  const binary = layout === 'cms';
  if (binary && columns.join() !== OFFICIAL_PTP_COLUMNS.join()) throw new Error(`binary PTP rows are in OFFICIAL_PTP_COLUMNS order, not ${columns.join(', ')}`);
  const fan = new CopyFanOut(
    targets.map((t) => ({ client: t.client, sql: `COPY ${t.table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT ${binary ? 'binary' : 'csv'})` })),
    binary ? { header: COPY_BINARY_HEADER, trailer: COPY_BINARY_TRAILER } : undefined,
  );
  const counted: (() => number)[] = [];
  let lanes: Segment[][] = [];
  try {
    lanes = planLanes(paths, targets.length, options.hashes);
    const all = lanes.flat();
    const total = all.reduce((n, s) => n + s.size, 0) || 1;
    const progress = () => options.onProgress?.(counted.reduce((n, c) => n + c(), 0), all.reduce((n, s) => n + s.size * s.fraction(), 0) / total);
    const phraseAt = columns.indexOf(phraseIdColumn);

    const scan = async (segment: Segment): Promise<number> => {
      const file = segment.file;
      const parser = layout === 'cms' ? new OfficialPtpParser(file) : ncciParser('ptp', file);
      // The parser yields the phrase itself where COPY wants its id.
      const slowLine = (line: string, lineNumber: number): string | Buffer | null => {
        const values = parser.push(line, lineNumber);
        if (!values) return null;
        const row: (string | number | null)[] = [...values];
        row[phraseAt] = phrases.idFor(values[phraseAt], file, lineNumber);
        return binary ? binaryRow(row, OFFICIAL_PTP_BINARY_TYPES) : csvRow(row);
      };
      const phraseId = (phrase: string, lineNumber: number) => phrases.idFor(phrase, file, lineNumber);
      const scanner = layout === 'cms' ? new OfficialPtpScanner(slowLine, phraseId, binary) : new NcciPtpScanner(slowLine, phraseId);
      scanner.partitionAt(bounds);
      counted.push(() => parser.rowCount + scanner.plainRowCount);
      for await (const chunk of segment.chunks) {
        await fan.write(scanner.pushParts(chunk));
        progress();
      }
      // The last line may have no line end (a truncated file): it is checked here, still inside the COPY.
      await fan.write(scanner.endParts());
      parser.addCheckedRows(scanner.plainRowCount);
      parser.finish(scanner.lines);
      return parser.rowCount;
    };

    const lanesDone = await Promise.allSettled(
      lanes.map(async (lane) => {
        let rows = 0;
        try {
          for (const segment of lane) rows += await scan(segment);
        } catch (error) {
          // The other readers stop at their next write, with this error.
          await fan.abort(error);
          throw error;
        }
        return rows;
      }),
    );
    const failed = lanesDone.find((l): l is PromiseRejectedResult => l.status === 'rejected');
    if (failed) throw failed.reason;
    await fan.end();
    const rows = lanesDone.reduce((n, l) => n + (l as PromiseFulfilledResult<number>).value, 0);
    options.onProgress?.(rows, 1);
    return rows;
  } catch (error) {
    for (const segment of lanes.flat()) segment.destroy();
    await fan.abort(error);
    throw error;
  }
}

/**
 * One list of files per reader: the parts in order, shared out so each reader gets about as many
 * bytes. A lone file has one reader. (Two readers of one file, each skipping to its stretch, were
 * measured: on two cores the skipping cost what the overlap saved.)
 */
function planLanes(paths: readonly string[], readers: number, hashes?: readonly Hash[] | null): Segment[][] {
  const sizes = paths.map((p) => statSync(p).size);
  const total = sizes.reduce((a, b) => a + b, 0) || 1;
  const lanes: Segment[][] = Array.from({ length: readers }, () => []);
  let before = 0;
  paths.forEach((p, i) => {
    const lane = Math.min(readers - 1, Math.floor(((before + sizes[i] / 2) / total) * readers));
    lanes[lane].push(streamed(p, sizes[i], hashes?.[i]));
    before += sizes[i];
  });
  return lanes.filter((l) => l.length > 0);
}

/** A file streamed from disk (inflated when .gz); opened when first read. */
function streamed(path: string, size: number, hash?: Hash): Segment {
  let source: ReturnType<typeof openFileBytes> | null = null;
  return {
    file: basename(path),
    size,
    chunks: {
      [Symbol.asyncIterator]: () => {
        source = openFileBytes(path, hash);
        return (source.input as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
      },
    },
    fraction: () => source?.fraction() ?? 0,
    destroy: () => source?.input.destroy(),
  };
}
