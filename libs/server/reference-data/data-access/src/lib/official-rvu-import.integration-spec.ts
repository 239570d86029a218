import { Test } from '@nestjs/testing';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { PoolClient } from 'pg';
import { ConfigModule, DatabaseModule, PostgresPool } from '@denialmap/server/core';
import { CmsFormatError } from '@denialmap/shared/cms-formats';
import { DATASETS } from './dataset-importer';
import { ReferenceDataAccessModule } from './reference-data-access.module';
import { emptyReferenceTables } from './reference-tables.testing';
import { ReferenceImports } from './reference-imports';

const DATA = resolve(__dirname, '../../../../../../data/reference');
const SAMPLES = join(DATA, 'official-format-samples');
const scratch = mkdtempSync(join(tmpdir(), 'dm-official-rvu-'));

/** A sample under another name (CMS's OPPSCAP_Oct.txt says no year; the importer needs one). */
function copied(sample: string, name: string): string {
  const path = join(scratch, name);
  copyFileSync(join(SAMPLES, sample), path);
  return path;
}

/** A copy of a sample (latin1, CRLF kept) with one line (1-based) rewritten. */
function edited(sample: string, name: string, lineNumber: number, edit: (line: string) => string): string {
  const lines = readFileSync(join(SAMPLES, sample), 'latin1').split('\n');
  lines[lineNumber - 1] = edit(lines[lineNumber - 1]);
  const path = join(scratch, name);
  writeFileSync(path, lines.join('\n'), 'latin1');
  return path;
}

/**
 * CMS's fixed-width members of the RVU zip (RVU25D) and its HCPCS Level II file, imported as CMS
 * publishes them, store the same rows as the converted CSVs in data/reference for the rows both
 * hold (compared in SQL, column by column, as stored).
 */
describe('CMS RVU and HCPCS text files imported as published (PostgreSQL)', () => {
  let imports: ReferenceImports;
  let pool: PostgresPool['pool'];
  /** One session of its own, for the temp tables that keep what the CSVs stored. */
  let db: PoolClient;
  let close: () => Promise<void>;

  /** A fingerprint of every table these imports write. */
  const snapshot = async (): Promise<string> =>
    JSON.stringify(
      (
        await pool.query(`
          SELECT (SELECT md5(string_agg(r::text, '|' ORDER BY release_id, hcpcs, modifier)) FROM rvu_row r) AS rvu,
                 (SELECT string_agg(id || ':' || source_sha256 || ':' || imported_at, ',' ORDER BY id) FROM fee_schedule_release) AS fee_releases,
                 (SELECT string_agg(id || ':' || status || ':' || source_sha256, ',' ORDER BY id, status) FROM reference_dataset_release) AS releases,
                 (SELECT md5(string_agg(g::text, '|' ORDER BY year, mac, locality_number)) FROM gpci_locality g) AS gpci,
                 (SELECT md5(string_agg(c::text, '|' ORDER BY c::text)) FROM locality_county c) AS counties,
                 (SELECT md5(string_agg(a::text, '|' ORDER BY year, mac, locality_number)) FROM anesthesia_cf a) AS anes,
                 (SELECT md5(string_agg(o::text, '|' ORDER BY o::text)) FROM opps_cap o) AS caps,
                 (SELECT md5(string_agg(h::text, '|' ORDER BY code)) FROM hcpcs_level2 h) AS hcpcs,
                 (SELECT count(*) FROM reference_file_import) AS imports`)
      ).rows[0],
    );

  /** Keeps what a table (or a part of it) holds now, in a temp table of this session. */
  const keep = (name: string, select: string) => db.query(`CREATE TEMP TABLE ${name} AS ${select}`);

  /** Rows of `a` not in `b`, and of `b` not in `a`: both empty when the two hold the same rows. */
  async function difference(a: string, b: string): Promise<{ onlyInFirst: number; onlyInSecond: number }> {
    const { rows } = await db.query(`SELECT (SELECT count(*)::int FROM (${a} EXCEPT ALL ${b}) x) AS "onlyInFirst", (SELECT count(*)::int FROM (${b} EXCEPT ALL ${a}) y) AS "onlyInSecond"`);
    return rows[0];
  }

  async function refusal(path: string): Promise<CmsFormatError> {
    const error = await imports.importFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CmsFormatError);
    return error as CmsFormatError;
  }

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ConfigModule, DatabaseModule, ReferenceDataAccessModule] }).compile();
    const app = await moduleRef.init();
    imports = app.get(ReferenceImports);
    pool = app.get(PostgresPool).pool;
    db = await pool.connect();
    close = async () => {
      db.release();
      await app.close();
    };
    // Spec files share this project's test database: start from empty reference tables.
    await emptyReferenceTables(pool);
  });

  afterAll(() => close());

  it('PPRRVU2025_Oct.txt: release RVU25D, each of its 300 records the row PPRRVU2025_Oct.csv stores', async () => {
    expect(await imports.importFile(join(DATA, 'rvu/PPRRVU2025_Oct.csv'))).toMatchObject({ status: 'imported', releaseId: 'RVU25D', rows: 19090 });
    await keep('csv_rvu', `SELECT * FROM rvu_row WHERE release_id = 'RVU25D'`);
    const outcome = await imports.importFile(join(SAMPLES, 'rvu/PPRRVU2025_Oct.txt'));
    expect(outcome).toMatchObject({ status: 'imported', kind: 'pprrvu', file: 'PPRRVU2025_Oct.txt', releaseId: 'RVU25D', rows: 300 });
    // The text is the first 300 records of the 19,090: the release is now those 300 rows.
    const txt = `SELECT * FROM rvu_row WHERE release_id = 'RVU25D'`;
    const csv = `SELECT c.* FROM csv_rvu c JOIN rvu_row r ON r.release_id = c.release_id AND r.hcpcs = c.hcpcs AND r.modifier = c.modifier`;
    expect(await difference(txt, csv)).toEqual({ onlyInFirst: 0, onlyInSecond: 0 });
    expect((await db.query(`SELECT count(*)::int AS n FROM rvu_row WHERE release_id = 'RVU25D'`)).rows[0].n).toBe(300);
    const release = await db.query(`SELECT conversion_factor::text AS cf, title, released_on, source_file, row_count, notices FROM fee_schedule_release WHERE id = 'RVU25D'`);
    expect(release.rows[0]).toMatchObject({
      cf: '32.3465',
      title: '2025 National Physician Fee Schedule Relative Value File October Release',
      // The text prints no release date (the .csv banner says 09/11/2025).
      released_on: null,
      source_file: 'PPRRVU2025_Oct.txt',
      row_count: 300,
    });
    expect(release.rows[0].notices[0]).toMatch(/^CPT CODES AND DESCRIPTIONS ONLY ARE COPYRIGHT 2026 AMERICAN MEDICAL ASSOCIATION/);
  });

  it('refuses a PPRRVU text file whose name does not say its release, naming the name CMS gives it; nothing changes', async () => {
    const before = await snapshot();
    const error = await refusal(copied('rvu/PPRRVU2025_Oct.txt', 'rvu_october.txt'));
    expect([error.file, error.line, error.column]).toEqual(['rvu_october.txt', 1, null]);
    expect(error.problem).toMatch(/^unknown release: CMS's fixed-width PPRRVU file does not print its release, so its name must say it .*PPRRVU2025_Oct\.txt/);
    expect(await snapshot()).toBe(before);
  });

  it('GPCI2025.txt: the 109 rows GPCI2025.csv stores for 2025', async () => {
    expect(await imports.importFile(join(DATA, 'gpci/GPCI2025.csv'))).toMatchObject({ status: 'imported', releaseId: 'GPCI-2025', rows: 109 });
    await keep('csv_gpci', `SELECT * FROM gpci_locality WHERE year = 2025`);
    expect(await imports.importFile(join(SAMPLES, 'rvu/GPCI2025.txt'))).toMatchObject({ status: 'imported', kind: 'gpci', releaseId: 'GPCI-2025', rows: 109 });
    // Stored as DECIMAL(6,3): the .csv's "1" and the text's "1.000" are the same value.
    expect(await difference(`SELECT * FROM gpci_locality WHERE year = 2025`, `SELECT * FROM csv_gpci`)).toEqual({ onlyInFirst: 0, onlyInSecond: 0 });
    expect((await db.query(`SELECT source_file FROM reference_dataset_release WHERE id = 'GPCI-2025'`)).rows).toEqual([{ source_file: 'GPCI2025.txt' }]);
  });

  it('ANES2025.txt: the 109 rows ANES2025.csv stores, the 5 names longer than its 40-character field cut there', async () => {
    expect(await imports.importFile(join(DATA, 'rvu/ANES2025.csv'))).toMatchObject({ status: 'imported', releaseId: 'ANESTHESIA_CF-2025', rows: 109 });
    await keep('csv_anes', `SELECT * FROM anesthesia_cf WHERE year = 2025`);
    expect(await imports.importFile(join(SAMPLES, 'rvu/ANES2025.txt'))).toMatchObject({ status: 'imported', kind: 'anesthesia-cf', releaseId: 'ANESTHESIA_CF-2025', rows: 109 });
    const columns = (table: string) => `SELECT year, mac, locality_number, left(locality_name, 40), conversion_factor, qualifying_apm_conversion_factor FROM ${table}`;
    expect(await difference(`${columns('anesthesia_cf')} WHERE year = 2025`, columns('csv_anes'))).toEqual({ onlyInFirst: 0, onlyInSecond: 0 });
    const cut = await db.query(
      `SELECT a.mac || '/' || a.locality_number AS key FROM anesthesia_cf a JOIN csv_anes c USING (year, mac, locality_number) WHERE a.locality_name <> c.locality_name ORDER BY 1`,
    );
    expect(cut.rows.map((r) => r.key)).toEqual(['01112/05', '01112/09', '01112/52', '01112/65', '01182/18']);
    // 1931 in the text is 19.31.
    expect((await db.query(`SELECT conversion_factor::text AS cf FROM anesthesia_cf WHERE year = 2025 AND mac = '10112' AND locality_number = '00'`)).rows).toEqual([{ cf: '19.3100' }]);
  });

  it("refuses 25LOCCO.txt at its first California row (no state printed), pointing at the .csv of the same zip; nothing changes", async () => {
    expect(await imports.importFile(join(DATA, 'gpci/25LOCCO.csv'))).toMatchObject({ status: 'imported', releaseId: 'LOCALITY_COUNTIES-2025', rows: 110 });
    const before = await snapshot();
    const error = await refusal(join(SAMPLES, 'rvu/25LOCCO.txt'));
    expect([error.file, error.line, error.column]).toEqual(['25LOCCO.txt', 13, 23]);
    expect(error.problem).toMatch(/^state_name is blank and no row above it in this group names the state .*load the \.csv member of the same RVU zip \(<yy>LOCCO\.csv\) instead$/);
    expect(await snapshot()).toBe(before);
    // The pool's connections are fit for work after the aborted COPY.
    expect((await pool.query(`SELECT count(*)::int AS n FROM locality_county WHERE year = 2025`)).rows[0].n).toBe(110);
  });

  it("refuses OPPSCAP_Oct.txt as CMS names it (no year anywhere), then loads it named OPPSCAP_Oct2025.txt: its 300 rows are OPPSCAP_Oct2025.csv's", async () => {
    expect(await imports.importFile(join(DATA, 'rvu/OPPSCAP_Oct2025.csv'))).toMatchObject({ status: 'imported', releaseId: 'OPPS_CAP-2025-10', rows: 16100 });
    await keep('csv_caps', `SELECT * FROM opps_cap`);
    const before = await snapshot();
    const error = await refusal(join(SAMPLES, 'rvu/OPPSCAP_Oct.txt'));
    expect([error.file, error.line, error.column]).toEqual(['OPPSCAP_Oct.txt', 1, null]);
    expect(error.problem).toMatch(/rename it with the year of the RVU zip it came from \(RVU25D: OPPSCAP_Oct2025\.txt\)/);
    expect(await snapshot()).toBe(before);

    const outcome = await imports.importFile(copied('rvu/OPPSCAP_Oct.txt', 'OPPSCAP_Oct2025.txt'));
    expect(outcome).toMatchObject({ status: 'imported', kind: 'opps-cap', releaseId: 'OPPS_CAP-2025-10', rows: 300 });
    const csv = `SELECT c.* FROM csv_caps c JOIN opps_cap o USING (hcpcs, modifier, mac, locality_number)`;
    expect(await difference(`SELECT * FROM opps_cap`, csv)).toEqual({ onlyInFirst: 0, onlyInSecond: 0 });
    expect((await db.query(`SELECT count(*)::int AS n FROM opps_cap`)).rows[0].n).toBe(300);
  });

  it('HCPC2019_CONTR_ANWEB (lines 535-734): 157 codes, the last one flushed to COPY; the same rows as the July 2024 CSV but for 2019-to-2024 changes', async () => {
    expect(await imports.importFile(join(DATA, 'hcpcs/hcpcs_level2_2024jul.csv'))).toMatchObject({ status: 'imported', releaseId: 'HCPCS_L2-2024JUL', rows: 8033 });
    await keep('csv_hcpcs', `SELECT * FROM hcpcs_level2`);
    const outcome = await imports.importFile(join(SAMPLES, 'hcpcs/HCPC2019_CONTR_ANWEB.lines535-734.txt'));
    expect(outcome).toMatchObject({ status: 'imported', kind: 'hcpcs-level2', releaseId: 'HCPCS_L2-2019JAN', rows: 157 });
    const codes = await db.query(`SELECT count(*)::int AS n, min(code) AS first, max(code) AS last FROM hcpcs_level2`);
    // A4384 is the excerpt's last record: its row comes from flush(), after the last line.
    expect(codes.rows[0]).toEqual({ n: 157, first: 'A0021', last: 'A4384' });
    const changed = await db.query(`SELECT code FROM (SELECT * FROM hcpcs_level2 EXCEPT SELECT * FROM csv_hcpcs) x ORDER BY code`);
    // The same 2019 -> 2024 changes official-hcpcs.spec.ts lists: A4344's description was revised,
    // and the 2024 file has no action effective date for five ambulance codes.
    expect(changed.rows.map((r) => r.code)).toEqual(['A0130', 'A0180', 'A0190', 'A0200', 'A0210', 'A4344']);
    const allBut = (table: string, column: string) => `SELECT ${DATASETS['hcpcs-level2'].columns.filter((c) => c !== column).join(', ')} FROM ${table}`;
    const butActionDate = await db.query(`SELECT code FROM (${allBut('hcpcs_level2', 'action_effective_on')} EXCEPT ${allBut('csv_hcpcs', 'action_effective_on')}) x`);
    expect(butActionDate.rows.map((r) => r.code)).toEqual(['A4344']);
    const dates = await db.query(`SELECT count(*)::int AS n FROM hcpcs_level2 h JOIN csv_hcpcs c USING (code) WHERE c.action_effective_on IS NULL AND h.action_effective_on IS NOT NULL`);
    expect(dates.rows[0].n).toBe(5);
    // The previous edition (the CSV's) is kept for rollback.
    expect((await db.query(`SELECT count(*)::int AS n FROM reference_archive.hcpcs_level2`)).rows[0].n).toBe(8033);
  });

  it('refuses the HCPCS head excerpt (disclaimers and modifier records only) and changes nothing', async () => {
    const before = await snapshot();
    const error = await refusal(join(SAMPLES, 'hcpcs/HCPC2019_CONTR_ANWEB.txt'));
    expect([error.file, error.column, error.problem]).toEqual(['HCPC2019_CONTR_ANWEB.txt', null, 'no procedure records (record id 3), only 215 modifier records']);
    expect(await snapshot()).toBe(before);
  });

  it('aborts the COPY when the row flushed after the last line is refused; nothing changes', async () => {
    // Line 200 is A4384's record, the last: its row is only checked when flush() builds it, after
    // every line has been read, so a blank description there is refused from flush().
    const path = edited('hcpcs/HCPC2019_CONTR_ANWEB.lines535-734.txt', 'HCPC2019_CONTR_ANWEB.bad-last.txt', 200, (l) => `${l.slice(0, 11)}${' '.repeat(80)}${l.slice(91)}`);
    expect(readFileSync(path, 'latin1').split('\r\n')[199].slice(0, 11)).toBe('A4384001003');
    const before = await snapshot();
    const error = await refusal(path);
    expect([error.file, error.line, error.column]).toEqual(['HCPC2019_CONTR_ANWEB.bad-last.txt', 200, 12]);
    expect(error.problem).toMatch(/^long_description is "", expected a description \(characters 12-91 of the 320-character HCPCS record on line 200\)/);
    expect(await snapshot()).toBe(before);
    expect((await pool.query(`SELECT count(*)::int AS n FROM hcpcs_level2`)).rows[0].n).toBe(157);
  });

  it.each([
    ['PPRRVU2025_Oct.txt', join(SAMPLES, 'rvu/PPRRVU2025_Oct.txt'), 'RVU25D', 300],
    ['GPCI2025.txt', join(SAMPLES, 'rvu/GPCI2025.txt'), 'GPCI-2025', 109],
    ['ANES2025.txt', join(SAMPLES, 'rvu/ANES2025.txt'), 'ANESTHESIA_CF-2025', 109],
    ['OPPSCAP_Oct2025.txt', join(scratch, 'OPPSCAP_Oct2025.txt'), 'OPPS_CAP-2025-10', 300],
    ['HCPC2019_CONTR_ANWEB.lines535-734.txt', join(SAMPLES, 'hcpcs/HCPC2019_CONTR_ANWEB.lines535-734.txt'), 'HCPCS_L2-2019JAN', 157],
  ])('importing %s again is a no-op', async (_name, path, releaseId, rows) => {
    const before = await snapshot();
    expect(await imports.importFile(path)).toMatchObject({ status: 'unchanged', releaseId, rows });
    expect(await snapshot()).toBe(before);
  });
});
