import type { PoolClient } from 'pg';
import { releaseWindowFromId } from '@denialmap/shared/fee-schedule';
import { PREVIEW_EXAMPLES, PreviewChanges, ReleasePreview } from './release-preview';

/**
 * Fee schedule releases (RVU25D, RVU26A, RVU26AR...) live side by side in `rvu_row`, chosen by
 * date of service, so one is never swapped for another. Each release id is its own slot in
 * `reference_dataset_release` (dataset FEE_SCHEDULE_<id>): its staged, live and roll-back
 * editions. A staged edition waits in `reference_staging.rvu_row` / `.fee_schedule_release`; on
 * activation the release's live rows (if any) move to `reference_archive` and the staged ones take
 * their place, in one transaction. Roll back swaps the live and archived rows of that release;
 * when the release was new, its "previous edition" is its absence (a record with no rows).
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

/** SQL on the caller's transaction: a pg client (the importer) or a Prisma transaction (the switches). */
export interface SqlRunner {
  rows<T>(sql: string, ...values: unknown[]): Promise<T[]>;
  run(sql: string, ...values: unknown[]): Promise<unknown>;
}

export function pgRunner(client: PoolClient): SqlRunner {
  return {
    rows: async <T>(sql: string, ...values: unknown[]) => (await client.query(sql, values)).rows as T[],
    run: (sql: string, ...values: unknown[]) => client.query(sql, values),
  };
}

/**
 * One edition's rows inside tables that hold several side by side: a fee schedule release's (its
 * release row and RVU rows) or one calendar year's (GPCI, counties, anesthesia CFs). Parents first.
 */
export interface EditionRows {
  tables: readonly { table: string; column: string }[];
  value: string | number;
}

export const feeScheduleRows = (releaseId: string): EditionRows => ({
  tables: [
    { table: 'fee_schedule_release', column: 'id' },
    { table: 'rvu_row', column: 'release_id' },
  ],
  value: releaseId,
});

export const yearRows = (table: string, year: number): EditionRows => ({ tables: [{ table, column: 'year' }], value: year });

const FEE_SCHEDULE_TABLES = feeScheduleRows('').tables;

/** Fresh, empty staging tables shaped like the live ones (an edition staged there before is replaced). */
export async function createStagingTables(sql: SqlRunner, rows: EditionRows): Promise<void> {
  await sql.run('CREATE SCHEMA IF NOT EXISTS reference_staging');
  for (const { table } of [...rows.tables].reverse()) await sql.run(`DROP TABLE IF EXISTS reference_staging.${table}`);
  for (const { table } of rows.tables) await sql.run(`CREATE TABLE reference_staging.${table} (LIKE public.${table} INCLUDING DEFAULTS)`);
}

export const createFeeScheduleStaging = (sql: SqlRunner): Promise<void> => createStagingTables(sql, feeScheduleRows(''));

export async function dropStagingTables(sql: SqlRunner, rows: EditionRows): Promise<void> {
  for (const { table } of [...rows.tables].reverse()) await sql.run(`DROP TABLE IF EXISTS reference_staging.${table}`);
}

export const dropFeeScheduleStaging = (sql: SqlRunner): Promise<void> => dropStagingTables(sql, { tables: FEE_SCHEDULE_TABLES, value: '' });

/** The live table's columns, named: the archive may predate a column added later. */
async function columnsOf(sql: SqlRunner, table: string): Promise<string> {
  const rows = await sql.rows<{ c: string }>(
    `SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
    table,
  );
  return rows[0].c;
}

async function ensureTables(sql: SqlRunner, schema: string, rows: EditionRows): Promise<void> {
  await sql.run(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  for (const { table } of rows.tables) await sql.run(`CREATE TABLE IF NOT EXISTS ${schema}.${table} (LIKE public.${table} INCLUDING DEFAULTS)`);
}

/** Moves the edition's rows from one schema to another (replacing what the target held for it). */
async function moveRows(sql: SqlRunner, rows: EditionRows, from: string, to: string): Promise<void> {
  for (const { table, column } of [...rows.tables].reverse()) await sql.run(`DELETE FROM ${to}.${table} WHERE ${column} = $1`, rows.value);
  for (const { table, column } of rows.tables) {
    const columns = await columnsOf(sql, table);
    await sql.run(`INSERT INTO ${to}.${table} (${columns}) SELECT ${columns} FROM ${from}.${table} WHERE ${column} = $1`, rows.value);
  }
  for (const { table, column } of [...rows.tables].reverse()) await sql.run(`DELETE FROM ${from}.${table} WHERE ${column} = $1`, rows.value);
}

/**
 * The staged edition goes live: its live rows (if any) become the archive's copy, the staged rows
 * take their place, the staging tables are dropped. Callers hold the import lock.
 */
export async function putStagedRowsLive(sql: SqlRunner, rows: EditionRows): Promise<void> {
  await ensureTables(sql, 'reference_archive', rows);
  await moveRows(sql, rows, 'public', 'reference_archive');
  await moveRows(sql, rows, 'reference_staging', 'public');
  await dropStagingTables(sql, rows);
}

export const putStagedFeeScheduleLive = (sql: SqlRunner, releaseId: string): Promise<void> => putStagedRowsLive(sql, feeScheduleRows(releaseId));

/** The edition's live and archived rows change places (either side may hold none). */
export async function swapArchivedRows(sql: SqlRunner, rows: EditionRows): Promise<void> {
  await ensureTables(sql, 'reference_archive', rows);
  await sql.run('CREATE SCHEMA IF NOT EXISTS reference_swap');
  for (const { table } of [...rows.tables].reverse()) await sql.run(`DROP TABLE IF EXISTS reference_swap.${table}`);
  await ensureTables(sql, 'reference_swap', rows);
  await moveRows(sql, rows, 'public', 'reference_swap');
  await moveRows(sql, rows, 'reference_archive', 'public');
  await moveRows(sql, rows, 'reference_swap', 'reference_archive');
  for (const { table } of [...rows.tables].reverse()) await sql.run(`DROP TABLE reference_swap.${table}`);
}

export const swapFeeScheduleArchive = (sql: SqlRunner, releaseId: string): Promise<void> => swapArchivedRows(sql, feeScheduleRows(releaseId));

/** What is live for a slot when it has no record yet: rows loaded before these records existed, or none. */
export interface LiveEdition {
  label: string;
  file: string;
  sha256: string;
  rows: number;
}

/**
 * Makes sure the slot (`dataset`) has an ACTIVE record that says what is live now: `live` (rows
 * loaded before these records existed) or, when nothing is, its absence (`<baseId>-none`, no rows),
 * which is what a roll-back of its first activation returns to. `absent: false` (a CLI import,
 * e.g. the shipped files on a first run) records nothing for an edition not loaded: an install is
 * not something to roll back.
 */
export async function ensureSlotRecord(
  sql: SqlRunner,
  slot: { dataset: string; baseId: string; effectiveFrom: string; effectiveTo: string | null; absentLabel: string },
  live: LiveEdition | null,
  options: { absent: boolean },
): Promise<void> {
  const active = await sql.rows<{ id: string }>(`SELECT id FROM reference_dataset_release WHERE dataset = $1 AND status = 'ACTIVE'`, slot.dataset);
  if (active.length > 0 || (!live && !options.absent)) return;
  const record = live
    ? { id: await freeRecordId(sql, slot.baseId), ...live }
    : { id: `${slot.baseId}-none`, label: slot.absentLabel, file: '', sha256: '', rows: 0 };
  await sql.run(
    `INSERT INTO reference_dataset_release (id, dataset, label, effective_from, effective_to, source_file, source_sha256, row_count, status, imported_at, activated_at)
     VALUES ($1, $2, $3, $4::date, $5::date, $6, $7, $8, 'ACTIVE', now(), now())
     ON CONFLICT (id) DO UPDATE SET status = 'ACTIVE', activated_at = now(), row_count = EXCLUDED.row_count, label = EXCLUDED.label`,
    record.id,
    slot.dataset,
    record.label,
    slot.effectiveFrom,
    slot.effectiveTo,
    record.file,
    record.sha256,
    record.rows,
  );
}

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

/** RVU26C, or RVU26C-2, -3... when that id names a live or roll-back edition already. */
export async function freeRecordId(sql: SqlRunner, id: string): Promise<string> {
  const rows = await sql.rows<{ id: string }>(`SELECT id FROM reference_dataset_release WHERE (id = $1 OR id LIKE $1 || '-%') AND status IN ('ACTIVE', 'PREVIOUS', 'STAGED')`, id);
  const taken = new Set(rows.map((r) => r.id));
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}-${n}`;
  return candidate;
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
      'Payment changes are national amounts (GPCI 1.000): total RVUs x conversion factor, rounded to the cent; non-facility unless the code has none.',
    ];
    preview.paymentChanges = await paymentChanges(client, against.id, stagedId);
  }
  return preview;
}

async function paymentChanges(client: PoolClient, againstId: string, stagedId: string): Promise<PreviewChanges> {
  const amount = (alias: string, cf: string) =>
    `round(CASE WHEN ${alias}.non_facility_na THEN ${alias}.facility_total_rvu ELSE ${alias}.non_facility_total_rvu END * ${cf}, 2)`;
  const { rows } = await client.query<{ hcpcs: string; setting: string; before: string; after: string; total: string }>(
    `WITH cf AS (SELECT (SELECT conversion_factor FROM public.fee_schedule_release WHERE id = $2) AS old,
                        (SELECT conversion_factor FROM reference_staging.fee_schedule_release WHERE id = $1) AS new),
     d AS (
       SELECT n.hcpcs, CASE WHEN n.non_facility_na THEN 'facility' ELSE 'non-facility' END AS setting,
              ${amount('o', 'cf.old')} AS before, ${amount('n', 'cf.new')} AS after
       FROM reference_staging.rvu_row n JOIN public.rvu_row o ON o.release_id = $2 AND o.hcpcs = n.hcpcs AND o.modifier = n.modifier AND o.non_facility_na = n.non_facility_na, cf
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

/** after - before of two amounts with two decimals, exactly: "+$2.33" or "-$1,949.64". */
export function moneyDifference(before: string, after: string): string {
  const cents = (v: string): bigint => {
    const [whole, fraction = ''] = v.split('.');
    const negative = whole.startsWith('-');
    const value = BigInt(whole.replace('-', '') || '0') * 100n + BigInt((fraction + '00').slice(0, 2));
    return negative ? -value : value;
  };
  const d = cents(after) - cents(before);
  const size = d < 0n ? -d : d;
  return `${d < 0n ? '-' : '+'}${dollars(`${size / 100n}.${String(size % 100n).padStart(2, '0')}`)}`;
}
