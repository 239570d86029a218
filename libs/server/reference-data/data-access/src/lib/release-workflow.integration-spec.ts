import { Test } from '@nestjs/testing';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { codeSetParser } from '@denialmap/shared/cms-formats';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigModule, DatabaseModule, PostgresPool } from '@denialmap/server/core';
import { DatasetCatalog } from './dataset-catalog';
import { NcciRepository } from './ncci.repository';
import { ReferenceDataAccessModule } from './reference-data-access.module';
import { ReferenceImports } from './reference-imports';
import { ReferenceReleases } from './reference-releases';
import { emptyReferenceTables } from './reference-tables.testing';
import { ReferenceUploadRepository } from './reference-upload.repository';
import { UploadStaging } from './upload-staging';
import { storedZip } from './zip.testing';

const SAMPLES = resolve(__dirname, '../../../../../../data/reference/official-format-samples');
const PTP_SAMPLE = readFileSync(join(SAMPLES, 'ncci-ptp/ccipra-v322r0-f1.TXT'));
const MUE_SAMPLE = readFileSync(join(SAMPLES, 'ncci-mue/MCR_MUE_PractitionerServices_Eff_07-01-2026.csv'));

/**
 * The staff workflow against PostgreSQL with CMS's own files: upload, stage with a preview,
 * activate, roll back; and broken files that change nothing.
 */
describe('staged reference editions (CMS formats, preview, activate, roll back)', () => {
  let imports: ReferenceImports;
  let uploads: ReferenceUploadRepository;
  let staging: UploadStaging;
  let releases: ReferenceReleases;
  let ncci: NcciRepository;
  let pool: PostgresPool['pool'];
  let close: () => Promise<void>;
  const actor = { id: randomUUID(), email: 'admin@example.test' };

  const inForce = async (code: string, date: string) =>
    (await ncci.ptpEdits({ code, role: 'COLUMN_1', inForceOn: date, modifierAllowed: null, offset: 0, limit: 500 })).edits.map((e) => e.column2);
  const live = async () =>
    JSON.stringify(
      (
        await pool.query(`SELECT (SELECT md5(string_agg(p::text, '|' ORDER BY column_1, column_2, deletion_date)) FROM ncci_ptp_edit p) AS ptp,
          (SELECT md5(string_agg(m::text, '|' ORDER BY hcpcs)) FROM ncci_mue m) AS mue,
          (SELECT string_agg(id || ':' || status, ',' ORDER BY id) FROM reference_dataset_release WHERE status IN ('ACTIVE', 'PREVIOUS')) AS live`)
      ).rows[0],
    );

  /** An upload of `files` through the repository (as the HTTP endpoint does), submitted and staged. */
  async function upload(files: { name: string; bytes: Buffer }[]) {
    const id = await uploads.create(actor.id);
    for (const f of files) {
      const body = (async function* () {
        yield f.bytes;
      })();
      await uploads.addFile(id, actor.id, f.name, body, 64 << 20);
    }
    await uploads.submit(id, actor);
    const staged = await staging.run(id, actor);
    return { id, staged, upload: await uploads.get(id) };
  }

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ConfigModule, DatabaseModule, ReferenceDataAccessModule] }).compile();
    const app = await moduleRef.init();
    imports = app.get(ReferenceImports);
    uploads = app.get(ReferenceUploadRepository);
    staging = app.get(UploadStaging);
    releases = app.get(ReferenceReleases);
    ncci = app.get(NcciRepository);
    pool = app.get(PostgresPool).pool;
    close = () => app.close();
    await emptyReferenceTables(pool);
    // The "current" edition: the converted 2024 layout, with rows the 2026 CMS file changes.
    const dir = await mkdtemp(join(tmpdir(), 'dm-workflow-'));
    const ptp = join(dir, 'ptp_practitioner_2024q3.csv');
    await writeFile(
      ptp,
      [
        'column_1,column_2,deletion_date,modifier_indicator,ptp_edit_rationale',
        '0001U,0029U,,1,Misuse of Column Two code with Column One code',
        '0001U,0030U,,1,Misuse of Column Two code with Column One code',
        '70390,76000,,1,Standards of medical/surgical practice',
      ].join('\n') + '\n',
    );
    const mue = join(dir, 'mue_practitioner_2024q3.csv');
    await writeFile(mue, ['hcpcs_code,mue_value,mue_adjudication_indicator,mue_rationale', '0001U,1,2,Code Descriptor / CPT Instruction', '0002M,2,3,Nature of Analyte'].join('\n') + '\n');
    await imports.importFile(ptp);
    await imports.importFile(mue);
  });

  afterAll(() => close());

  it('stages the CMS PTP file with a preview, and nothing live changes until it is activated', async () => {
    const before = await live();
    const { staged, upload: done } = await upload([{ name: 'ccipra-v322r0-f1.TXT', bytes: PTP_SAMPLE }]);
    expect(done).toMatchObject({ status: 'STAGED', progress: 100, problem: null });
    expect(staged).toHaveLength(1);
    const [release] = staged;
    expect(release).toMatchObject({ releaseId: 'NCCI_PTP-2026Q3', dataset: 'NCCI_PTP', rows: 154, files: ['ccipra-v322r0-f1.TXT'] });
    const preview = release.preview;
    expect(preview).toMatchObject({ against: { id: 'NCCI_PTP-2024Q3' }, rowsBefore: 3, rowsAfter: 154, comparedOn: '2026-07-01' });
    // Not in force on 2026-07-01: 0029U was deleted 2026-06-30; 70390's edits are in parts f2-f4.
    // 0030U is in both (still in force, same indicator): not a change.
    expect(preview.removed).toEqual({ count: 2, examples: ['0001U + 0029U (modifier indicator 1)', '70390 + 76000 (modifier indicator 1)'] });
    expect(preview.changed).toEqual({ count: 0, examples: [] });
    // The 66 rows with no deletion date are in force; 0030U was already there.
    expect(preview.added?.count).toBe(65);
    // The first 20, in code order (0001A's edits all carry deletion dates).
    expect(preview.added?.examples).toHaveLength(20);
    expect(preview.added?.examples.slice(0, 2)).toEqual(['0001U + 0034U (modifier indicator 1)', '0001U + 0046U (modifier indicator 1)']);
    expect(preview.warnings.join(' ')).toMatch(/Only part f1 of the four CMS publishes \(f1–f4\).*f2, f3, f4/);
    expect(await live()).toBe(before);
    expect(await inForce('0001U', '2026-08-01')).toEqual(['0029U', '0030U']);
    const audit = await pool.query(`SELECT details->>'files' AS files FROM audit_entry WHERE action = 'REFERENCE_FILES_UPLOADED' AND actor_id = $1`, [actor.id]);
    expect(audit.rows[0].files).toBe(`ccipra-v322r0-f1.TXT (${PTP_SAMPLE.length} bytes, sha256 ${createHash('sha256').update(PTP_SAMPLE).digest('hex')})`);
  });

  it('activates it at once: claims are checked against the edits in force on their date of service', async () => {
    const change = await releases.activate('NCCI_PTP-2026Q3', { ...actor, reason: 'CMS 2026 Q3 release' });
    expect(change).toEqual({ dataset: 'NCCI_PTP', active: 'NCCI_PTP-2026Q3', replaced: 'NCCI_PTP-2024Q3', activeLoaded: true, replacedLoaded: true });
    expect((await ncci.activeReleases()).find((r) => r.dataset === 'NCCI_PTP')?.id).toBe('NCCI_PTP-2026Q3');
    // 0029U: effective 2018-07-01, deleted 2026-06-30. 0417U: effective 2025-01-01, still in force.
    expect(await inForce('0001U', '2026-08-01')).toContain('0417U');
    expect(await inForce('0001U', '2026-08-01')).not.toContain('0029U');
    expect(await inForce('0001U', '2026-05-01')).toContain('0029U');
    expect(await inForce('0001U', '2024-12-01')).not.toContain('0417U');
    const [edit] = (await ncci.ptpEditsAmong(['0001U', '0417U'])).filter((e) => e.column2 === '0417U');
    expect(edit).toEqual({ column1: '0001U', column2: '0417U', effectiveDate: '2025-01-01', deletionDate: null, modifierIndicator: '1', rationale: 'Misuse of Column Two code with Column One code' });
    const flags = await pool.query(`SELECT in_existence_before_1996 AS f, count(*)::int AS n FROM ncci_ptp_edit GROUP BY 1`);
    expect(flags.rows).toEqual([{ f: false, n: 154 }]);
  });

  it('rolls back to the previous edition (and forward again), each step audited', async () => {
    expect(await releases.rollBack('NCCI_PTP', actor)).toEqual({ dataset: 'NCCI_PTP', active: 'NCCI_PTP-2024Q3', replaced: 'NCCI_PTP-2026Q3', activeLoaded: true, replacedLoaded: true });
    expect(await inForce('0001U', '2026-08-01')).toEqual(['0029U', '0030U']);
    expect(await releases.rollBack('NCCI_PTP', actor)).toEqual({ dataset: 'NCCI_PTP', active: 'NCCI_PTP-2026Q3', replaced: 'NCCI_PTP-2024Q3', activeLoaded: true, replacedLoaded: true });
    expect(await inForce('0001U', '2026-08-01')).toContain('0417U');
    const actions = await pool.query(`SELECT action, details->>'active' AS active, reason FROM audit_entry WHERE actor_id = $1 AND action::text LIKE 'REFERENCE_RELEASE%' ORDER BY id`, [actor.id]);
    expect(actions.rows).toEqual([
      { action: 'REFERENCE_RELEASE_ACTIVATED', active: 'NCCI_PTP-2026Q3', reason: 'CMS 2026 Q3 release' },
      { action: 'REFERENCE_RELEASE_ROLLED_BACK', active: 'NCCI_PTP-2024Q3', reason: null },
      { action: 'REFERENCE_RELEASE_ROLLED_BACK', active: 'NCCI_PTP-2026Q3', reason: null },
    ]);
    await expect(releases.activate('NCCI_PTP-2026Q3', actor)).rejects.toThrow('NCCI_PTP-2026Q3 is active; only a staged edition can be activated.');
  });

  it('switches another api process within 10 s: it re-reads the live editions at most 10 s after it last did', async () => {
    const other = await (await Test.createTestingModule({ imports: [ConfigModule, DatabaseModule, ReferenceDataAccessModule] }).compile()).init();
    try {
      const catalog = other.get(DatasetCatalog);
      const before = (await catalog.edition('NCCI_PTP'))?.id;
      const read = Date.now();
      const change = await releases.rollBack('NCCI_PTP', actor);
      expect(change.active).not.toBe(before);
      // That process was not told: it answers from the list it read.
      expect((await catalog.edition('NCCI_PTP'))?.id).toBe(before);
      let seen = before;
      while (seen === before && Date.now() - read < 15_000) {
        await new Promise((r) => setTimeout(r, 200));
        seen = (await catalog.edition('NCCI_PTP'))?.id;
      }
      expect(seen).toBe(change.active);
      expect(Date.now() - read).toBeLessThan(10_000 + 400);
      // Forward again, as the tests after this one expect.
      await releases.rollBack('NCCI_PTP', actor);
    } finally {
      await other.close();
    }
  }, 30_000);

  it('reads the CMS MUE file from its zip (documentation beside it is skipped) and shows unit changes', async () => {
    const zip = storedZip([
      { name: 'MCR_MUE_PractitionerServices_Eff_07-01-2026.csv', bytes: MUE_SAMPLE },
      { name: 'MUE_README.pdf', bytes: Buffer.from('%PDF-1.4 documentation') },
    ]);
    const { staged } = await upload([{ name: 'medicare-ncci-2026-q3-practitioner-services-mue-table.zip', bytes: zip }]);
    expect(staged.map((s) => [s.releaseId, s.rows])).toEqual([['NCCI_MUE-2026Q3', 44]]);
    expect(staged[0].preview.changed?.examples).toEqual(['0002M: max units 2 -> 1']);
    expect(staged[0].preview.added?.count).toBe(42);
    const discarded = await releases.discard('NCCI_MUE-2026Q3', actor);
    expect(discarded.status).toBe('DISCARDED');
    expect(await ncci.mue('0002M')).toMatchObject({ maxUnits: 2 });
  });

  it('loads CMS’s PTP parts given to the CLI as one edition (loading them one by one would leave only the last)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dm-parts-'));
    const f1 = join(dir, 'ccipra-v323r0-f1.TXT');
    const f2 = join(dir, 'ccipra-v323r0-f2.TXT');
    await writeFile(f1, PTP_SAMPLE);
    // Part 2 continues the sort by column 1: the preamble, then rows of its own codes.
    const text = PTP_SAMPLE.toString('latin1');
    const preamble = text.split('\r\n').slice(0, 6).join('\r\n');
    await writeFile(f2, `${preamble}\r\n70390\t76000\t\t20020101\t*\t1\tStandards of medical/surgical practice\r\n70390\t77001\t\t20070101\t*\t1\tStandards of medical/surgical practice\r\n`, 'latin1');
    const { outcome, warnings } = await imports.importPtpParts([f2, f1]);
    expect(outcome).toMatchObject({ status: 'imported', releaseId: 'NCCI_PTP-2026Q4', rows: 156, file: 'ccipra-v323r0-f1.TXT + ccipra-v323r0-f2.TXT' });
    expect(warnings[0]).toMatch(/^Only parts f1, f2 of the four/);
    expect(await inForce('70390', '2026-11-02')).toEqual(['76000', '77001']);
    expect(await inForce('0001U', '2026-11-02')).toContain('0417U');
    expect((await imports.importPtpParts([f1, f2])).outcome).toMatchObject({ status: 'unchanged', releaseId: 'NCCI_PTP-2026Q4' });
  });

  it('refuses an upload file over the limit, an empty one, another account\'s upload and files after submitting, keeping nothing of them', async () => {
    const id = await uploads.create(actor.id);
    const bodyOf = (...pieces: Buffer[]) =>
      (async function* () {
        for (const piece of pieces) yield piece;
      })();
    const kept = async () =>
      (await pool.query(`SELECT count(*)::int AS n FROM reference_upload_file f LEFT JOIN reference_upload_chunk c ON c.file_id = f.id WHERE f.upload_id = $1`, [id])).rows[0].n;
    await expect(uploads.addFile(id, actor.id, 'ccipra-v322r0-f1.TXT', bodyOf(PTP_SAMPLE, PTP_SAMPLE), PTP_SAMPLE.length + 1)).rejects.toThrow(/ccipra-v322r0-f1\.TXT is larger than/);
    await expect(uploads.addFile(id, actor.id, 'empty.TXT', bodyOf(), 1 << 20)).rejects.toThrow('empty.TXT is empty.');
    await expect(uploads.addFile(id, randomUUID(), 'ccipra-v322r0-f1.TXT', bodyOf(PTP_SAMPLE), 64 << 20)).rejects.toThrow(/Reference upload/);
    expect(await kept()).toBe(0);
    expect(await uploads.addFile(id, actor.id, 'ccipra-v322r0-f1.TXT', bodyOf(PTP_SAMPLE), 64 << 20)).toMatchObject({ position: 1, size: PTP_SAMPLE.length });
    await pool.query(`UPDATE reference_upload SET status = 'QUEUED' WHERE id = $1`, [id]);
    await expect(uploads.addFile(id, actor.id, 'ccipra-v322r0-f2.TXT', bodyOf(PTP_SAMPLE), 64 << 20)).rejects.toThrow('This upload was already submitted; start a new one to add files.');
    expect(await kept()).toBe(1);
    await pool.query(`DELETE FROM reference_upload WHERE id = $1`, [id]);
  });

  it('forgets uploads abandoned before they were submitted (a day on), with their bytes', async () => {
    const abandoned = await uploads.create(actor.id);
    const body = (async function* () {
      yield PTP_SAMPLE;
    })();
    await uploads.addFile(abandoned, actor.id, 'ccipra-v322r0-f1.TXT', body, 64 << 20);
    await pool.query(`UPDATE reference_upload SET created_at = now() - interval '25 hours' WHERE id = $1`, [abandoned]);
    const fresh = await uploads.create(actor.id);
    expect(await uploads.get(abandoned)).toBeNull();
    expect(await uploads.get(fresh)).toMatchObject({ status: 'UPLOADING', files: [] });
    const orphans = await pool.query(`SELECT count(*)::int AS n FROM reference_upload_chunk c LEFT JOIN reference_upload_file f ON f.id = c.file_id WHERE f.id IS NULL`);
    expect(orphans.rows[0].n).toBe(0);
  });

  /** A zip whose directory claims its one file unpacks to 4 GB (a zip bomb's shape). */
  const claimsHuge = (() => {
    const zip = storedZip([{ name: 'ccipra-v322r0-f1.TXT', bytes: PTP_SAMPLE }]);
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(0xfffffff0, central + 24);
    return zip;
  })();

  const broken: [string, { name: string; bytes: Buffer }[], RegExp][] = [
    ['a zip that claims to unpack to 4 GB', [{ name: 'bomb.zip', bytes: claimsHuge }], /^bomb\.zip:1 the zip unpacks to 4096 MiB, more than the 2 GiB a CMS release needs$/],
    ['a truncated PTP file', [{ name: 'ccipra-v322r0-f1.TXT', bytes: PTP_SAMPLE.subarray(0, PTP_SAMPLE.indexOf('\t20220101', 2000) + 5) }], /ccipra-v322r0-f1\.TXT:\d+/],
    ['a PTP file with commas for tabs', [{ name: 'ccipra-v322r0-f1.TXT', bytes: Buffer.from(PTP_SAMPLE.toString('latin1').replace(/\t/g, ','), 'latin1') }], /./],
    ['an MUE file re-encoded as UTF-8', [{ name: 'MCR_MUE_PractitionerServices_Eff_07-01-2026.csv', bytes: Buffer.from(MUE_SAMPLE.toString('latin1'), 'utf8') }], /./],
    ['a PTP file missing a column', [{ name: 'ccipra-v322r0-f1.TXT', bytes: Buffer.from(PTP_SAMPLE.toString('latin1').replace('0001U\t0029U\t\t20180701\t20260630\t1\t', '0001U\t0029U\t20180701\t20260630\t1\t'), 'latin1') }], /./],
    ['a zip with a stray file', [{ name: 'ptp.zip', bytes: storedZip([{ name: 'ccipra-v322r0-f1.TXT', bytes: PTP_SAMPLE }, { name: 'notes.txt', bytes: Buffer.from('call Bob about the Q3 file\n') }]) }], /notes\.txt \(in ptp\.zip\)/],
  ];

  it.each(broken)('refuses %s: the upload fails with where and why, and nothing is staged or changed', async (_name, files, where) => {
    const before = await live();
    const stagedBefore = (await pool.query(`SELECT count(*)::int AS n FROM reference_dataset_release WHERE status = 'STAGED'`)).rows[0].n;
    const { staged, upload: done } = await upload(files);
    expect(staged).toEqual([]);
    expect(done?.status).toBe('FAILED');
    expect(done?.problem).not.toBeNull();
    expect(`${done?.problem?.file}:${done?.problem?.line} ${done?.problem?.problem}`).toMatch(where);
    expect(done?.problem?.problem.length).toBeGreaterThan(20);
    expect(await live()).toBe(before);
    expect((await pool.query(`SELECT count(*)::int AS n FROM reference_dataset_release WHERE status = 'STAGED'`)).rows[0].n).toBe(stagedBefore);
    // The bytes are gone once the job is done with them.
    expect((await pool.query(`SELECT count(*)::int AS n FROM reference_upload_chunk c JOIN reference_upload_file f ON f.id = c.file_id WHERE f.upload_id = $1`, [done?.id])).rows[0].n).toBe(0);
  });

  it("loads the CDC's ICD-10-CM order file (fixed width): chapters from the codes, category ranges after the load, the same rows as the shipped table", async () => {
    const shipped = gunzipSync(readFileSync(resolve(__dirname, '../../../../../../data/reference/icd10/icd10cm_fy2024_order.csv.gz'))).toString('utf8').split('\n');
    const parser = codeSetParser('icd10', 'icd10cm_fy2024_order.csv');
    const rows = shipped.slice(0, 3001).map((line, i) => parser.push(line, i + 1)).filter((r): r is (string | null)[] => r !== null);
    // The CDC's layout (its published positions); the short description is the long one cut to 60.
    const text = rows.map(([order, code, billable, d]) => `${String(order).padStart(5, '0')} ${String(code).replace('.', '').padEnd(7)} ${billable} ${String(d).slice(0, 60).padEnd(60)} ${d}`).join('\r\n') + '\r\n';
    const { staged } = await upload([{ name: 'icd10cm_order_2024.txt', bytes: Buffer.from(text, 'latin1') }]);
    expect(staged.map((s) => `${s.releaseId}:${s.rows}`)).toEqual(['ICD10CM-FY2024:3000']);
    await releases.activate('ICD10CM-FY2024', actor);
    const loaded = await pool.query<{ code: string; chapter_range: string; category_title: string; category_range: string }>(
      `SELECT code, chapter_range, category_title, category_range FROM icd10_cm ORDER BY order_number`,
    );
    expect(loaded.rows).toHaveLength(3000);
    expect(loaded.rows[0]).toEqual({ code: 'A00', chapter_range: 'A00 - B99', category_title: 'Cholera', category_range: 'A00 - A00.9' });
    // Every category wholly inside the excerpt has the shipped range (the last one is cut short
    // here), except where the converted copy filed a billable 3-character code under the category
    // before it ("A08 - A09"): read from CMS's layout, A08 is "A08 - A08.8" and A09 its own.
    const lastCategory = String(rows[rows.length - 1][1]).slice(0, 3);
    const ownCategory = (code: string, range: string | null) => String(range).startsWith(`${code.slice(0, 3)} - ${code.slice(0, 3)}`);
    const compared = rows.filter((r) => !String(r[1]).startsWith(lastCategory) && ownCategory(String(r[1]), r[8]));
    expect(compared.length).toBeGreaterThan(2500);
    const byCode = new Map(loaded.rows.map((r) => [r.code, r.category_range]));
    expect(compared.map((r) => `${r[1]} ${byCode.get(String(r[1]))}`)).toEqual(compared.map((r) => `${r[1]} ${r[8]}`));
    expect(byCode.get('A09')).toBe('A09 - A09');
  });
});
