import { freshnessHeading, loadedWords, StaleDatasetView } from './DataFreshnessBanner';

const rvu: StaleDatasetView = {
  dataset: 'RVU',
  name: 'Physician fee schedule RVUs',
  expected: 'RVU26D, effective 2026-10-01',
  loadedId: 'RVU26C',
  loadedEffectiveFrom: '2026-07-01',
  since: '2026-10-01',
  message: 'Fee schedule amounts and RVUs for dates of service from 2026-10-01 may differ from what is shown.',
  whatToUpload: "The PPRRVU file from CMS's RVU26D zip (PFS Relative Value Files page).",
};

describe('freshnessHeading', () => {
  it.each([
    [1, 'staff', "1 reference table is behind CMS's publication calendar"],
    [6, 'staff', "6 reference tables are behind CMS's publication calendar"],
    [1, 'biller', 'CMS has published newer data than DenialMap has loaded: some figures on this page may be out of date'],
    [4, 'biller', 'CMS has published newer data than DenialMap has loaded: some figures on this page may be out of date'],
  ] as const)('%i stale for %s: "%s"', (count, audience, heading) => {
    expect(freshnessHeading(count, audience)).toBe(heading);
  });
});

describe('loadedWords', () => {
  it('names the loaded edition and its effective date', () => {
    expect(loadedWords(rvu)).toBe('newest loaded: RVU26C, effective 2026-07-01');
  });

  it('says when nothing is loaded', () => {
    expect(loadedWords({ ...rvu, loadedId: null, loadedEffectiveFrom: null })).toBe('nothing loaded');
  });
});
