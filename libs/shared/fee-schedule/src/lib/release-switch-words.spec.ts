import { releaseSwitchWords } from './release-switch-words';

describe('releaseSwitchWords', () => {
  it.each([
    [{ active: 'NCCI_PTP-2026Q3', replaced: 'NCCI_PTP-2024Q3', activeLoaded: true, replacedLoaded: true }, 'activated', 'NCCI_PTP-2026Q3 is live; NCCI_PTP-2024Q3 is kept for a roll-back.'],
    [{ active: 'RVU26C', replaced: 'RVU26C-none', activeLoaded: true, replacedLoaded: false }, 'activated', 'RVU26C is live; it was not loaded before, so a roll-back unloads it.'],
    [{ active: 'GPCI-2027', replaced: null, activeLoaded: true, replacedLoaded: null }, 'activated', 'GPCI-2027 is live.'],
    [{ active: 'NCCI_PTP-2024Q3', replaced: 'NCCI_PTP-2026Q3', activeLoaded: true, replacedLoaded: true }, 'rolled back', 'NCCI_PTP-2024Q3 is live again; NCCI_PTP-2026Q3 is now the roll-back target.'],
    [{ active: 'RVU26C-none', replaced: 'RVU26C', activeLoaded: false, replacedLoaded: true }, 'rolled back', 'RVU26C is no longer loaded (it was new); rolling back again restores it.'],
  ] as const)('%j %s', (change, how, words) => {
    expect(releaseSwitchWords(change, how)).toBe(words);
  });
});
