import type { PoolClient } from 'pg';
import { decimal, formatMoney, releaseWindowFromId } from '@denialmap/shared/fee-schedule';
import { createStagingTables, EditionRows, ensureSlotRecord, putStagedRowsLive, SqlRunner } from './edition-rows';
import { PREVIEW_EXAMPLES, PreviewChanges, ReleasePreview } from './release-preview';

/**
 * Fee schedule releases (RVU25D, RVU26A, RVU26AR...) live side by side in `rvu_row`, chosen by
 * date of service, so one is never swapped for another: each release id is its own slot in
 * `reference_dataset_release` (dataset FEE_SCHEDULE_<id>), switched row by row (edition-rows.ts).
 * Here: the slot's names, and the preview of a staged release (RVU and indicator changes, the
 * conversion factor, the biggest national payment changes).
 */
export const FEE_SCHEDULE_DATASET_PREFIX = 'FEE_SCHEDULE_';

/** Held by every fee schedule load and switch: they share the staging tables. */
export const FEE_SCHEDULE_LOCK = 'import:FEE_SCHEDULE';

export const feeScheduleDataset = (releaseId: string): string => `${FEE_SCHEDULE_DATASET_PREFIX}${releaseId}`;

/** The release id of a FEE_SCHEDULE_<id> dataset (checked as a CMS release id), or null for other datasets. */
export function feeScheduleReleaseOf(dataset: string): string | null {
  if (!dataset.startsWith(FEE_SCHEDULE_DATASET_PREFIX)) return null;
  return releaseWindowFromId(dataset.slice(FEE_SCHEDULE_DATASET_PREFIX.length)).id;
}

export const feeScheduleRows = (releaseId: string): EditionRows => ({
  tables: [
    { table: 'fee_schedule_release', column: 'id' },
    { table: 'rvu_row', column: 'release_id' },
  ],
  value: releaseId,
});

export const createFeeScheduleStaging = (sql: SqlRunner): Promise<void> => createStagingTables(sql, feeScheduleRows(''));

export const putStagedFeeScheduleLive = (sql: SqlRunner, releaseId: string): Promise<void> => putStagedRowsLive(sql, feeScheduleRows(releaseId));

/** ensureSlotRecord for a fee schedule release: what is live is its fee_schedule_release row, if any. */
export async function ensureLiveRecord(sql: SqlRunner, releaseId: string, options: { absent: boolean } = { absent: true }): Promise<void> {
  const window = releaseWindowFromId(releaseId);
  const live = await sql.rows<{ title: string; source_file: string; source_sha256: string; row_count: number }>(
    `SELECT title, source_file, source_sha256, row_count FROM fee_schedule_release WHERE id = $1`,
    releaseId,
  );
  await ensureSlotRecord(
    sql,
    { dataset: feeScheduleDataset(releaseId), baseId: releaseId, effectiveFrom: window.effectiveFrom, effectiveTo: window.effectiveTo, absentLabel: `No ${releaseId} release loaded` },
    live[0] ? { label: live[0].title, file: live[0].source_file, sha256: live[0].source_sha256, rows: live[0].row_count } : null,
    options,
  );
}

/** Compared between editions of a code's row, with the words the preview uses. */
const COMPARED: readonly (readonly [string, string])[] = [
  ['status_code', 'status'],
  ['work_rvu', 'work RVU'],
  ['non_facility_pe_rvu', 'non-facility PE RVU'],
  ['facility_pe_rvu', 'facility PE RVU'],
  ['mp_rvu', 'MP RVU'],
  ['non_facility_na', 'non-facility NA'],
  ['facility_na', 'facility NA'],
  ['pctc_indicator', 'PC/TC indicator'],
  ['global_days', 'global days'],
  ['multiple_procedure_indicator', 'multiple procedure indicator'],
  ['bilateral_indicator', 'bilateral indicator'],
  ['assistant_indicator', 'assistant indicator'],
  ['co_surgeon_indicator', 'co-surgeon indicator'],
  ['team_indicator', 'team indicator'],
];

export interface FeeScheduleAgainst {
  id: string;
  label: string;
  conversionFactor: string;
}

/**
 * What the staged release is compared with: the live rows of the same release (a corrected file)
 * or else the release in force just before it takes effect (RVU26A against RVU25D).
 */
export async function feeScheduleAgainst(client: PoolClient, releaseId: string): Promise<FeeScheduleAgainst | null> {
  const window = releaseWindowFromId(releaseId);
  const { rows } = await client.query<{ id: string; title: string; conversion_factor: string }>(
    `SELECT id, title, conversion_factor::text FROM fee_schedule_release
     WHERE id = $1 OR effective_from < $2::date
     ORDER BY (id = $1) DESC, effective_from DESC, id DESC LIMIT 1`,
    [releaseId, window.effectiveFrom],
  );
  return rows[0] ? { id: rows[0].id, label: rows[0].title, conversionFactor: rows[0].conversion_factor } : null;
}

/** One code's row changes between the compared release and the staged one ("70390: work RVU 0.38 -> 0.37"). */
export async function feeScheduleCodeChanges(client: PoolClient, against: FeeScheduleAgainst | null, stagedId: string, codes: readonly string[]): Promise<string[]> {
  const { rows } = await diffRows(client, against, stagedId, `AND coalesce(n.hcpcs, o.hcpcs) = ANY($3::text[])`, [codes], 1000);
  return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(describeRow);
}

interface DiffRow {
  kind: 'added' | 'removed' | 'changed';
  key: string;
  new: Record<string, string | boolean | null> | null;
  old: Record<string, string | boolean | null> | null;
  total: string;
}

function diffRows(client: PoolClient, against: FeeScheduleAgainst | null, stagedId: string, extraFilter: string, extraParams: unknown[], perKind: number) {
  const columns = ['hcpcs', 'modifier', ...COMPARED.map(([c]) => c)];
  const pairs = (alias: string) => columns.map((c) => `'${c}', ${alias}.${c}::text`).join(', ');
  const differs = COMPARED.map(([c]) => `n.${c} IS DISTINCT FROM o.${c}`).join(' OR ');
  return client.query<DiffRow>(
    `WITH n AS (SELECT * FROM reference_staging.rvu_row WHERE release_id = $1),
          o AS (SELECT * FROM public.rvu_row WHERE release_id = $2),
     d AS (
       SELECT CASE WHEN o.hcpcs IS NULL THEN 'added' WHEN n.hcpcs IS NULL THEN 'removed' ELSE 'changed' END AS kind,
              coalesce(n.hcpcs, o.hcpcs) || CASE WHEN coalesce(n.modifier, o.modifier) = '' THEN '' ELSE '-' || coalesce(n.modifier, o.modifier) END AS key,
              CASE WHEN n.hcpcs IS NULL THEN NULL ELSE json_build_object(${pairs('n')}) END AS new,
              CASE WHEN o.hcpcs IS NULL THEN NULL ELSE json_build_object(${pairs('o')}) END AS old,
              abs(coalesce(n.non_facility_total_rvu, 0) - coalesce(o.non_facility_total_rvu, 0)) + abs(coalesce(n.work_rvu, 0) - coalesce(o.work_rvu, 0)) AS size
       FROM n FULL JOIN o ON n.hcpcs = o.hcpcs AND n.modifier = o.modifier
       WHERE (o.hcpcs IS NULL OR n.hcpcs IS NULL OR ${differs}) ${extraFilter}
     ),
     ranked AS (
       SELECT *, row_number() OVER (PARTITION BY kind ORDER BY CASE WHEN kind = 'changed' THEN size END DESC NULLS LAST, key) AS r,
              count(*) OVER (PARTITION BY kind) AS total
       FROM d
     )
     SELECT kind, key, new, old, total FROM ranked WHERE r <= ${perKind} ORDER BY kind, r`,
    [stagedId, against?.id ?? '', ...extraParams],
  );
}

function describeRow(row: DiffRow): string {
  const after = row.new ?? {};
  const before = row.old ?? {};
  if (row.kind === 'added') return `${row.key}: added (work RVU ${after['work_rvu']}, status ${after['status_code']})`;
  if (row.kind === 'removed') return `${row.key}: no longer in the file (was work RVU ${before['work_rvu']}, status ${before['status_code']})`;
  const changes = COMPARED.filter(([c]) => before[c] !== after[c]).map(([c, words]) => `${words} ${before[c] ?? 'blank'} -> ${after[c] ?? 'blank'}`);
  return `${row.key}: ${changes.join(', ')}`;
}

/**
 * The preview of a staged fee schedule release: rows before and after, codes added and no longer
 * listed, rows whose RVUs or indicators change (largest RVU changes first), the conversion factor,
 * and the biggest changes in the national payment (total RVUs x conversion factor, GPCI 1.000).
 */
export async function previewFeeSchedule(client: PoolClient, stagedId: string, rowsAfter: number, warnings: string[]): Promise<ReleasePreview> {
  const window = releaseWindowFromId(stagedId);
  const against = await feeScheduleAgainst(client, stagedId);
  const before = against ? await client.query<{ n: string }>(`SELECT count(*) AS n FROM public.rvu_row WHERE release_id = $1`, [against.id]) : null;
  const preview: ReleasePreview = {
    against: against && { id: against.id, label: against.label },
    rowsBefore: Number(before?.rows[0].n ?? 0),
    rowsAfter,
    comparedOn: window.effectiveFrom,
    added: { count: 0, examples: [] },
    removed: { count: 0, examples: [] },
    changed: { count: 0, examples: [] },
    paymentChanges: { count: 0, examples: [] },
    notes: [],
    warnings,
  };
  const { rows } = await diffRows(client, against, stagedId, '', [], PREVIEW_EXAMPLES);
  for (const row of rows) {
    const bucket = preview[row.kind] as PreviewChanges;
    bucket.count = Number(row.total);
    bucket.examples.push(describeRow(row));
  }
  const staged = await client.query<{ conversion_factor: string }>(`SELECT conversion_factor::text FROM reference_staging.fee_schedule_release WHERE id = $1`, [stagedId]);
  const cf = staged.rows[0].conversion_factor;
  if (against) {
    preview.notes = [
      against.id === stagedId ? `Replaces the live ${stagedId} (a corrected file).` : `${stagedId} is new; compared with ${against.id}, the release in force before ${window.effectiveFrom}.`,
      against.conversionFactor === cf ? `Conversion factor unchanged: ${cf}.` : `Conversion factor ${against.conversionFactor} -> ${cf}.`,
      'Payment changes are national amounts (GPCI 1.000): total RVUs x conversion factor, rounded to the cent, for the office (non-facility); where the office is NA, Medicare pays the facility rate there, and that is the amount compared.',
    ];
    preview.paymentChanges = await paymentChanges(client, against.id, stagedId);
  }
  return preview;
}

/**
 * The national amounts that change, largest first: each code's non-facility amount, or its facility
 * amount where the office has none (NA: paid at the facility rate there). A code whose office NA
 * came or went is compared across that change: "61626 (non-facility; was NA, at the facility rate)".
 */
async function paymentChanges(client: PoolClient, againstId: string, stagedId: string): Promise<PreviewChanges> {
  const amount = (alias: string, cf: string) =>
    `round(CASE WHEN ${alias}.non_facility_na THEN ${alias}.facility_total_rvu ELSE ${alias}.non_facility_total_rvu END * ${cf}, 2)`;
  const { rows } = await client.query<{ hcpcs: string; setting: string; before: string; after: string; total: string }>(
    `WITH cf AS (SELECT (SELECT conversion_factor FROM public.fee_schedule_release WHERE id = $2) AS old,
                        (SELECT conversion_factor FROM reference_staging.fee_schedule_release WHERE id = $1) AS new),
     d AS (
       SELECT n.hcpcs,
              CASE WHEN o.non_facility_na = n.non_facility_na THEN CASE WHEN n.non_facility_na THEN 'facility' ELSE 'non-facility' END
                   WHEN o.non_facility_na THEN 'non-facility; was NA, at the facility rate' ELSE 'non-facility; now NA, at the facility rate' END AS setting,
              ${amount('o', 'cf.old')} AS before, ${amount('n', 'cf.new')} AS after
       FROM reference_staging.rvu_row n JOIN public.rvu_row o ON o.release_id = $2 AND o.hcpcs = n.hcpcs AND o.modifier = n.modifier, cf
       WHERE n.release_id = $1 AND n.modifier = ''
     )
     SELECT hcpcs, setting, before::text, after::text, count(*) OVER () AS total FROM d
     WHERE before <> after ORDER BY abs(after - before) DESC, hcpcs LIMIT ${PREVIEW_EXAMPLES}`,
    [stagedId, againstId],
  );
  return {
    count: Number(rows[0]?.total ?? 0),
    examples: rows.map((r) => `${r.hcpcs} (${r.setting}): ${dollars(r.before)} -> ${dollars(r.after)} (${moneyDifference(r.before, r.after)})`),
  };
}

/** "$13,754.82" from "13754.82" (the string as PostgreSQL printed the numeric; no float). */
function dollars(amount: string): string {
  const [whole, fraction = '00'] = amount.split('.');
  return `$${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction}`;
}

/** after - before of two amounts, exact (decimal.js, as every price): "+$2.33" or "-$1,949.64". */
export function moneyDifference(before: string, after: string): string {
  const d = decimal(after).minus(decimal(before));
  return `${d.isNegative() ? '-' : '+'}${dollars(formatMoney(d.abs()))}`;
}
