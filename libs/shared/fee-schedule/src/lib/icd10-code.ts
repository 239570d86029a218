/**
 * An ICD-10-CM code as the code set writes it ("K11.5"), from what a person types ("k115",
 * " K11.5 "), or null when it cannot be one (a letter, a digit, a character, then up to four more).
 */
export function normaliseIcd10Code(raw: string): string | null {
  const compact = raw.trim().toUpperCase().replace('.', '');
  if (!/^[A-Z]\d[0-9A-Z][0-9A-Z]{0,4}$/.test(compact)) return null;
  return compact.length > 3 ? `${compact.slice(0, 3)}.${compact.slice(3)}` : compact;
}
