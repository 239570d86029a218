import { CmsFormatError } from './cms-format.error';
import { csvCells } from './csv-line';

/**
 * CMS "Counties Included in <year> Localities" (25LOCCO.csv, 26LOCCO.csv): the locality-to-county
 * crosswalk. A title line that names the year, the column header, then one row per MAC +
 * locality, grouped by state with blank separator rows between the groups; footnotes at the end.
 * Rows come back in this (COPY) column order.
 */
export const LOCALITY_COUNTY_COLUMNS: readonly string[] = ['mac', 'locality_number', 'state_name', 'fee_schedule_area', 'counties'];

const TITLE = /COUNTIES INCLUDED IN (\d{4}) LOCALITIES/i;
// "Adminstrative" is how CMS spells it in both shipped files; the correct spelling is accepted too
// so a corrected file is not refused for the fix.
const HEADINGS: readonly RegExp[] = [/^Medicare Admini?strative Contractor$/, /^Locality Number$/, /^State$/, /^Fee Schedule Area$/, /^Counties$/];
const HEADING_NAMES = 'Medicare Adminstrative Contractor,Locality Number,State,Fee Schedule Area,Counties';

interface Check {
  name: string;
  test: RegExp;
  expected: string;
}

const CHECKS: readonly Check[] = [
  // 25LOCCO lost the leading zeros ("2102,1"), so 1-5 and 1-2 digits are accepted and padded.
  { name: 'mac', test: /^\d{1,5}$/, expected: 'a MAC number of up to five digits such as 10112' },
  { name: 'locality_number', test: /^\d{1,2}$/, expected: 'a locality number of up to two digits' },
  { name: 'state_name', test: /^([A-Z][A-Z .'/-]*)?$/, expected: 'a state name in capitals such as ALABAMA, or blank under the first row of a state' },
  { name: 'fee_schedule_area', test: /[^\s*]/, expected: 'a fee schedule area name' },
  { name: 'counties', test: /\S/, expected: 'a list of counties' },
];

/** Feed physical lines in order; locality rows come back as COPY-ready arrays, everything else as null. */
export class LocalityCountyParser {
  private titleYear: number | null = null;
  /** How many fields the header line has: 26LOCCO ends every line with an empty column. */
  private width: number | null = null;
  /** The state of the current group: CMS prints it on the first row of the group only. */
  private state: string | null = null;
  private footnoteLine: number | null = null;
  private rows = 0;

  constructor(private readonly file: string) {}

  /** The year from the title line ("COUNTIES INCLUDED IN 2025 LOCALITIES"), once the header has been read. */
  get year(): number {
    if (this.titleYear === null || this.width === null) {
      throw new CmsFormatError(this.file, 1, null, 'no locality title and header have been read yet');
    }
    return this.titleYear;
  }

  get rowCount(): number {
    return this.rows;
  }

  push(line: string, lineNumber: number): (string | null)[] | null {
    const cells = csvCells(this.file, line, lineNumber);
    if (this.width === null) {
      return this.readBanner(line, cells, lineNumber);
    }
    if (cells.every((c) => c === '')) {
      // A separator ends the state's group: the next group must name its state again.
      this.state = null;
      return null;
    }
    // Footnotes ("*  Payment locality is serviced by two carriers.") are text in the first cell only.
    // A first cell of digits is a row with its values missing, so it is checked as a row.
    if (cells.slice(1).every((c) => c === '') && !/^\d+$/.test(cells[0])) {
      this.footnoteLine ??= lineNumber;
      return null;
    }
    if (this.footnoteLine !== null) {
      throw new CmsFormatError(this.file, lineNumber, 1, `a data row after the footnotes that start on line ${this.footnoteLine}`);
    }
    return this.readRow(cells, lineNumber, this.width);
  }

  /** Call after the last line: a file with no header or no rows is refused. */
  finish(lastLine: number): void {
    if (this.width === null) {
      throw new CmsFormatError(this.file, lastLine, null, `no locality column header (${HEADING_NAMES}) was found`);
    }
    if (this.rows === 0) {
      throw new CmsFormatError(this.file, lastLine, null, 'the file has a header but no data rows');
    }
  }

  private readBanner(line: string, cells: string[], lineNumber: number): null {
    if (!HEADINGS[0].test(cells[0])) {
      if (/^\d+$/.test(cells[0])) {
        throw new CmsFormatError(this.file, lineNumber, 1, `a data row came before the locality column header (${HEADING_NAMES})`);
      }
      const title = TITLE.exec(line);
      if (title && this.titleYear === null) {
        this.titleYear = Number(title[1]);
      }
      return null;
    }
    if (this.titleYear === null) {
      throw new CmsFormatError(this.file, lineNumber, null, 'unknown release: no title line above the header says "COUNTIES INCLUDED IN <year> LOCALITIES"');
    }
    // Trailing empty headings are allowed (26LOCCO has one); rows must then have the same width.
    let width = cells.length;
    while (width > HEADINGS.length && cells[width - 1] === '') width--;
    const at = HEADINGS.findIndex((h, i) => !h.test(cells[i] ?? ''));
    if (at !== -1 || width !== HEADINGS.length) {
      const column = at === -1 ? HEADINGS.length + 1 : at + 1;
      throw new CmsFormatError(
        this.file,
        lineNumber,
        column,
        `unexpected locality header: expected ${HEADING_NAMES}; column ${column} is "${cells[column - 1] ?? ''}"`,
      );
    }
    this.width = cells.length;
    return null;
  }

  private readRow(cells: string[], lineNumber: number, width: number): (string | null)[] {
    if (cells.length !== width) {
      throw new CmsFormatError(
        this.file,
        lineNumber,
        Math.min(cells.length, width) + 1,
        `row has ${cells.length} fields, expected ${width} like the header (truncated, or a stray delimiter)`,
      );
    }
    const extra = cells.findIndex((c, i) => i >= CHECKS.length && c !== '');
    if (extra !== -1) {
      throw new CmsFormatError(this.file, lineNumber, extra + 1, `"${cells[extra]}" in the unnamed column after Counties (a stray delimiter?)`);
    }
    for (let i = 0; i < CHECKS.length; i++) {
      if (!CHECKS[i].test.test(cells[i])) {
        throw new CmsFormatError(this.file, lineNumber, i + 1, `${CHECKS[i].name} is "${cells[i]}", expected ${CHECKS[i].expected}`);
      }
    }
    const [mac, locality, stateCell, area, counties] = cells;
    if (stateCell !== '') {
      this.state = stateCell;
    } else if (this.state === null) {
      throw new CmsFormatError(this.file, lineNumber, 3, 'state_name is blank and no row above it in this group names the state');
    }
    this.rows++;
    // "REST OF STATE*", "STATEWIDE*": the star points at the footnote "Payment locality is serviced
    // by two carriers". It is not part of the area's name, so it is dropped.
    return [mac.padStart(5, '0'), locality.padStart(2, '0'), this.state, area.replace(/\*+$/, '').trim(), counties];
  }
}
