/**
 * The stale tables that can change what a code page shows for its date of service: the fee
 * schedule (amounts, RVUs, indicators) and the NCCI edits always; the HCPCS Level II file only on
 * a Level II code's page (its long descriptor); ICD-10-CM never. A table behind only since after
 * the date of service asked about does not affect that page; one with nothing loaded affects every date.
 */
const ALWAYS = ['RVU', 'NCCI_PTP', 'NCCI_MUE', 'NCCI_AOC'];

export function staleForCodePage<T extends { dataset: string; since: string; loadedId: string | null }>(stale: readonly T[], level: string, dateOfService: string): T[] {
  const families = level === 'CPT' ? ALWAYS : [...ALWAYS, 'HCPCS_L2'];
  return stale.filter((s) => families.includes(s.dataset) && (s.loadedId === null || s.since <= dateOfService));
}
