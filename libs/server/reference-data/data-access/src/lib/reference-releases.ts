import { Injectable } from '@nestjs/common';
import { PostgresPool, PrismaService } from '@denialmap/server/core';
import { appendAudit } from '@denialmap/server/moderation/data-access';
import { InvalidInputError, NotFoundError } from '@denialmap/shared/errors';
import { DATASETS, DatasetSpec, stagedIntoPlace } from './dataset-importer';
import { ReleasePreview } from './release-preview';

export type ReleaseStatus = 'STAGED' | 'ACTIVE' | 'PREVIOUS' | 'RETIRED' | 'DISCARDED';

export interface DatasetReleaseRecord {
  id: string;
  dataset: string;
  label: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  sourceFile: string;
  rowCount: number;
  status: ReleaseStatus;
  importedAt: Date;
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

  /** A STAGED edition goes live; the live one becomes PREVIOUS (the one before that is RETIRED). */
  async activate(id: string, actor: ReleaseActor): Promise<ReleaseSwitch> {
    return this.locked(id, async (sql, release, spec) => {
      expectStatus(release, 'STAGED', 'activated');
      await expectTable(sql, 'reference_staging', spec.table, release.id);
      for (const statement of stagedIntoPlace(spec.table)) await sql.run(statement);
      await sql.run(`UPDATE reference_dataset_release SET status = 'RETIRED' WHERE dataset = $1 AND status = 'PREVIOUS'`, release.dataset);
      const replaced = await sql.rows<{ id: string }>(
        `UPDATE reference_dataset_release SET status = 'PREVIOUS' WHERE dataset = $1 AND status = 'ACTIVE' RETURNING id`,
        release.dataset,
      );
      await sql.run(`UPDATE reference_dataset_release SET status = 'ACTIVE', activated_at = now() WHERE id = $1`, release.id);
      const change = { dataset: release.dataset, active: release.id, replaced: replaced[0]?.id ?? null };
      await audit(sql, actor, 'REFERENCE_RELEASE_ACTIVATED', { ...change, rows: release.rowCount, sourceFile: release.sourceFile });
      return change;
    });
  }

  /** A STAGED edition is dropped; nothing live changes. */
  async discard(id: string, actor: ReleaseActor): Promise<DatasetReleaseRecord> {
    return this.locked(id, async (sql, release, spec) => {
      expectStatus(release, 'STAGED', 'discarded');
      await sql.run(`DROP TABLE IF EXISTS reference_staging.${spec.table}`);
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
    return this.locked(rows[0].id, async (sql, previous, spec) => {
      expectStatus(previous, 'PREVIOUS', 'rolled back to');
      await expectTable(sql, 'reference_archive', spec.table, previous.id);
      await sql.run('CREATE SCHEMA IF NOT EXISTS reference_swap');
      await sql.run(`ALTER TABLE public.${spec.table} SET SCHEMA reference_swap`);
      await sql.run(`ALTER TABLE reference_archive.${spec.table} SET SCHEMA public`);
      await sql.run(`ALTER TABLE reference_swap.${spec.table} SET SCHEMA reference_archive`);
      const replaced = await sql.rows<{ id: string }>(
        `UPDATE reference_dataset_release SET status = 'PREVIOUS' WHERE dataset = $1 AND status = 'ACTIVE' RETURNING id`,
        dataset,
      );
      await sql.run(`UPDATE reference_dataset_release SET status = 'ACTIVE', activated_at = now() WHERE id = $1`, previous.id);
      const change = { dataset, active: previous.id, replaced: replaced[0]?.id ?? null };
      await audit(sql, actor, 'REFERENCE_RELEASE_ROLLED_BACK', change);
      return change;
    });
  }

  /** One transaction holding the dataset's import lock; the audit entry commits with the switch. */
  private locked<T>(id: string, work: (sql: TxSql, release: DatasetReleaseRecord, spec: DatasetSpec) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(
      async (tx) => {
        const sql = new TxSql(tx);
        const found = await sql.rows<ReleaseRow>(`SELECT * FROM reference_dataset_release WHERE id = $1`, id);
        if (!found[0]) throw new NotFoundError('Reference release', id);
        await sql.rows(`SELECT pg_advisory_xact_lock(hashtext($1))::text`, `import:${found[0].dataset}`);
        // Re-read under the lock: an import or another click may have moved it meanwhile.
        const release = toRecord((await sql.rows<ReleaseRow>(`SELECT * FROM reference_dataset_release WHERE id = $1`, id))[0]);
        const spec = Object.values(DATASETS).find((s) => s.dataset === release.dataset && !s.yearPartition);
        if (!spec) throw new InvalidInputError('id', `${release.dataset} editions are replaced by importing a file, not switched.`);
        return work(sql, release, spec);
      },
      // Renaming a table waits for queries reading it to finish; an import may hold the lock for a minute.
      { maxWait: 10_000, timeout: 120_000 },
    );
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
