import { Module } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { resolve } from 'node:path';
import { ApiCoreModule } from '@denialmap/server/core';
import { ReferenceDataModule } from './reference-data.module';

// The api's wiring, with jobs inline (set below) so the first-run load happens in this process.
@Module({ imports: [ApiCoreModule, ReferenceDataModule] })
class TestApiModule {}

interface GraphqlAnswer {
  data: Record<string, unknown> | null;
  errors?: { message: string; extensions: Record<string, string> }[];
}

describe('code(...) over HTTP with the real database (first run loads inline)', () => {
  let app: NestFastifyApplication;
  let base: string;

  async function graphql(query: string, variables: Record<string, unknown> = {}): Promise<GraphqlAnswer> {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphqlAnswer;
  }

  const CODE = `query ($code: String!, $dos: String) {
    code(code: $code, dateOfService: $dos) {
      code shortDescriptor descriptorNotice releaseMatch releaseNote source level
      status { code label paidFromRvus }
      release { id label conversionFactor alternateConversionFactor }
      rvus { workRvu nonFacilityTotalRvu nationalNonFacility { amount reason steps { result } } nationalFacility { amount reason } }
      professionalComponent { nationalNonFacility { amount } }
      technicalComponent { nationalNonFacility { amount } }
    }
  }`;

  beforeAll(async () => {
    process.env['JOBS_MODE'] = 'inline';
    process.env['REFERENCE_DATA_DIR'] = resolve(__dirname, '../../../../../../data/reference');
    process.env['WEB_DIST_DIR'] = '';
    const moduleRef = await Test.createTestingModule({ imports: [TestApiModule] }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: ['error'] });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    base = base.replace('[::1]', '127.0.0.1');
  });

  afterAll(() => app.close());

  it('is not ready until the shipped data is in, then ready (and says jobs run inline)', async () => {
    const deadline = Date.now() + 30_000;
    type Readiness = { status: string; checks: Record<string, { ok: boolean; degraded?: boolean }> };
    let body: Readiness | undefined;
    let status = 0;
    while (Date.now() < deadline) {
      const response = await fetch(`${base}/health/ready`);
      status = response.status;
      body = (await response.json()) as Readiness;
      if (status === 200) break;
      expect(status).toBe(503);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
    expect(body?.checks['referenceData'].ok).toBe(true);
    expect(body?.checks['jobs']).toMatchObject({ ok: true, degraded: true });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });

  it('answers the 2025 golden values from RVU25D, as exact decimal strings', async () => {
    const { data, errors } = await graphql(CODE, { code: '70390', dos: '2025-06-01' });
    expect(errors).toBeUndefined();
    expect(data?.['code']).toMatchObject({
      code: '70390',
      shortDescriptor: 'X-ray exam of salivary duct',
      level: 'CPT',
      releaseMatch: 'NEAREST_LOADED',
      source: 'CMS MPFS RVU25D, PPRRVU2025_Oct.csv',
      status: { code: 'A', label: 'Active', paidFromRvus: true },
      release: { id: 'RVU25D', label: 'CMS MPFS RVU25D', conversionFactor: '32.3465', alternateConversionFactor: null },
      rvus: { workRvu: '0.38', nonFacilityTotalRvu: '3.39', nationalNonFacility: { amount: '109.65', reason: null } },
      professionalComponent: { nationalNonFacility: { amount: '17.47' } },
      technicalComponent: { nationalNonFacility: { amount: '92.19' } },
    });
    const detail = data?.['code'] as { descriptorNotice: string; rvus: { nationalFacility: { amount: null; reason: string } } };
    expect(detail.descriptorNotice).toMatch(/American Medical Association/);
    expect(detail.rvus.nationalFacility).toEqual({ amount: null, reason: expect.stringMatching(/^NA: /) });
  });

  it('answers the 2026 golden values from RVU26C', async () => {
    const { data } = await graphql(CODE, { code: '70390', dos: '2026-08-01' });
    expect(data?.['code']).toMatchObject({
      releaseMatch: 'IN_FORCE',
      releaseNote: null,
      release: { id: 'RVU26C', conversionFactor: '33.4009', alternateConversionFactor: '33.5675' },
      rvus: { workRvu: '0.37', nationalNonFacility: { amount: '110.56' } },
      professionalComponent: { nationalNonFacility: { amount: '17.37' } },
      technicalComponent: { nationalNonFacility: { amount: '93.19' } },
    });
  });

  it('explains a code that is not priced from RVUs instead of printing $0.00', async () => {
    const { data } = await graphql(CODE, { code: '0042T', dos: '2025-11-01' });
    expect(data?.['code']).toMatchObject({
      status: { code: 'C', paidFromRvus: false },
      rvus: { nationalNonFacility: { amount: null, reason: expect.stringContaining('status C') } },
    });
  });

  it.each([
    ['an unknown code', { code: '99999', dos: '2025-06-01' }, 'NOT_FOUND', undefined],
    ['a malformed code', { code: '7039', dos: '2025-06-01' }, 'BAD_USER_INPUT', 'code'],
    ['a malformed date', { code: '70390', dos: '2025-02-30' }, 'BAD_USER_INPUT', 'dateOfService'],
    ['a year with no release', { code: '70390', dos: '2019-01-01' }, 'BAD_USER_INPUT', 'dateOfService'],
  ])('gives %s a typed error', async (_name, variables, code, field) => {
    const { data, errors } = await graphql(CODE, variables);
    expect(data).toBeNull();
    expect(errors?.[0].extensions['code']).toBe(code);
    expect(errors?.[0].extensions['field']).toBe(field);
    expect(errors?.[0].extensions['stacktrace']).toBeUndefined();
  });

  it('adds NCCI edits (both directions, paginated), the MUE with its MAI in words, and stale-data notes', async () => {
    const { data, errors } = await graphql(`{
      code(code: "70390", dateOfService: "2025-06-01") {
        ncciEdits(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { node { otherCode role modifierAllowed inForce explanation } } }
        deleted: ncciEdits(inForceOnly: false, first: 1) { totalCount }
        bypassable: ncciEdits(modifierAllowed: true) { edges { node { otherCode } } }
        mue { maxUnits adjudicationIndicator adjudicationLabel appealable }
        addOnRules { isAddOnCode addOnCodeCount }
        ncciSources { dataset olderThanDateOfService }
        rvus { indicators { indicator value known } }
      }
      addOn: code(code: "0055T", dateOfService: "2025-06-01") { addOnRules { isAddOnCode primaryCodes { primaryCode editType editTypeMeaning } } }
    }`);
    expect(errors).toBeUndefined();
    const code = data?.['code'] as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(code['ncciEdits'].totalCount).toBe(12);
    expect(code['ncciEdits'].pageInfo.hasNextPage).toBe(true);
    expect(code['ncciEdits'].edges[0].node).toEqual({
      otherCode: '36591',
      role: 'COLUMN_1',
      modifierAllowed: false,
      inForce: true,
      explanation: '36591 is not paid when billed with 70390 (same patient, date and provider); no modifier bypasses this edit.',
    });
    expect(code['deleted'].totalCount).toBe(79);
    expect(code['bypassable'].edges.map((e: { node: { otherCode: string } }) => e.node.otherCode)).toEqual(['76000', '77001', '77002']);
    expect(code['mue']).toEqual({ maxUnits: 2, adjudicationIndicator: '3', adjudicationLabel: 'Date of service edit: clinical', appealable: true });
    expect(code['addOnRules']).toEqual({ isAddOnCode: false, addOnCodeCount: 0 });
    expect(code['ncciSources']).toEqual([
      { dataset: 'NCCI_AOC', olderThanDateOfService: true },
      { dataset: 'NCCI_MUE', olderThanDateOfService: true },
      { dataset: 'NCCI_PTP', olderThanDateOfService: true },
    ]);
    expect(code['rvus'].indicators).toContainEqual({ indicator: 'PC/TC', value: '1', known: true });
    expect((data?.['addOn'] as Record<string, any>)['addOnRules']).toEqual({ // eslint-disable-line @typescript-eslint/no-explicit-any
      isAddOnCode: true,
      primaryCodes: [{ primaryCode: 'CCCCC', editType: '2', editTypeMeaning: expect.stringMatching(/no specific primary codes/) }],
    });
  });

  it('searches codes as a Relay connection and looks up the code lists a report form needs', async () => {
    const { data, errors } = await graphql(`{
      search: searchCodes(query: "salivary duct", first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { code level shortDescriptor } } }
      carc(code: "97") { code active source }
      rarc(code: "n130") { code }
      groupCodes { code }
      icd10(code: "k115") { code billable description }
      searchIcd10(query: "sialolith", first: 5) { totalCount edges { node { code } } }
      modifiers { modifier modifierType }
      level2: code(code: "G0121", dateOfService: "2025-06-01") { level longDescriptor descriptorNotice }
    }`);
    expect(errors).toBeUndefined();
    const search = data?.['search'] as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { code: string } }[] };
    expect(search.totalCount).toBe(6);
    expect(search.pageInfo.hasNextPage).toBe(true);
    const next = await graphql(`query ($after: String) { searchCodes(query: "salivary duct", first: 10, after: $after) { edges { node { code } } } }`, {
      after: search.pageInfo.endCursor,
    });
    const rest = (next.data?.['searchCodes'] as { edges: { node: { code: string } }[] }).edges.map((e) => e.node.code);
    expect([...search.edges.map((e) => e.node.code), ...rest]).toHaveLength(6);
    expect(rest).toContain('70390');
    expect(data?.['carc']).toEqual({ code: '97', active: true, source: 'X12 claim adjustment reason codes, 2024-06 edition (carc.csv)' });
    expect(data?.['rarc']).toEqual({ code: 'N130' });
    expect((data?.['groupCodes'] as unknown[]).length).toBe(5);
    expect(data?.['icd10']).toEqual({ code: 'K11.5', billable: true, description: 'Sialolithiasis' });
    expect(data?.['searchIcd10']).toEqual({ totalCount: 1, edges: [{ node: { code: 'K11.5' } }] });
    expect((data?.['modifiers'] as { modifierType: string }[]).length).toBe(433);
    expect(data?.['level2']).toEqual({ level: 'HCPCS_LEVEL_II', longDescriptor: expect.stringMatching(/^Colorectal cancer screening; colonoscopy/), descriptorNotice: null });
  });

  it.each([
    ['an empty search', '{ searchCodes(query: "  ") { totalCount } }', 'BAD_USER_INPUT', 'query'],
    ['a page too large', '{ searchCodes(query: "x-ray", first: 500) { totalCount } }', 'BAD_USER_INPUT', 'first'],
    ['a forged cursor', '{ searchCodes(query: "x-ray", after: "bm9wZQ") { totalCount } }', 'BAD_USER_INPUT', 'after'],
    ['an unknown CARC', '{ carc(code: "Q99") { code } }', 'NOT_FOUND', undefined],
    ['a malformed ICD-10 code', '{ icd10(code: "11.5") { code } }', 'BAD_USER_INPUT', 'code'],
  ])('gives %s a typed error', async (_name, query, code, field) => {
    const { errors } = await graphql(query);
    expect(errors?.[0].extensions['code']).toBe(code);
    expect(errors?.[0].extensions['field']).toBe(field);
  });

  it('finds localities by state, id and ZIP with the GPCIs in force on the date of service', async () => {
    const { data, errors } = await graphql(`{
      ca: localities(state: "ca", dateOfService: "2026-08-01") { id }
      jan: locality(id: "10112-00", dateOfService: "2026-01-15") { gpci { work workFloorApplied } }
      aug: locality(id: "10112-00", dateOfService: "2026-08-01") { name gpci { year work workWithFloor workWithoutFloor workFloorApplied workGpciNote practiceExpense malpractice } anesthesiaConversionFactor }
      y2025: locality(id: "10112-00", dateOfService: "2025-06-01") { gpci { year work workWithoutFloor } anesthesiaQualifyingApmConversionFactor }
      byZip: locality(zip: "10001", dateOfService: "2026-08-01") { id name }
      zip: zipLocality(zip: "99501") { area state locality { id } source }
    }`);
    expect(errors).toBeUndefined();
    expect((data?.['ca'] as { id: string }[]).map((l) => l.id)).toContain('01182-18');
    expect(data?.['jan']).toEqual({ gpci: { work: '1.000', workFloorApplied: true } });
    expect(data?.['aug']).toEqual({
      name: 'ALABAMA',
      gpci: {
        year: 2026,
        work: '0.988',
        workWithFloor: '1.000',
        workWithoutFloor: '0.988',
        workFloorApplied: false,
        workGpciNote: expect.stringContaining('2026-01-31'),
        practiceExpense: '0.875',
        malpractice: '0.566',
      },
      anesthesiaConversionFactor: '19.5300',
    });
    expect(data?.['y2025']).toEqual({ gpci: { year: 2025, work: '1.000', workWithoutFloor: null }, anesthesiaQualifyingApmConversionFactor: null });
    expect(data?.['byZip']).toEqual({ id: '13202-01', name: 'MANHATTAN' });
    expect(data?.['zip']).toEqual({ area: 'URBAN', state: 'AK', locality: { id: '02102-01' }, source: 'CMS ZIP5 carrier-locality file, quarter 2025 Q4' });
  });

  it.each([
    ['a malformed locality id', '{ locality(id: "1-2") { id } }', 'BAD_USER_INPUT', 'id'],
    ['both id and zip', '{ locality(id: "10112-00", zip: "35004") { id } }', 'BAD_USER_INPUT', 'zip'],
    ['an unknown ZIP', '{ locality(zip: "00000") { id } }', 'NOT_FOUND', undefined],
    ['a bad state', '{ localities(state: "California") { id } }', 'BAD_USER_INPUT', 'state'],
  ])('gives %s a typed error', async (_name, query, code, field) => {
    const { errors } = await graphql(query);
    expect(errors?.[0].extensions['code']).toBe(code);
    expect(errors?.[0].extensions['field']).toBe(field);
  });

  it('says why a HCPCS Level II code the fee schedule does not price has no page of amounts', async () => {
    const { errors } = await graphql('{ code(code: "E2610", dateOfService: "2025-06-01") { code } }');
    expect(errors?.[0]).toMatchObject({
      extensions: { code: 'NOT_FOUND' },
      message: 'E2610 (Wheelchair seat cushion, powered) is a HCPCS Level II code that the Medicare Physician Fee Schedule (RVU25D) does not price; Medicare pays it under another fee schedule, such as DMEPOS, or not at all.',
    });
  });

  it('lists the loaded releases for freshness', async () => {
    const { data } = await graphql('{ feeScheduleReleases { id effectiveFrom effectiveTo } }');
    expect(data?.['feeScheduleReleases']).toEqual([
      { id: 'RVU25D', effectiveFrom: '2025-10-01', effectiveTo: '2025-12-31' },
      { id: 'RVU26C', effectiveFrom: '2026-07-01', effectiveTo: '2026-12-31' },
    ]);
  });
});
