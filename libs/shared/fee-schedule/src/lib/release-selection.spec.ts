import { InvalidInputError } from '@denialmap/shared/errors';
import { IsoDate } from './date-of-service';
import { releaseWindowFromId, selectRelease } from './release-selection';

const d = (s: string) => s as IsoDate;
const shipped = [releaseWindowFromId('RVU25D'), releaseWindowFromId('RVU26C')];

describe('releaseWindowFromId', () => {
  it.each([
    ['RVU25A', 2025, 'A', '2025-01-01'],
    ['RVU25D', 2025, 'D', '2025-10-01'],
    ['RVU26C', 2026, 'C', '2026-07-01'],
    ['RVU26AR', 2026, 'A', '2026-01-01'],
  ])('%s is year %i quarter %s from %s', (id, year, quarter, from) => {
    expect(releaseWindowFromId(id)).toMatchObject({ id, year, quarter, effectiveFrom: from, effectiveTo: `${year}-12-31` });
  });

  it.each(['RVU25E', 'RV25D', 'rvu25d', ''])('refuses %p', (id) => {
    expect(() => releaseWindowFromId(id)).toThrow(InvalidInputError);
  });
});

describe('selectRelease', () => {
  it('uses the release in force on the date', () => {
    expect(selectRelease(shipped, d('2026-08-01'))).toMatchObject({ release: { id: 'RVU26C' }, match: 'IN_FORCE', note: null });
    expect(selectRelease(shipped, d('2025-12-31'))).toMatchObject({ release: { id: 'RVU25D' }, match: 'IN_FORCE' });
  });

  it('falls back to the nearest release of the same year and says so', () => {
    const choice = selectRelease(shipped, d('2025-06-01'));
    expect(choice.release.id).toBe('RVU25D');
    expect(choice.match).toBe('NEAREST_LOADED');
    expect(choice.note).toContain('RVU25D takes effect 2025-10-01');
  });

  it('prefers the latest quarter that has taken effect', () => {
    const releases = ['RVU25A', 'RVU25B', 'RVU25C', 'RVU25D'].map(releaseWindowFromId);
    expect(selectRelease(releases, d('2025-03-31')).release.id).toBe('RVU25A');
    expect(selectRelease(releases, d('2025-04-01')).release.id).toBe('RVU25B');
    expect(selectRelease(releases, d('2025-09-30')).release.id).toBe('RVU25C');
    expect(selectRelease(releases, d('2025-10-01')).release.id).toBe('RVU25D');
  });

  it('refuses a year with no release, naming the loaded years', () => {
    expect(() => selectRelease(shipped, d('2024-05-01'))).toThrow(/2024 \(years loaded: 2025, 2026\)/);
    expect(() => selectRelease([], d('2024-05-01'))).toThrow(/years loaded: none/);
  });
});
