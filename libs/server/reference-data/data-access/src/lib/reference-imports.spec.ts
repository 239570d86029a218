import { CmsFormatError } from '@denialmap/shared/cms-formats';
import { DATASETS, DatasetKind, SourceFormat } from './dataset-importer';
import { editionFromName } from './reference-imports';

const edition = (kind: DatasetKind, file: string, format: SourceFormat = 'cms') => editionFromName(kind, DATASETS[kind].dataset, file, format);

function refusal(kind: DatasetKind, file: string, format: SourceFormat = 'cms'): CmsFormatError {
  try {
    edition(kind, file, format);
  } catch (error) {
    if (error instanceof CmsFormatError) return error;
    throw error;
  }
  throw new Error(`${file} was not refused`);
}

describe('editionFromName: the names CMS gives the RVU zip members and the HCPCS file', () => {
  it.each([
    ['gpci', 'GPCI2025.txt', { id: 'GPCI-2025', year: 2025, effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31' }],
    ['locality-counties', '25LOCCO.txt', { id: 'LOCALITY_COUNTIES-2025', year: 2025, effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31' }],
    ['anesthesia-cf', 'ANES2025.txt', { id: 'ANESTHESIA_CF-2025', year: 2025, effectiveFrom: '2025-01-01', effectiveTo: '2025-12-31' }],
    ['opps-cap', 'OPPSCAP_Oct2025.txt', { id: 'OPPS_CAP-2025-10', effectiveFrom: '2025-10-01', effectiveTo: null }],
    ['opps-cap', 'OPPSCAP_Jan_2026.txt', { id: 'OPPS_CAP-2026-01', effectiveFrom: '2026-01-01', effectiveTo: null }],
    // The annual file (CONTR: the contractor file, in force from January 1) and the quarterly ones.
    ['hcpcs-level2', 'HCPC2019_CONTR_ANWEB.txt', { id: 'HCPCS_L2-2019JAN', effectiveFrom: '2019-01-01', effectiveTo: null }],
    ['hcpcs-level2', 'HCPC2019_CONTR_ANWEB.lines535-734.txt', { id: 'HCPCS_L2-2019JAN', effectiveFrom: '2019-01-01', effectiveTo: null }],
    ['hcpcs-level2', 'HCPC2026_JAN_ANWEB_v2.txt', { id: 'HCPCS_L2-2026JAN', effectiveFrom: '2026-01-01', effectiveTo: null }],
    ['hcpcs-level2', 'HCPC2025_OCT_ANWEB_v3.txt', { id: 'HCPCS_L2-2025OCT', effectiveFrom: '2025-10-01', effectiveTo: null }],
    ['hcpcs-level2', 'HCPC2025_APR_ANWEB.txt', { id: 'HCPCS_L2-2025APR', effectiveFrom: '2025-04-01', effectiveTo: null }],
  ] as const)('%s %s', (kind, file, expected) => {
    expect(edition(kind, file)).toEqual(expected);
  });

  it('gives the shipped names the editions they had', () => {
    expect(edition('gpci', 'GPCI2026.csv', 'shipped')).toMatchObject({ id: 'GPCI-2026', year: 2026 });
    expect(edition('locality-counties', '26LOCCO.csv', 'shipped')).toMatchObject({ id: 'LOCALITY_COUNTIES-2026', year: 2026 });
    expect(edition('opps-cap', 'OPPSCAP_Oct2025.csv', 'shipped')).toMatchObject({ id: 'OPPS_CAP-2025-10' });
    expect(edition('hcpcs-level2', 'hcpcs_level2_2024jul.csv', 'shipped')).toMatchObject({ id: 'HCPCS_L2-2024JUL', effectiveFrom: '2024-07-01' });
  });

  it("refuses CMS's OPPSCAP_Oct.txt, which says no year, naming the name to give it", () => {
    for (const format of ['cms', 'shipped'] as const) {
      const error = refusal('opps-cap', 'OPPSCAP_Oct.txt', format);
      expect([error.file, error.line, error.column]).toEqual(['OPPSCAP_Oct.txt', 1, null]);
      expect(error.problem).toMatch(/^unknown release: CMS names this file with its month only .* rename it .* \(RVU25D: OPPSCAP_Oct2025\.txt\)/);
    }
  });

  it.each([
    ['gpci', 'GPCI.txt'],
    ['locality-counties', 'LOCCO.txt'],
    ['anesthesia-cf', 'ANES.txt'],
    ['opps-cap', 'caps.txt'],
    ['hcpcs-level2', 'HCPC_ANWEB.txt'],
    ['hcpcs-level2', 'HCPC2026_ANWEB.txt'],
  ] as const)('refuses %s named %s, listing the names it knows', (kind, file) => {
    const error = refusal(kind, file);
    expect(error.problem).toMatch(/^unknown release: the file name must say its edition .*HCPC2026_JAN_ANWEB_v2\.txt, HCPC2019_CONTR_ANWEB\.txt.*OPPSCAP_Oct2025\.csv\/\.txt/);
  });
});
