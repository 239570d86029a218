import { chronological, computedAtWords, lockedProgress, withheldNote } from './stats-view';

describe('stats view helpers', () => {
  it.each([
    [5, 5, { reported: 0, threshold: 5, percent: 0 }],
    [5, 2, { reported: 3, threshold: 5, percent: 60 }],
    [5, 0, { reported: 5, threshold: 5, percent: 100 }],
    [5, null, { reported: 0, threshold: 5, percent: 0 }],
    [5, 9, { reported: 0, threshold: 5, percent: 0 }],
  ])('threshold %p with %p still needed', (threshold, needed, expected) => {
    expect(lockedProgress(threshold, needed)).toEqual(expected);
  });

  it('orders quarters oldest first', () => {
    expect(chronological([{ key: '2025Q3' }, { key: '2024Q4' }, { key: '2025Q1' }]).map((c) => c.key)).toEqual(['2024Q4', '2025Q1', '2025Q3']);
  });

  it('says how many groups are withheld, only when some are', () => {
    expect(withheldNote(0)).toBeNull();
    expect(withheldNote(null)).toBeNull();
    expect(withheldNote(1)).toMatch(/^1 group withheld/);
    expect(withheldNote(3)).toMatch(/^3 groups withheld/);
  });

  it('words the computation time in UTC', () => {
    expect(computedAtWords('2026-05-10T14:03:22.120Z')).toBe('2026-05-10 14:03 UTC');
    expect(computedAtWords(null)).toBeNull();
  });
});
