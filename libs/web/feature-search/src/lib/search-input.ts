/** A code-looking entry goes straight to its page; anything else is a search. */
export function directCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return /^(\d{4}[\dFTUM]|[A-V]\d{4})$/.test(code) ? code : null;
}

/** Searches start at two characters (one for a digit: code prefixes are useful from the start). */
export function isSearchable(input: string): boolean {
  const text = input.trim();
  return text.length >= 2 || /^\d$/.test(text);
}

/** Moves the highlighted option with the arrow keys, wrapping at both ends; -1 means none. */
export function nextIndex(current: number, count: number, key: 'ArrowDown' | 'ArrowUp'): number {
  if (count === 0) return -1;
  if (key === 'ArrowDown') return current + 1 >= count ? 0 : current + 1;
  return current <= 0 ? count - 1 : current - 1;
}
