import { CsvColumn, read, SimpleCsvParser } from './simple-csv';

/**
 * Code lists a denial report and a claim check validate against: X12 claim adjustment reason
 * codes (CARC), remittance advice remark codes (RARC), group codes, CPT/HCPCS modifiers, HCPCS
 * Level II and ICD-10-CM (shipped as converted CSVs; see data/reference/SOURCES.md).
 */
const x12Columns = (code: RegExp): CsvColumn[] => [
  { header: 'code', expected: 'a code', read: read.pattern(code) },
  { header: 'description', expected: 'a description', read: read.requiredText },
  { header: 'usage', expected: 'text', read: read.text },
  { header: 'notes', expected: 'text', read: read.text },
  { header: 'start_date', expected: 'blank or YYYY-MM-DD', read: read.optionalIsoDate },
  { header: 'last_modified', expected: 'blank or YYYY-MM-DD', read: read.optionalIsoDate },
  { header: 'stop_date', expected: 'blank or YYYY-MM-DD', read: read.optionalIsoDate },
];

export type CodeSetTable = 'carc' | 'rarc' | 'group' | 'modifiers' | 'hcpcs' | 'icd10';

const YMD = { expected: 'blank or YYYY-MM-DD', read: read.optionalIsoDate };
const TEXT = { expected: 'text', read: read.text };

export const CODE_SET_COLUMNS: Record<CodeSetTable, readonly CsvColumn[]> = {
  carc: x12Columns(/^[A-Z]?\d{1,3}$|^[A-Z]\d?$/),
  rarc: x12Columns(/^[A-Z]{1,2}\d{1,3}$/),
  group: [
    { header: 'code', expected: 'a two-letter group code', read: read.pattern(/^[A-Z]{2}$/) },
    { header: 'description', expected: 'a description', read: read.requiredText },
  ],
  modifiers: [
    { header: 'modifier', expected: 'a two-character modifier', read: read.pattern(/^[0-9A-Z]{2}$/) },
    { header: 'modifier_type', expected: 'CPT or HCPCS', read: read.oneOf('CPT', 'HCPCS') },
    { header: 'category', ...TEXT },
    { header: 'description', expected: 'a description', read: read.requiredText },
    { header: 'information_level2_only', ...TEXT },
  ],
  hcpcs: [
    { header: 'hcpcs_code', expected: 'a HCPCS Level II code', read: read.pattern(/^[A-V]\d{4}$/) },
    { header: 'long_description', expected: 'a description', read: read.requiredText },
    { header: 'short_description', ...TEXT },
    ...['price', 'multi', 'cov', 'betos', 'tos', 'action', 'cim', 'mcm', 'statute', 'lab', 'xref', 'asc_grp', 'proc', 'anes'].map((header) => ({ header, ...TEXT })),
    ...['date_term', 'date_added', 'date_asc', 'date_action'].map((header) => ({ header, ...YMD })),
  ],
  icd10: [
    { header: 'order_number', expected: 'a whole number', read: read.wholeNumber },
    { header: 'icd10cm_code', expected: 'an ICD-10-CM code such as K11.5', read: read.pattern(/^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/) },
    { header: 'billable', expected: '0 or 1', read: read.oneOf('0', '1') },
    { header: 'description', expected: 'a description', read: read.requiredText },
    { header: 'chapter_no', expected: 'a whole number', read: read.wholeNumber },
    ...['chapter_name', 'chapter_range', 'category_title', 'category_range'].map((header) => ({ header, ...TEXT })),
  ],
};

export function codeSetParser(table: CodeSetTable, file: string): SimpleCsvParser {
  return new SimpleCsvParser(file, CODE_SET_COLUMNS[table]);
}

/** Which code list a file is, from its header line. CARC and RARC share a header: the caller says which. */
export function detectCodeSetTable(headerLine: string): Exclude<CodeSetTable, 'carc' | 'rarc'> | 'x12-adjustment-codes' | null {
  const header = headerLine.trim();
  const joined = (t: CodeSetTable) => CODE_SET_COLUMNS[t].map((c) => c.header).join(',');
  if (header === joined('carc')) return 'x12-adjustment-codes';
  for (const table of ['group', 'modifiers', 'hcpcs', 'icd10'] as const) {
    if (header === joined(table)) return table;
  }
  return null;
}
