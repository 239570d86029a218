import { basename } from 'node:path';
import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { PostgresPool } from '@denialmap/server/core';
import { CmsFormatError, OfficialPprrvuParser, PprrvuParser, PprrvuRecord, pprrvuEditionFromFileName } from '@denialmap/shared/cms-formats';
import { conversionFactorsFor, releaseWindowFromId } from '@denialmap/shared/fee-schedule';
import { copyRow } from './copy-format';
import { copyLines } from './copy-lines';
import { InvalidInputError } from '@denialmap/shared/errors';
import { recordRelease, type SourceFormat, type StagedRelease } from './dataset-importer';
import {
  createFeeScheduleStaging,
  ensureLiveRecord,
  FEE_SCHEDULE_DATASET_PREFIX,
  FEE_SCHEDULE_LOCK,
  feeScheduleDataset,
  previewFeeSchedule,
  putStagedFeeScheduleLive,
} from './fee-schedule-staging';
import { freeRecordId, inTransaction, pgRunner } from './edition-rows';
import type { ReleasePreview } from './release-preview';
import { sha256OfFile } from './file-hash';
import { ImportOutcome, ImportProgress } from './import-outcome';

const RVU_COLUMNS = [
  'release_id', 'hcpcs', 'modifier', 'description', 'status_code', 'not_used_for_medicare_payment',
  'work_rvu', 'non_facility_pe_rvu', 'non_facility_na', 'facility_pe_rvu', 'facility_na', 'mp_rvu',
  'non_facility_total_rvu', 'facility_total_rvu', 'pctc_indicator', 'global_days',
  'pre_op_share', 'intra_op_share', 'post_op_share', 'multiple_procedure_indicator',
  'bilateral_indicator', 'assistant_indicator', 'co_surgeon_indicator', 'team_indicator',
  'pricing_indicator', 'endoscopic_base', 'conversion_factor', 'supervision_indicator',
  'calculation_flag', 'imaging_family_indicator', 'opps_non_facility_pe_rvu', 'opps_facility_pe_rvu', 'opps_mp_rvu',
] as const;

function toCopyRow(releaseId: string, r: PprrvuRecord): string {
  return copyRow([
    releaseId, r.hcpcs, r.modifier, r.description, r.statusCode, r.notUsedForMedicarePayment === '+',
    r.workRvu, r.nonFacilityPeRvu, r.nonFacilityNaIndicator === 'NA', r.facilityPeRvu, r.facilityNaIndicator === 'NA', r.mpRvu,
    r.nonFacilityTotal, r.facilityTotal, r.pctcIndicator, r.globalDays,
    r.preOpShare, r.intraOpShare, r.postOpShare, r.multipleProcedureIndicator,
    r.bilateralIndicator, r.assistantIndicator, r.coSurgeonIndicator, r.teamIndicator,
    r.pricingIndicator || null, r.endoscopicBase || null, r.conversionFactor, r.supervisionIndicator,
    r.calculationFlag, r.imagingFamilyIndicator, r.oppsNonFacilityPeRvu, r.oppsFacilityPeRvu, r.oppsMpRvu,
  ]);
}

/** A PPRRVU file loaded into `reference_staging` (rows and its release row), not yet live. */
interface LoadedRelease {
  release: PprrvuParser['release'];
  rows: number;
  file: string;
  sha256: string;
}

/**
 * Loads one PPRRVU file as one release: rows stream through COPY into `reference_staging`, then
 * (an import) go live in the same transaction, the release's earlier rows kept in
 * `reference_archive` for a roll-back, or (a staff upload) wait there with a preview until an
 * admin activates them. A bad file rolls back whole (nothing changes) and the error names file,
 * line and column; the same bytes twice is a no-op. `format` 'shipped' is the .csv member of
 * CMS's RVU zip (its banner names the release); 'cms' is the fixed-width PPRRVU<yy>_<Mon>.txt
 * member, which prints no release, so its name must.
 */
@Injectable()
export class PprrvuImporter {
  constructor(private readonly postgres: PostgresPool) {}

  async import(path: string, onProgress?: ImportProgress, format: SourceFormat = 'shipped'): Promise<ImportOutcome> {
    const started = Date.now();
    const file = basename(path);
    const newParser = parserFor(file, format);
    const sha256 = await sha256OfFile(path);
    const current = await this.postgres.pool.query<{ id: string; row_count: number }>(`SELECT id, row_count FROM fee_schedule_release WHERE source_sha256 = $1`, [sha256]);
    if (current.rowCount) {
      // A no-op only when a release's rows came from these very bytes; a file imported long ago
      // and since superseded by a correction is imported again.
      const { id, row_count } = current.rows[0];
      return { status: 'unchanged', kind: 'pprrvu', file, releaseId: id, rows: row_count, durationMs: Date.now() - started };
    }
    return this.inTransaction(async (client) => {
      const loaded = await this.loadStaged(client, path, file, sha256, newParser(), onProgress);
      const sql = pgRunner(client);
      const releaseId = loaded.release.id;
      const dataset = feeScheduleDataset(releaseId);
      await ensureLiveRecord(sql, releaseId, { absent: false });
      await client.query(`UPDATE reference_dataset_release SET status = 'RETIRED' WHERE dataset = $1 AND status = 'PREVIOUS'`, [dataset]);
      await client.query(`UPDATE reference_dataset_release SET status = 'PREVIOUS' WHERE dataset = $1 AND status = 'ACTIVE'`, [dataset]);
      await putStagedFeeScheduleLive(sql, releaseId);
      await this.record(client, loaded, 'ACTIVE', started);
      return { status: 'imported', kind: 'pprrvu', file, releaseId, rows: loaded.rows, durationMs: Date.now() - started };
    });
  }

  /**
   * Stages the file for review: its rows wait in `reference_staging` with a preview against the
   * live rows of the same release (a corrected file) or the release in force before it. A fee
   * schedule staged earlier is discarded (one waits at a time). Nothing live changes.
   */
  async stage(path: string, options: { format?: SourceFormat; uploadId?: string; warnings?: string[]; onProgress?: ImportProgress } = {}): Promise<StagedRelease> {
    const started = Date.now();
    const file = basename(path);
    const newParser = parserFor(file, options.format ?? 'shipped');
    const sha256 = await sha256OfFile(path);
    return this.inTransaction(async (client) => {
      const live = await client.query<{ id: string }>(`SELECT id FROM fee_schedule_release WHERE source_sha256 = $1`, [sha256]);
      if (live.rowCount) {
        throw new InvalidInputError('files', `${file}: ${live.rows[0].id} is already live from these same bytes; there is nothing to stage.`);
      }
      const loaded = await this.loadStaged(client, path, file, sha256, newParser(), options.onProgress);
      const preview = await previewFeeSchedule(client, loaded.release.id, loaded.rows, options.warnings ?? []);
      const id = await this.record(client, loaded, 'STAGED', started, options.uploadId, preview);
      return { releaseId: id, dataset: feeScheduleDataset(loaded.release.id), rows: loaded.rows, files: [file], durationMs: Date.now() - started, preview };
    });
  }

  private async inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.postgres.pool.connect();
    try {
      return await inTransaction(client, async () => {
        // One fee schedule load at a time: they share the staging tables.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [FEE_SCHEDULE_LOCK]);
        return work(client);
      });
    } finally {
      client.release();
    }
  }

  /** The file's rows and release row into fresh staging tables (a fee schedule staged there before is discarded). */
  private async loadStaged(client: PoolClient, path: string, file: string, sha256: string, parser: PprrvuParser, onProgress?: ImportProgress): Promise<LoadedRelease> {
    await client.query(`UPDATE reference_dataset_release SET status = 'DISCARDED' WHERE dataset LIKE $1 AND status = 'STAGED'`, [`${FEE_SCHEDULE_DATASET_PREFIX}%`]);
    await createFeeScheduleStaging(pgRunner(client));
    const lines = await copyLines(
      client,
      `COPY reference_staging.rvu_row (${RVU_COLUMNS.join(', ')}) FROM STDIN`,
      path,
      'latin1',
      (line, lineNumber) => {
        const record = parser.push(line, lineNumber);
        return record && toCopyRow(parser.release.id, record);
      },
      (fraction) => onProgress?.(parser.rowCount, fraction),
    );
    parser.finish(lines);
    onProgress?.(parser.rowCount, 1);
    const release = parser.release;
    const cfs = await client.query<{ conversion_factor: string }>(`SELECT DISTINCT conversion_factor::text FROM reference_staging.rvu_row`);
    if (cfs.rowCount !== 1) {
      throw new CmsFormatError(file, 0, null, `rows carry ${cfs.rowCount} different conversion factors; a release has one`);
    }
    const conversionFactor = cfs.rows[0].conversion_factor;
    const window = releaseWindowFromId(release.id);
    const { alternate, note } = conversionFactorNote(release.year, conversionFactor);
    await client.query(
      `INSERT INTO reference_staging.fee_schedule_release (id, year, quarter, effective_from, effective_to, conversion_factor,
         alternate_conversion_factor, conversion_factor_note, title, released_on, notices, source_file, source_sha256, row_count, imported_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $14, $11, $12, $13, now())`,
      [release.id, release.year, release.quarter, window.effectiveFrom, window.effectiveTo, conversionFactor, alternate, note,
        release.title, release.releasedOn, file, sha256, parser.rowCount, release.notices],
    );
    return { release, rows: parser.rowCount, file, sha256 };
  }

  /** The release's record (its slot FEE_SCHEDULE_<id>) and the import log line; returns the record id. */
  private async record(client: PoolClient, loaded: LoadedRelease, status: 'ACTIVE' | 'STAGED', started: number, uploadId?: string, preview?: ReleasePreview): Promise<string> {
    const releaseId = loaded.release.id;
    const window = releaseWindowFromId(releaseId);
    const id = await freeRecordId(pgRunner(client), releaseId);
    await recordRelease(client, {
      id,
      dataset: feeScheduleDataset(releaseId),
      label: loaded.release.title,
      edition: { id, effectiveFrom: window.effectiveFrom, effectiveTo: window.effectiveTo },
      sourceFile: loaded.file,
      sha256: loaded.sha256,
      rows: loaded.rows,
      status,
      uploadId,
      preview,
    });
    await client.query(
      `INSERT INTO reference_file_import (id, kind, file_name, sha256, release_id, row_count, duration_ms)
       VALUES (gen_random_uuid(), 'pprrvu', $1, $2, $3, $4, $5)`,
      [loaded.file, loaded.sha256, releaseId, loaded.rows, Date.now() - started],
    );
    return id;
  }
}

/** The parser for a file of this format; CMS's text file takes its release from its name (or is refused). */
function parserFor(file: string, format: SourceFormat): () => PprrvuParser {
  if (format === 'shipped') {
    return () => new PprrvuParser(file);
  }
  const edition = pprrvuEditionFromFileName(file);
  if (!edition) {
    throw new CmsFormatError(
      file,
      1,
      null,
      "unknown release: CMS's fixed-width PPRRVU file does not print its release, so its name must say it as CMS names it: PPRRVU<year>_<month>.txt, e.g. PPRRVU2025_Oct.txt or PPRRVU25_JAN.txt (month JAN, APR, JUL or OCT)",
    );
  }
  return () => new OfficialPprrvuParser(file, edition);
}

function conversionFactorNote(year: number, inFile: string): { alternate: string | null; note: string | null } {
  const known = conversionFactorsFor(year);
  if (!known) {
    return { alternate: null, note: null };
  }
  const same = (a: string, b: string) => Number(a) === Number(b) && a.replace(/0+$/, '') === b.replace(/0+$/, '');
  if (same(inFile, known.standard)) {
    return known.qualifyingApm
      ? { alternate: known.qualifyingApm, note: `Non-qualifying APM participant factor; qualifying APM participants: ${known.qualifyingApm} (${known.source}).` }
      : { alternate: null, note: known.source };
  }
  if (known.qualifyingApm && same(inFile, known.qualifyingApm)) {
    return { alternate: known.standard, note: `Qualifying APM participant factor; everyone else: ${known.standard} (${known.source}).` };
  }
  return { alternate: null, note: `The file's factor differs from the ${year} final rule table (${known.standard}); figures use the file's.` };
}
