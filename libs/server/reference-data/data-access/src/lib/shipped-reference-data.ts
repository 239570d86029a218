import { Inject, Injectable, Logger } from '@nestjs/common';
import { isAbsolute, join, resolve } from 'node:path';
import { APP_CONFIG, AppConfig, PostgresPool } from '@denialmap/server/core';
import { sha256OfFile } from './file-hash';
import { DatasetEdition } from './dataset-importer';
import { ImportOutcome, ReferenceFileKind } from './import-outcome';
import { ReferenceImports } from './reference-imports';

/** The reference files shipped in the repository (data/reference), loaded on a first run. */
export interface ShippedFile {
  kind: ReferenceFileKind;
  path: string;
  rows: number;
  /** The vintage, where the file name does not say it (SOURCES.md gives each). */
  edition?: DatasetEdition;
}

export const SHIPPED_REFERENCE_FILES: readonly ShippedFile[] = [
  { kind: 'pprrvu', path: 'rvu/PPRRVU2025_Oct.csv', rows: 19090 },
  { kind: 'pprrvu', path: 'rvu/PPRRVU2026_Jul_nonQPP.csv', rows: 19356 },
  { kind: 'ncci-ptp', path: 'ncci/ptp_practitioner_2024q3.csv.gz', rows: 2546017 },
  { kind: 'ncci-mue', path: 'ncci/mue_practitioner_2024q3.csv', rows: 14677 },
  { kind: 'ncci-aoc', path: 'ncci/aoc_practitioner_2024q3.csv', rows: 7465 },
  // X12/CMS code lists as published in June 2024 (SOURCES.md).
  { kind: 'x12-carc', path: 'carc-rarc/carc.csv', rows: 405, edition: { id: 'X12_CARC-2024-06', effectiveFrom: '2024-06-18', effectiveTo: null } },
  { kind: 'x12-rarc', path: 'carc-rarc/rarc.csv', rows: 1171, edition: { id: 'X12_RARC-2024-06', effectiveFrom: '2024-06-18', effectiveTo: null } },
  { kind: 'x12-group', path: 'carc-rarc/group_codes.csv', rows: 5, edition: { id: 'X12_GROUP-2024-06', effectiveFrom: '2024-06-18', effectiveTo: null } },
  { kind: 'modifiers', path: 'modifiers/modifiers.csv', rows: 433, edition: { id: 'MODIFIERS-2024-06', effectiveFrom: '2024-06-18', effectiveTo: null } },
  { kind: 'hcpcs-level2', path: 'hcpcs/hcpcs_level2_2024jul.csv', rows: 8033 },
  { kind: 'icd10-cm', path: 'icd10/icd10cm_fy2024_order.csv.gz', rows: 97296 },
  { kind: 'gpci', path: 'gpci/GPCI2025.csv', rows: 109 },
  { kind: 'gpci', path: 'gpci/GPCI2026.csv', rows: 109 },
  { kind: 'locality-counties', path: 'gpci/25LOCCO.csv', rows: 110 },
  { kind: 'locality-counties', path: 'gpci/26LOCCO.csv', rows: 110 },
  { kind: 'zip-locality', path: 'gpci/ZIP5_OCT2025.txt', rows: 42956 },
  { kind: 'opps-cap', path: 'rvu/OPPSCAP_Oct2025.csv', rows: 16100 },
  { kind: 'anesthesia-cf', path: 'rvu/ANES2025.csv', rows: 109 },
  { kind: 'anesthesia-cf', path: 'rvu/ANES2026.csv', rows: 109 },
];

@Injectable()
export class ShippedReferenceData {
  private readonly logger = new Logger(ShippedReferenceData.name);

  private hashes: Promise<{ path: string; sha256: string }[]> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly imports: ReferenceImports,
    private readonly postgres: PostgresPool,
  ) {}

  /**
   * Shipped files whose exact bytes were never imported into this database. (A shipped file that
   * an operator later superseded with a correction is not pending: first-run loading must never
   * overwrite newer data.)
   */
  async pendingFiles(): Promise<string[]> {
    this.hashes ??= Promise.all(
      SHIPPED_REFERENCE_FILES.map(async (f) => ({ path: f.path, sha256: await sha256OfFile(join(this.directory, f.path)) })),
    );
    const files = await this.hashes;
    const imported = await this.postgres.pool.query<{ sha256: string }>(
      'SELECT sha256 FROM reference_file_import WHERE sha256 = ANY($1)',
      [files.map((f) => f.sha256)],
    );
    const done = new Set(imported.rows.map((r) => r.sha256));
    return files.filter((f) => !done.has(f.sha256)).map((f) => f.path);
  }

  get directory(): string {
    const dir = this.config.REFERENCE_DATA_DIR;
    return isAbsolute(dir) ? dir : resolve(process.cwd(), dir);
  }

  /** Imports every shipped file; files already imported (same bytes) are skipped quickly. */
  async loadAll(): Promise<ImportOutcome[]> {
    const outcomes: ImportOutcome[] = [];
    for (const file of SHIPPED_REFERENCE_FILES) {
      const outcome = await this.imports.importFile(join(this.directory, file.path), undefined, file.edition);
      this.logger.log(
        outcome.status === 'imported'
          ? `Imported ${outcome.file}: release ${outcome.releaseId}, ${outcome.rows} rows in ${outcome.durationMs} ms`
          : `${outcome.file} is already loaded (release ${outcome.releaseId}, ${outcome.rows} rows); nothing to do`,
      );
      outcomes.push(outcome);
    }
    return outcomes;
  }
}
