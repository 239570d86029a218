/**
 * PostgreSQL COPY text format: tab-separated, \N for NULL, and backslash escapes for the
 * characters that would otherwise end a field or a row.
 */
export function copyField(value: string | number | boolean | null): string {
  if (value === null) {
    return '\\N';
  }
  if (typeof value === 'boolean') {
    return value ? 't' : 'f';
  }
  const text = String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;
}

export function copyRow(values: readonly (string | number | boolean | null)[]): string {
  return values.map(copyField).join('\t') + '\n';
}

/**
 * PostgreSQL COPY CSV format: an unquoted empty field is NULL, so an empty string is `""`; fields
 * with a comma, quote or line break are quoted with inner quotes doubled.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  if (text === '') return '""';
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly (string | number | null)[]): string {
  return values.map(csvField).join(',') + '\n';
}
