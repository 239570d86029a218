/** What adding typed codes to a chip list did: the new list, and why anything typed was left out. */
export interface ChipAddition {
  list: string[];
  problem: string | null;
}

/**
 * Adds what was typed ("n290, M80" or one code) to a chip list: each piece normalised (or refused
 * with the reason), duplicates skipped, at most `max` in all. The API checks again; this is so the
 * chips never show something that will obviously be refused.
 */
export function addChips(list: readonly string[], typed: string, max: number, normalise: (raw: string) => string | null, what: string): ChipAddition {
  const next = [...list];
  const refused: string[] = [];
  let full = false;
  for (const piece of typed.split(/[\s,;]+/).filter((p) => p !== '')) {
    const code = normalise(piece);
    if (!code) refused.push(piece);
    else if (next.includes(code)) continue;
    else if (next.length >= max) full = true;
    else next.push(code);
  }
  const problems = [
    ...(refused.length > 0 ? [`${refused.map((r) => `"${r}"`).join(', ')} ${refused.length === 1 ? 'is not' : 'are not'} ${what}.`] : []),
    ...(full ? [`At most ${max}.`] : []),
  ];
  return { list: next, problem: problems.length > 0 ? problems.join(' ') : null };
}

export const normaliseModifier = (raw: string) => (/^[0-9A-Z]{2}$/i.test(raw.trim()) ? raw.trim().toUpperCase() : null);
export const normaliseRarc = (raw: string) => (/^(?:M|MA|N)\d{1,3}$/i.test(raw.trim()) ? raw.trim().toUpperCase() : null);
export const normaliseCarc = (raw: string) => (/^(?:\d{1,3}|[A-Z]\d{1,2})$/i.test(raw.trim()) ? raw.trim().toUpperCase() : null);
