import { AnesthesiaCfParser, NationalAnesthesiaConversionFactors } from './anes';
import { CmsFormatError } from './cms-format.error';
import { GpciParser } from './gpci';
import { LocalityCountyParser } from './locco';
import { OppsCapParser } from './oppscap';
import { PprrvuParser, PprrvuRecord, PprrvuRelease } from './pprrvu';

/**
 * The members of the CMS RVU zip (RVU25D) as CMS publishes them: fixed-width text, CRLF. Each
 * parser here extends the parser of the same member's .csv and feeds it the record re-written as
 * a CSV line, so both accept the same values, return the same COPY rows and the importers take
 * either one. What the text adds is checked here: record length, the blanks between fields
 * (shifted columns), banners and headings. Errors name the character positions of the field.
 * Layouts: data/reference/rvu/RVU25D_layout.txt and the samples in
 * data/reference/official-format-samples/rvu (README section 4).
 */

/** A field of a record: 1-based inclusive character positions, as CMS's layouts print them. */
interface Field {
  from: number;
  to: number;
  /** A check on the text as printed, before `read`, for what the CSV parser cannot see. */
  check?: { test: RegExp; expected: string };
  /** Rewrites the printed text as the .csv has it (".10" -> "0.10", "1931" -> "19.31"). */
  read?: (value: string) => string;
}

interface Layout {
  /** Names the format in messages. */
  what: string;
  minLength: number;
  maxLength: number;
  /** In the CSV parser's column order. */
  fields: readonly Field[];
  /** 1 where a character belongs to a field; anything else must be blank. */
  inField: Uint8Array;
}

function layout(what: string, minLength: number, maxLength: number, fields: Field[]): Layout {
  const inField = new Uint8Array(maxLength + 1);
  for (const f of fields) inField.fill(1, f.from, f.to + 1);
  return { what, minLength, maxLength, fields, inField };
}

const field = (from: number, to = from, more: Omit<Field, 'from' | 'to'> = {}): Field => ({ from, to, ...more });

/** PIC .99 ("the share of the global package") is printed without the leading zero the .csv has. */
const leadingZero = { read: (v: string) => v.replace(/^(-?)\./, '$10.') };

/**
 * PPRRVU<yy>_<Mon>.txt: 7 "HDR " banner lines, then one record per HCPCS + modifier, no heading
 * line. Positions from RVU25D_layout.txt; the record is 200 characters, shipped with the trailing
 * blanks trimmed (171). Position 59 is not in the layout: it is the only unassigned position
 * between the status code (58) and the work RVU (60-65), where the .csv has the "NOT USED FOR
 * MEDICARE PAYMENT" flag, so it is read as that flag ("+" or blank).
 */
const PPRRVU = layout('fixed-width PPRRVU record (CMS RVU25 layout)', 171, 200, [
  field(1, 5), // HCPCS
  field(6, 7), // modifier
  field(8, 57), // description
  field(58), // status code
  field(59), // not used for Medicare payment
  field(60, 65), // work RVU
  field(67, 72), // non-facility PE RVU
  field(73, 74), // non-facility NA indicator
  field(76, 81), // facility PE RVU
  field(82, 83), // facility NA indicator
  field(85, 89), // MP RVU
  field(91, 96), // non-facility total
  field(97, 102), // facility total
  field(103), // PC/TC indicator
  field(104, 106), // global days
  field(107, 109, leadingZero), // pre-operative share
  field(110, 112, leadingZero), // intra-operative share
  field(113, 115, leadingZero), // post-operative share
  field(116), // multiple procedure
  field(117), // bilateral
  field(118), // assistant
  field(119), // co-surgeons
  field(120), // team
  // 121-127 is filler in the RVU25 layout (the 2026 .csv adds a pricing indicator; where the 2026
  // text puts it is not known, so a character there is refused rather than guessed).
  field(128, 132), // endoscopic base code
  field(133, 140), // conversion factor
  field(142, 143), // physician supervision
  field(144), // calculation flag
  field(146, 147), // diagnostic imaging family
  field(152, 157), // OPPS non-facility PE
  field(159, 164), // OPPS facility PE
  field(166, 171), // OPPS MP
]);
const PPRRVU_HEADINGS =
  'HCPCS,MOD,DESCRIPTION,CODE,PAYMENT,RVU,PE RVU,INDICATOR,PE RVU,INDICATOR,RVU,TOTAL,TOTAL,IND,DAYS,OP,OP,OP,PROC,SURG,SURG,SURG,SURG,BASE,FACTOR,PROCEDURES,FLAG,INDICATOR,AMOUNT,AMOUNT,AMOUNT';

/** GPCI<yyyy>.txt (the ".prn" of the layout document): title, blank, cut headings, rows, footnotes. */
const GPCI = layout('fixed-width GPCI record (CY 2025 layout: MAC, state, locality, name, work, PE and MP GPCI)', 150, 150, [
  field(1, 5),
  field(17, 18),
  field(25, 26),
  field(30, 117),
  field(118, 126),
  field(127, 138),
  field(139, 150),
]);
const GPCI_HEADER = /^Medicare Admi State Locality Locality Name (\d{4}) PW GPCI\d{4} PE GPCI\d{4} MP GPCI$/;
const GPCI_HEADER_TEXT = 'Medicare Admi State  Locality ... Locality Name ... <year> PW GPCI<year> PE GPCI<year> MP GPCI';

/**
 * <yy>LOCCO.txt: an Excel "formatted text" export. Lines stop at character 201, so a longer
 * county list is cut there ("... SUFFOLK AND WEST" for "... SUFFOLK AND WESTCHESTER").
 */
const LOCCO = layout('fixed-width LOCCO record (MAC, locality, state, fee schedule area, counties)', 144, 201, [
  field(5, 9),
  field(17, 18),
  field(23, 45),
  field(46, 143),
  field(144, 201),
]);
const LOCCO_HEADER = /^Medicare AdmiLocality State Fee Schedule Area Counties$/;
const LOCCO_HEADER_TEXT = 'Medicare AdmiLocality  State ... Fee Schedule Area ... Counties';
/** A line that reaches this character may have been cut by the export (200: cut after a blank). */
const LOCCO_CUT_AT = 200;

/** ANES<yyyy>.txt: no heading; the CF is printed without its decimal point (1931 = 19.31). */
const ANES = layout('fixed-width ANES record (contractor, locality, 40-character name, CF without decimal point)', 77, 77, [
  field(1, 5),
  field(13, 14),
  field(19, 58),
  field(59, 77, {
    check: { test: /^\d+$/, expected: 'digits with two implied decimals such as 1931 (= 19.31)' },
    read: (v) => {
      const digits = v.padStart(3, '0');
      return `${digits.slice(0, -2).replace(/^0+(?=\d)/, '')}.${digits.slice(-2)}`;
    },
  }),
]);
/** The DOS end-of-file mark (Ctrl-Z) that ends ANES<yyyy>.txt after the last CRLF. */
const END_OF_FILE = '\x1A';

/** OPPSCAP_<Mon>.txt: no heading, 38 characters: "0633TTC C 01112  05   150.69    150.69". */
const OPPS_CAP = layout('fixed-width OPPSCAP record (HCPCS, modifier, status, carrier, locality, facility and non-facility price)', 38, 38, [
  field(1, 5),
  field(6, 7),
  field(9),
  field(11, 15),
  field(18, 19),
  field(20, 28),
  field(29, 38),
]);

const withoutCr = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);

/** One CSV line for the CSV parser being reused; every value quoted, so commas in text are safe. */
function csvLine(values: readonly string[]): string {
  return values.map((v) => `"${v.replace(/"/g, '""')}"`).join(',');
}

/** The trimmed values of one record, after its length and the blanks between its fields are checked. */
function cut(file: string, format: Layout, line: string, lineNumber: number): string[] {
  if (line.length < format.minLength || line.length > format.maxLength) {
    const size = format.minLength === format.maxLength ? `${format.minLength}` : `${format.minLength} to ${format.maxLength}`;
    throw new CmsFormatError(
      file,
      lineNumber,
      Math.min(line.length, format.maxLength) + 1,
      `the line is ${line.length} characters long; a ${format.what} is ${size} characters (truncated, or not this fixed-width format?)`,
    );
  }
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== ' ' && !format.inField[i + 1]) {
      throw new CmsFormatError(
        file,
        lineNumber,
        i + 1,
        `character ${i + 1} is ${JSON.stringify(line[i])} where the ${format.what} has a blank between fields (shifted columns, or a delimiter?)`,
      );
    }
  }
  return format.fields.map((f) => {
    const value = line.slice(f.from - 1, f.to).trim();
    if (f.check && !f.check.test.test(value)) {
      throw new CmsFormatError(file, lineNumber, f.from, `"${value}" in characters ${f.from}-${f.to} of the ${format.what}, expected ${f.check.expected}`);
    }
    return f.read && value !== '' ? f.read(value) : value;
  });
}

/** Runs the CSV parser on a re-written record; its column number becomes the field's position. */
function atPositions<T>(format: Layout, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof CmsFormatError) || error.column === null || !format.fields[error.column - 1]) throw error;
    const f = format.fields[error.column - 1];
    throw new CmsFormatError(error.file, error.line, f.from, `${error.problem} (characters ${f.from}-${f.to} of the ${format.what})`);
  }
}

/** Footnotes start with text ("*Work GPCI reflects ..."); a row starts with its MAC. */
const isNote = (line: string, format: Layout) => !/^\s*\d/.test(line) && line.length < format.minLength;

/** The release a PPRRVU text file belongs to: it is only in the zip and file names (RVU25D, PPRRVU2025_Oct). */
export interface PprrvuEdition {
  year: number;
  quarter: PprrvuRelease['quarter'];
}

const QUARTER_MONTH: Record<PprrvuRelease['quarter'], string> = { A: 'January', B: 'April', C: 'July', D: 'October' };

/** The edition from a PPRRVU file name: PPRRVU2025_Oct.txt, PPRRVU25_JAN.txt -> 2025 D, 2025 A; null if the name does not say. */
export function pprrvuEditionFromFileName(name: string): PprrvuEdition | null {
  const m = /PPRRVU(\d{4}|\d{2})_(JAN|APR|JUL|OCT)/i.exec(name);
  if (!m) return null;
  const quarters: Record<string, PprrvuRelease['quarter']> = { JAN: 'A', APR: 'B', JUL: 'C', OCT: 'D' };
  return { year: m[1].length === 2 ? 2000 + Number(m[1]) : Number(m[1]), quarter: quarters[m[2].toUpperCase()] };
}

/**
 * PPRRVU<yy>_<Mon>.txt. The text has no title, so the caller passes the edition; `release` then has
 * the title the .csv would have, no release date, and the AMA/ADA notices of the HDR lines.
 */
export class OfficialPprrvuParser extends PprrvuParser {
  private readonly hdr: string[] = [];
  private inData = false;

  constructor(
    private readonly source: string,
    private readonly edition: PprrvuEdition,
  ) {
    super(source);
    if (!Number.isInteger(edition.year) || edition.year < 1990 || edition.year > 2100 || !(edition.quarter in QUARTER_MONTH)) {
      throw new RangeError(`${source}: a PPRRVU edition is a calendar year and a quarter A-D, not ${JSON.stringify(edition)}`);
    }
  }

  override push(line: string, lineNumber: number): PprrvuRecord | null {
    const text = withoutCr(line);
    if (!this.inData) {
      if (text.startsWith('HDR ')) {
        this.hdr.push(text.slice(4).trim());
        return null;
      }
      this.inData = true;
      this.startCsv(lineNumber);
    }
    if (text.trim() === '') {
      return null;
    }
    const values = cut(this.source, PPRRVU, text, lineNumber);
    return atPositions(PPRRVU, () => super.push(csvLine(values), lineNumber));
  }

  override finish(lastLine: number): void {
    if (!this.inData) {
      throw new CmsFormatError(this.source, lastLine, null, `no data records after the HDR banner; each line should be a ${PPRRVU.what}`);
    }
    super.finish(lastLine);
  }

  /** Gives the CSV parser the banner and headings the .csv has; the notices are the HDR text. */
  private startCsv(lineNumber: number): void {
    const title = `${this.edition.year} National Physician Fee Schedule Relative Value File ${QUARTER_MONTH[this.edition.quarter]} Release`;
    // The HDR text is wrapped at 46 characters; a line ending in "." ends a notice.
    const notices: string[] = [];
    let notice = '';
    for (const text of this.hdr) {
      notice = `${notice} ${text}`.trim();
      if (notice.endsWith('.')) {
        notices.push(notice);
        notice = '';
      }
    }
    for (const line of [title, ...notices, notice].filter((l) => l !== '')) {
      super.push(csvLine([line]), lineNumber);
    }
    super.push(PPRRVU_HEADINGS, lineNumber);
  }
}

/** GPCI<yyyy>.txt; `year` comes from the title as with the .csv. Only the three-GPCI (2025) layout is known. */
export class OfficialGpciParser extends GpciParser {
  private headerSeen = false;

  constructor(private readonly source: string) {
    super(source);
  }

  override push(line: string, lineNumber: number): (string | null)[] | null {
    const text = withoutCr(line);
    if (!this.headerSeen) {
      const squashed = text.replace(/\s+/g, ' ').trim();
      const header = GPCI_HEADER.exec(squashed);
      if (header) {
        this.headerSeen = true;
        const y = header[1];
        const headings = ['Medicare Administrative Contractor (MAC)', 'State', 'Locality Number', 'Locality Name', `${y} PW GPCI (with 1.0 Floor)`, `${y} PE GPCI`, `${y} MP GPCI`];
        return super.push(csvLine(headings), lineNumber);
      }
      if (squashed.startsWith('Medicare Admi')) {
        throw new CmsFormatError(this.source, lineNumber, 1, `unexpected GPCI header: expected "${GPCI_HEADER_TEXT}" (the fixed-width layout with one work GPCI column); found "${squashed}"`);
      }
      if (/^\d{5}\s/.test(text)) {
        throw new CmsFormatError(this.source, lineNumber, 1, `a data row came before the GPCI column header (${GPCI_HEADER_TEXT})`);
      }
      return super.push(csvLine([text]), lineNumber);
    }
    if (text.trim() === '' || isNote(text, GPCI)) {
      return super.push(csvLine([text]), lineNumber);
    }
    const values = cut(this.source, GPCI, text, lineNumber);
    return atPositions(GPCI, () => super.push(csvLine(values), lineNumber));
  }

  override finish(lastLine: number): void {
    if (!this.headerSeen) {
      throw new CmsFormatError(this.source, lastLine, null, `no GPCI column header (${GPCI_HEADER_TEXT}) was found; expected a fixed-width GPCI file`);
    }
    super.finish(lastLine);
  }
}

/**
 * <yy>LOCCO.txt; `year` comes from the title as with the .csv. Blank lines separate the states and
 * the state is printed on a state's first row only, as in the .csv. Refused, naming the line:
 * a county list that reaches character 200 (the export cuts lines at 201, so the list is probably
 * incomplete) and a state group whose first row has no state (25LOCCO.txt prints no state for
 * California). In both cases the .csv member of the same zip has the full text.
 */
export class OfficialLocalityCountyParser extends LocalityCountyParser {
  private headerSeen = false;

  constructor(private readonly source: string) {
    super(source);
  }

  override push(line: string, lineNumber: number): (string | null)[] | null {
    const text = withoutCr(line);
    if (!this.headerSeen) {
      const squashed = text.replace(/\s+/g, ' ').trim();
      if (LOCCO_HEADER.test(squashed)) {
        this.headerSeen = true;
        return super.push('Medicare Adminstrative Contractor,Locality Number,State,Fee Schedule Area,Counties', lineNumber);
      }
      if (squashed.startsWith('Medicare Admi')) {
        throw new CmsFormatError(this.source, lineNumber, 1, `unexpected locality header: expected "${LOCCO_HEADER_TEXT}"; found "${squashed}"`);
      }
      if (/^\s*\d{5}\s/.test(text)) {
        throw new CmsFormatError(this.source, lineNumber, 1, `a data row came before the locality column header (${LOCCO_HEADER_TEXT})`);
      }
      return super.push(csvLine([text]), lineNumber);
    }
    if (text.trim() === '' || isNote(text, LOCCO)) {
      return super.push(csvLine([text.trim()]), lineNumber);
    }
    const values = cut(this.source, LOCCO, text, lineNumber);
    if (text.length >= LOCCO_CUT_AT) {
      throw new CmsFormatError(
        this.source,
        lineNumber,
        LOCCO.fields[4].from,
        `the county list "${values[4]}" reaches character ${text.length}, where CMS's fixed-width export cuts lines, so it is probably incomplete; load the .csv member of the same release instead`,
      );
    }
    return atPositions(LOCCO, () => super.push(csvLine(values), lineNumber));
  }

  override finish(lastLine: number): void {
    if (!this.headerSeen) {
      throw new CmsFormatError(this.source, lastLine, null, `no locality column header (${LOCCO_HEADER_TEXT}) was found; expected a fixed-width LOCCO file`);
    }
    super.finish(lastLine);
  }
}

/**
 * ANES<yyyy>.txt: rows only, the CF without its decimal point, then a DOS end-of-file byte 0x1A
 * after the last CRLF. The locality name is a 40-character field, so longer names are cut
 * ("LOS ANGELES-LONG BEACH-ANAHEIM (LOS ANGE"); they are kept as printed (the CF is the payload).
 * The text does not print the national CF, so `nationalConversionFactors` is refused. Only the
 * one-CF layout (through CY 2025) is known: from 2026 the .csv has QP and non-QP columns.
 */
export class OfficialAnesthesiaCfParser extends AnesthesiaCfParser {
  private started = false;
  private endOfFileLine: number | null = null;

  constructor(
    private readonly source: string,
    year: number,
  ) {
    super(source, year);
  }

  override get nationalConversionFactors(): NationalAnesthesiaConversionFactors {
    throw new CmsFormatError(this.source, 1, null, 'the fixed-width ANES file does not print the national anesthesia CF (only the headings of the .csv do)');
  }

  override push(line: string, lineNumber: number): (string | null)[] | null {
    const text = withoutCr(line);
    if (text === END_OF_FILE && this.endOfFileLine === null) {
      this.endOfFileLine = lineNumber;
      return null;
    }
    if (this.endOfFileLine !== null && text.trim() !== '') {
      throw new CmsFormatError(this.source, lineNumber, 1, `text after the DOS end-of-file mark (byte 0x1A) on line ${this.endOfFileLine}`);
    }
    if (!this.started) {
      if (this.year >= 2026) {
        throw new CmsFormatError(this.source, lineNumber, null, `CY ${this.year} has QP and non-QP anesthesia CFs; the fixed-width ANES layout known here has one CF (through CY 2025): load the .csv member`);
      }
      this.started = true;
      // The CSV parser needs its heading; the national CF it names is not in the text and is not
      // exposed (see nationalConversionFactors above), so a placeholder stands in for it.
      super.push('Contractor,Locality,Locality Name,National Anes CF of 0', lineNumber);
    }
    if (text.trim() === '') {
      return null;
    }
    const values = cut(this.source, ANES, text, lineNumber);
    return atPositions(ANES, () => super.push(csvLine(values), lineNumber));
  }

  override finish(lastLine: number): void {
    if (this.rowCount === 0) {
      throw new CmsFormatError(this.source, lastLine, null, `the file has no rows; each line should be a ${ANES.what}`);
    }
    super.finish(lastLine);
  }
}

/** OPPSCAP_<Mon>.txt: rows only, no heading. */
export class OfficialOppsCapParser extends OppsCapParser {
  private started = false;

  constructor(private readonly source: string) {
    super(source);
  }

  override push(line: string, lineNumber: number): (string | null)[] | null {
    const text = withoutCr(line);
    if (!this.started) {
      this.started = true;
      super.push('HCPCS,MOD,PROCSTAT,CARRIER,LOCALITY,FACILITY PRICE,NON-FACILTY PRICE', lineNumber);
    }
    if (text.trim() === '') {
      return null;
    }
    const values = cut(this.source, OPPS_CAP, text, lineNumber);
    return atPositions(OPPS_CAP, () => super.push(csvLine(values), lineNumber));
  }

  override finish(lastLine: number): void {
    if (this.rowCount === 0) {
      throw new CmsFormatError(this.source, lastLine, null, `the file has no rows; each line should be a ${OPPS_CAP.what}`);
    }
    super.finish(lastLine);
  }
}

export type OfficialRvuMember = 'pprrvu' | 'gpci' | 'locality-counties' | 'anesthesia-cf' | 'opps-cap';

const ANES_ROW = /^\d{5} {7}\d{2} {4}\S.{39} +\d+$/;
const OPPS_CAP_ROW = /^[0-9A-Z]{5}[0-9A-Z ]{2} [A-Z] \d{5} {2}\d{2} +\d+\.\d{2} +\d+\.\d{2}$/;

/**
 * Which fixed-width RVU zip member a file is, from its first lines (20 are plenty); never from
 * its name. Null for anything else, the .csv members included.
 */
export function detectOfficialRvuMember(firstLines: readonly string[]): OfficialRvuMember | null {
  for (const line of firstLines.map(withoutCr)) {
    if (line.startsWith('HDR ')) return 'pprrvu';
    if (/^Medicare Admi State +Locality +Locality Name +\d{4} PW GPCI/.test(line)) return 'gpci';
    if (/^Medicare AdmiLocality +State +Fee Schedule Area +Counties/.test(line)) return 'locality-counties';
    if (line.length === ANES.maxLength && ANES_ROW.test(line)) return 'anesthesia-cf';
    if (OPPS_CAP_ROW.test(line)) return 'opps-cap';
  }
  return null;
}
