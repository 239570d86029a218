import { basename } from 'node:path';
import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { PostgresPool } from '@denialmap/server/core';
import { CmsFormatError, OfficialPprrvuParser, PprrvuParser, PprrvuRecord, pprrvuEditionFromFileName } from '@denialmap/shared/cms-formats';
import { conversionFactorsFor, releaseWindowFromId } from '@denialmap/shared/fee-schedule';
import { copyRow } from './copy-format';
import { copyLines } from './copy-lines';
import type { SourceFormat } from './dataset-importer';
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

/**
 * Loads one PPRRVU file as one release: rows stream through COPY into a temporary staging
 * table, then replace the release's rows in the same transaction. A bad file rolls back whole
 * (nothing changes) and the error names file, line and column; the same bytes twice is a no-op.
 * `format` 'shipped' is the .csv member of CMS's RVU zip (its banner names the release); 'cms'
 * is the fixed-width PPRRVU<yy>_<Mon>.txt member, which prints no release, so its name must.
 */
@Injectable()
export class PprrvuImporter {
  constructor(private readonly postgres: PostgresPool) {}

  async import(path: string, onProgress?: ImportProgress, format: SourceFormat = 'shipped'): Promise<ImportOutcome> {
    const started = Date.now();
    const file = basename(path);
    const newParser = parserFor(file, format);
    const sha256 = await sha256OfFile(path);
    const client = await this.postgres.pool.connect();
    try {
      // A no-op only when a release's rows came from these very bytes; a file imported long ago
      // and since superseded by a correction is imported again.
      const current = await client.query<{ id: string; row_count: number }>(
        `SELECT id, row_count FROM fee_schedule_release WHERE source_sha256 = $1`,
        [sha256],
      );
      if (current.rowCount) {
        const { id, row_count } = current.rows[0];
        return { status: 'unchanged', kind: 'pprrvu', file, releaseId: id, rows: row_count, durationMs: Date.now() - started };
      }
      await client.query('BEGIN');
      const parser = await this.copyIntoStaging(client, path, newParser(), onProgress);
      const release = parser.release;
      await this.replaceRelease(client, release, parser, file, sha256, started);
      await client.query('COMMIT');
      return { status: 'imported', kind: 'pprrvu', file, releaseId: release.id, rows: parser.rowCount, durationMs: Date.now() - started };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async copyIntoStaging(client: PoolClient, path: string, parser: PprrvuParser, onProgress?: ImportProgress): Promise<PprrvuParser> {
    await client.query(`CREATE TEMP TABLE stage_rvu_row (LIKE rvu_row INCLUDING DEFAULTS) ON COMMIT DROP`);
    const lines = await copyLines(
      client,
      `COPY stage_rvu_row (${RVU_COLUMNS.join(', ')}) FROM STDIN`,
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
    return parser;
  }

  private async replaceRelease(
    client: PoolClient,
    release: PprrvuParser['release'],
    parser: PprrvuParser,
    file: string,
    sha256: string,
    started: number,
  ): Promise<void> {
    const cfs = await client.query<{ conversion_factor: string }>(`SELECT DISTINCT conversion_factor::text FROM stage_rvu_row`);
    if (cfs.rowCount !== 1) {
      throw new CmsFormatError(file, 0, null, `rows carry ${cfs.rowCount} different conversion factors; a release has one`);
    }
    const conversionFactor = cfs.rows[0].conversion_factor;
    const window = releaseWindowFromId(release.id);
    const { alternate, note } = conversionFactorNote(release.year, conversionFactor);
    await client.query(
      `INSERT INTO fee_schedule_release (id, year, quarter, effective_from, effective_to, conversion_factor,
         alternate_conversion_factor, conversion_factor_note, title, released_on, notices, source_file, source_sha256, row_count, imported_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $14, $11, $12, $13, now())
       ON CONFLICT (id) DO UPDATE SET effective_from = EXCLUDED.effective_from, effective_to = EXCLUDED.effective_to,
         conversion_factor = EXCLUDED.conversion_factor, alternate_conversion_factor = EXCLUDED.alternate_conversion_factor,
         conversion_factor_note = EXCLUDED.conversion_factor_note, title = EXCLUDED.title, released_on = EXCLUDED.released_on, notices = EXCLUDED.notices,
         source_file = EXCLUDED.source_file, source_sha256 = EXCLUDED.source_sha256, row_count = EXCLUDED.row_count, imported_at = now()`,
      [release.id, release.year, release.quarter, window.effectiveFrom, window.effectiveTo, conversionFactor, alternate, note,
        release.title, release.releasedOn, file, sha256, parser.rowCount, release.notices],
    );
    await client.query(`DELETE FROM rvu_row WHERE release_id = $1`, [release.id]);
    await client.query(`INSERT INTO rvu_row SELECT * FROM stage_rvu_row`);
    await client.query(
      `INSERT INTO reference_file_import (id, kind, file_name, sha256, release_id, row_count, duration_ms)
       VALUES (gen_random_uuid(), 'pprrvu', $1, $2, $3, $4, $5)`,
      [file, sha256, release.id, parser.rowCount, Date.now() - started],
    );
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
