import { Test } from '@nestjs/testing';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigModule, DatabaseModule, PostgresPool } from '@denialmap/server/core';
import { CmsFormatError } from '@denialmap/shared/cms-formats';
import { DATASETS } from './dataset-importer';
import { sha256OfFile } from './file-hash';
import { partitionBound } from './loading-tables';
import { NcciRepository } from './ncci.repository';
import { ReferenceDataAccessModule } from './reference-data-access.module';
import { emptyReferenceTables } from './reference-tables.testing';
import { ReferenceImports } from './reference-imports';

const NCCI_DIR = resolve(__dirname, '../../../../../../data/reference/ncci');
const scratch = mkdtempSync(join(tmpdir(), 'dm-ncci-'));

function file(name: string, lines: string[]): string {
  const path = join(scratch, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

describe('NCCI imports and queries against PostgreSQL', () => {
  let imports: ReferenceImports;
  let ncci: NcciRepository;
  let pool: PostgresPool['pool'];
  let close: () => Promise<void>;

  const snapshot = async (): Promise<string> =>
    JSON.stringify(
      (
        await pool.query(`SELECT (SELECT count(*) FROM ncci_mue) AS mue, (SELECT md5(string_agg(m::text, '|' ORDER BY hcpcs)) FROM ncci_mue m) AS rows,
          (SELECT string_agg(id || ':' || status || ':' || source_sha256, ',' ORDER BY id) FROM reference_dataset_release) AS releases`)
      ).rows[0],
    );

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ConfigModule, DatabaseModule, ReferenceDataAccessModule] }).compile();
    const app = await moduleRef.init();
    imports = app.get(ReferenceImports);
    ncci = app.get(NcciRepository);
    pool = app.get(PostgresPool).pool;
    close = () => app.close();
    // Spec files share this project's test database: start from empty reference tables.
    await emptyReferenceTables(pool);
    for (const name of ['ptp_practitioner_2024q3.csv.gz', 'mue_practitioner_2024q3.csv', 'aoc_practitioner_2024q3.csv']) {
      await imports.importFile(join(NCCI_DIR, name));
    }
  });

  afterAll(() => close());

  it('hashes the PTP file while loading it, to the same SHA-256 as the file (what makes a re-import a no-op)', async () => {
    const { rows } = await pool.query<{ sha: string }>(`SELECT source_sha256 AS sha FROM reference_dataset_release WHERE id = 'NCCI_PTP-2024Q3'`);
    expect(rows[0].sha).toBe(await sha256OfFile(join(NCCI_DIR, 'ptp_practitioner_2024q3.csv.gz')));
    expect(await imports.importFile(join(NCCI_DIR, 'ptp_practitioner_2024q3.csv.gz'))).toMatchObject({ status: 'unchanged', releaseId: 'NCCI_PTP-2024Q3' });
  });

  it('loaded each table whole, with its edition and effective dates', async () => {
    const releases = await ncci.activeReleases();
    expect(releases.map((r) => [r.id, r.effectiveFrom, r.effectiveTo, r.rowCount])).toEqual([
      ['NCCI_AOC-2024Q3', '2024-07-01', '2024-09-30', 7465],
      ['NCCI_MUE-2024Q3', '2024-07-01', '2024-09-30', 14677],
      ['NCCI_PTP-2024Q3', '2024-07-01', '2024-09-30', 2546017],
    ]);
  });

  it("finds 70390's PTP edits: 12 in force, 79 with deleted ones, none with 70390 in column 2", async () => {
    const base = { code: '70390', role: null, modifierAllowed: null, offset: 0, limit: 100 } as const;
    const inForce = await ncci.ptpEdits({ ...base, inForceOn: '2025-06-01' });
    expect(inForce.total).toBe(12);
    expect(inForce.edits.map((e) => e.column2)).toEqual(['36591', '36592', '76000', '77001', '77002', '96523', '99446', '99447', '99448', '99449', '99451', '99452']);
    expect(inForce.edits[2]).toEqual({ column1: '70390', column2: '76000', effectiveDate: null, deletionDate: null, modifierIndicator: '1', rationale: 'Standards of medical/surgical practice' });
    expect((await ncci.ptpEdits({ ...base, inForceOn: null })).total).toBe(79);
    expect((await ncci.ptpEdits({ ...base, inForceOn: null, role: 'COLUMN_2' })).total).toBe(0);
    expect((await ncci.ptpEdits({ ...base, inForceOn: '2025-06-01', modifierAllowed: true })).edits.map((e) => e.column2)).toEqual(['76000', '77001', '77002']);
    // 76001 was deleted 2018-12-31: in force on that day, gone the day after.
    const on = (date: string) => ncci.ptpEdits({ ...base, inForceOn: date, limit: 200 }).then((r) => r.edits.some((e) => e.column2 === '76001'));
    expect(await on('2018-12-31')).toBe(true);
    expect(await on('2019-01-01')).toBe(false);
  });

  it('pages through edits without gaps or repeats', async () => {
    const seen: string[] = [];
    for (let offset = 0; ; offset += 5) {
      const page = await ncci.ptpEdits({ code: '70390', role: null, inForceOn: null, modifierAllowed: null, offset, limit: 5 });
      seen.push(...page.edits.map((e) => `${e.column1}-${e.column2}-${e.deletionDate}`));
      if (page.edits.length < 5) break;
    }
    expect(seen).toHaveLength(79);
    expect(new Set(seen).size).toBe(79);
  });

  it("has 70390's MUE (2 units, MAI 3) and add-on rules", async () => {
    expect(await ncci.mue('70390')).toEqual({ hcpcs: '70390', maxUnits: 2, adjudicationIndicator: '3', rationale: 'Anatomic Consideration' });
    expect((await ncci.addOnEdits('70390', 'ADD_ON', 10)).total).toBe(0);
    const typeTwo = await ncci.addOnEdits('0054T', 'ADD_ON', 10);
    expect(typeTwo.edits).toEqual([{ primaryCode: 'CCCCC', addOnCode: '0054T', editType: '2' }]);
  });

  it('treats the same bytes again as a no-op', async () => {
    const before = await snapshot();
    const outcome = await imports.importFile(join(NCCI_DIR, 'mue_practitioner_2024q3.csv'));
    expect(outcome).toMatchObject({ status: 'unchanged', releaseId: 'NCCI_MUE-2024Q3', rows: 14677 });
    expect(await snapshot()).toBe(before);
  });

  it.each([
    ['a bad indicator', 'mue_practitioner_2024q4.csv', ['hcpcs_code,mue_value,mue_adjudication_indicator,mue_rationale', '70390,2,3,x', '70391,2,7,x'], 3, 3],
    ['a truncated line', 'mue_practitioner_2024q4.csv', ['hcpcs_code,mue_value,mue_adjudication_indicator,mue_rationale', '70390,2,3,x', '70391,2'], 3, 3],
    ['a wrong delimiter', 'mue_practitioner_2024q4.csv', ['hcpcs_code\tmue_value\tmue_adjudication_indicator\tmue_rationale', '70390\t2\t3\tx'], 1, null],
    ['an unknown release', 'mue_latest.csv', ['hcpcs_code,mue_value,mue_adjudication_indicator,mue_rationale', '70390,9,3,x'], 1, null],
  ])('refuses a file with %s and changes nothing', async (_name, name, lines, line, column) => {
    const before = await snapshot();
    const error = await imports.importFile(file(name, lines)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CmsFormatError);
    expect(error).toMatchObject({ file: name, line, column });
    expect(await snapshot()).toBe(before);
  });

  it('replaces a table whole with a new edition and keeps the previous one for rollback', async () => {
    const outcome = await imports.importFile(file('mue_practitioner_2024q4.csv', ['hcpcs_code,mue_value,mue_adjudication_indicator,mue_rationale', '70390,3,2,CMS Policy']));
    expect(outcome).toMatchObject({ status: 'imported', releaseId: 'NCCI_MUE-2024Q4', rows: 1 });
    expect(await ncci.mue('70390')).toMatchObject({ maxUnits: 3, adjudicationIndicator: '2' });
    expect(await ncci.mue('0001U')).toBeNull();
    expect((await ncci.activeReleases()).find((r) => r.dataset === 'NCCI_MUE')?.id).toBe('NCCI_MUE-2024Q4');
    const archived = await pool.query(`SELECT count(*)::int AS n FROM reference_archive.ncci_mue`);
    expect(archived.rows[0].n).toBe(14677);
    const indexes = await pool.query(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'ncci_mue'`);
    expect(indexes.rows.map((r) => r.indexname)).toEqual(['ncci_mue_hcpcs_idx']);
  });

  it('keeps the PTP edits in the two partitions the migration made, as the importer declares them, each indexed', async () => {
    const declared = DATASETS['ncci-ptp'].partitions;
    if (!declared) throw new Error('NCCI PTP declares no partitions');
    const { rows } = await pool.query<{ name: string; bound: string; n: number }>(
      `SELECT c.relname::text AS name, pg_get_expr(c.relpartbound, c.oid) AS bound, (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM public.%I', c.relname), false, true, '')))[1]::text::int AS n
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'public.ncci_ptp_edit'::regclass ORDER BY c.relname`,
    );
    // The shipped 2024 file: 1,239,425 rows with column 1 below 36000, 1,306,592 from it on.
    expect(rows).toEqual([
      { name: declared.parts[0].table, bound: partitionBound(declared, 0), n: 1239425 },
      { name: declared.parts[1].table, bound: partitionBound(declared, 1), n: 1306592 },
    ]);
    const indexes = await pool.query<{ t: string; i: string }>(
      `SELECT tablename AS t, indexname AS i FROM pg_indexes WHERE schemaname = 'public' AND tablename LIKE 'ncci\\_ptp\\_edit%' ORDER BY 1, 2`,
    );
    expect(indexes.rows.map((r) => `${r.t}: ${r.i}`)).toEqual([
      'ncci_ptp_edit: ncci_ptp_edit_column_1_brin_idx',
      'ncci_ptp_edit: ncci_ptp_edit_column_2_idx',
      'ncci_ptp_edit_below_36000: ncci_ptp_edit_below_36000_column_1_idx',
      'ncci_ptp_edit_below_36000: ncci_ptp_edit_below_36000_column_2_idx',
      'ncci_ptp_edit_from_36000: ncci_ptp_edit_from_36000_column_1_idx',
      'ncci_ptp_edit_from_36000: ncci_ptp_edit_from_36000_column_2_idx',
    ]);
    // Nothing is left where editions load.
    expect((await pool.query(`SELECT to_regclass('reference_loading.ncci_ptp_edit') AS t`)).rows[0].t).toBeNull();
  });

  it.each([
    ['the first partition', '10021,76000,,7,A', 3],
    ['the second partition', '70390,76000,,7,A', 5],
  ])('refuses a PTP file with a bad row in %s while the other loads, and leaves nothing behind', async (_name, bad, line) => {
    const ptp = async () =>
      JSON.stringify((await pool.query(`SELECT (SELECT count(*) FROM ncci_ptp_edit) AS n, (SELECT string_agg(id || status, ',' ORDER BY id) FROM reference_dataset_release) AS r`)).rows[0]);
    const before = await ptp();
    const lines = ['column_1,column_2,deletion_date,modifier_indicator,ptp_edit_rationale', '0001A,0591T,,1,A', '10021,76000,,1,A', '36000,76000,,1,A', '70390,76000,,1,A', '99213,76000,,1,A'];
    lines[line - 1] = bad;
    const error = await imports.importFile(file('ptp_practitioner_2024q4.csv', lines)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CmsFormatError);
    expect(error).toMatchObject({ file: 'ptp_practitioner_2024q4.csv', line, column: 4 });
    expect(await ptp()).toBe(before);
    expect((await pool.query(`SELECT to_regclass('reference_loading.ncci_ptp_edit') AS t`)).rows[0].t).toBeNull();
  });

  // Last: it replaces the shipped PTP edition the tests above read.
  it('stores each PTP rationale phrase once; a new edition adds only the phrases it introduces', async () => {
    const phrases = async () => (await pool.query<{ id: number; rationale: string }>(`SELECT id, rationale FROM ncci_ptp_rationale ORDER BY id`)).rows;
    const shipped = await phrases();
    expect(shipped).toHaveLength(12);
    expect(shipped.map((p) => p.rationale)).toContain('Misuse of Column Two code with Column One code');
    const outcome = await imports.importFile(
      file('ptp_practitioner_2024q4.csv', [
        'column_1,column_2,deletion_date,modifier_indicator,ptp_edit_rationale',
        '70390,76000,,1,Standards of medical/surgical practice',
        '70390,77001,20241231,0,"Quoted, with a comma"',
        '70390,77002,,9,',
      ]),
    );
    expect(outcome).toMatchObject({ status: 'imported', releaseId: 'NCCI_PTP-2024Q4', rows: 3 });
    const after = await phrases();
    expect(after.slice(0, 12)).toEqual(shipped);
    expect(after.slice(12)).toEqual([{ id: Math.max(...shipped.map((p) => p.id)) + 1, rationale: 'Quoted, with a comma' }]);
    const edits = await ncci.ptpEdits({ code: '70390', role: 'COLUMN_1', inForceOn: null, modifierAllowed: null, offset: 0, limit: 10 });
    expect(edits.edits.map((e) => [e.column2, e.deletionDate, e.modifierIndicator, e.rationale])).toEqual([
      ['76000', null, '1', 'Standards of medical/surgical practice'],
      ['77002', null, '9', null],
      ['77001', '2024-12-31', '0', 'Quoted, with a comma'],
    ]);
    // The archived edition still reads its phrases.
    const archived = await pool.query(
      `SELECT r.rationale, count(*)::int AS n FROM reference_archive.ncci_ptp_edit e JOIN ncci_ptp_rationale r ON r.id = e.rationale_id WHERE e.column_1 = '70390' AND e.column_2 = '76000' GROUP BY 1`,
    );
    expect(archived.rows).toEqual([{ rationale: 'Standards of medical/surgical practice', n: 1 }]);
  });
  it('loads a PTP file out of column 1 order completely, each row in its partition', async () => {
    // Past the first 1 MiB read, a row for the first partition follows rows of the second.
    const lines = ['column_1,column_2,deletion_date,modifier_indicator,ptp_edit_rationale', '0001A,0591T,,1,A'];
    for (let i = 0; i < 40000; i++) lines.push(`70390,${String(i).padStart(5, '0')},,1,Standards of medical/surgical practice`);
    lines.push('10021,76000,,1,A');
    const path = file('ptp_practitioner_2025q1.csv', lines);
    const outcome = await imports.importFile(path);
    expect(outcome).toMatchObject({ status: 'imported', releaseId: 'NCCI_PTP-2025Q1', rows: 40002 });
    const counts = await pool.query<{ p: string; n: number }>(
      `SELECT 'below' AS p, count(*)::int AS n FROM ncci_ptp_edit_below_36000 UNION ALL SELECT 'from', count(*)::int FROM ncci_ptp_edit_from_36000`,
    );
    expect(counts.rows).toEqual([
      { p: 'below', n: 2 },
      { p: 'from', n: 40000 },
    ]);
    // The file was hashed as it loaded: the same bytes again are a no-op.
    const { rows } = await pool.query<{ sha: string }>(`SELECT source_sha256 AS sha FROM reference_dataset_release WHERE id = 'NCCI_PTP-2025Q1'`);
    expect(rows[0].sha).toBe(await sha256OfFile(path));
    expect(await imports.importFile(path)).toMatchObject({ status: 'unchanged' });
  });
});
