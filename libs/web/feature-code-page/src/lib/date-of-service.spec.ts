import { isIsoDate, todayIso } from './date-of-service';

describe('date of service helpers', () => {
  it('formats today as YYYY-MM-DD', () => {
    expect(todayIso(new Date('2026-08-01T12:00:00Z'))).toBe('2026-08-01');
  });

  it.each([
    ['2025-06-01', true],
    ['2025-6-1', false],
    ['', false],
  ])('%p is a date: %p', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});
