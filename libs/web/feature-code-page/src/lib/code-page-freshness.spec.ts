import { staleForCodePage } from './code-page-freshness';

/** The shipped data on 2026-12-04 (every family behind). */
const STALE = [
  { dataset: 'RVU', since: '2026-10-01', loadedId: 'RVU26C' },
  { dataset: 'NCCI_PTP', since: '2024-10-01', loadedId: 'NCCI_PTP-2024Q3' },
  { dataset: 'NCCI_MUE', since: '2024-10-01', loadedId: 'NCCI_MUE-2024Q3' },
  { dataset: 'NCCI_AOC', since: '2024-10-01', loadedId: 'NCCI_AOC-2024Q3' },
  { dataset: 'HCPCS_L2', since: '2024-10-01', loadedId: 'HCPCS_L2-2024JUL' },
  { dataset: 'ICD10CM', since: '2024-10-01', loadedId: 'ICD10CM-FY2024' },
];
const families = (level: string, dateOfService: string) => staleForCodePage(STALE, level, dateOfService).map((s) => s.dataset);

describe('staleForCodePage', () => {
  it.each([
    ['CPT', '2026-12-04', ['RVU', 'NCCI_PTP', 'NCCI_MUE', 'NCCI_AOC']],
    ['HCPCS_LEVEL_II', '2026-12-04', ['RVU', 'NCCI_PTP', 'NCCI_MUE', 'NCCI_AOC', 'HCPCS_L2']],
    ['CPT', '2026-10-01', ['RVU', 'NCCI_PTP', 'NCCI_MUE', 'NCCI_AOC']],
    ['CPT', '2026-09-30', ['NCCI_PTP', 'NCCI_MUE', 'NCCI_AOC']],
    ['HCPCS_LEVEL_II', '2025-06-01', ['NCCI_PTP', 'NCCI_MUE', 'NCCI_AOC', 'HCPCS_L2']],
    ['CPT', '2024-09-30', []],
  ])('a %s page for %s shows %j', (level, dateOfService, expected) => {
    expect(families(level, dateOfService)).toEqual(expected);
  });

  it('never shows ICD-10-CM on a code page', () => {
    expect(staleForCodePage([{ dataset: 'ICD10CM', since: '2024-10-01', loadedId: null }], 'HCPCS_LEVEL_II', '2026-12-04')).toEqual([]);
  });

  it('shows a table with nothing loaded for every date of service', () => {
    const none = [{ dataset: 'NCCI_PTP', since: '2026-10-01', loadedId: null }];
    expect(staleForCodePage(none, 'CPT', '2025-06-01')).toEqual(none);
  });
});
