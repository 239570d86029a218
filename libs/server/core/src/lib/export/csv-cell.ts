/**
 * RFC 4180 quoting, and a leading apostrophe for cells a spreadsheet would run as a formula
 * (=, +, -, @, tab, carriage return): exports carry free text typed by people.
 */
export function csvCell(value: string | null): string {
  if (value === null) return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n']/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(values: readonly (string | null)[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}
