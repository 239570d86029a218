export interface FindingSpan {
  start: number;
  end: number;
}

/** A run of the text: plain, or covered by the finding at `finding` (its index in the list given). */
export interface TextSegment {
  text: string;
  finding: number | null;
}

/**
 * Cuts text into plain runs and runs covered by findings, so a form can put <mark> over exactly
 * the words the patient-information guard named. Offsets are UTF-16 code units, as the API sends
 * them and as JavaScript strings index. Findings may arrive in any order and may overlap (a name
 * inside an address); an overlap goes to the earlier finding and spans outside the text are clipped.
 */
export function highlightSegments(text: string, findings: readonly FindingSpan[]): TextSegment[] {
  const ordered = findings
    .map((f, index) => ({ start: Math.max(0, f.start), end: Math.min(text.length, f.end), index }))
    .filter((f) => f.end > f.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: TextSegment[] = [];
  let at = 0;
  for (const f of ordered) {
    if (f.end <= at) continue;
    const start = Math.max(f.start, at);
    if (start > at) segments.push({ text: text.slice(at, start), finding: null });
    segments.push({ text: text.slice(start, f.end), finding: f.index });
    at = f.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), finding: null });
  return segments;
}

/**
 * The findings whose words are still where the scan found them: the scan answers for the text of
 * a moment ago, and a warning about words already deleted would be wrong.
 */
export function findingsStillIn<T extends FindingSpan & { text: string }>(text: string, findings: readonly T[]): T[] {
  return findings.filter((f) => text.slice(f.start, f.end) === f.text);
}
