import { CsvColumn, isCalendarDate, read, SimpleCsvParser } from './simple-csv';

/**
 * NCCI practitioner tables as shipped (converted from CMS's quarterly files; see
 * data/reference/SOURCES.md). Column order here is the COPY column order.
 */
export const NCCI_PTP_COLUMNS: readonly CsvColumn[] = [
  { header: 'column_1', expected: 'a five-character HCPCS code', read: read.hcpcs },
  { header: 'column_2', expected: 'a five-character HCPCS code', read: read.hcpcs },
  { header: 'deletion_date', expected: 'blank or a date as YYYYMMDD', read: read.optionalCompactDate },
  { header: 'modifier_indicator', expected: '0, 1 or 9', read: read.oneOf('0', '1', '9') },
  { header: 'ptp_edit_rationale', expected: 'text', read: read.text },
];

export const NCCI_MUE_COLUMNS: readonly CsvColumn[] = [
  { header: 'hcpcs_code', expected: 'a five-character HCPCS code', read: read.hcpcs },
  { header: 'mue_value', expected: 'a whole number of units', read: read.wholeNumber },
  { header: 'mue_adjudication_indicator', expected: '1, 2 or 3', read: read.oneOf('1', '2', '3') },
  { header: 'mue_rationale', expected: 'text', read: read.text },
];

export const NCCI_AOC_COLUMNS: readonly CsvColumn[] = [
  // CCCCC stands for "no specific primary codes" (type 2 add-on codes).
  { header: 'primary_code', expected: 'a five-character HCPCS code or CCCCC', read: read.hcpcs },
  { header: 'add_on_code', expected: 'a five-character HCPCS code', read: read.hcpcs },
  { header: 'aoc_edit_type', expected: '1, 2 or 3', read: read.oneOf('1', '2', '3') },
];

export type NcciTable = 'ptp' | 'mue' | 'aoc';

const COLUMNS: Record<NcciTable, readonly CsvColumn[]> = { ptp: NCCI_PTP_COLUMNS, mue: NCCI_MUE_COLUMNS, aoc: NCCI_AOC_COLUMNS };

/** Shapes of certainly-valid rows, so 2.5 M PTP lines are checked with one regex each. */
const FAST_LINES: Record<NcciTable, { pattern: RegExp; check?: (m: RegExpExecArray) => boolean }> = {
  ptp: {
    pattern: /^[0-9A-Z]{5},[0-9A-Z]{5},(?:(\d{4})(\d{2})(\d{2}))?,[019],[^,"]*$/,
    check: (m) => m[1] === undefined || isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  mue: { pattern: /^[0-9A-Z]{5},\d{1,9},[123],[^,"]*$/ },
  aoc: { pattern: /^[0-9A-Z]{5},[0-9A-Z]{5},[123]$/ },
};

export function ncciParser(table: NcciTable, file: string): SimpleCsvParser {
  return new SimpleCsvParser(file, COLUMNS[table], FAST_LINES[table]);
}

/** Which NCCI table a file is, from its header line (content, not name). */
export function detectNcciTable(headerLine: string): NcciTable | null {
  const header = headerLine.trim();
  for (const [table, columns] of Object.entries(COLUMNS) as [NcciTable, readonly CsvColumn[]][]) {
    if (header === columns.map((c) => c.header).join(',')) return table;
  }
  return null;
}

/** "ptp_practitioner_2024q3.csv.gz" -> { year: 2024, quarter: 3, effectiveFrom: "2024-07-01" }. */
export function ncciQuarterFromName(fileName: string): { year: number; quarter: number; effectiveFrom: string; effectiveTo: string } | null {
  const m = /(20\d\d)q([1-4])/i.exec(fileName);
  if (!m) return null;
  const year = Number(m[1]);
  const quarter = Number(m[2]);
  const startMonth = (quarter - 1) * 3 + 1;
  const end = new Date(Date.UTC(year, startMonth + 2, 0));
  return {
    year,
    quarter,
    effectiveFrom: `${year}-${String(startMonth).padStart(2, '0')}-01`,
    effectiveTo: end.toISOString().slice(0, 10),
  };
}
