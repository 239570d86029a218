import type { ClientBase } from 'pg';

/**
 * Editions that live side by side in one table, told apart by a column: fee schedule releases
 * (`rvu_row.release_id`) and per-year tables (`gpci_locality.year`...). A staged edition waits in
 * `reference_staging.<table>`; activating moves the edition's live rows (if any) to
 * `reference_archive.<table>` and the staged ones into place, in the caller's transaction; roll
 * back swaps the live and archived rows. Each edition has its slot (dataset) in
 * `reference_dataset_release`, whose "previous edition" may be its absence (a record with no rows).
 */

/** SQL on the caller's transaction: a pg client (the importer) or a Prisma transaction (the switches). */
export interface SqlRunner {
  rows<T>(sql: string, ...values: unknown[]): Promise<T[]>;
  run(sql: string, ...values: unknown[]): Promise<unknown>;
}

/** `work` in a transaction on `client`: committed if it returns, rolled back if it throws. */
export async function inTransaction<C extends ClientBase, T>(client: C, work: (client: C) => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

export function pgRunner(client: ClientBase): SqlRunner {
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

export const yearRows = (table: string, year: number): EditionRows => ({ tables: [{ table, column: 'year' }], value: year });

/** Fresh, empty staging tables shaped like the live ones (an edition staged there before is replaced). */
export async function createStagingTables(sql: SqlRunner, rows: EditionRows): Promise<void> {
  await sql.run('CREATE SCHEMA IF NOT EXISTS reference_staging');
  for (const { table } of [...rows.tables].reverse()) await sql.run(`DROP TABLE IF EXISTS reference_staging.${table}`);
  for (const { table } of rows.tables) await sql.run(`CREATE TABLE reference_staging.${table} (LIKE public.${table} INCLUDING DEFAULTS)`);
}

export async function dropStagingTables(sql: SqlRunner, rows: EditionRows): Promise<void> {
  for (const { table } of [...rows.tables].reverse()) await sql.run(`DROP TABLE IF EXISTS reference_staging.${table}`);
}

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

/** What is live for a slot when it has no record yet: rows loaded before these records existed, or none. */
export interface LiveEdition {
  label: string;
  file: string;
  sha256: string;
  rows: number;
}

/** The record of a slot's "nothing loaded" edition ("RVU26C-none"). */
export const absentEditionId = (baseId: string): string => `${baseId}-none`;

/** Whether an edition id is a slot's "nothing loaded" record rather than a loaded edition. */
export const isAbsentEdition = (id: string): boolean => id.endsWith('-none');

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
    : { id: absentEditionId(slot.baseId), label: slot.absentLabel, file: '', sha256: '', rows: 0 };
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

/** RVU26C, or RVU26C-2, -3... when that id names a live or roll-back edition already. */
export async function freeRecordId(sql: SqlRunner, id: string): Promise<string> {
  const rows = await sql.rows<{ id: string }>(`SELECT id FROM reference_dataset_release WHERE (id = $1 OR id LIKE $1 || '-%') AND status IN ('ACTIVE', 'PREVIOUS', 'STAGED')`, id);
  const taken = new Set(rows.map((r) => r.id));
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}-${n}`;
  return candidate;
}
