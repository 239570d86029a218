export interface StatsProgress {
  /** Distinct billers who have reported so far. */
  reported: number;
  threshold: number;
  /** 0-100, for the bar's width only (the words carry the numbers). */
  percent: number;
}

/** How far a LOCKED code is from unlocking, from the API's threshold and submittersNeeded. */
export function lockedProgress(threshold: number, submittersNeeded: number | null): StatsProgress {
  const needed = Math.min(threshold, Math.max(0, submittersNeeded ?? threshold));
  const reported = threshold - needed;
  return { reported, threshold, percent: threshold > 0 ? Math.round((reported / threshold) * 100) : 0 };
}

/** Quarter keys ("2025Q3") sort as text; a trend reads oldest first, unlike the largest-first cells. */
export function chronological<T extends { key: string }>(cells: readonly T[]): T[] {
  return [...cells].sort((a, b) => a.key.localeCompare(b.key));
}

/** "2 groups withheld" under a table, or nothing when every group is shown. */
export function withheldNote(suppressed: number | null | undefined): string | null {
  if (!suppressed) return null;
  return `${suppressed} ${suppressed === 1 ? 'group' : 'groups'} withheld (fewer billers than the threshold, or one that could be worked out from the others).`;
}

/** "2026-05-10 14:03 UTC" from an ISO timestamp: the same on every screen and in every time zone. */
export function computedAtWords(iso: string | null): string | null {
  return iso && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : null;
}
