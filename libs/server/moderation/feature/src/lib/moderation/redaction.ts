/** What a moderator may put where text was taken out. */
export const REDACTION_MARK = '[removed]';

const squash = (text: string) => text.replaceAll(REDACTION_MARK, '').replace(/\s+/g, '');

/**
 * A redaction may only take text out (optionally leaving "[removed]" where it was): the new
 * narrative, marks and spacing aside, must be the old one with characters deleted, never added
 * or changed. Returns why not, or null when it is a redaction.
 */
export function redactionProblem(before: string | null, after: string | null): string | null {
  if (!before) return 'This report has no story to redact.';
  const next = after?.trim() ?? '';
  if (next === before.trim()) return 'Nothing was removed.';
  const kept = squash(next);
  const original = squash(before);
  let i = 0;
  for (const char of original) {
    if (i < kept.length && kept[i] === char) i++;
  }
  if (i < kept.length) return 'A redaction can only remove text; the new story adds or changes words.';
  return null;
}
