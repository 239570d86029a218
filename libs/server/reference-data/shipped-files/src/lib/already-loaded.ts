import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { SHIPPED_REFERENCE_FILES } from './shipped-files';

/** Runs one parameterised SQL query (a pg Pool's or Client's `query`). */
export type SqlQuery = <R>(text: string, values: unknown[]) => Promise<{ rows: R[] }>;

export interface LoadedFile {
  file: string;
  releaseId: string;
  rows: number;
}

function sha256(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

/**
 * Whether every shipped file's exact bytes are the active edition in this database: then a full
 * import would change nothing. Returns what each file is loaded as, or null when any file would
 * be imported (or the tables are not there yet). Needs only the file system and one query.
 */
export async function shippedFilesAlreadyLoaded(query: SqlQuery, directory: string): Promise<LoadedFile[] | null> {
  const hashes = await Promise.all(SHIPPED_REFERENCE_FILES.map((f) => sha256(join(directory, f.path))));
  let active: { sha256: string; release_id: string; row_count: number }[];
  try {
    active = (
      await query<{ sha256: string; release_id: string; row_count: number }>(
        `SELECT source_sha256 AS sha256, id AS release_id, row_count FROM fee_schedule_release WHERE source_sha256 = ANY($1)
         UNION ALL
         SELECT source_sha256, id, row_count FROM reference_dataset_release WHERE status = 'ACTIVE' AND source_sha256 = ANY($1)`,
        [hashes],
      )
    ).rows;
  } catch {
    return null;
  }
  const bySha = new Map(active.map((r) => [r.sha256, r]));
  const loaded: LoadedFile[] = [];
  for (const [i, f] of SHIPPED_REFERENCE_FILES.entries()) {
    const row = bySha.get(hashes[i]);
    if (!row) return null;
    loaded.push({ file: f.path.split('/').pop() as string, releaseId: row.release_id, rows: row.row_count });
  }
  return loaded;
}
