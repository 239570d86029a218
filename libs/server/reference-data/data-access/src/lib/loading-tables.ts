import { SqlRunner } from './edition-rows';

/**
 * Where a whole-table edition (NCCI, code sets) lives while it is being loaded, reviewed, live or
 * kept for roll-back: the same table name in `reference_loading`, `reference_staging`, `public`
 * and `reference_archive`. A table may be range-partitioned (NCCI PTP, on column 1: see the
 * migration 20261205090000_ptp_partitions); its partitions travel with it from schema to schema.
 * Index definitions come from the live table (the migrations); a partition the live table lacks
 * gets its indexes when the table's are built.
 */
export type TableSchema = 'reference_loading' | 'reference_staging' | 'public' | 'reference_archive' | 'reference_swap';

/** One partition of a table range-partitioned on its first column (or the table itself when it has none). */
export interface TablePart {
  /** The table to COPY into: a partition's name, or the table's. */
  table: string;
  /** Lowest first-column value it holds, inclusive (null: no lower bound). */
  from: string | null;
}

/** How a table is partitioned (NCCI PTP: the migration 20261205090000_ptp_partitions). */
export interface RangePartitions {
  column: string;
  /** Ascending: each holds values from its `from` up to the next one's. */
  parts: readonly TablePart[];
}

/** The tables a load COPYs into: each partition, or the table itself when it has none. */
export function loadedParts(table: string, partitions?: RangePartitions): readonly TablePart[] {
  return partitions?.parts ?? [{ table, from: null }];
}

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** A partition's `FOR VALUES ...` clause, as PostgreSQL itself prints it (pg_get_expr). */
export function partitionBound(partitions: RangePartitions, k: number): string {
  const from = partitions.parts[k].from;
  const to = partitions.parts[k + 1]?.from ?? null;
  return `FOR VALUES FROM (${from === null ? 'MINVALUE' : literal(from)}) TO (${to === null ? 'MAXVALUE' : literal(to)})`;
}

/**
 * An empty `reference_loading.<table>` with the columns of the live one and the declared
 * partitions (a load left there before is dropped). The shape comes from the declaration, not the
 * live table, which may be a plain copy rolled back from before the table was partitioned.
 */
export async function createLoadingTable(sql: SqlRunner, table: string, partitions?: RangePartitions): Promise<void> {
  await sql.run('CREATE SCHEMA IF NOT EXISTS reference_loading');
  await sql.run(`DROP TABLE IF EXISTS reference_loading.${table}`);
  await sql.run(`CREATE TABLE reference_loading.${table} (LIKE public.${table} INCLUDING DEFAULTS)${partitions ? ` PARTITION BY RANGE (${partitions.column})` : ''}`);
  if (!partitions) return;
  for (const [k, part] of partitions.parts.entries()) {
    await sql.run(`CREATE TABLE reference_loading.${part.table} PARTITION OF reference_loading.${table} ${partitionBound(partitions, k)}`);
  }
}

/**
 * The live table's (or live partition's) own index definitions, from the migrations, built on the
 * copy in `schema`. A partitioned table's indexes, built after its partitions', attach theirs.
 */
export async function buildLiveIndexes(sql: SqlRunner, table: string, schema: TableSchema): Promise<void> {
  const indexes = await sql.rows<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = $1`, table);
  for (const { indexdef } of indexes) {
    const copy = indexdef.replace(` ON public.${table} `, ` ON ${schema}.${table} `).replace(` ON ONLY public.${table} `, ` ON ${schema}.${table} `);
    if (copy === indexdef) throw new Error(`cannot rebuild index "${indexdef}" on ${schema}.${table}`);
    await sql.run(copy);
  }
}

/** Moves a table, with its partitions, from one schema to another. */
export async function moveTable(sql: SqlRunner, table: string, from: TableSchema, to: TableSchema): Promise<void> {
  const partitions = await sql.rows<{ name: string }>(
    `SELECT c.relname::text AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass($1)`,
    `${from}.${table}`,
  );
  await sql.run(`ALTER TABLE ${from}.${table} SET SCHEMA ${to}`);
  for (const { name } of partitions) await sql.run(`ALTER TABLE ${from}.${name} SET SCHEMA ${to}`);
}

/** Drops a table and its partitions, if it is there. */
export async function dropTable(sql: SqlRunner, table: string, schema: TableSchema): Promise<void> {
  await sql.run(`DROP TABLE IF EXISTS ${schema}.${table}`);
}

/** The loaded edition becomes the staged one for review (replacing any staged before). */
export async function loadedIntoStaging(sql: SqlRunner, table: string): Promise<void> {
  await sql.run('CREATE SCHEMA IF NOT EXISTS reference_staging');
  await dropTable(sql, table, 'reference_staging');
  await moveTable(sql, table, 'reference_loading', 'reference_staging');
}

/** The live table goes to the archive (replacing what was there) and the staged one into its place. */
export async function stagedIntoPlace(sql: SqlRunner, table: string): Promise<void> {
  await sql.run('CREATE SCHEMA IF NOT EXISTS reference_archive');
  await dropTable(sql, table, 'reference_archive');
  await moveTable(sql, table, 'public', 'reference_archive');
  await moveTable(sql, table, 'reference_staging', 'public');
}

/** The archived table goes live again and the live one to the archive. */
export async function swapArchived(sql: SqlRunner, table: string): Promise<void> {
  await sql.run('CREATE SCHEMA IF NOT EXISTS reference_swap');
  await moveTable(sql, table, 'public', 'reference_swap');
  await moveTable(sql, table, 'reference_archive', 'public');
  await moveTable(sql, table, 'reference_swap', 'reference_archive');
}
