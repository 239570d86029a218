import type { PoolClient } from 'pg';
import type { DatasetEdition, DatasetSpec } from './dataset-importer';

/** Up to this many examples of each kind of change are kept with the preview. */
export const PREVIEW_EXAMPLES = 20;

export interface PreviewChanges {
  count: number;
  /** The first few, in key order, one line each ("0001U + 0417U (modifier indicator 1)"). */
  examples: string[];
}

/** What activating a staged edition would change, against the edition active when it was staged. */
export interface ReleasePreview {
  against: { id: string; label: string } | null;
  rowsBefore: number;
  rowsAfter: number;
  /** Rows compared are those in force on this date (the staged edition's effective date). */
  comparedOn: string;
  /** Null when the dataset has no key to compare by (row counts only). */
  added: PreviewChanges | null;
  removed: PreviewChanges | null;
  /** "99213: 1 -> 2 units": the key's row is in both, a compared value differs. */
  changed: PreviewChanges | null;
  /** Fee schedules: the codes whose national payment changes most (absent from other previews). */
  paymentChanges?: PreviewChanges | null;
  /** Facts worth reading before activating (fee schedules: what it is compared with, the conversion factor). */
  notes?: string[];
  warnings: string[];
}

/**
 * Compares `reference_staging.<table>` with `public.<table>` inside the staging transaction: row
 * counts, then (when the dataset says how) rows added, removed and changed by key. One hash join
 * each; for the 2.5 M-row PTP table that is a few seconds, in the background job.
 */
export async function previewRelease(
  client: PoolClient,
  spec: DatasetSpec,
  edition: DatasetEdition,
  rowsAfter: number,
  against: { id: string; label: string } | null,
  warnings: string[],
  /** Per-year tables (several years side by side): the live rows compared are this year's. */
  liveYear?: number,
): Promise<ReleasePreview> {
  const scope = liveYear === undefined ? '' : `WHERE year = ${Math.trunc(liveYear)}`;
  const before = await client.query<{ n: string }>(`SELECT count(*) AS n FROM public.${spec.table} ${scope}`);
  const preview: ReleasePreview = {
    against,
    rowsBefore: Number(before.rows[0].n),
    rowsAfter,
    comparedOn: edition.effectiveFrom,
    added: null,
    removed: null,
    changed: null,
    warnings,
  };
  const diff = spec.diff;
  if (!diff) return preview;
  const key = diff.key.join(', ');
  const columns = [...diff.key, ...diff.compare].join(', ');
  const filter = diff.inForce ? `WHERE ${diff.inForce}` : '';
  const params = diff.inForce ? [edition.effectiveFrom] : [];
  const liveFilter = scope && (filter ? `${filter} AND ${scope.slice('WHERE '.length)}` : scope);
  const side = (schema: string) => `(SELECT DISTINCT ON (${key}) ${columns} FROM ${schema}.${spec.table} ${schema === 'public' ? liveFilter || filter : filter} ORDER BY ${key})`;
  const joinOn = diff.key.map((k) => `n.${k} = o.${k}`).join(' AND ');
  const differs = diff.compare.map((c) => `n.${c} IS DISTINCT FROM o.${c}`).join(' OR ');
  const { rows } = await client.query<{ kind: 'added' | 'removed' | 'changed'; total: string; new: Record<string, string | null>; old: Record<string, string | null> | null }>(
    `WITH n AS ${side('reference_staging')}, o AS ${side('public')},
     d AS (
       SELECT CASE WHEN o.${diff.key[0]} IS NULL THEN 'added' WHEN n.${diff.key[0]} IS NULL THEN 'removed' ELSE 'changed' END AS kind,
              CASE WHEN n.${diff.key[0]} IS NULL THEN NULL ELSE json_build_object(${jsonPairs('n', [...diff.key, ...diff.compare])}) END AS new,
              CASE WHEN o.${diff.key[0]} IS NULL THEN NULL ELSE json_build_object(${jsonPairs('o', [...diff.key, ...diff.compare])}) END AS old,
              ${diff.key.map((k) => `coalesce(n.${k}, o.${k})::text AS k_${k}`).join(', ')}
       FROM n FULL JOIN o ON ${joinOn}
       WHERE o.${diff.key[0]} IS NULL OR n.${diff.key[0]} IS NULL OR (${differs})
     ),
     ranked AS (SELECT *, row_number() OVER (PARTITION BY kind ORDER BY ${diff.key.map((k) => `k_${k}`).join(', ')}) AS r, count(*) OVER (PARTITION BY kind) AS total FROM d)
     SELECT kind, total, new, old FROM ranked WHERE r <= ${PREVIEW_EXAMPLES} ORDER BY kind, r`,
    params,
  );
  const empty = (): PreviewChanges => ({ count: 0, examples: [] });
  preview.added = empty();
  preview.removed = empty();
  preview.changed = empty();
  for (const row of rows) {
    const bucket = preview[row.kind] as PreviewChanges;
    bucket.count = Number(row.total);
    if (row.kind === 'added') bucket.examples.push(diff.describe(row.new));
    else if (row.kind === 'removed') bucket.examples.push(diff.describe(row.old ?? {}));
    else bucket.examples.push(describeChange(diff.key, diff.compare, row.old ?? {}, row.new));
  }
  return preview;
}

function jsonPairs(alias: string, columns: readonly string[]): string {
  return columns.map((c) => `'${c}', ${alias}.${c}::text`).join(', ');
}

/** "99213: max_units 1 -> 2" (only the compared values that differ). */
function describeChange(key: readonly string[], compare: readonly string[], before: Record<string, string | null>, after: Record<string, string | null>): string {
  const changes = compare.filter((c) => before[c] !== after[c]).map((c) => `${c.replace(/_/g, ' ')} ${before[c] ?? 'blank'} -> ${after[c] ?? 'blank'}`);
  return `${key.map((k) => after[k]).join(' + ')}: ${changes.join(', ')}`;
}
