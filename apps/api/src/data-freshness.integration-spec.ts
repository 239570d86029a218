import { DatasetFamily, expectedEdition, IsoDate, LoadedEdition, staleReferenceData } from '@denialmap/shared/fee-schedule';
import { ApiStack } from './testing/api-stack.testing';

const FRESHNESS = `{ dataFreshness { checkedOn upToDate stale {
  dataset name expected expectedId expectedEffectiveFrom loadedId loadedEffectiveFrom since message whatToUpload } } }`;

interface StaleDataset {
  dataset: DatasetFamily;
  name: string;
  expected: string;
  expectedId: string;
  expectedEffectiveFrom: string;
  loadedId: string | null;
  loadedEffectiveFrom: string | null;
  since: string;
  message: string;
  whatToUpload: string;
}
interface Freshness {
  checkedOn: string;
  upToDate: boolean;
  stale: StaleDataset[];
}
interface Readiness {
  status: string;
  checks: Record<string, { ok: boolean; degraded?: boolean; detail: string; info?: { checkedOn: string; stale: { dataset: string; expected: string; loadedId: string | null; loadedEffectiveFrom: string | null; since: string }[] } }>;
}

let stack: ApiStack;
const today = () => new Date().toISOString().slice(0, 10) as IsoDate;

/** What the database holds, grouped as the calendar wants it (only ACTIVE dataset editions count). */
async function loadedInDatabase(): Promise<Partial<Record<DatasetFamily, LoadedEdition[]>>> {
  const rows = await stack.prisma.$queryRawUnsafe<{ family: DatasetFamily; id: string; effective_from: string }[]>(
    `SELECT 'RVU' AS family, id, effective_from::text FROM fee_schedule_release
     UNION ALL SELECT dataset, id, effective_from::text FROM reference_dataset_release WHERE status = 'ACTIVE'`,
  );
  const loaded: Partial<Record<DatasetFamily, LoadedEdition[]>> = {};
  for (const row of rows) (loaded[row.family] ??= []).push({ id: row.id, effectiveFrom: row.effective_from });
  return loaded;
}

beforeAll(async () => {
  // Loads the shipped RVU25D/RVU26C, HCPCS Level II (July 2024) and ICD-10-CM FY2024 files.
  stack = await ApiStack.start();
}, 180_000);
afterAll(() => stack?.stop());

describe('dataFreshness: the loaded reference data against CMS\'s publication calendar', () => {
  it('answers anyone, from the editions in the database, with today\'s date', async () => {
    const { data, errors } = await stack.graphql<{ dataFreshness: Freshness }>(FRESHNESS);
    expect(errors).toBeUndefined();
    const expected = staleReferenceData(today(), await loadedInDatabase());
    expect(data.dataFreshness).toEqual({
      checkedOn: today(),
      upToDate: expected.length === 0,
      stale: expected.map((s) => ({
        dataset: s.family,
        name: s.name,
        expected: s.expected,
        expectedId: s.expectedId,
        expectedEffectiveFrom: s.expectedFrom,
        loadedId: s.loaded?.id ?? null,
        loadedEffectiveFrom: s.loaded?.effectiveFrom ?? null,
        since: s.since,
        message: s.message,
        whatToUpload: s.whatToUpload,
      })),
    });
  });

  it('says the shipped copies are behind (true from 2026-10-01 on): RVU26C, the July 2024 HCPCS file, FY2024 ICD-10-CM and the NCCI edits', async () => {
    const { data } = await stack.graphql<{ dataFreshness: Freshness }>(FRESHNESS);
    const stale = (family: DatasetFamily) => data.dataFreshness.stale.find((s) => s.dataset === family);
    expect(data.dataFreshness.upToDate).toBe(false);
    expect(data.dataFreshness.stale.map((s) => s.dataset)).toEqual(['RVU', 'NCCI_PTP', 'NCCI_MUE', 'NCCI_AOC', 'HCPCS_L2', 'ICD10CM']);
    const rvu = expectedEdition('RVU', today());
    expect(stale('RVU')).toMatchObject({ expected: `${rvu.id}, effective ${rvu.effectiveFrom}`, loadedId: 'RVU26C', loadedEffectiveFrom: '2026-07-01', since: '2026-10-01' });
    expect(stale('RVU')?.message).toMatch(/^Fee schedule amounts and RVUs for dates of service from 2026-10-01 may differ from what is shown: DenialMap has RVU26C \(effective 2026-07-01\)/);
    expect(stale('HCPCS_L2')).toMatchObject({ loadedId: 'HCPCS_L2-2024JUL', since: '2024-10-01' });
    expect(stale('ICD10CM')).toMatchObject({ loadedId: 'ICD10CM-FY2024', since: '2024-10-01' });
    expect(stale('ICD10CM')?.whatToUpload).toContain('ICD-10-CM');
  });

  it('/health/ready stays ready (200) and names the stale tables, degraded, with the list as data', async () => {
    const response = await fetch(`${stack.base}/health/ready`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Readiness;
    expect(body.status).toBe('ready');
    const check = body.checks['referenceDataFreshness'];
    expect(check).toMatchObject({ ok: true, degraded: true });
    expect(check.detail).toContain(`Behind CMS's publication calendar on ${today()}: RVU (expected ${expectedEdition('RVU', today()).id}`);
    expect(check.detail).toContain('loaded RVU26C');
    const { data } = await stack.graphql<{ dataFreshness: Freshness }>(FRESHNESS);
    expect(check.info).toEqual({
      checkedOn: today(),
      stale: data.dataFreshness.stale.map(({ dataset, expected, loadedId, loadedEffectiveFrom, since }) => ({ dataset, expected, loadedId, loadedEffectiveFrom, since })),
    });
  });
});
