import { IsoDate } from './date-of-service';
import { DATASET_FAMILIES, DatasetFamily, expectedEdition, LoadedEdition, staleReferenceData } from './publication-calendar';

const d = (s: string) => s as IsoDate;
const edition = (id: string, effectiveFrom: string): LoadedEdition => ({ id, effectiveFrom });

/** What ships with DenialMap (data/reference/SOURCES.md). */
const SHIPPED: Partial<Record<DatasetFamily, LoadedEdition[]>> = {
  RVU: [edition('RVU25D', '2025-10-01'), edition('RVU26C', '2026-07-01')],
  NCCI_PTP: [edition('NCCI_PTP-2024Q3', '2024-07-01')],
  NCCI_MUE: [edition('NCCI_MUE-2024Q3', '2024-07-01')],
  NCCI_AOC: [edition('NCCI_AOC-2024Q3', '2024-07-01')],
  HCPCS_L2: [edition('HCPCS_L2-2024JUL', '2024-07-01')],
  ICD10CM: [edition('ICD10CM-FY2024', '2023-10-01')],
};

const staleFamilies = (today: string, loaded: Partial<Record<DatasetFamily, LoadedEdition[]>>) => staleReferenceData(d(today), loaded).map((s) => s.family);
const only = (family: DatasetFamily, editions: LoadedEdition[]) => {
  const loaded: Partial<Record<DatasetFamily, LoadedEdition[]>> = {};
  for (const f of DATASET_FAMILIES) loaded[f] = [edition('far-future', '2099-01-01')];
  loaded[family] = editions;
  return loaded;
};

describe('expectedEdition', () => {
  it.each([
    ['RVU', '2026-12-04', 'RVU26D', '2026-10-01'],
    ['NCCI_PTP', '2026-12-04', 'NCCI_PTP-2026Q4', '2026-10-01'],
    ['NCCI_MUE', '2026-12-04', 'NCCI_MUE-2026Q4', '2026-10-01'],
    ['NCCI_AOC', '2026-12-04', 'NCCI_AOC-2026Q4', '2026-10-01'],
    ['HCPCS_L2', '2026-12-04', 'HCPCS_L2-2026OCT', '2026-10-01'],
    ['ICD10CM', '2026-12-04', 'ICD10CM-FY2027', '2026-10-01'],
    ['RVU', '2026-03-31', 'RVU26A', '2026-01-01'],
    ['RVU', '2026-04-01', 'RVU26B', '2026-04-01'],
    ['RVU', '2026-07-01', 'RVU26C', '2026-07-01'],
    ['RVU', '2027-01-01', 'RVU27A', '2027-01-01'],
    ['RVU', '2026-12-31', 'RVU26D', '2026-10-01'],
    ['NCCI_MUE', '2027-01-01', 'NCCI_MUE-2027Q1', '2027-01-01'],
    ['HCPCS_L2', '2027-01-01', 'HCPCS_L2-2027JAN', '2027-01-01'],
    ['HCPCS_L2', '2027-05-15', 'HCPCS_L2-2027APR', '2027-04-01'],
    ['ICD10CM', '2026-09-30', 'ICD10CM-FY2026', '2025-10-01'],
    ['ICD10CM', '2026-10-01', 'ICD10CM-FY2027', '2026-10-01'],
    ['ICD10CM', '2027-01-01', 'ICD10CM-FY2027', '2026-10-01'],
    ['ICD10CM', '2027-07-01', 'ICD10CM-FY2027', '2026-10-01'],
  ] as const)('%s on %s is %s, effective %s', (family, today, id, effectiveFrom) => {
    expect(expectedEdition(family, d(today))).toEqual({ id, effectiveFrom });
  });
});

describe('staleReferenceData', () => {
  it('says what is behind with the shipped data on 2026-12-04: every family', () => {
    const stale = staleReferenceData(d('2026-12-04'), SHIPPED);
    expect(stale.map((s) => [s.family, s.expected, s.loaded?.id, s.since])).toEqual([
      ['RVU', 'RVU26D, effective 2026-10-01', 'RVU26C', '2026-10-01'],
      ['NCCI_PTP', 'NCCI_PTP-2026Q4, effective 2026-10-01', 'NCCI_PTP-2024Q3', '2024-10-01'],
      ['NCCI_MUE', 'NCCI_MUE-2026Q4, effective 2026-10-01', 'NCCI_MUE-2024Q3', '2024-10-01'],
      ['NCCI_AOC', 'NCCI_AOC-2026Q4, effective 2026-10-01', 'NCCI_AOC-2024Q3', '2024-10-01'],
      ['HCPCS_L2', 'HCPCS_L2-2026OCT, effective 2026-10-01', 'HCPCS_L2-2024JUL', '2024-10-01'],
      ['ICD10CM', 'ICD10CM-FY2027, effective 2026-10-01', 'ICD10CM-FY2024', '2024-10-01'],
    ]);
  });

  it.each([
    ['RVU', 'Fee schedule amounts and RVUs for dates of service from 2026-10-01 may differ from what is shown: DenialMap has RVU26C (effective 2026-07-01), but CMS\'s current one is RVU26D (effective 2026-10-01).'],
    ['NCCI_PTP', 'NCCI code-pair (PTP) edits for dates of service from 2024-10-01 may differ from what is shown: DenialMap has the edition effective 2024-07-01, but CMS\'s current one is the edition effective 2026-10-01.'],
    ['NCCI_MUE', 'Medically unlikely edit (MUE) unit limits for dates of service from 2024-10-01 may differ from what is shown: DenialMap has the edition effective 2024-07-01, but CMS\'s current one is the edition effective 2026-10-01.'],
    ['NCCI_AOC', 'Add-on code edits for dates of service from 2024-10-01 may differ from what is shown: DenialMap has the edition effective 2024-07-01, but CMS\'s current one is the edition effective 2026-10-01.'],
    ['HCPCS_L2', 'HCPCS Level II codes and descriptors for dates of service from 2024-10-01 may differ from what is shown: DenialMap has the July 2024 file, but CMS\'s current one is the October 2026 file.'],
    ['ICD10CM', 'ICD-10-CM diagnosis codes for dates of service from 2024-10-01 may differ from what is shown: DenialMap has FY2024 (effective 2023-10-01), but CMS\'s current one is FY2027 (effective 2026-10-01).'],
  ] as const)('%s: tells a biller in one sentence what may be wrong and from when', (family, message) => {
    expect(staleReferenceData(d('2026-12-04'), SHIPPED).find((s) => s.family === family)?.message).toBe(message);
  });

  it.each([
    ['RVU', 'The PPRRVU file from CMS\'s RVU26D zip (PFS Relative Value Files page).'],
    ['NCCI_PTP', 'The four practitioner PTP files (ccipra-…-f1 to f4) effective 2026-10-01 from CMS\'s Medicare NCCI PTP edits page.'],
    ['NCCI_MUE', 'MCR_MUE_PractitionerServices_Eff_10-01-2026.csv from CMS\'s Medicare NCCI MUE page.'],
    ['NCCI_AOC', 'The add-on code edit tables effective 2026-10-01 from CMS\'s Medicare NCCI add-on code edits page.'],
    ['HCPCS_L2', 'The October 2026 Alpha-Numeric HCPCS file (HCPC2026_OCT_ANWEB) from CMS\'s HCPCS quarterly update page.'],
    ['ICD10CM', 'The FY2027 ICD-10-CM code files (effective 2026-10-01) from CMS\'s ICD-10 page.'],
  ] as const)('%s: names the CMS file staff should upload', (family, upload) => {
    expect(staleReferenceData(d('2026-12-04'), SHIPPED).find((s) => s.family === family)?.whatToUpload).toBe(upload);
  });

  it.each([
    ['RVU', [edition('RVU26C', '2026-07-01')]],
    ['NCCI_PTP', [edition('NCCI_PTP-2026Q3', '2026-07-01')]],
    ['NCCI_MUE', [edition('NCCI_MUE-2026Q3', '2026-07-01')]],
    ['NCCI_AOC', [edition('NCCI_AOC-2026Q3', '2026-07-01')]],
    ['HCPCS_L2', [edition('HCPCS_L2-2026JUL', '2026-07-01')]],
  ] as const)('%s with the July 2026 release: current the day before October, stale on and after 2026-10-01', (family, editions) => {
    const loaded = only(family, [...editions]);
    expect(staleFamilies('2026-09-30', loaded)).toEqual([]);
    expect(staleFamilies('2026-10-01', loaded)).toEqual([family]);
    expect(staleFamilies('2026-10-02', loaded)).toEqual([family]);
    expect(staleReferenceData(d('2026-10-01'), loaded)[0]).toMatchObject({ since: '2026-10-01', expectedFrom: '2026-10-01', loaded: editions[0] });
  });

  it('a quarterly family loaded for the new quarter is current on and after its first day', () => {
    const loaded = only('NCCI_PTP', [edition('NCCI_PTP-2026Q3', '2026-07-01'), edition('NCCI_PTP-2026Q4', '2026-10-01')]);
    expect(staleFamilies('2026-10-01', loaded)).toEqual([]);
    expect(staleFamilies('2026-12-31', loaded)).toEqual([]);
  });

  it.each([
    ['RVU', 'RVU27A', edition('RVU26D', '2026-10-01')],
    ['NCCI_PTP', 'NCCI_PTP-2027Q1', edition('NCCI_PTP-2026Q4', '2026-10-01')],
    ['NCCI_MUE', 'NCCI_MUE-2027Q1', edition('NCCI_MUE-2026Q4', '2026-10-01')],
    ['NCCI_AOC', 'NCCI_AOC-2027Q1', edition('NCCI_AOC-2026Q4', '2026-10-01')],
    ['HCPCS_L2', 'HCPCS_L2-2027JAN', edition('HCPCS_L2-2026OCT', '2026-10-01')],
  ] as const)('%s rolls over the year: current on 2026-12-31, stale from 2027-01-01 (expects %s)', (family, next, october) => {
    const loaded = only(family, [october]);
    expect(staleFamilies('2026-12-31', loaded)).toEqual([]);
    expect(staleReferenceData(d('2027-01-01'), loaded)).toEqual([expect.objectContaining({ family, expectedId: next, since: '2027-01-01' })]);
    expect(staleFamilies('2027-01-02', loaded)).toEqual([family]);
  });

  it('ICD-10-CM changes each October 1 only: FY2026 is current through 2026-09-30, not at the quarters or new year', () => {
    const loaded = only('ICD10CM', [edition('ICD10CM-FY2026', '2025-10-01')]);
    expect(staleFamilies('2025-10-01', loaded)).toEqual([]);
    expect(staleFamilies('2026-01-01', loaded)).toEqual([]);
    expect(staleFamilies('2026-07-01', loaded)).toEqual([]);
    expect(staleFamilies('2026-09-30', loaded)).toEqual([]);
    expect(staleReferenceData(d('2026-10-01'), loaded)).toEqual([
      expect.objectContaining({ family: 'ICD10CM', expected: 'ICD10CM-FY2027, effective 2026-10-01', since: '2026-10-01' }),
    ]);
    expect(staleFamilies('2026-10-02', loaded)).toEqual(['ICD10CM']);
    expect(staleFamilies('2027-01-01', only('ICD10CM', [edition('ICD10CM-FY2027', '2026-10-01')]))).toEqual([]);
  });

  it('ICD-10-CM several years behind is stale since the first October it missed', () => {
    expect(staleReferenceData(d('2026-12-04'), only('ICD10CM', [edition('ICD10CM-FY2024', '2023-10-01')]))[0].since).toBe('2024-10-01');
  });

  it.each(DATASET_FAMILIES.map((f) => [f]))('%s with nothing loaded is stale since its current release and says none are loaded', (family) => {
    const loaded = only(family, []);
    const [stale] = staleReferenceData(d('2026-12-04'), loaded);
    expect(stale).toMatchObject({ family, loaded: null, since: '2026-10-01', expectedFrom: '2026-10-01' });
    expect(stale.message).toMatch(/may be missing or wrong for any date of service: none are loaded, and CMS's current one is .*\.$/);
  });

  it('with no editions given at all, every family is stale, in a fixed order', () => {
    expect(staleFamilies('2026-12-04', {})).toEqual([...DATASET_FAMILIES]);
  });

  it('a correction (RVU26CR) or any release effective on or after the quarter start satisfies it', () => {
    expect(staleFamilies('2026-08-15', only('RVU', [edition('RVU26CR', '2026-07-01')]))).toEqual([]);
    expect(staleFamilies('2026-08-15', only('RVU', [edition('RVU26C-late', '2026-07-15')]))).toEqual([]);
    // Loaded ahead of its effective date (CMS publishes the January file in November).
    expect(staleFamilies('2026-12-04', only('RVU', [edition('RVU27A', '2027-01-01')]))).toEqual([]);
  });

  it('judges by the newest loaded edition, whatever the order given', () => {
    const loaded = only('RVU', [edition('RVU26D', '2026-10-01'), edition('RVU25D', '2025-10-01')]);
    expect(staleFamilies('2026-12-04', loaded)).toEqual([]);
    const [stale] = staleReferenceData(d('2027-02-01'), loaded);
    expect(stale.loaded).toEqual({ id: 'RVU26D', effectiveFrom: '2026-10-01' });
  });

  it('an edition effective mid-quarter is stale from the next quarter start', () => {
    expect(staleReferenceData(d('2026-12-04'), only('NCCI_MUE', [edition('NCCI_MUE-2026-08', '2026-08-15')]))[0].since).toBe('2026-10-01');
  });

  it('nothing is stale when every family has its current release', () => {
    const current = Object.fromEntries(DATASET_FAMILIES.map((f) => [f, [edition(expectedEdition(f, d('2026-12-04')).id, '2026-10-01')]]));
    expect(staleReferenceData(d('2026-12-04'), current)).toEqual([]);
  });
});
