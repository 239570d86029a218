import { CmsFormatError } from './cms-format.error';

/**
 * Splits one CSV record (RFC 4180 quoting: "a, b" and doubled "" inside quotes).
 * Returns null when the line ends inside an open quote, so a caller can join the next line.
 */
export function splitCsvLine(line: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (inQuotes) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        field += ch;
      }
    } else if (ch === '"' && field.length === 0) {
      inQuotes = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  if (inQuotes) {
    return null;
  }
  fields.push(field);
  return fields;
}

/**
 * The trimmed cells of one physical CSV line (a trailing \r dropped); a quote left open refuses
 * the whole line, naming file and line, since CMS's files never wrap a record across lines.
 */
export function csvCells(file: string, line: string, lineNumber: number): string[] {
  const fields = splitCsvLine(line.endsWith('\r') ? line.slice(0, -1) : line);
  if (fields === null) {
    throw new CmsFormatError(file, lineNumber, null, 'a quoted field is not closed on this line');
  }
  return fields.map((f) => f.trim());
}
