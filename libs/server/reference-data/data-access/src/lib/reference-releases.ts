import { Injectable } from '@nestjs/common';
import { PostgresPool, PrismaService } from '@denialmap/server/core';
import { appendAudit } from '@denialmap/server/moderation/data-access';
import { InvalidInputError, NotFoundError } from '@denialmap/shared/errors';
import { DATASETS, DatasetSpec } from './dataset-importer';
import { dropTable, stagedIntoPlace, swapArchived } from './loading-tables';
import { dropStagingTables, EditionRows, ensureSlotRecord, isAbsentEdition, putStagedRowsLive, swapArchivedRows, yearRows } from './edition-rows';
import { ensureLiveRecord, FEE_SCHEDULE_LOCK, feeScheduleAgainst, feeScheduleCodeChanges, feeScheduleReleaseOf, feeScheduleRows } from './fee-schedule-staging';
import type { DatasetReleaseView } from './ncci.types';
import { ReleaseCatalog } from './release-catalog';
import { ReleasePreview } from './release-preview';

export type ReleaseStatus = 'STAGED' | 'ACTIVE' | 'PREVIOUS' | 'RETIRED' | 'DISCARDED';

/** An edition with where it stands in the staff workflow. */
export interface DatasetReleaseRecord extends DatasetReleaseView {
  status: ReleaseStatus;
  activatedAt: Date | null;
  uploadId: string | null;
  preview: ReleasePreview | null;
}

export interface ReleaseSwitch {
  dataset: string;
  /** The edition live now. */
  active: string;
  /** The edition it replaced (now the roll-back target), if any. */
  replaced: string | null;
  /** False when `active` is the slot's "nothing loaded" record: a release that was new was rolled back. */
  activeLoaded: boolean;
  /** False when `replaced` is that record (the release was new); null when nothing was replaced. */
  replacedLoaded: boolean | null;
}

/** The switch as ReleaseSwitch tells it, with whether each side is a loaded edition. */
function switched(dataset: string, active: string, replaced: string | null): ReleaseSwitch {
  return { dataset, active, replaced, activeLoaded: !isAbsentEdition(active), replacedLoaded: replaced === null ? null : !isAbsentEdition(replaced) };
}

/** Who switched it (null id: the operator at the server's shell), and why, for the audit log. */
export interface ReleaseActor {
  id: string | null;
  email: string;
  reason?: string | null;
}

type Tx = Parameters<Parameters<PrismaService['$transaction']>[0]>[0];

/** A transaction's statements, as plain SQL with $n parameters (DDL included). */
class TxSql {
  constructor(readonly tx: Tx) {}

  rows<T>(sql: string, ...values: unknown[]): Promise<T[]> {
    return this.tx.$queryRawUnsafe<T[]>(sql, ...values);
  }

  run(sql: string, ...values: unknown[]): Promise<number> {
    return this.tx.$executeRawUnsafe(sql, ...values);
  }
}

const isoDate = (d: Date | null): string | null => (d ? d.toISOString().slice(0, 10) : null);

/**
 * The life of a staged edition after its upload: activate (its table swaps into place in one
 * transaction, the live one becomes the roll-back target), discard, or roll back to the previous
 * edition. Each holds the dataset's import lock, so it never interleaves with an import.
 */
@Injectable()
export class ReferenceReleases {
  constructor(
    private readonly postgres: PostgresPool,
    private readonly prisma: PrismaService,
    private readonly catalog: ReleaseCatalog,
  ) {}

  /** The editions worth showing staff: staged, active and roll-back targets, then the latest others. */
  async list(limit = 60): Promise<DatasetReleaseRecord[]> {
    const { rows } = await this.postgres.pool.query<ReleaseRow>(
      `SELECT * FROM reference_dataset_release
       ORDER BY (status IN ('STAGED', 'ACTIVE', 'PREVIOUS')) DESC, dataset, imported_at DESC LIMIT $1`,
      [limit],
    );
    return rows.map(toRecord);
  }

  async get(id: string): Promise<DatasetReleaseRecord> {
    const { rows } = await this.postgres.pool.query<ReleaseRow>(`SELECT * FROM reference_dataset_release WHERE id = $1`, [id]);
    if (!rows[0]) throw new NotFoundError('Reference release', id);
    return toRecord(rows[0]);
  }

  async byUpload(uploadId: string): Promise<DatasetReleaseRecord[]> {
    const { rows } = await this.postgres.pool.query<ReleaseRow>(`SELECT * FROM reference_dataset_release WHERE upload_id = $1 ORDER BY dataset`, [uploadId]);
    return rows.map(toRecord);
  }

  /**
   * A staged fee schedule's changes for the given codes, every row ("70390: work RVU 0.38 -> 0.37"),
   * against what its preview compares with; for a biller's own codes beyond the preview's examples.
   */
  async codeChanges(id: string, codes: readonly string[]): Promise<string[]> {
    const release = await this.get(id);
    const releaseId = feeScheduleReleaseOf(release.dataset);
    if (!releaseId) throw new InvalidInputError('id', `${id} is not a fee schedule release; code changes are listed for fee schedules only.`);
    expectStatus(release, 'STAGED', 'compared code by code');
    const wanted = [...new Set(codes.map((c) => c.trim().toUpperCase()))];
    if (wanted.length === 0 || wanted.length > 100 || wanted.some((c) => !/^[A-Z0-9]{5}$/.test(c))) {
      throw new InvalidInputError('codes', 'List 1 to 100 five-character CPT/HCPCS codes.');
    }
    const client = await this.postgres.pool.connect();
    try {
      const found = await client.query(`SELECT 1 FROM reference_staging.fee_schedule_release WHERE id = $1`, [releaseId]).catch(() => ({ rowCount: 0 }));
      if (!found.rowCount) throw new InvalidInputError('id', `The rows of ${id} are no longer staged; upload its file again.`);
      const lines = await feeScheduleCodeChanges(client, await feeScheduleAgainst(client, releaseId), releaseId, wanted);
      const unchanged = wanted.filter((c) => !lines.some((l) => l.startsWith(c)));
      return [...lines, ...unchanged.map((c) => `${c}: no change`)];
    } finally {
      client.release();
    }
  }

  /** A STAGED edition goes live; the live one becomes PREVIOUS (the one before that is RETIRED). */
  async activate(id: string, actor: ReleaseActor): Promise<ReleaseSwitch> {
    return this.locked(id, async (sql, release, table) => {
      expectStatus(release, 'STAGED', 'activated');
      if (table.kind === 'rows') {
        await expectStagedRows(sql, table.rows, release.id);
        // An edition loaded before these records existed (or none) gets its record now, so the
        // roll-back target says what was live.
        await table.ensureLiveRecord();
        await putStagedRowsLive(sql, table.rows);
      } else {
        await expectTable(sql, 'reference_staging', table.spec.table, release.id);
        await stagedIntoPlace(sql, table.spec.table);
      }
      await sql.run(`UPDATE reference_dataset_release SET status = 'RETIRED' WHERE dataset = $1 AND status = 'PREVIOUS'`, release.dataset);
      const replaced = await sql.rows<{ id: string }>(
        `UPDATE reference_dataset_release SET status = 'PREVIOUS' WHERE dataset = $1 AND status = 'ACTIVE' RETURNING id`,
        release.dataset,
      );
      await sql.run(`UPDATE reference_dataset_release SET status = 'ACTIVE', activated_at = now() WHERE id = $1`, release.id);
      const change = switched(release.dataset, release.id, replaced[0]?.id ?? null);
      await audit(sql, actor, 'REFERENCE_RELEASE_ACTIVATED', { dataset: change.dataset, active: change.active, replaced: change.replaced, rows: release.rowCount, sourceFile: release.sourceFile });
      return change;
    });
  }

  /** A STAGED edition is dropped; nothing live changes. */
  async discard(id: string, actor: ReleaseActor): Promise<DatasetReleaseRecord> {
    return this.locked(id, async (sql, release, table) => {
      expectStatus(release, 'STAGED', 'discarded');
      if (table.kind === 'rows') await dropStagingTables(sql, table.rows);
      else await dropTable(sql, table.spec.table, 'reference_staging');
      await sql.run(`UPDATE reference_dataset_release SET status = 'DISCARDED' WHERE id = $1`, release.id);
      await audit(sql, actor, 'REFERENCE_RELEASE_DISCARDED', { dataset: release.dataset, release: release.id, sourceFile: release.sourceFile });
      return { ...release, status: 'DISCARDED' as const };
    });
  }

  /** The PREVIOUS edition goes live again and the ACTIVE one becomes PREVIOUS (so it can be undone). */
  async rollBack(dataset: string, actor: ReleaseActor): Promise<ReleaseSwitch> {
    const { rows } = await this.postgres.pool.query<{ id: string }>(`SELECT id FROM reference_dataset_release WHERE dataset = $1 AND status = 'PREVIOUS'`, [dataset]);
    if (!rows[0]) {
      throw new InvalidInputError('dataset', `${dataset} has no previous edition to roll back to (one is kept after each activation).`);
    }
    return this.locked(rows[0].id, async (sql, previous, table) => {
      expectStatus(previous, 'PREVIOUS', 'rolled back to');
      if (table.kind === 'rows') {
        await swapArchivedRows(sql, table.rows);
      } else {
        const name = table.spec.table;
        await expectTable(sql, 'reference_archive', name, previous.id);
        await swapArchived(sql, name);
      }
      const replaced = await sql.rows<{ id: string }>(
        `UPDATE reference_dataset_release SET status = 'PREVIOUS' WHERE dataset = $1 AND status = 'ACTIVE' RETURNING id`,
        dataset,
      );
      await sql.run(`UPDATE reference_dataset_release SET status = 'ACTIVE', activated_at = now() WHERE id = $1`, previous.id);
      const change = switched(dataset, previous.id, replaced[0]?.id ?? null);
      await audit(sql, actor, 'REFERENCE_RELEASE_ROLLED_BACK', { dataset: change.dataset, active: change.active, replaced: change.replaced });
      return change;
    });
  }

  /**
   * One transaction holding the dataset's import lock; the audit entry commits with the switch.
   * Afterwards this process re-reads the fee schedule releases at once (others within 10 s).
   */
  private async locked<T>(id: string, work: (sql: TxSql, release: DatasetReleaseRecord, table: SwitchedTable) => Promise<T>): Promise<T> {
    const result = await this.prisma.$transaction(
      async (tx) => {
        const sql = new TxSql(tx);
        const found = await sql.rows<ReleaseRow>(`SELECT * FROM reference_dataset_release WHERE id = $1`, id);
        if (!found[0]) throw new NotFoundError('Reference release', id);
        const feeSchedule = feeScheduleReleaseOf(found[0].dataset);
        const perYear = /^(.+)_(\d{4})$/.exec(found[0].dataset);
        const yearSpec = perYear ? Object.values(DATASETS).find((s) => s.yearPartition && s.dataset === perYear[1]) : undefined;
        // Per-year tables: the table's lock (its staging table) and the year's (its live rows, as an import takes it).
        const locks = feeSchedule ? [FEE_SCHEDULE_LOCK] : yearSpec ? [`import:${yearSpec.dataset}`, `import:${found[0].dataset}`] : [`import:${found[0].dataset}`];
        for (const lock of locks) await sql.rows(`SELECT pg_advisory_xact_lock(hashtext($1))::text`, lock);
        // Re-read under the lock: an import or another click may have moved it meanwhile.
        const release = toRecord((await sql.rows<ReleaseRow>(`SELECT * FROM reference_dataset_release WHERE id = $1`, id))[0]);
        if (feeSchedule) {
          return work(sql, release, { kind: 'rows', rows: feeScheduleRows(feeSchedule), ensureLiveRecord: () => ensureLiveRecord(sql, feeSchedule) });
        }
        if (yearSpec && perYear) {
          const year = Number(perYear[2]);
          const rows = yearRows(yearSpec.table, year);
          return work(sql, release, { kind: 'rows', rows, ensureLiveRecord: () => ensureYearRecord(sql, yearSpec, year) });
        }
        const spec = Object.values(DATASETS).find((s) => s.dataset === release.dataset && !s.yearPartition);
        if (!spec) throw new InvalidInputError('id', `${release.dataset} editions are replaced by importing a file, not switched.`);
        return work(sql, release, { kind: 'table', spec });
      },
      // Renaming a table waits for queries reading it to finish; an import may hold the lock for a minute.
      { maxWait: 10_000, timeout: 120_000 },
    );
    this.catalog.refresh();
    return result;
  }
}

/** What a switch moves: a whole table (NCCI, code lists) or one fee schedule release's rows. */
type SwitchedTable = { kind: 'rows'; rows: EditionRows; ensureLiveRecord: () => Promise<void> } | { kind: 'table'; spec: DatasetSpec };

/** ensureSlotRecord for one year of a per-year table: what is live is that year's rows, if any. */
async function ensureYearRecord(sql: TxSql, spec: DatasetSpec, year: number): Promise<void> {
  const counted = await sql.rows<{ n: number }>(`SELECT count(*)::int AS n FROM public.${spec.table} WHERE year = $1`, year);
  const baseId = `${spec.dataset}-${year}`;
  const edition = { id: baseId, year, effectiveFrom: `${year}-01-01`, effectiveTo: `${year}-12-31` };
  await ensureSlotRecord(
    sql,
    { dataset: `${spec.dataset}_${year}`, baseId, effectiveFrom: edition.effectiveFrom, effectiveTo: edition.effectiveTo, absentLabel: `No ${spec.dataset} ${year} rows loaded` },
    counted[0].n > 0 ? { label: spec.describe(edition), file: '', sha256: '', rows: counted[0].n } : null,
    { absent: true },
  );
}

/** The staging tables hold the edition this record was staged as. */
async function expectStagedRows(sql: TxSql, rows: EditionRows, recordId: string): Promise<void> {
  const { table, column } = rows.tables[0];
  const exists = await sql.rows<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, `reference_staging.${table}`);
  const staged = exists[0].t ? await sql.rows<{ one: number }>(`SELECT 1 AS one FROM reference_staging.${table} WHERE ${column} = $1 LIMIT 1`, rows.value) : [];
  if (staged.length === 0) {
    throw new InvalidInputError('id', `The rows of ${recordId} are no longer staged (another file for the same table was staged or imported since); upload its file again.`);
  }
}

interface ReleaseRow {
  id: string;
  dataset: string;
  label: string;
  effective_from: Date;
  effective_to: Date | null;
  source_file: string;
  row_count: number;
  status: ReleaseStatus;
  imported_at: Date;
  activated_at: Date | null;
  upload_id: string | null;
  preview: ReleasePreview | null;
}

function toRecord(r: ReleaseRow): DatasetReleaseRecord {
  return {
    id: r.id,
    dataset: r.dataset,
    label: r.label,
    effectiveFrom: isoDate(r.effective_from) as string,
    effectiveTo: isoDate(r.effective_to),
    sourceFile: r.source_file,
    rowCount: r.row_count,
    status: r.status,
    importedAt: r.imported_at,
    activatedAt: r.activated_at,
    uploadId: r.upload_id,
    preview: r.preview,
  };
}

function expectStatus(release: DatasetReleaseRecord, status: ReleaseStatus, verb: string): void {
  if (release.status !== status) {
    throw new InvalidInputError('id', `${release.id} is ${release.status.toLowerCase()}; only a ${status.toLowerCase()} edition can be ${verb}.`);
  }
}

async function expectTable(sql: TxSql, schema: string, table: string, releaseId: string): Promise<void> {
  const rows = await sql.rows<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, `${schema}.${table}`);
  if (!rows[0].t) {
    throw new InvalidInputError('id', `The rows of ${releaseId} are no longer kept (${schema}.${table} is missing); import its file again.`);
  }
}

function audit(sql: TxSql, actor: ReleaseActor, action: 'REFERENCE_RELEASE_ACTIVATED' | 'REFERENCE_RELEASE_DISCARDED' | 'REFERENCE_RELEASE_ROLLED_BACK', details: Record<string, string | number | null>): Promise<void> {
  return appendAudit(sql.tx, { actorId: actor.id, actorEmail: actor.email, action, reason: actor.reason ?? null, details });
}
