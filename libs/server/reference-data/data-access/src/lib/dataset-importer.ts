import { createHash, Hash } from 'node:crypto';
import { basename } from 'node:path';
import { Injectable } from '@nestjs/common';
import type { Client, ClientBase, PoolClient } from 'pg';
import { PostgresPool } from '@denialmap/server/core';
import { InvalidInputError } from '@denialmap/shared/errors';
import {
  ANESTHESIA_CF_COLUMNS,
  AnesthesiaCfParser,
  CmsFormatError,
  codeSetParser,
  CodeSetTable,
  GPCI_COLUMNS,
  GpciParser,
  ICD10_CATEGORY_RANGE_SQL,
  LOCALITY_COUNTY_COLUMNS,
  LocalityCountyParser,
  ncciParser,
  NcciTable,
  OFFICIAL_MUE_COLUMNS,
  OFFICIAL_PTP_COLUMNS,
  OfficialAnesthesiaCfParser,
  OfficialGpciParser,
  OfficialHcpcsParser,
  OfficialIcd10OrderParser,
  OfficialLocalityCountyParser,
  OfficialMueParser,
  OfficialOppsCapParser,
  OPPS_CAP_COLUMNS,
  OppsCapParser,
  Zip5Parser,
  ZIP5_COLUMNS,
} from '@denialmap/shared/cms-formats';
import { copyRow } from './copy-format';
import { copyLines } from './copy-lines';
import { sha256OfFile } from './file-hash';
import { ImportOutcome, ImportProgress, ReferenceFileKind } from './import-outcome';
import { PhraseDictionary, PhraseTable } from './phrase-dictionary';
import { copyPtpRows } from './ptp-rows';
import { createStagingTables, inTransaction, pgRunner, yearRows } from './edition-rows';
import { buildLiveIndexes, createLoadingTable, dropTable, loadedIntoStaging, loadedParts, RangePartitions, stagedIntoPlace } from './loading-tables';
import { ReleasePreview, previewRelease } from './release-preview';

/** What every CMS file parser offers: COPY-ready rows from physical lines. */
export interface RowParser {
  push(line: string, lineNumber: number): (string | null)[] | null;
  /** Validates without building values (for raw CSV pass-through). */
  accept?(line: string, lineNumber: number): boolean;
  /**
   * After the last line, before finish(): the row a parser held back because the lines after it
   * could still have added to it (CMS's HCPCS file continues a description over later records).
   * It goes to COPY before COPY ends.
   */
  flush?(): (string | null)[] | null;
  finish(lastLine: number): void;
  readonly rowCount: number;
}

export interface DatasetSpec {
  kind: ReferenceFileKind;
  dataset: string;
  table: string;
  columns: readonly string[];
  parser: (file: string, edition: DatasetEdition) => RowParser;
  describe: (release: DatasetEdition) => string;
  /**
   * The file's lines are valid PostgreSQL CSV in the table's column order once checked, so they
   * go to COPY as they are instead of being re-serialised (NCCI: 2.5 M lines).
   */
  rawCsv?: boolean;
  /**
   * NCCI PTP (2.5 M rows): lines are checked and rewritten as bytes by NcciPtpScanner, the last
   * column's phrase replaced by its id in this lookup table (the table's last column in `columns`).
   * Lines the scanner does not recognise go through `parser`, which names any problem.
   */
  ptpPhrases?: PhraseTable;
  /**
   * Per-year tables (GPCI, counties, anesthesia CFs) hold several editions side by side: an
   * import replaces only its year's rows, and the parser must agree with the edition's year.
   */
  yearPartition?: { yearInFile: (parser: RowParser) => number };
  /** How a staged edition is compared with the active one for the preview (none: row counts only). */
  diff?: DatasetDiff;
  /** The same table as CMS publishes it (when that differs from the shipped, converted file). */
  cmsFormat?: FileFormat;
  /**
   * The table's partitions, as its migration made them: each is loaded and indexed on its own
   * connection, side by side (NCCI PTP). Rows are routed by their first column.
   */
  partitions?: RangePartitions;
}

/** Where a file's layout differs from the dataset's shipped (converted) one. */
export type FileFormat = Partial<Pick<DatasetSpec, 'columns' | 'parser' | 'rawCsv' | 'ptpPhrases'>> & {
  encoding?: BufferEncoding;
  /** SQL run on the loaded table (named by the argument) before its indexes are built. */
  afterLoad?: (table: string) => string;
  /** NCCI PTP: which byte scanner reads plain rows. */
  ptpLayout?: 'converted' | 'cms';
};

/** The format a file was recognised as: DenialMap's shipped (converted) layout or CMS's own. */
export type SourceFormat = 'shipped' | 'cms';

export interface DatasetDiff {
  /** Columns that identify a row across editions (a code, or a PTP pair). */
  key: readonly string[];
  /** Columns whose change is worth showing ("MUE 2 -> 3"). */
  compare: readonly string[];
  /** Only rows in force on the edition's effective date ($1) are compared (PTP history rows are not). */
  inForce?: string;
  /** One line per row for the preview, from the key and compared values. */
  describe: (row: Record<string, string | null>) => string;
}

export interface DatasetEdition {
  id: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  /** Per-year datasets: the calendar year the edition covers. */
  year?: number;
}

const ncci = (table: NcciTable, kind: ReferenceFileKind, dataset: string, name: string, columns: string[], diff: DatasetDiff, ptpPhrases?: PhraseTable): DatasetSpec => ({
  kind,
  dataset,
  table: `ncci_${table === 'aoc' ? 'add_on_edit' : table === 'ptp' ? 'ptp_edit' : 'mue'}`,
  columns,
  parser: (file) => ncciParser(table, file),
  describe: (e) => `CMS NCCI ${name} (practitioner), effective ${e.effectiveFrom}`,
  rawCsv: true,
  ptpPhrases,
  diff,
});

const PTP_DIFF: DatasetDiff = {
  key: ['column_1', 'column_2'],
  compare: ['modifier_indicator'],
  // Indicator 9 marks an edit deleted back to its start: it was never in force.
  inForce: `(effective_date IS NULL OR effective_date <= $1) AND (deletion_date IS NULL OR deletion_date >= $1) AND modifier_indicator <> '9'`,
  describe: (r) => `${r['column_1']} + ${r['column_2']} (modifier indicator ${r['modifier_indicator']})`,
};

const codeDiff = (key: string, description: string): DatasetDiff => ({
  key: [key],
  compare: [description],
  describe: (r) => `${r[key]}: ${r[description] ?? ''}`.slice(0, 160),
});

const codeSet = (table: CodeSetTable, kind: ReferenceFileKind, dataset: string, dbTable: string, columns: string[], name: string): DatasetSpec => ({
  kind,
  dataset,
  table: dbTable,
  columns,
  diff: codeDiff(columns[0] === 'order_number' ? columns[1] : columns[0], columns.includes('description') ? 'description' : columns.includes('long_description') ? 'long_description' : columns[1]),
  parser: (file) => codeSetParser(table, file),
  describe: (e) => `${name}, ${e.id.slice(dataset.length + 1)} edition`,
});

const X12_COLUMNS = ['code', 'description', 'usage', 'notes', 'start_date', 'last_modified', 'stop_date'];

const perYear = (
  kind: ReferenceFileKind,
  dataset: string,
  table: string,
  columns: readonly string[],
  name: string,
  parser: (file: string, edition: DatasetEdition) => RowParser,
  yearInFile: (parser: RowParser) => number,
  compare: readonly string[],
  describeRow: (row: Record<string, string | null>) => string,
): DatasetSpec => ({
  kind,
  dataset,
  table,
  columns,
  parser,
  describe: (e) => `CMS ${name}, CY ${e.year}`,
  yearPartition: { yearInFile },
  // Localities are the rows' identity from year to year (MAC + locality number).
  diff: { key: ['mac', 'locality_number'], compare, describe: describeRow },
});

export type DatasetKind = Exclude<ReferenceFileKind, 'pprrvu'>;

export const DATASETS: Record<DatasetKind, DatasetSpec> = {
  'ncci-ptp': {
    ...ncci('ptp', 'ncci-ptp', 'NCCI_PTP', 'procedure-to-procedure edits', ['column_1', 'column_2', 'deletion_date', 'modifier_indicator', 'rationale_id'], PTP_DIFF, {
      table: 'ncci_ptp_rationale',
      column: 'rationale',
      idColumn: 'rationale_id',
    }),
    // CMS's ccipra-v###r#-f#.TXT parts: TAB-delimited, with the effective date and pre-1996 flag.
    cmsFormat: { columns: OFFICIAL_PTP_COLUMNS, ptpLayout: 'cms' },
    // Two halves of about 1.25 M rows (migration 20261205090000_ptp_partitions): one per core here.
    partitions: {
      column: 'column_1',
      parts: [
        { table: 'ncci_ptp_edit_below_36000', from: null },
        { table: 'ncci_ptp_edit_from_36000', from: '36000' },
      ],
    },
  },
  'ncci-mue': {
    ...ncci('mue', 'ncci-mue', 'NCCI_MUE', 'medically unlikely edits', ['hcpcs', 'max_units', 'adjudication_indicator', 'rationale'], {
      key: ['hcpcs'],
      compare: ['max_units', 'adjudication_indicator'],
      describe: (r) => `${r['hcpcs']}: ${r['max_units']} units (MAI ${r['adjudication_indicator']})`,
    }),
    // CMS's MCR_MUE_PractitionerServices_Eff_MM-DD-YYYY.csv: Latin-1, quoted banner, "2 Date of Service Edit: Policy".
    cmsFormat: { columns: OFFICIAL_MUE_COLUMNS, parser: (file) => new OfficialMueParser(file), rawCsv: false, encoding: 'latin1' },
  },
  'ncci-aoc': ncci('aoc', 'ncci-aoc', 'NCCI_AOC', 'add-on code edits', ['primary_code', 'add_on_code', 'edit_type'], {
    key: ['add_on_code', 'primary_code'],
    compare: ['edit_type'],
    describe: (r) => `${r['add_on_code']} with ${r['primary_code']} (type ${r['edit_type']})`,
  }),
  'x12-carc': codeSet('carc', 'x12-carc', 'X12_CARC', 'x12_carc', X12_COLUMNS, 'X12 claim adjustment reason codes'),
  'x12-rarc': codeSet('rarc', 'x12-rarc', 'X12_RARC', 'x12_rarc', X12_COLUMNS, 'Remittance advice remark codes (CMS/X12)'),
  'x12-group': codeSet('group', 'x12-group', 'X12_GROUP', 'x12_group_code', ['code', 'description'], 'X12 claim adjustment group codes'),
  modifiers: codeSet('modifiers', 'modifiers', 'MODIFIERS', 'modifier', ['modifier', 'modifier_type', 'category', 'description', 'information_level2'], 'CPT and HCPCS modifiers'),
  'hcpcs-level2': {
    ...codeSet(
      'hcpcs',
      'hcpcs-level2',
      'HCPCS_L2',
      'hcpcs_level2',
      ['code', 'long_description', 'short_description', 'pricing_indicator', 'multiple_pricing', 'coverage', 'betos', 'type_of_service', 'action_code', 'cim', 'mcm', 'statute', 'lab_certification', 'cross_reference', 'asc_group', 'processing_note', 'anesthesia_base_units', 'terminated_on', 'added_on', 'asc_effective_on', 'action_effective_on'],
      'CMS HCPCS Level II',
    ),
    // CMS's HCPC<yyyy>_..._ANWEB.txt: ISO-8859-1, 320-character records; the last code's row comes from flush().
    cmsFormat: { parser: (file) => new OfficialHcpcsParser(file), rawCsv: false, encoding: 'latin1' },
  },
  gpci: {
    ...perYear(
      'gpci',
      'GPCI',
      'gpci_locality',
      GPCI_COLUMNS,
      'geographic practice cost indices (Addendum E)',
      (f) => new GpciParser(f),
      (p) => (p as GpciParser).year,
      ['work_gpci', 'pe_gpci', 'mp_gpci', 'work_gpci_without_floor'],
      (r) => `${r['mac']} ${r['locality_number']}: work ${r['work_gpci']}, PE ${r['pe_gpci']}, MP ${r['mp_gpci']}`,
    ),
    // CMS's GPCI<yyyy>.txt (fixed width, the RVU zip's ".prn"); the year still comes from its title.
    cmsFormat: { parser: (f) => new OfficialGpciParser(f), encoding: 'latin1' },
  },
  'locality-counties': {
    ...perYear(
      'locality-counties',
      'LOCALITY_COUNTIES',
      'locality_county',
      LOCALITY_COUNTY_COLUMNS,
      'counties included in Medicare localities',
      (f) => new LocalityCountyParser(f),
      (p) => (p as LocalityCountyParser).year,
      ['fee_schedule_area', 'counties'],
      (r) => `${r['mac']} ${r['locality_number']}: ${r['fee_schedule_area']}`,
    ),
    // CMS's <yy>LOCCO.txt. It refuses a county list cut at the export's line width and a state
    // group with no state (25LOCCO.txt: California), naming the line; the .csv member has them whole.
    cmsFormat: { parser: (f) => new OfficialLocalityCountyParser(f), encoding: 'latin1' },
  },
  'anesthesia-cf': {
    ...perYear(
      'anesthesia-cf',
      'ANESTHESIA_CF',
      'anesthesia_cf',
      ANESTHESIA_CF_COLUMNS,
      'anesthesia conversion factors by locality',
      (f, e) => new AnesthesiaCfParser(f, e.year ?? 0),
      (p) => (p as AnesthesiaCfParser).year,
      ['conversion_factor', 'qualifying_apm_conversion_factor'],
      (r) => `${r['mac']} ${r['locality_number']}: ${r['conversion_factor']}`,
    ),
    // CMS's ANES<yyyy>.txt: the CF without its decimal point, a DOS end-of-file byte; one-CF years (to 2025) only.
    cmsFormat: { parser: (f, e) => new OfficialAnesthesiaCfParser(f, e.year ?? 0), encoding: 'latin1' },
  },
  'zip-locality': {
    kind: 'zip-locality',
    dataset: 'ZIP5',
    table: 'zip_locality',
    columns: ZIP5_COLUMNS,
    parser: (f) => new Zip5Parser(f),
    describe: (e) => `CMS ZIP code to carrier locality file, quarter starting ${e.effectiveFrom}`,
  },
  'opps-cap': {
    kind: 'opps-cap',
    dataset: 'OPPS_CAP',
    table: 'opps_cap',
    columns: OPPS_CAP_COLUMNS,
    parser: (f) => new OppsCapParser(f),
    describe: (e) => `CMS OPPS imaging payment caps, effective ${e.effectiveFrom}`,
    // CMS's OPPSCAP_<Mon>.txt: 38-character records, no heading.
    cmsFormat: { parser: (f) => new OfficialOppsCapParser(f), encoding: 'latin1' },
  },
  'icd10-cm': {
    ...codeSet(
      'icd10',
      'icd10-cm',
      'ICD10CM',
      'icd10_cm',
      ['order_number', 'code', 'billable', 'description', 'chapter_number', 'chapter_name', 'chapter_range', 'category_title', 'category_range'],
      'ICD-10-CM (CDC/NCHS)',
    ),
    // The CDC's fixed-width icd10cm_order_<year>.txt: chapters from the code, category ranges after the load.
    cmsFormat: { parser: (file) => new OfficialIcd10OrderParser(file), rawCsv: false, encoding: 'latin1', afterLoad: ICD10_CATEGORY_RANGE_SQL },
  },
};

/**
 * Loads a whole reference table edition (NCCI PTP is 2.5 M rows) the fast way: COPY into an
 * unindexed copy of the table in the `reference_loading` schema and build the live table's indexes
 * there; a table partitioned on its first column (NCCI PTP: two halves) loads and indexes its
 * partitions side by side, each on its own connection. Then one transaction moves the loaded table
 * to `reference_staging` and, for `import` (the CLI, the shipped files), the live table to
 * `reference_archive` (the roll-back target) and the new one into place; `stage` (staff uploads)
 * records it with a preview instead, and ReferenceReleases activates it later. The dataset's
 * advisory lock is held throughout. Readers never see a half-loaded table and are blocked only for
 * the renames. A bad file leaves nothing behind (its loading table is dropped); the same bytes
 * again is a no-op.
 */
@Injectable()
export class DatasetImporter {
  constructor(private readonly postgres: PostgresPool) {}

  /** `paths`: one file, or the parts of one edition in order (CMS's four NCCI PTP parts). */
  async import(spec: DatasetSpec, paths: string | readonly string[], edition: DatasetEdition, onProgress?: ImportProgress, format: SourceFormat = 'shipped'): Promise<ImportOutcome> {
    const started = Date.now();
    const parts = typeof paths === 'string' ? [paths] : paths;
    const path = parts[0];
    if (parts.length > 1 && spec.yearPartition) throw new InvalidInputError('files', `${spec.dataset} is one file per year.`);
    const file = parts.map((p) => basename(p)).join(' + ');
    const dataset = spec.yearPartition ? `${spec.dataset}_${edition.year}` : spec.dataset;
    const formatted = withFormat(spec, format);
    // The PTP table's files (60-200 MB) are hashed while they load rather than in a pass of their
    // own, unless the live edition came from files of these names: then they may be the same bytes.
    const hashWhileLoading = !!spec.ptpPhrases && !(await this.liveEditionFrom(dataset, file));
    const hashes = hashWhileLoading ? parts.map(() => createHash('sha256')) : null;
    const known = hashes ? null : await editionSha256(parts);
    return this.withImportLock<ImportOutcome>(dataset, async (main) => {
      const current = await main.query<{ id: string; row_count: number }>(
        `SELECT id, row_count FROM reference_dataset_release WHERE dataset = $1 AND status = 'ACTIVE' AND source_sha256 = $2`,
        [dataset, known],
      );
      if (current.rowCount) {
        return { status: 'unchanged' as const, kind: spec.kind, file, releaseId: current.rows[0].id, rows: current.rows[0].row_count, durationMs: Date.now() - started };
      }
      const loaded = spec.yearPartition ? null : await this.loadEdition(main, formatted, parts, edition, onProgress, hashes);
      return switchTransaction(main, spec.table, async (client) => {
        let rows: number;
        if (!loaded) {
          rows = await this.replaceYear(client, formatted, path, file, edition, onProgress);
          await client.query(`UPDATE reference_dataset_release SET status = 'RETIRED' WHERE dataset = $1 AND status = 'ACTIVE'`, [dataset]);
        } else {
          rows = loaded.rows;
          // The loaded table replaces the staging table, so an edition staged there for review is dropped.
          await client.query(`UPDATE reference_dataset_release SET status = 'DISCARDED' WHERE dataset = $1 AND status = 'STAGED'`, [dataset]);
          await loaded.intoStaging(client);
          await stagedIntoPlace(pgRunner(client), spec.table);
          await client.query(`UPDATE reference_dataset_release SET status = 'RETIRED' WHERE dataset = $1 AND status = 'PREVIOUS'`, [dataset]);
          await client.query(`UPDATE reference_dataset_release SET status = 'PREVIOUS' WHERE dataset = $1 AND status = 'ACTIVE' AND id <> $2`, [dataset, edition.id]);
        }
        const sha256 = known ?? combinedSha256((hashes as Hash[]).map((h) => h.digest('hex')));
        await recordRelease(client, { id: edition.id, dataset, label: spec.describe(edition), edition, sourceFile: file, sha256, rows, status: 'ACTIVE' });
        await this.logImport(client, spec, file, sha256, edition.id, rows, started);
        return { status: 'imported' as const, kind: spec.kind, file, releaseId: edition.id, rows, durationMs: Date.now() - started };
      });
    });
  }

  /**
   * Loads one edition from one file, or from its parts in order (NCCI PTP ships in four), into the
   * staging schema and records it as STAGED with a preview against the active edition. An edition
   * already staged for the dataset is discarded. Nothing live changes.
   */
  async stage(spec: DatasetSpec, paths: readonly string[], edition: DatasetEdition, options: StageOptions = {}): Promise<StagedRelease> {
    if (spec.yearPartition) return this.stageYear(spec, paths, edition, options);
    const started = Date.now();
    const files = paths.map((p) => basename(p));
    const sha256 = await editionSha256(paths);
    return this.withImportLock(spec.dataset, async (main) => {
      const loaded = await this.loadEdition(main, withFormat(spec, options.format ?? 'shipped'), paths, edition, options.onProgress);
      const rows = loaded.rows;
      return switchTransaction(main, spec.table, async (client) => {
        await client.query(`UPDATE reference_dataset_release SET status = 'DISCARDED' WHERE dataset = $1 AND status = 'STAGED'`, [spec.dataset]);
        await loaded.intoStaging(client);
        const against = await client.query<{ id: string; label: string }>(`SELECT id, label FROM reference_dataset_release WHERE dataset = $1 AND status = 'ACTIVE'`, [spec.dataset]);
        const preview = await previewRelease(client, spec, edition, rows, against.rows[0] ?? null, options.warnings ?? []);
        const id = await freeReleaseId(client, edition.id);
        await recordRelease(client, {
          id,
          dataset: spec.dataset,
          label: spec.describe(edition),
          edition,
          sourceFile: files.join(' + '),
          sha256,
          rows,
          status: 'STAGED',
          uploadId: options.uploadId,
          preview,
        });
        await this.logImport(client, spec, files.join(' + '), sha256, id, rows, started);
        return { releaseId: id, dataset: spec.dataset, rows, files, durationMs: Date.now() - started, preview };
      });
    });
  }

  /**
   * A per-year table's edition (GPCI, counties, anesthesia CFs: one calendar year per file) staged
   * in `reference_staging.<table>`, previewed against the live rows of that year (or, for a new
   * year, the latest year before it). Activating replaces that year's rows only.
   */
  private async stageYear(spec: DatasetSpec, paths: readonly string[], edition: DatasetEdition, options: StageOptions): Promise<StagedRelease> {
    const year = edition.year;
    const partition = spec.yearPartition;
    if (year === undefined || !partition) throw new Error(`${spec.dataset} editions need a year`);
    if (paths.length !== 1) throw new InvalidInputError('files', `${spec.dataset} is one file per year.`);
    const started = Date.now();
    const path = paths[0];
    const file = basename(path);
    const dataset = `${spec.dataset}_${year}`;
    const sha256 = await editionSha256(paths);
    const formatted = withFormat(spec, options.format ?? 'shipped');
    return this.inTransaction(async (client) => {
      // One staged edition per table (they share its staging table), whatever its year.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`import:${spec.dataset}`]);
      const live = await client.query(`SELECT 1 FROM reference_dataset_release WHERE dataset = $1 AND status = 'ACTIVE' AND source_sha256 = $2`, [dataset, sha256]);
      if (live.rowCount) throw new InvalidInputError('files', `${file}: ${spec.dataset} ${year} is already live from these same bytes; there is nothing to stage.`);
      await client.query(`UPDATE reference_dataset_release SET status = 'DISCARDED' WHERE dataset LIKE $1 AND status = 'STAGED'`, [`${spec.dataset}\\_%`]);
      await createStagingTables(pgRunner(client), yearRows(spec.table, year));
      const parser = formatted.parser(file, edition);
      const rows = await this.copyRows(client, `reference_staging.${spec.table}`, formatted.columns, parser, path, options.onProgress, String(year), formatted.rawCsv, formatted.encoding);
      const yearInFile = partition.yearInFile(parser);
      if (yearInFile !== year) throw new CmsFormatError(file, 1, null, `unknown release: the file is for ${yearInFile} but its name says ${year}`);
      const compared = await client.query<{ year: number }>(`SELECT max(year) AS year FROM public.${spec.table} WHERE year <= $1`, [year]);
      const liveYear = compared.rows[0]?.year ?? null;
      const against = liveYear === null ? null : { id: `${spec.dataset}-${liveYear}`, label: spec.describe({ ...edition, year: liveYear }) };
      const preview = await previewRelease(client, spec, edition, rows, against, options.warnings ?? [], liveYear ?? undefined);
      if (liveYear !== null && liveYear !== year) preview.notes = [`${year} is new; compared with ${liveYear}, the latest year loaded before it.`];
      const id = await freeReleaseId(client, edition.id);
      await recordRelease(client, { id, dataset, label: spec.describe(edition), edition, sourceFile: file, sha256, rows, status: 'STAGED', uploadId: options.uploadId, preview });
      await this.logImport(client, spec, file, sha256, id, rows, started);
      return { releaseId: id, dataset, rows, files: [file], durationMs: Date.now() - started, preview };
    });
  }

  private async inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.postgres.pool.connect();
    try {
      return await inTransaction(client, work);
    } finally {
      client.release();
    }
  }

  /**
   * A connection holding the dataset's import lock (session-level: the load commits as it goes,
   * before the switch's transaction) for `work`. Staging, activating and rolling back wait for it.
   */
  private async withImportLock<T>(dataset: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.postgres.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [`import:${dataset}`]);
      try {
        return await work(client);
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`import:${dataset}`]).catch((error: Error) => (broken = error));
      }
    } finally {
      // A connection that could not unlock is closed, which releases the lock.
      client.release(broken);
    }
  }

  private async logImport(client: PoolClient, spec: DatasetSpec, file: string, sha256: string, releaseId: string, rows: number, started: number): Promise<void> {
    await client.query(
      `INSERT INTO reference_file_import (id, kind, file_name, sha256, release_id, row_count, duration_ms) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6)`,
      [spec.kind, file, sha256, releaseId, rows, Date.now() - started],
    );
  }

  /** Whether the live edition of `dataset` was loaded from files named `label`. */
  private async liveEditionFrom(dataset: string, label: string): Promise<boolean> {
    const { rowCount } = await this.postgres.pool.query(`SELECT 1 FROM reference_dataset_release WHERE dataset = $1 AND status = 'ACTIVE' AND source_file = $2`, [dataset, label]);
    return (rowCount ?? 0) > 0;
  }

  /**
   * The files' rows in `reference_loading.<table>`, indexed and analysed like the live table, each
   * statement committed as it goes (other connections load the other partitions side by side).
   * On failure the loading table is dropped. `hashes` (PTP only): one per file, fed its bytes.
   */
  private async loadEdition(
    main: PoolClient,
    spec: DatasetSpec & FileFormat,
    paths: readonly string[],
    edition: DatasetEdition,
    onProgress?: ImportProgress,
    hashes?: Hash[] | null,
  ): Promise<LoadedEdition> {
    const partitions = spec.partitions;
    if (partitions && partitions.column !== spec.columns[0]) {
      throw new Error(`${spec.table} is partitioned on ${partitions.column}; rows are routed by their first column, ${spec.columns[0]}`);
    }
    const parts = loadedParts(spec.table, partitions);
    await createLoadingTable(pgRunner(main), spec.table, partitions);
    // One connection per partition: this one, and one of its own for each other partition.
    const others: Client[] = [];
    try {
      if (spec.ptpPhrases) for (let k = 1; k < parts.length; k++) others.push(await this.postgres.dedicated());
      const clients: ClientBase[] = [main, ...others];
      const target = `reference_loading.${spec.table}`;
      const phrases = spec.ptpPhrases ? await PhraseDictionary.load(main, spec.ptpPhrases) : null;
      let rows = 0;
      if (spec.ptpPhrases && phrases) {
        const targets = parts.map((part, k) => ({ client: clients[k], table: `reference_loading.${part.table}`, from: part.from }));
        rows = await copyPtpRows(targets, spec.columns, phrases, spec.ptpPhrases.idColumn, paths, { layout: spec.ptpLayout, onProgress, hashes });
      } else {
        for (const [i, path] of paths.entries()) {
          const file = basename(path);
          const done = rows;
          const progress: ImportProgress | undefined = onProgress && ((n, fraction) => onProgress(done + n, (i + fraction) / paths.length));
          rows += await this.copyRows(main, target, spec.columns, spec.parser(file, edition), path, progress, undefined, spec.rawCsv, spec.encoding);
        }
      }
      if (spec.afterLoad) await main.query(spec.afterLoad(target));
      // Each partition's indexes and statistics on its connection, side by side, one process each
      // (PostgreSQL's parallel index workers would only crowd the same cores); then the table's
      // own indexes, which attach the partitions'. A partitioned table itself is not analysed:
      // queries plan per partition. Statistics from a 6,000-row sample are plenty for the
      // equality lookups these tables serve (the default samples 30,000 rows per column).
      const indexed = async (client: ClientBase, table: string, analyse: boolean) =>
        inTransaction(client, async () => {
          await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
          if (partitions) await client.query('SET LOCAL max_parallel_maintenance_workers = 0');
          await client.query('SET LOCAL default_statistics_target = 20');
          await buildLiveIndexes(pgRunner(client), table, 'reference_loading');
          if (analyse) await client.query(`ANALYZE reference_loading.${table}`);
        });
      if (partitions) {
        const sideBySide = clients.length === parts.length;
        await Promise.all(parts.map((part, k) => indexed(sideBySide ? clients[k] : main, part.table, true)));
      }
      await indexed(main, spec.table, !partitions);
      return {
        rows,
        intoStaging: async (client) => {
          await phrases?.saveNew(client);
          await loadedIntoStaging(pgRunner(client), spec.table);
        },
      };
    } catch (error) {
      await dropTable(pgRunner(main), spec.table, 'reference_loading').catch(() => undefined);
      throw error;
    } finally {
      await Promise.all(others.map((client) => client.end().catch(() => undefined)));
    }
  }

  /** Per-year editions: replace that year's rows only, after checking the file is for that year. */
  private async replaceYear(client: PoolClient, spec: DatasetSpec & FileFormat, path: string, file: string, edition: DatasetEdition, onProgress?: ImportProgress): Promise<number> {
    const year = edition.year;
    if (year === undefined || !spec.yearPartition) {
      throw new Error(`${spec.dataset} editions need a year`);
    }
    await client.query(`CREATE TEMP TABLE stage_${spec.table} (LIKE public.${spec.table} INCLUDING DEFAULTS) ON COMMIT DROP`);
    const parser = spec.parser(file, edition);
    const rows = await this.copyRows(client, `stage_${spec.table}`, spec.columns, parser, path, onProgress, String(year), spec.rawCsv, spec.encoding);
    const yearInFile = spec.yearPartition.yearInFile(parser);
    if (yearInFile !== year) {
      throw new CmsFormatError(file, 1, null, `unknown release: the file is for ${yearInFile} but its name says ${year}`);
    }
    await client.query(`DELETE FROM public.${spec.table} WHERE year = $1`, [year]);
    await client.query(`INSERT INTO public.${spec.table} SELECT * FROM stage_${spec.table}`);
    return rows;
  }

  private async copyRows(
    client: PoolClient,
    target: string,
    columns: readonly string[],
    parser: RowParser,
    path: string,
    onProgress?: ImportProgress,
    year?: string,
    rawCsv = false,
    encoding: BufferEncoding = 'utf8',
  ): Promise<number> {
    const columnList = year === undefined ? columns : ['year', ...columns];
    const sql = `COPY ${target} (${columnList.join(', ')}) FROM STDIN${rawCsv ? ' WITH (FORMAT csv)' : ''}`;
    const toCopy = (values: (string | null)[] | null): string | null => values && copyRow(year === undefined ? values : [year, ...values]);
    const toChunk = (line: string, lineNumber: number): string | null => {
      if (rawCsv && parser.accept) {
        return parser.accept(line, lineNumber) ? `${line}\n` : null;
      }
      return toCopy(parser.push(line, lineNumber));
    };
    // The row a parser held back (the last HCPCS code) goes to COPY before COPY ends; a refusal
    // there aborts the COPY like any other.
    const flush = parser.flush?.bind(parser);
    const atEnd = flush && (() => toCopy(flush()));
    const lines = await copyLines(client, sql, path, encoding, toChunk, (fraction) => onProgress?.(parser.rowCount, fraction), atEnd);
    parser.finish(lines);
    onProgress?.(parser.rowCount, 1);
    return parser.rowCount;
  }
}

/** An edition loaded in `reference_loading`: `intoStaging` makes it the staged one, in the switch's transaction. */
interface LoadedEdition {
  rows: number;
  intoStaging(client: PoolClient): Promise<void>;
}

/**
 * The switch's transaction on the import's connection. If it fails, the edition loaded for it is
 * dropped from `reference_loading` (nothing else of the load was ever visible).
 */
async function switchTransaction<T>(main: PoolClient, table: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
  try {
    return await inTransaction(main, work);
  } catch (error) {
    await dropTable(pgRunner(main), table, 'reference_loading').catch(() => undefined);
    throw error;
  }
}

export interface StageOptions {
  format?: SourceFormat;
  onProgress?: ImportProgress;
  /** The staff upload it came from. */
  uploadId?: string;
  /** What the reviewer must know before activating (e.g. PTP parts missing). */
  warnings?: string[];
}

export interface StagedRelease {
  releaseId: string;
  dataset: string;
  rows: number;
  files: string[];
  durationMs: number;
  preview: ReleasePreview;
}

/** Of the file, or (an edition in parts) of the parts' hashes in order: the same parts again are a no-op. */
async function editionSha256(paths: readonly string[]): Promise<string> {
  return combinedSha256(await Promise.all(paths.map((p) => sha256OfFile(p))));
}

function combinedSha256(hashes: readonly string[]): string {
  return hashes.length === 1 ? hashes[0] : createHash('sha256').update(hashes.join('\n')).digest('hex');
}

/** The spec as it reads a file in `format`. */
export function withFormat(spec: DatasetSpec, format: SourceFormat): DatasetSpec & FileFormat {
  if (format === 'shipped' || !spec.cmsFormat) return spec;
  return { ...spec, ...spec.cmsFormat };
}

/** An edition's record, new or replacing one of the same id: live at once (an import) or staged with its preview. */
export async function recordRelease(
  client: PoolClient,
  r: { id: string; dataset: string; label: string; edition: DatasetEdition; sourceFile: string; sha256: string; rows: number; status: 'ACTIVE' | 'STAGED'; uploadId?: string; preview?: ReleasePreview },
): Promise<void> {
  await client.query(
    `INSERT INTO reference_dataset_release (id, dataset, label, effective_from, effective_to, source_file, source_sha256, row_count, status, imported_at, activated_at, upload_id, preview)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::"ReferenceReleaseStatus", now(), CASE WHEN $9::text = 'ACTIVE' THEN now() END, $10, $11)
     ON CONFLICT (id) DO UPDATE SET dataset = EXCLUDED.dataset, label = EXCLUDED.label, effective_from = EXCLUDED.effective_from, effective_to = EXCLUDED.effective_to,
       source_file = EXCLUDED.source_file, source_sha256 = EXCLUDED.source_sha256, row_count = EXCLUDED.row_count, status = EXCLUDED.status,
       imported_at = now(), activated_at = EXCLUDED.activated_at, upload_id = EXCLUDED.upload_id, preview = EXCLUDED.preview`,
    [r.id, r.dataset, r.label, r.edition.effectiveFrom, r.edition.effectiveTo, r.sourceFile, r.sha256, r.rows, r.status, r.uploadId ?? null, r.preview ? JSON.stringify(r.preview) : null],
  );
}

/** The edition's id, or with "-2", "-3"... when that id already names a live or roll-back edition. */
async function freeReleaseId(client: PoolClient, id: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM reference_dataset_release WHERE (id = $1 OR id LIKE $1 || '-%') AND status IN ('ACTIVE', 'PREVIOUS')`,
    [id],
  );
  const taken = new Set(rows.map((r) => r.id));
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}-${n}`;
  return candidate;
}
