import { InvalidInputError } from '@denialmap/shared/errors';
import { IsoDate, yearOf } from './date-of-service';

/** The dates a fee schedule release governs. Quarterly releases A-D start Jan/Apr/Jul/Oct 1. */
export interface ReleaseWindow {
  id: string;
  year: number;
  effectiveFrom: IsoDate;
  effectiveTo: IsoDate;
}

export type ReleaseMatch = 'IN_FORCE' | 'NEAREST_LOADED';

export interface ReleaseChoice<R extends ReleaseWindow> {
  release: R;
  match: ReleaseMatch;
  /** Plain words for the page when the release is not the one in force on the date. */
  note: string | null;
}

const QUARTER_START: Record<string, string> = { A: '01-01', B: '04-01', C: '07-01', D: '10-01' };

/** RVU25D -> { year: 2025, quarter: 'D', effectiveFrom: 2025-10-01, effectiveTo: 2025-12-31 }. */
export function releaseWindowFromId(id: string): ReleaseWindow & { quarter: string } {
  const match = /^RVU(\d{2})([A-D])(R?)$/.exec(id);
  if (!match) {
    throw new InvalidInputError('release', `"${id}" is not a CMS fee schedule release id (expected e.g. RVU25D or RVU26AR).`);
  }
  const year = 2000 + Number(match[1]);
  const quarter = match[2];
  return {
    id,
    year,
    quarter,
    effectiveFrom: `${year}-${QUARTER_START[quarter]}` as IsoDate,
    effectiveTo: `${year}-12-31` as IsoDate,
  };
}

/**
 * Picks the release in force on a date of service: the latest release of that calendar year that
 * has taken effect. When the date falls before every loaded release of its year (say 2025-06-01
 * with only RVU25D loaded) the earliest loaded release of that year is used and the page says so,
 * because each quarter's file restates the whole year's values with corrections.
 */
export function selectRelease<R extends ReleaseWindow>(releases: readonly R[], dateOfService: IsoDate): ReleaseChoice<R> {
  const year = yearOf(dateOfService);
  const sameYear = releases.filter((r) => r.year === year).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  if (sameYear.length === 0) {
    const loaded = [...new Set(releases.map((r) => r.year))].sort().join(', ') || 'none';
    throw new InvalidInputError(
      'dateOfService',
      `No Medicare fee schedule release is loaded for dates of service in ${year} (years loaded: ${loaded}).`,
    );
  }
  const inForce = sameYear.filter((r) => r.effectiveFrom <= dateOfService && dateOfService <= r.effectiveTo).at(-1);
  if (inForce) {
    return { release: inForce, match: 'IN_FORCE', note: null };
  }
  const nearest = sameYear[0];
  return {
    release: nearest,
    match: 'NEAREST_LOADED',
    note:
      `${nearest.id} takes effect ${nearest.effectiveFrom}; the ${year} release in force on ${dateOfService} is not loaded. ` +
      `Figures come from ${nearest.id}, the nearest loaded ${year} release, and may differ slightly from what was paid on that date.`,
  };
}
