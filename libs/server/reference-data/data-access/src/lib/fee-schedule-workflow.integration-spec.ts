import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigModule, DatabaseModule, PostgresPool } from '@denialmap/server/core';
import { CmsFormatError } from '@denialmap/shared/cms-formats';
import { InvalidInputError } from '@denialmap/shared/errors';
import { ReferenceDataAccessModule } from './reference-data-access.module';
import { ReferenceImports } from './reference-imports';
import { ReferenceReleases } from './reference-releases';
import { ReleaseCatalog } from './release-catalog';
import { emptyReferenceTables } from './reference-tables.testing';
import { UploadStaging } from './upload-staging';
import { storedZip } from './zip.testing';

const DATA = resolve(__dirname, '../../../../../../data/reference');
const RVU25D = join(DATA, 'rvu/PPRRVU2025_Oct.csv');
const RVU26C = join(DATA, 'rvu/PPRRVU2026_Jul_nonQPP.csv');
const RVU25D_TXT_EXCERPT = join(DATA, 'official-format-samples/rvu/PPRRVU2025_Oct.txt');
const GPCI = (year: number) => join(DATA, `gpci/GPCI${year}.csv`);

/**
 * A fee schedule release staged from a file, previewed (RVU and indicator changes, conversion
 * factor, biggest payment changes), activated, rolled back and forward, against PostgreSQL.
 * Releases live side by side (chosen by date of service), so a switch moves one release's rows.
 */
describe('staged fee schedule releases (preview, activate, roll back)', () => {
  let imports: ReferenceImports;
  let staging: UploadStaging;
  let releases: ReferenceReleases;
  let catalog: ReleaseCatalog;
  let pool: PostgresPool['pool'];
  let close: () => Promise<void>;
  const actor = { id: randomUUID(), email: 'admin@example.test' };

  const liveReleases = async () => (await pool.query<{ id: string; row_count: number }>(`SELECT id, row_count FROM fee_schedule_release ORDER BY id`)).rows;
  const workRvu = async (release: string, code: string) =>
    (await pool.query<{ w: string }>(`SELECT work_rvu::text AS w FROM rvu_row WHERE release_id = $1 AND hcpcs = $2 AND modifier = ''`, [release, code])).rows[0]?.w ?? null;
  const records = async () =>
    (await pool.query<{ id: string; status: string }>(`SELECT id, status FROM reference_dataset_release WHERE dataset LIKE 'FEE_SCHEDULE_%' AND status IN ('STAGED', 'ACTIVE', 'PREVIOUS')`)).rows
      .map((r) => `${r.id}:${r.status}`)
      .sort();
  const fingerprint = async () =>
    JSON.stringify(
      (
        await pool.query(`SELECT (SELECT md5(string_agg(r::text, '|' ORDER BY release_id, hcpcs, modifier)) FROM rvu_row r) AS rows,
          (SELECT string_agg(id || ':' || source_sha256, ',' ORDER BY id) FROM fee_schedule_release) AS releases`)
      ).rows[0],
    );

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ConfigModule, DatabaseModule, ReferenceDataAccessModule] }).compile();
    const app = await moduleRef.init();
    imports = app.get(ReferenceImports);
    staging = app.get(UploadStaging);
    releases = app.get(ReferenceReleases);
    catalog = app.get(ReleaseCatalog);
    pool = app.get(PostgresPool).pool;
    close = () => app.close();
    await emptyReferenceTables(pool);
    await pool.query('DROP TABLE IF EXISTS reference_archive.rvu_row, reference_archive.fee_schedule_release, reference_staging.rvu_row, reference_staging.fee_schedule_release');
    expect((await imports.importFile(RVU25D)).releaseId).toBe('RVU25D');
  });

  afterAll(() => close());

  it('stages the July 2026 file against RVU25D: row counts, conversion factor, 70390 0.38 -> 0.37, biggest payment changes; nothing live changes', async () => {
    const before = await fingerprint();
    const [staged] = await staging.stageFiles([RVU26C], { id: null, email: 'cli' });
    expect(staged).toMatchObject({ releaseId: 'RVU26C', dataset: 'FEE_SCHEDULE_RVU26C', rows: 19356 });
    const p = staged.preview;
    expect(p.against?.id).toBe('RVU25D');
    expect([p.rowsBefore, p.rowsAfter, p.comparedOn]).toEqual([19090, 19356, '2026-07-01']);
    expect(p.notes).toContain('Conversion factor 32.3465 -> 33.4009.');
    expect(p.notes?.[0]).toBe('RVU26C is new; compared with RVU25D, the release in force before 2026-07-01.');
    expect([p.added?.count, p.removed?.count]).toEqual([496, 230]);
    expect(p.added?.examples[0]).toBe('0988T: added (work RVU 0.00, status C)');
    expect(p.removed?.examples[0]).toBe('0042T: no longer in the file (was work RVU 0.00, status C)');
    expect(p.changed?.count).toBe(9400);
    expect(p.changed?.examples).toHaveLength(20);
    // Largest RVU changes first, each line naming what changed.
    expect(p.changed?.examples[0]).toMatch(/^[0-9A-Z]{5}(-\w\w)?: (status|work RVU|non-facility PE RVU|facility PE RVU|MP RVU|.* indicator|global days)/);
    // Biggest first, by the size of the change in dollars, exact to the cent.
    expect(p.paymentChanges?.count).toBe(7731);
    // 61626 becomes payable in the office: it was NA there (paid at the facility rate), and leads.
    expect(p.paymentChanges?.examples.slice(0, 3)).toEqual([
      '61626 (non-facility; was NA, at the facility rate): $877.88 -> $9,735.03 (+$8,857.15)',
      '0596T (non-facility): $0.00 -> $2,019.08 (+$2,019.08)',
      '27278 (non-facility): $11,805.18 -> $13,754.82 (+$1,949.64)',
    ]);
    expect(p.paymentChanges?.examples).toContain('52648 (non-facility; now NA, at the facility rate): $1,510.91 -> $528.40 (-$982.51)');

    const lines = await releases.codeChanges(staged.releaseId, ['70390', '99213']);
    expect(lines[0]).toBe('70390: work RVU 0.38 -> 0.37, non-facility PE RVU 2.98 -> 2.91, facility PE RVU 2.98 -> 2.91');
    expect(lines).toContain('70390-26: work RVU 0.38 -> 0.37, non-facility PE RVU 0.14 -> 0.13, facility PE RVU 0.14 -> 0.13');
    await expect(releases.codeChanges(staged.releaseId, ['7039'])).rejects.toBeInstanceOf(InvalidInputError);

    expect(await fingerprint()).toBe(before);
    expect(await records()).toEqual(['RVU25D:ACTIVE', 'RVU26C:STAGED']);
  });

  it('activates it atomically: 2026 dates price from RVU26C at once, and the audit log says so', async () => {
    const change = await releases.activate('RVU26C', { ...actor, reason: 'CMS July 2026 release' });
    expect(change).toEqual({ dataset: 'FEE_SCHEDULE_RVU26C', active: 'RVU26C', replaced: 'RVU26C-none', activeLoaded: true, replacedLoaded: false });
    expect((await liveReleases()).map((r) => `${r.id}:${r.row_count}`)).toEqual(['RVU25D:19090', 'RVU26C:19356']);
    expect([await workRvu('RVU25D', '70390'), await workRvu('RVU26C', '70390')]).toEqual(['0.38', '0.37']);
    // This process re-reads the releases without waiting for the 10 s refresh.
    expect((await catalog.releases()).map((r) => r.id)).toEqual(['RVU25D', 'RVU26C']);
    expect(await records()).toEqual(['RVU25D:ACTIVE', 'RVU26C-none:PREVIOUS', 'RVU26C:ACTIVE']);
    const audit = await pool.query(`SELECT action, reason, details FROM audit_entry WHERE action = 'REFERENCE_RELEASE_ACTIVATED' ORDER BY id DESC LIMIT 1`);
    expect(audit.rows[0]).toMatchObject({ reason: 'CMS July 2026 release', details: { dataset: 'FEE_SCHEDULE_RVU26C', active: 'RVU26C', rows: 19356 } });
  });

  it('rolls back to "not loaded" and forward again, each a swap of that release alone', async () => {
    const withRvu26c = await fingerprint();
    expect(await releases.rollBack('FEE_SCHEDULE_RVU26C', actor)).toEqual({ dataset: 'FEE_SCHEDULE_RVU26C', active: 'RVU26C-none', replaced: 'RVU26C', activeLoaded: false, replacedLoaded: true });
    expect((await liveReleases()).map((r) => r.id)).toEqual(['RVU25D']);
    expect(await workRvu('RVU25D', '70390')).toBe('0.38');
    expect((await catalog.releases()).map((r) => r.id)).toEqual(['RVU25D']);
    expect(await releases.rollBack('FEE_SCHEDULE_RVU26C', actor)).toEqual({ dataset: 'FEE_SCHEDULE_RVU26C', active: 'RVU26C', replaced: 'RVU26C-none', activeLoaded: true, replacedLoaded: false });
    expect(await fingerprint()).toBe(withRvu26c);
  });

  it("stages a corrected file of a live release (CMS's fixed-width TXT) against that release's own rows; discard leaves everything as it was", async () => {
    const before = await fingerprint();
    const [staged] = await staging.stageFiles([RVU25D_TXT_EXCERPT], actor);
    expect(staged).toMatchObject({ releaseId: 'RVU25D-2', dataset: 'FEE_SCHEDULE_RVU25D', rows: 300 });
    expect(staged.preview.against?.id).toBe('RVU25D');
    expect(staged.preview.notes?.[0]).toBe('Replaces the live RVU25D (a corrected file).');
    expect(staged.preview.notes).toContain('Conversion factor unchanged: 32.3465.');
    // The excerpt holds the first 300 rows: the rest would be gone, and the preview says how many.
    expect(staged.preview.removed?.count).toBe(19090 - 300);
    expect(staged.preview.changed?.count).toBe(0);
    expect(staged.preview.paymentChanges?.count).toBe(0);
    await releases.discard('RVU25D-2', actor);
    await expect(releases.activate('RVU25D-2', actor)).rejects.toThrow(/discarded; only a staged edition can be activated/);
    expect(await fingerprint()).toBe(before);
    expect((await pool.query(`SELECT to_regclass('reference_staging.rvu_row') AS t`)).rows[0].t).toBeNull();
  });

  it('refuses the bytes of a live release, and a broken file, changing nothing and staging nothing', async () => {
    const before = await fingerprint();
    const recordsBefore = await records();
    await expect(staging.stageFiles([RVU26C], actor)).rejects.toThrow(/RVU26C is already live from these same bytes/);
    const dir = await mkdtemp(join(tmpdir(), 'dm-rvu-'));
    const truncated = join(dir, 'PPRRVU2026_Jul_nonQPP.csv');
    const text = readFileSync(RVU26C, 'latin1');
    await writeFile(truncated, text.slice(0, text.indexOf('\n70390,') + 40), 'latin1');
    const refusal = await staging.stageFiles([truncated], actor).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(CmsFormatError);
    expect(refusal).toMatchObject({ file: 'PPRRVU2026_Jul_nonQPP.csv' });
    expect(await fingerprint()).toBe(before);
    expect(await records()).toEqual(recordsBefore);
  });

  it('a CLI import of a release keeps the one it replaces for a roll-back, like an activation', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dm-rvu-'));
    const corrected = join(dir, 'PPRRVU2026_Jul_nonQPP.csv');
    // The same release with one value corrected: 70390's work RVU.
    await writeFile(corrected, readFileSync(RVU26C, 'latin1').replace(/^70390,,X-ray exam of salivary duct,A,,0\.37,/m, '70390,,X-ray exam of salivary duct,A,,0.39,'), 'latin1');
    expect((await imports.importFile(corrected)).status).toBe('imported');
    expect(await workRvu('RVU26C', '70390')).toBe('0.39');
    expect(await records()).toEqual(['RVU25D:ACTIVE', 'RVU26C-2:ACTIVE', 'RVU26C:PREVIOUS']);
    await releases.rollBack('FEE_SCHEDULE_RVU26C', actor);
    expect(await workRvu('RVU26C', '70390')).toBe('0.37');
  });

  it("stages a whole RVU zip (every table in it, each with its preview); a new year's GPCI activates beside the last and rolls back to not loaded", async () => {
    await imports.importFile(GPCI(2025));
    const gpci = async (year: number) => Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM gpci_locality WHERE year = $1`, [year])).rows[0].n);
    const dir = await mkdtemp(join(tmpdir(), 'dm-rvu-zip-'));
    const zip = join(dir, 'rvu26c.zip');
    const files = [
      { name: 'PPRRVU2025_Oct.txt', bytes: readFileSync(RVU25D_TXT_EXCERPT) },
      // From 2026 the zip holds the release for qualifying APM participants too: set aside, with a note.
      { name: 'PPRRVU2025_Oct_QPP.txt', bytes: readFileSync(RVU25D_TXT_EXCERPT) },
      { name: 'GPCI2026.csv', bytes: readFileSync(GPCI(2026)) },
      { name: '26LOCCO.csv', bytes: readFileSync(join(DATA, 'gpci/26LOCCO.csv')) },
      { name: 'ANES2026.csv', bytes: readFileSync(join(DATA, 'rvu/ANES2026.csv')) },
      // CMS names this member by month only; the zip's PPRRVU file gives the year.
      { name: 'OPPSCAP_Oct.csv', bytes: readFileSync(join(DATA, 'rvu/OPPSCAP_Oct2025.csv')) },
      { name: 'RVU25D_layout.pdf', bytes: Buffer.from('%PDF-1.4 layout') },
    ];
    await writeFile(zip, storedZip(files));
    const staged = await staging.stageFiles([zip], actor);
    expect(staged.map((s) => `${s.dataset}:${s.releaseId}:${s.rows}`).sort()).toEqual([
      'ANESTHESIA_CF_2026:ANESTHESIA_CF-2026:109',
      'FEE_SCHEDULE_RVU25D:RVU25D-2:300',
      'GPCI_2026:GPCI-2026:109',
      'LOCALITY_COUNTIES_2026:LOCALITY_COUNTIES-2026:110',
      'OPPS_CAP:OPPS_CAP-2025-10:16100',
    ]);
    expect(staged.find((s) => s.releaseId === 'RVU25D-2')?.preview.warnings).toContain(
      "PPRRVU2025_Oct_QPP.txt was set aside: it is the same release with the qualifying APM participants' conversion factor, which DenialMap shows beside every amount from PPRRVU2025_Oct.txt.",
    );
    const gpci2026 = staged.find((s) => s.dataset === 'GPCI_2026')?.preview;
    expect(gpci2026?.against?.id).toBe('GPCI-2025');
    expect(gpci2026?.notes).toEqual(['2026 is new; compared with 2025, the latest year loaded before it.']);
    expect([gpci2026?.rowsBefore, gpci2026?.rowsAfter]).toEqual([109, 109]);
    expect(gpci2026?.changed?.count).toBeGreaterThan(0);
    expect(gpci2026?.changed?.examples[0]).toMatch(/^\w{5} \+ \d\d: .*gpci [\d.]+ -> [\d.]+/);
    expect(await gpci(2026)).toBe(0);

    await releases.activate('GPCI-2026', actor);
    expect([await gpci(2025), await gpci(2026)]).toEqual([109, 109]);
    expect(await releases.rollBack('GPCI_2026', actor)).toEqual({ dataset: 'GPCI_2026', active: 'GPCI-2026-none', replaced: 'GPCI-2026', activeLoaded: false, replacedLoaded: true });
    expect([await gpci(2025), await gpci(2026)]).toEqual([109, 0]);
    await releases.rollBack('GPCI_2026', actor);
    expect([await gpci(2025), await gpci(2026)]).toEqual([109, 109]);
    for (const s of staged.filter((x) => x.dataset !== 'GPCI_2026')) await releases.discard(s.releaseId, actor);
  });
});
