import { InvalidInputError } from '@denialmap/shared/errors';
import { parseIsoDate, yearOf } from './date-of-service';

describe('parseIsoDate', () => {
  it.each(['2025-06-01', '2026-08-01', '2024-02-29', ' 2025-12-31 '])('accepts %p', (raw) => {
    expect(parseIsoDate(raw)).toBe(raw.trim());
  });

  it.each(['2025-02-30', '2025-13-01', '2023-02-29', '06/01/2025', '2025-6-1', '2025-06-01T00:00:00Z', '', 'yesterday', '0999-01-01'])(
    'refuses %p with BAD_USER_INPUT on the field',
    (raw) => {
      expect(() => parseIsoDate(raw, 'dateOfService')).toThrow(InvalidInputError);
    },
  );

  it('gives the year', () => {
    expect(yearOf(parseIsoDate('2026-08-01'))).toBe(2026);
  });
});
