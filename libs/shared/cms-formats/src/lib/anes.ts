import { CmsFormatError } from './cms-format.error';
import { csvCells } from './csv-line';

/**
 * CMS anesthesia conversion factors by Medicare locality (ANES<year>.csv, RVU bundle): one header
 * line, then one row per contractor + locality. Until 2025 there is one CF column; from 2026 the
 * PFS has two conversion factors, so the file has a qualifying APM (QP) and a non-qualifying APM
 * column. The national CFs are only printed inside the headings ("... CF of 20.3178"), and the
 * year is not printed at all, so the caller passes it. Rows come back in this (COPY) column order.
 */
export const ANESTHESIA_CF_COLUMNS: readonly string[] = ['mac', 'locality_number', 'locality_name', 'conversion_factor', 'qualifying_apm_conversion_factor'];

/** The first year with separate QP and non-QP conversion factors (MACRA). */
const FIRST_TWO_CF_YEAR = 2026;
const FIXED_HEADINGS = ['Contractor', 'Locality', 'Locality Name'];
const DECIMAL = /^\d+(\.\d+)?$/;

type CfKind = 'standard' | 'qp' | 'nonQp';

// Matched against the heading with its whitespace collapsed: CMS writes "increase)  of 20.49754".
const CF_HEADINGS: readonly { kind: CfKind; pattern: RegExp }[] = [
  { kind: 'standard', pattern: /^National Anes CF of (\d+(?:\.\d+)?)$/i },
  { kind: 'qp', pattern: /^Qualifying APM National Anes CF\b.* of (\d+(?:\.\d+)?)$/i },
  { kind: 'nonQp', pattern: /^Non-Qualifying APM National Anes CF\b.* of (\d+(?:\.\d+)?)$/i },
];

interface Check {
  name: string;
  test: RegExp;
  expected: string;
}

const MAC: Check = { name: 'mac', test: /^\d{5}$/, expected: 'a five-digit contractor (MAC) number such as 10112' };
const LOCALITY: Check = { name: 'locality_number', test: /^\d{2}$/, expected: 'a two-digit locality number' };
const NAME: Check = { name: 'locality_name', test: /\S/, expected: 'a locality name' };
const cf = (name: string): Check => ({ name, test: DECIMAL, expected: 'a conversion factor such as 19.31' });

export interface NationalAnesthesiaConversionFactors {
  /** The CF for everyone else: the only one before 2026, the non-qualifying APM one since. */
  standard: string;
  /** The qualifying APM participant CF; null before 2026. */
  qualifyingApm: string | null;
}

/** Feed physical lines in order; the first line must be the header, data rows come back as COPY-ready arrays. */
export class AnesthesiaCfParser {
  /** Which cell holds the (non-QP) CF and which the QP CF; null until the header is read. */
  private layout: { width: number; standard: number; qp: number | null; checks: Check[] } | null = null;
  private national: NationalAnesthesiaConversionFactors | null = null;
  private rows = 0;

  constructor(
    private readonly file: string,
    readonly year: number,
  ) {
    if (!Number.isInteger(year) || year < 1990 || year > 2100) {
      throw new RangeError(`${file}: the anesthesia CF year must be a calendar year such as 2026, not ${year}`);
    }
  }

  /** The national CFs from the header text, once the header has been read. */
  get nationalConversionFactors(): NationalAnesthesiaConversionFactors {
    if (this.national === null) {
      throw new CmsFormatError(this.file, 1, null, 'no anesthesia CF header has been read yet');
    }
    return this.national;
  }

  get rowCount(): number {
    return this.rows;
  }

  push(line: string, lineNumber: number): (string | null)[] | null {
    // Cells are padded ("10112 ,00 ,ALABAMA,19.31 ").
    const cells = csvCells(this.file, line, lineNumber);
    if (this.layout === null) {
      this.readHeader(cells, lineNumber);
      return null;
    }
    // The shipped files end with ",,,," lines.
    if (cells.every((c) => c === '')) {
      return null;
    }
    const { width, standard, qp, checks } = this.layout;
    if (cells.length !== width) {
      throw new CmsFormatError(
        this.file,
        lineNumber,
        Math.min(cells.length, width) + 1,
        `row has ${cells.length} fields, expected ${width} (truncated, or a stray delimiter)`,
      );
    }
    // "ALASKA*", "WYOMING**": footnote markers carried over from Addendum E, not part of the name.
    const values = cells.map((c, i) => (checks[i] === NAME ? c.replace(/\*+$/, '').trim() : c));
    for (let i = 0; i < width; i++) {
      if (!checks[i].test.test(values[i])) {
        throw new CmsFormatError(this.file, lineNumber, i + 1, `${checks[i].name} is "${cells[i]}", expected ${checks[i].expected}`);
      }
    }
    this.rows++;
    return [values[0], values[1], values[2], values[standard], qp === null ? null : values[qp]];
  }

  /** Call after the last line: a file with no header or no rows is refused. */
  finish(lastLine: number): void {
    if (this.layout === null) {
      throw new CmsFormatError(this.file, lastLine, null, `the file is empty; expected the header ${FIXED_HEADINGS.join(',')},National Anes CF of ...`);
    }
    if (this.rows === 0) {
      throw new CmsFormatError(this.file, lastLine, null, 'the file has a header but no data rows');
    }
  }

  private readHeader(cells: string[], lineNumber: number): void {
    const fail = (column: number, problem: string): never => {
      throw new CmsFormatError(this.file, lineNumber, column, `unexpected anesthesia CF header: ${problem}`);
    };
    const found = cells.map((c) => c.replace(/\s+/g, ' '));
    const at = FIXED_HEADINGS.findIndex((h, i) => found[i] !== h);
    if (at !== -1) {
      fail(at + 1, `column ${at + 1} is "${found[at] ?? ''}" where "${FIXED_HEADINGS[at]}" was expected`);
    }
    const cfCells = found.slice(FIXED_HEADINGS.length);
    if (cfCells.length === 0) {
      fail(FIXED_HEADINGS.length + 1, 'no conversion factor column after Locality Name');
    }
    if (cfCells.length > 2) {
      fail(FIXED_HEADINGS.length + 3, `${found.length} columns; at most two conversion factor columns (QP and non-QP) were expected`);
    }
    const kinds = cfCells.map((heading, i) => {
      const known = CF_HEADINGS.map((h) => ({ kind: h.kind, match: h.pattern.exec(heading) })).find((h) => h.match !== null);
      if (!known?.match) {
        return fail(FIXED_HEADINGS.length + i + 1, `"${heading}" is not a national anesthesia CF heading ("National Anes CF of <cf>", or the Qualifying / Non-Qualifying APM ones)`);
      }
      return { kind: known.kind, value: known.match[1], column: FIXED_HEADINGS.length + i };
    });
    const standard = kinds.find((k) => k.kind === 'standard');
    const qp = kinds.find((k) => k.kind === 'qp');
    const nonQp = kinds.find((k) => k.kind === 'nonQp');
    let main: (typeof kinds)[number];
    let qpColumn: (typeof kinds)[number] | null = null;
    if (kinds.length === 2 && qp && nonQp) {
      main = nonQp;
      qpColumn = qp;
    } else if (kinds.length === 1 && standard) {
      main = standard;
    } else {
      return fail(
        FIXED_HEADINGS.length + kinds.length,
        kinds.length === 1 ? 'a single CF column must be "National Anes CF of <cf>"' : 'two CF columns must be one Qualifying APM and one Non-Qualifying APM column',
      );
    }
    // The year is the caller's word; the layout must agree with it, so a 2026 file is not loaded as 2025.
    const split = qpColumn !== null;
    if (split !== this.year >= FIRST_TWO_CF_YEAR) {
      fail(
        FIXED_HEADINGS.length + 1,
        split
          ? `the file has QP and non-QP columns, which start in ${FIRST_TWO_CF_YEAR}, but it is being read as CY ${this.year}`
          : `the file has one CF column, but CY ${this.year} has QP and non-QP conversion factors (from ${FIRST_TWO_CF_YEAR})`,
      );
    }
    this.national = { standard: main.value, qualifyingApm: qpColumn?.value ?? null };
    const checks: Check[] = [MAC, LOCALITY, NAME, ...kinds.map((k) => cf(k.kind === 'qp' ? 'qualifying_apm_conversion_factor' : 'conversion_factor'))];
    this.layout = { width: cells.length, standard: main.column, qp: qpColumn?.column ?? null, checks };
  }
}
