import { DatasetCatalog, DatasetReleaseView, FeeScheduleReleaseView, FeeScheduleRepository } from '@denialmap/server/reference-data/data-access';
import { DataFreshnessService } from './data-freshness.service';

const dataset = (id: string, name: string, effectiveFrom: string, importedAt = new Date()): DatasetReleaseView => ({
  id,
  dataset: name,
  label: id,
  effectiveFrom,
  effectiveTo: null,
  sourceFile: `${id}.csv`,
  rowCount: 1,
  importedAt,
});

function serviceWith(releases: Pick<FeeScheduleReleaseView, 'id' | 'effectiveFrom'>[], editions: DatasetReleaseView[]) {
  const reads = { releases: 0, editions: 0 };
  const feeSchedule = { listReleases: async () => (reads.releases++, releases) } as unknown as FeeScheduleRepository;
  const catalog = { editions: async () => (reads.editions++, editions) } as unknown as DatasetCatalog;
  return { service: new DataFreshnessService(feeSchedule, catalog), reads };
}

const SHIPPED_EDITIONS = [
  dataset('NCCI_PTP-2024Q3', 'NCCI_PTP', '2024-07-01'),
  dataset('NCCI_MUE-2024Q3', 'NCCI_MUE', '2024-07-01'),
  dataset('NCCI_AOC-2024Q3', 'NCCI_AOC', '2024-07-01'),
  dataset('HCPCS_L2-2024JUL', 'HCPCS_L2', '2024-07-01'),
  dataset('ICD10CM-FY2024', 'ICD10CM', '2023-10-01'),
  dataset('X12_CARC-2024-06', 'X12_CARC', '2024-06-01'),
];
const SHIPPED_RELEASES = [
  { id: 'RVU25D', effectiveFrom: '2025-10-01' },
  { id: 'RVU26C', effectiveFrom: '2026-07-01' },
] as Pick<FeeScheduleReleaseView, 'id' | 'effectiveFrom'>[];

describe('DataFreshnessService', () => {
  it('maps the calendar\'s answer for the loaded editions, fee schedule from its releases and the rest by dataset', async () => {
    const { service } = serviceWith(SHIPPED_RELEASES, SHIPPED_EDITIONS);
    const answer = await service.freshness(new Date('2026-12-04T15:00:00Z'));
    expect(answer.checkedOn).toBe('2026-12-04');
    expect(answer.upToDate).toBe(false);
    expect(answer.stale.map((s) => [s.dataset, s.loadedId, s.since])).toEqual([
      ['RVU', 'RVU26C', '2026-10-01'],
      ['NCCI_PTP', 'NCCI_PTP-2024Q3', '2024-10-01'],
      ['NCCI_MUE', 'NCCI_MUE-2024Q3', '2024-10-01'],
      ['NCCI_AOC', 'NCCI_AOC-2024Q3', '2024-10-01'],
      ['HCPCS_L2', 'HCPCS_L2-2024JUL', '2024-10-01'],
      ['ICD10CM', 'ICD10CM-FY2024', '2024-10-01'],
    ]);
    expect(answer.stale[0]).toMatchObject({ expected: 'RVU26D, effective 2026-10-01', expectedId: 'RVU26D', expectedEffectiveFrom: '2026-10-01', loadedEffectiveFrom: '2026-07-01' });
  });

  it('is up to date when every family has its current release', async () => {
    const current = ['NCCI_PTP', 'NCCI_MUE', 'NCCI_AOC', 'HCPCS_L2'].map((name) => dataset(`${name}-now`, name, '2026-10-01'));
    const { service } = serviceWith([{ id: 'RVU26D', effectiveFrom: '2026-10-01' }] as Pick<FeeScheduleReleaseView, 'id' | 'effectiveFrom'>[], [...current, dataset('ICD10CM-FY2027', 'ICD10CM', '2026-10-01')]);
    await expect(service.freshness(new Date('2026-12-04T00:00:00Z'))).resolves.toEqual({ checkedOn: '2026-12-04', stale: [], upToDate: true });
  });

  it('reads the editions once for many questions, and answers a new day from the same reads', async () => {
    const { service, reads } = serviceWith(SHIPPED_RELEASES, SHIPPED_EDITIONS);
    const first = await service.freshness(new Date('2026-09-30T23:59:00Z'));
    expect(await service.freshness(new Date('2026-09-30T23:59:30Z'))).toBe(first);
    const nextDay = await service.freshness(new Date('2026-10-01T00:00:10Z'));
    expect(reads).toEqual({ releases: 1, editions: 1 });
    // RVU26C is current on 2026-09-30 and stale from 2026-10-01: the date alone changes the answer.
    expect(first.stale.map((s) => s.dataset)).not.toContain('RVU');
    expect(nextDay.checkedOn).toBe('2026-10-01');
    expect(nextDay.stale.map((s) => s.dataset)).toContain('RVU');
  });
});
