import { Inject, Injectable, Logger } from '@nestjs/common';
import { isAbsolute, join, resolve } from 'node:path';
import { APP_CONFIG, AppConfig, PostgresPool } from '@denialmap/server/core';
import { ReferenceFileKind, SHIPPED_REFERENCE_FILES } from '@denialmap/server/reference-data/shipped-files';
import { sha256OfFile } from './file-hash';
import { ImportOutcome } from './import-outcome';
import { ReferenceImports } from './reference-imports';

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

  /** Imports every shipped file (or those of `kinds`); files already imported (same bytes) are skipped quickly. */
  async loadAll(kinds?: readonly ReferenceFileKind[]): Promise<ImportOutcome[]> {
    const outcomes: ImportOutcome[] = [];
    for (const file of SHIPPED_REFERENCE_FILES.filter((f) => !kinds || kinds.includes(f.kind))) {
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
