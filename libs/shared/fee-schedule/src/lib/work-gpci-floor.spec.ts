import { appliedWorkGpci } from './work-gpci-floor';

describe('appliedWorkGpci', () => {
  const alabama2026 = { withFloor: '1.000', withoutFloor: '0.988' };

  it.each([
    ['2026-01-15', '1.000', true],
    ['2026-01-31', '1.000', true],
    ['2026-02-01', '0.988', false],
    ['2026-08-01', '0.988', false],
  ])('2026 Alabama on %s uses %s (floor %s)', (dos, value, floor) => {
    expect(appliedWorkGpci(alabama2026, dos)).toMatchObject({ value, floorApplied: floor });
  });

  it('explains when the floor no longer applies', () => {
    expect(appliedWorkGpci(alabama2026, '2026-08-01').note).toMatch(/extended only through 2026-01-31 \(H\.R\.5371/);
  });

  it('uses the only value a year prints (2025: floored) without comment', () => {
    expect(appliedWorkGpci({ withFloor: '1.000', withoutFloor: null }, '2025-06-01')).toEqual({ value: '1.000', floorApplied: true, note: null });
  });

  it('keeps a locality above the floor unchanged either way', () => {
    expect(appliedWorkGpci({ withFloor: '1.500', withoutFloor: '1.500' }, '2026-08-01').value).toBe('1.500');
  });
});
