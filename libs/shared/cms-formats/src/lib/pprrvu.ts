import { CmsFormatError } from './cms-format.error';
import { splitCsvLine } from './csv-line';

/**
 * CMS "National Physician Fee Schedule Relative Value File" (PPRRVU*.csv): a banner, multi-line
 * headings, then one row per HCPCS + modifier. Layout: RVU25D_layout.txt. The 2026 files add
 * PRIC IND (pricing indicator) after TEAM SURG.
 */
export interface PprrvuRecord {
  hcpcs: string;
  modifier: string;
  description: string;
  statusCode: string;
  notUsedForMedicarePayment: string;
  workRvu: string;
  nonFacilityPeRvu: string;
  nonFacilityNaIndicator: string;
  facilityPeRvu: string;
  facilityNaIndicator: string;
  mpRvu: string;
  nonFacilityTotal: string;
  facilityTotal: string;
  pctcIndicator: string;
  globalDays: string;
  preOpShare: string;
  intraOpShare: string;
  postOpShare: string;
  multipleProcedureIndicator: string;
  bilateralIndicator: string;
  assistantIndicator: string;
  coSurgeonIndicator: string;
  teamIndicator: string;
  pricingIndicator: string;
  endoscopicBase: string;
  conversionFactor: string;
  supervisionIndicator: string;
  calculationFlag: string;
  imagingFamilyIndicator: string;
  oppsNonFacilityPeRvu: string;
  oppsFacilityPeRvu: string;
  oppsMpRvu: string;
}

export interface PprrvuRelease {
  /** RVU25D: year 2025, October release. */
  id: string;
  year: number;
  quarter: 'A' | 'B' | 'C' | 'D';
  title: string;
  /** "RELEASED 09/11/2025" as an ISO date, when the banner has it. */
  releasedOn: string | null;
  /** The AMA (CPT) and ADA (CDT) copyright notices from the banner, to show beside descriptors. */
  notices: string[];
}

type Rule = 'hcpcs' | 'modifier' | 'text' | 'status' | 'decimal' | 'na' | 'digit' | 'digits2' | 'global' | 'optionalCode' | 'blankOrFlag';

const RULES: Record<Rule, { test: (v: string) => boolean; expected: string }> = {
  hcpcs: { test: (v) => /^[0-9A-Z]{5}$/.test(v), expected: 'a five-character HCPCS code' },
  modifier: { test: (v) => /^([0-9A-Z]{2})?$/.test(v), expected: 'blank or a two-character modifier' },
  text: { test: () => true, expected: 'text' },
  status: { test: (v) => /^[A-Z]$/.test(v), expected: 'a one-letter status code' },
  decimal: { test: (v) => /^-?\d+(\.\d+)?$/.test(v), expected: 'a decimal number such as 0.38' },
  na: { test: (v) => v === '' || v === 'NA', expected: 'blank or NA' },
  digit: { test: (v) => /^\d$/.test(v), expected: 'a one-digit indicator' },
  digits2: { test: (v) => /^[0-9A-Z]{2}$/.test(v), expected: 'a two-character indicator such as 09 or 6A' },
  global: { test: (v) => /^(\d{3}|MMM|XXX|YYY|ZZZ)$/.test(v), expected: 'global days (000, 010, 090, MMM, XXX, YYY or ZZZ)' },
  optionalCode: { test: (v) => /^([0-9A-Z]{5})?$/.test(v), expected: 'blank or a five-character HCPCS code' },
  blankOrFlag: { test: (v) => /^[0-9A-Z+]?$/.test(v), expected: 'blank or a one-character flag such as +' },
};

interface Column {
  field: keyof PprrvuRecord;
  heading: string;
  rule: Rule;
}

const COLUMNS: Column[] = [
  { field: 'hcpcs', heading: 'HCPCS', rule: 'hcpcs' },
  { field: 'modifier', heading: 'MOD', rule: 'modifier' },
  { field: 'description', heading: 'DESCRIPTION', rule: 'text' },
  { field: 'statusCode', heading: 'CODE', rule: 'status' },
  { field: 'notUsedForMedicarePayment', heading: 'PAYMENT', rule: 'blankOrFlag' },
  { field: 'workRvu', heading: 'RVU', rule: 'decimal' },
  { field: 'nonFacilityPeRvu', heading: 'PE RVU', rule: 'decimal' },
  { field: 'nonFacilityNaIndicator', heading: 'INDICATOR', rule: 'na' },
  { field: 'facilityPeRvu', heading: 'PE RVU', rule: 'decimal' },
  { field: 'facilityNaIndicator', heading: 'INDICATOR', rule: 'na' },
  { field: 'mpRvu', heading: 'RVU', rule: 'decimal' },
  { field: 'nonFacilityTotal', heading: 'TOTAL', rule: 'decimal' },
  { field: 'facilityTotal', heading: 'TOTAL', rule: 'decimal' },
  { field: 'pctcIndicator', heading: 'IND', rule: 'digit' },
  { field: 'globalDays', heading: 'DAYS', rule: 'global' },
  { field: 'preOpShare', heading: 'OP', rule: 'decimal' },
  { field: 'intraOpShare', heading: 'OP', rule: 'decimal' },
  { field: 'postOpShare', heading: 'OP', rule: 'decimal' },
  { field: 'multipleProcedureIndicator', heading: 'PROC', rule: 'digit' },
  { field: 'bilateralIndicator', heading: 'SURG', rule: 'digit' },
  { field: 'assistantIndicator', heading: 'SURG', rule: 'digit' },
  { field: 'coSurgeonIndicator', heading: 'SURG', rule: 'digit' },
  { field: 'teamIndicator', heading: 'SURG', rule: 'digit' },
  { field: 'pricingIndicator', heading: 'IND', rule: 'digit' },
  { field: 'endoscopicBase', heading: 'BASE', rule: 'optionalCode' },
  { field: 'conversionFactor', heading: 'FACTOR', rule: 'decimal' },
  { field: 'supervisionIndicator', heading: 'PROCEDURES', rule: 'digits2' },
  { field: 'calculationFlag', heading: 'FLAG', rule: 'digit' },
  { field: 'imagingFamilyIndicator', heading: 'INDICATOR', rule: 'digits2' },
  { field: 'oppsNonFacilityPeRvu', heading: 'AMOUNT', rule: 'decimal' },
  { field: 'oppsFacilityPeRvu', heading: 'AMOUNT', rule: 'decimal' },
  { field: 'oppsMpRvu', heading: 'AMOUNT', rule: 'decimal' },
];

/** Files before 2026 have no PRIC IND column. */
const LAYOUTS: Column[][] = [COLUMNS, COLUMNS.filter((c) => c.field !== 'pricingIndicator')];

const MONTH_TO_QUARTER: Record<string, PprrvuRelease['quarter']> = { JANUARY: 'A', APRIL: 'B', JULY: 'C', OCTOBER: 'D' };
const TITLE = /(\d{4}) National Physician Fee Schedule Relative Value File (January|April|July|October) Release/i;
const RELEASED = /RELEASED (\d{2})\/(\d{2})\/(\d{4})/i;

/** Feed physical lines in order; data rows come back as records, banner and headings as null. */
export class PprrvuParser {
  private columns: Column[] | null = null;
  private banner: string[] = [];
  private parsedRelease: PprrvuRelease | null = null;
  private rows = 0;

  constructor(private readonly file: string) {}

  get release(): PprrvuRelease {
    if (!this.parsedRelease) {
      throw new CmsFormatError(this.file, 1, null, 'no release banner has been read yet');
    }
    return this.parsedRelease;
  }

  get rowCount(): number {
    return this.rows;
  }

  push(line: string, lineNumber: number): PprrvuRecord | null {
    const fields = splitCsvLine(line.replace(/\r$/, ''));
    if (fields === null) {
      throw new CmsFormatError(this.file, lineNumber, null, 'a quoted field is not closed on this line');
    }
    if (!this.columns) {
      return this.readHeading(fields, lineNumber);
    }
    if (fields.every((f) => f.trim() === '')) {
      return null;
    }
    return this.readRow(fields, lineNumber, this.columns);
  }

  /** Call after the last line: a file with no header or no rows is refused. */
  finish(lastLine: number): void {
    if (!this.columns) {
      throw new CmsFormatError(this.file, lastLine, null, 'no PPRRVU column header (HCPCS,MOD,DESCRIPTION,...) was found');
    }
    if (this.rows === 0) {
      throw new CmsFormatError(this.file, lastLine, null, 'the file has a header but no data rows');
    }
  }

  private readHeading(fields: string[], lineNumber: number): null {
    if (fields[0].trim() !== 'HCPCS') {
      if (/^[0-9A-Z]{5}$/.test(fields[0].trim())) {
        throw new CmsFormatError(this.file, lineNumber, 1, 'a data row came before the PPRRVU column header (HCPCS,MOD,DESCRIPTION,...)');
      }
      this.banner.push(fields.join(' '));
      return null;
    }
    const headings = fields.map((f) => f.trim());
    const layout = LAYOUTS.find((cols) => cols.length === headings.length && cols.every((c, i) => c.heading === headings[i]));
    if (!layout) {
      const nearest = LAYOUTS.find((cols) => cols.length === headings.length) ?? LAYOUTS[0];
      const at = nearest.findIndex((c, i) => c.heading !== headings[i]);
      const column = at === -1 ? nearest.length + 1 : at + 1;
      throw new CmsFormatError(
        this.file,
        lineNumber,
        column,
        `unexpected PPRRVU header: expected ${nearest.length} columns (${nearest.map((c) => c.heading).join(',')}), found ${headings.length}` +
          (at === -1 ? '' : `; column ${column} is "${headings[at] ?? ''}" where "${nearest[at].heading}" was expected`),
      );
    }
    this.parsedRelease = this.readBanner(lineNumber);
    this.columns = layout;
    return null;
  }

  private readBanner(lineNumber: number): PprrvuRelease {
    const text = this.banner.join('\n');
    const title = TITLE.exec(text);
    if (!title) {
      throw new CmsFormatError(
        this.file,
        lineNumber,
        null,
        'unknown release: the banner does not say "<year> National Physician Fee Schedule Relative Value File <January|April|July|October> Release"',
      );
    }
    const year = Number(title[1]);
    const released = RELEASED.exec(text);
    return {
      id: `RVU${String(year).slice(2)}${MONTH_TO_QUARTER[title[2].toUpperCase()]}`,
      year,
      quarter: MONTH_TO_QUARTER[title[2].toUpperCase()],
      title: title[0],
      releasedOn: released ? `${released[3]}-${released[1]}-${released[2]}` : null,
      notices: this.banner
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .filter((line) => /copyright/i.test(line)),
    };
  }

  private readRow(fields: string[], lineNumber: number, columns: Column[]): PprrvuRecord {
    if (fields.length !== columns.length) {
      throw new CmsFormatError(
        this.file,
        lineNumber,
        Math.min(fields.length, columns.length) + 1,
        `row has ${fields.length} fields, expected ${columns.length} (truncated or extra delimiter)`,
      );
    }
    const record = { pricingIndicator: '' } as PprrvuRecord;
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i];
      const value = column.rule === 'text' ? fields[i].trim() : fields[i].trim().toUpperCase();
      const rule = RULES[column.rule];
      if (!rule.test(value)) {
        throw new CmsFormatError(this.file, lineNumber, i + 1, `${column.field} is "${fields[i]}", expected ${rule.expected}`);
      }
      record[column.field] = value;
    }
    this.rows++;
    return record;
  }
}
