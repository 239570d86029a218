/**
 * Near-duplicate narratives: the same story pasted again with small edits (a different number, a
 * word added) is one biller's experience, not two. Word 3-shingles and their Jaccard similarity
 * catch that while different stories about the same denial stay apart.
 */
export const NEAR_DUPLICATE_SIMILARITY = 0.8;

/** Lower case, digits folded to one symbol, punctuation dropped. */
export function narrativeWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\d+/g, '#')
    .split(/[^a-z#]+/)
    .filter((w) => w.length > 0);
}

export function shingles(text: string, size = 3): Set<string> {
  const words = narrativeWords(text);
  const out = new Set<string>();
  if (words.length < size) {
    if (words.length > 0) out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + size <= words.length; i++) out.add(words.slice(i, i + size).join(' '));
  return out;
}

/** |A ∩ B| / |A ∪ B| of the two texts' shingles; 0 when either is empty. */
export function narrativeSimilarity(a: string, b: string): number {
  const sa = shingles(a);
  const sb = shingles(b);
  if (sa.size === 0 || sb.size === 0) return 0;
  let shared = 0;
  for (const s of sa) if (sb.has(s)) shared++;
  return shared / (sa.size + sb.size - shared);
}

/** A narrative short enough that matching it says nothing (e.g. "resubmitted with 26"). */
export function isTooShortToCompare(text: string): boolean {
  return narrativeWords(text).length < 8;
}
