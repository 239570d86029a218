import { Test } from '@nestjs/testing';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigModule, DatabaseModule, PostgresPool } from '@denialmap/server/core';
import { CmsFormatError } from '@denialmap/shared/cms-formats';
import { CodeSetRepository } from './code-set.repository';
import { LocalityRepository } from './locality.repository';
import { FeeScheduleRepository } from './fee-schedule.repository';
import { PprrvuImporter } from './pprrvu-importer';
import { ReferenceDataAccessModule } from './reference-data-access.module';
import { emptyReferenceTables } from './reference-tables.testing';
import { SHIPPED_REFERENCE_FILES } from '@denialmap/server/reference-data/shipped-files';
import { ShippedReferenceData } from './shipped-reference-data';

const DATA_DIR = resolve(__dirname, '../../../../../../data/reference');
const FILE_2025 = join(DATA_DIR, 'rvu/PPRRVU2025_Oct.csv');
const scratch = mkdtempSync(join(tmpdir(), 'dm-import-'));

/** A copy of the 2025 file with one line replaced (1-based line number). */
function variant(name: string, edit: (lines: string[]) => void): string {
  const lines = readFileSync(FILE_2025, 'latin1').split('\n');
  edit(lines);
  const path = join(scratch, name);
  writeFileSync(path, lines.join('\n'), 'latin1');
  return path;
}

const line70390 = (lines: string[]) => lines.findIndex((l) => l.startsWith('70390,,'));

describe('PprrvuImporter against PostgreSQL', () => {
  let importer: PprrvuImporter;
  let repository: FeeScheduleRepository;
  let codeSets: CodeSetRepository;
  let localities: LocalityRepository;
  let shipped: ShippedReferenceData;
  let pool: PostgresPool['pool'];
  let close: () => Promise<void>;

  /** A fingerprint of everything the fee schedule tables hold. */
  async function snapshot(): Promise<string> {
    const { rows } = await pool.query(`
      SELECT (SELECT count(*) FROM rvu_row) AS rows,
             (SELECT md5(string_agg(r::text, '|' ORDER BY release_id, hcpcs, modifier)) FROM rvu_row r) AS rvu,
             (SELECT string_agg(id || ':' || source_sha256 || ':' || imported_at, ',' ORDER BY id) FROM fee_schedule_release) AS releases,
             (SELECT count(*) FROM reference_file_import) AS imports`);
    return JSON.stringify(rows[0]);
  }

  beforeAll(async () => {
    process.env['REFERENCE_DATA_DIR'] = DATA_DIR;
    const moduleRef = await Test.createTestingModule({ imports: [ConfigModule, DatabaseModule, ReferenceDataAccessModule] }).compile();
    const app = await moduleRef.init();
    importer = app.get(PprrvuImporter);
    repository = app.get(FeeScheduleRepository);
    codeSets = app.get(CodeSetRepository);
    localities = app.get(LocalityRepository);
    shipped = app.get(ShippedReferenceData);
    pool = app.get(PostgresPool).pool;
    close = () => app.close();
    // Spec files share this project's test database: start from empty reference tables.
    await emptyReferenceTables(pool);
  });

  afterAll(() => close());

  it('knows both shipped files are pending in an empty database', async () => {
    expect(await shipped.pendingFiles()).toEqual(SHIPPED_REFERENCE_FILES.map((f) => f.path));
  });

  it('loads every shipped file with the row counts SOURCES.md gives', async () => {
    const outcomes = await shipped.loadAll();
    expect(outcomes.map((o) => [o.status, o.releaseId, o.rows])).toEqual([
      ['imported', 'RVU25D', 19090],
      ['imported', 'RVU26C', 19356],
      ['imported', 'NCCI_PTP-2024Q3', 2546017],
      ['imported', 'NCCI_MUE-2024Q3', 14677],
      ['imported', 'NCCI_AOC-2024Q3', 7465],
      ['imported', 'X12_CARC-2024-06', 405],
      ['imported', 'X12_RARC-2024-06', 1171],
      ['imported', 'X12_GROUP-2024-06', 5],
      ['imported', 'MODIFIERS-2024-06', 433],
      ['imported', 'HCPCS_L2-2024JUL', 8033],
      ['imported', 'ICD10CM-FY2024', 97296],
      ['imported', 'GPCI-2025', 109],
      ['imported', 'GPCI-2026', 109],
      ['imported', 'LOCALITY_COUNTIES-2025', 110],
      ['imported', 'LOCALITY_COUNTIES-2026', 110],
      ['imported', 'ZIP5-2025-10', 42956],
      ['imported', 'OPPS_CAP-2025-10', 16100],
      ['imported', 'ANESTHESIA_CF-2025', 109],
      ['imported', 'ANESTHESIA_CF-2026', 109],
    ]);
    const geography = await pool.query(
      `SELECT (SELECT count(*)::int FROM gpci_locality WHERE year = 2025) AS gpci2025, (SELECT count(*)::int FROM gpci_locality WHERE year = 2026) AS gpci2026,
              (SELECT count(*)::int FROM locality_county) AS counties, (SELECT count(*)::int FROM zip_locality) AS zips,
              (SELECT count(*)::int FROM opps_cap) AS caps, (SELECT count(*)::int FROM anesthesia_cf) AS anes`,
    );
    expect(geography.rows[0]).toEqual({ gpci2025: 109, gpci2026: 109, counties: 220, zips: 42956, caps: 16100, anes: 218 });
    const codeSets = await pool.query(
      `SELECT (SELECT count(*)::int FROM x12_carc) AS carc, (SELECT count(*)::int FROM x12_rarc) AS rarc, (SELECT count(*)::int FROM x12_group_code) AS groups,
              (SELECT count(*)::int FROM modifier) AS modifiers, (SELECT count(*)::int FROM hcpcs_level2) AS hcpcs, (SELECT count(*)::int FROM icd10_cm) AS icd10,
              (SELECT count(*)::int FROM icd10_cm WHERE billable) AS billable, (SELECT count(*)::int FROM x12_carc WHERE stop_date IS NOT NULL) AS deactivated`,
    );
    // SOURCES.md: 405 CARC (110 deactivated), 1,171 RARC, 5 groups, 433 modifiers, 8,033 HCPCS, 97,296 ICD-10-CM (74,044 billable).
    expect(codeSets.rows[0]).toEqual({ carc: 405, rarc: 1171, groups: 5, modifiers: 433, hcpcs: 8033, icd10: 97296, billable: 74044, deactivated: 110 });
    const tables = await pool.query(`SELECT (SELECT count(*)::int FROM ncci_ptp_edit) AS ptp, (SELECT count(*)::int FROM ncci_mue) AS mue, (SELECT count(*)::int FROM ncci_add_on_edit) AS aoc`);
    expect(tables.rows[0]).toEqual({ ptp: 2546017, mue: 14677, aoc: 7465 });
    const counts = await pool.query(`SELECT release_id, count(*)::int AS n FROM rvu_row GROUP BY release_id ORDER BY release_id`);
    expect(counts.rows).toEqual([
      { release_id: 'RVU25D', n: 19090 },
      { release_id: 'RVU26C', n: 19356 },
    ]);
    expect(await shipped.pendingFiles()).toEqual([]);
  });

  it('finds localities by state, id and ZIP, with each year\'s GPCIs and anesthesia factors', async () => {
    const alabama2026 = await localities.localities(2026, { mac: '10112', localityNumber: '00' });
    expect(alabama2026).toEqual([
      {
        year: 2026,
        mac: '10112',
        localityNumber: '00',
        state: 'AL',
        name: 'ALABAMA',
        workGpci: '1.000',
        workGpciWithoutFloor: '0.988',
        peGpci: '0.875',
        mpGpci: '0.566',
        feeScheduleAreas: ['STATEWIDE'],
        counties: ['ALL COUNTIES'],
        anesthesiaConversionFactor: '19.5300',
        anesthesiaQualifyingApmConversionFactor: '19.6300',
      },
    ]);
    expect((await localities.localities(2025, { mac: '10112', localityNumber: '00' }))[0]).toMatchObject({ workGpci: '1.000', workGpciWithoutFloor: null, peGpci: '0.869', anesthesiaQualifyingApmConversionFactor: null });
    expect((await localities.localities(2026, { state: 'CA' })).length).toBeGreaterThan(20);
    expect(await localities.zip('99501')).toEqual({ zip: '99501', state: 'AK', carrier: '02102', localityNumber: '01', ruralIndicator: null, yearQuarter: '20254' });
    expect(await localities.gpciYears()).toEqual([2025, 2026]);
  });

  it('searches codes: exact code first, prefixes in code order, words ranked by where they match', async () => {
    const search = (q: string, limit = 10) => codeSets.searchCodes('RVU26C', q, 0, limit);
    expect((await search('70390')).hits.map((h) => h.code)).toEqual(['70390']);
    const prefix = await search('703', 100);
    expect(prefix.total).toBe(prefix.hits.length);
    expect(prefix.hits.map((h) => h.code)).toEqual([...prefix.hits.map((h) => h.code)].sort());
    expect(prefix.hits.every((h) => h.code.startsWith('703'))).toBe(true);
    const words = await search('x-ray salivary');
    expect(words.hits[0]).toMatchObject({ code: '70390', shortDescriptor: 'X-ray exam of salivary duct', level: 'CPT' });
    const duct = await search('salivary duct', 50);
    expect(duct.hits.map((h) => h.code)).toContain('70390');
    expect(duct.hits.every((h) => /salivary/i.test(h.shortDescriptor) && /duct/i.test(h.shortDescriptor))).toBe(true);
    // HCPCS Level II codes the fee schedule does not price are found by their long description.
    const cushion = await search('wheelchair cushion');
    expect(cushion.hits.length).toBeGreaterThan(0);
    expect(cushion.hits.every((h) => h.level === 'HCPCS_LEVEL_II' && /wheelchair/i.test(h.longDescriptor ?? ''))).toBe(true);
    expect((await search('%_')).hits).toEqual([]);
  });

  it('looks up code lists for report forms', async () => {
    expect(await codeSets.adjustmentCode('carc', '97')).toMatchObject({ code: '97', stopDate: null });
    expect((await codeSets.adjustmentCode('rarc', 'N130'))?.description).toMatch(/^Consult plan benefit documents/);
    expect(await codeSets.adjustmentCode('carc', 'ZZZ')).toBeNull();
    expect((await codeSets.groupCodes()).map((g) => g.code)).toEqual(['CO', 'CR', 'OA', 'PI', 'PR']);
    expect(await codeSets.icd10('K11.5')).toEqual({ code: 'K11.5', billable: true, description: 'Sialolithiasis', chapterName: 'Diseases of the digestive system', categoryTitle: expect.any(String) });
    const k11 = await codeSets.searchIcd10('K11', 0, 50);
    expect(k11.hits[0].billable).toBe(true);
    expect(k11.hits.every((h) => h.code.startsWith('K11'))).toBe(true);
    expect((await codeSets.searchIcd10('sialolithiasis', 0, 5)).hits.map((h) => h.code)).toEqual(['K11.5']);
  });

  it('stores exact values and every indicator of a row', async () => {
    const rows = await repository.findRvuRows('RVU25D', '70390');
    expect(rows.map((r) => r.modifier)).toEqual(['', '26', 'TC']);
    expect(rows[0]).toMatchObject({
      description: 'X-ray exam of salivary duct',
      statusCode: 'A',
      workRvu: '0.38',
      nonFacilityPeRvu: '2.98',
      facilityPeRvu: '2.98',
      nonFacilityNa: false,
      facilityNa: true,
      mpRvu: '0.03',
      nonFacilityTotalRvu: '3.39',
      pctcIndicator: '1',
      globalDays: 'XXX',
      multipleProcedureIndicator: '0',
      conversionFactor: '32.3465',
      supervisionIndicator: '09',
      imagingFamilyIndicator: '99',
      pricingIndicator: null,
    });
    const [release2026] = (await repository.listReleases()).filter((r) => r.id === 'RVU26C');
    expect(release2026).toMatchObject({
      year: 2026,
      quarter: 'C',
      effectiveFrom: '2026-07-01',
      effectiveTo: '2026-12-31',
      conversionFactor: '33.4009',
      alternateConversionFactor: '33.5675',
      releasedOn: '2026-06-30',
      sourceFile: 'PPRRVU2026_Jul_nonQPP.csv',
    });
    expect(release2026.notices[0]).toMatch(/American Medical Association/);
    expect((await repository.findRvuRows('RVU26C', '70390'))[0].pricingIndicator).toBe('9');
  });

  it('treats a second import of the same bytes as a no-op', async () => {
    const before = await snapshot();
    const outcome = await importer.import(FILE_2025);
    expect(outcome).toMatchObject({ status: 'unchanged', releaseId: 'RVU25D', rows: 19090 });
    expect(await snapshot()).toBe(before);
  });

  it.each([
    ['a bad number', 'bad-number.csv', (l: string[]) => (l[line70390(l)] = l[line70390(l)].replace(',0.38,', ',0.3x8,')), 6, /workRvu is "0.3x8"/],
    ['a truncated line', 'truncated.csv', (l: string[]) => (l[line70390(l)] = l[line70390(l)].slice(0, 40)), 7, /6 fields, expected 31/],
    ['a wrong header', 'wrong-header.csv', (l: string[]) => (l[9] = l[9].replace('HCPCS,MOD,', 'HCPCS,MODIFIER,')), 2, /column 2 is "MODIFIER"/],
    ['an unknown release', 'unknown-release.csv', (l: string[]) => (l[0] = ',,Some other fee schedule file,,'), null, /unknown release/],
  ])('refuses a file with %s, names line and column, and changes nothing', async (_kind, name, edit, column, problem) => {
    const path = variant(name, edit);
    const expectedLine = name === 'unknown-release.csv' || name === 'wrong-header.csv' ? 10 : line70390(readFileSync(path, 'latin1').split('\n')) + 1;
    const before = await snapshot();
    const error = await importer.import(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CmsFormatError);
    expect(error).toMatchObject({ file: name, line: expectedLine, column });
    expect((error as CmsFormatError).problem).toMatch(problem);
    expect(await snapshot()).toBe(before);
  });

  it('replaces a release whole when CMS corrects it (new bytes, same release)', async () => {
    const corrected = variant('PPRRVU2025_Oct_corrected.csv', (l) => (l[line70390(l)] = l[line70390(l)].replace(',0.38,2.98,', ',0.39,2.98,')));
    const outcome = await importer.import(corrected);
    expect(outcome).toMatchObject({ status: 'imported', releaseId: 'RVU25D', rows: 19090 });
    expect((await repository.findRvuRows('RVU25D', '70390'))[0].workRvu).toBe('0.39');
    const count = await pool.query(`SELECT count(*)::int AS n FROM rvu_row WHERE release_id = 'RVU25D'`);
    expect(count.rows[0].n).toBe(19090);
    // First-run loading never puts the older shipped file back over the correction...
    expect(await shipped.pendingFiles()).toEqual([]);
    // ...but importing it on purpose does, because its bytes are no longer the release's source.
    expect(await importer.import(FILE_2025)).toMatchObject({ status: 'imported', releaseId: 'RVU25D' });
    expect((await repository.findRvuRows('RVU25D', '70390'))[0].workRvu).toBe('0.38');
  });
});
