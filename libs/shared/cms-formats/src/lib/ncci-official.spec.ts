import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { CmsFormatError } from './cms-format.error';
import { binaryRow } from './copy-binary';
import { ncciParser } from './ncci';
import {
  detectOfficialNcci,
  mueEffectiveFromName,
  ncciVersionFromName,
  OFFICIAL_MUE_COLUMNS,
  OFFICIAL_PTP_BINARY_TYPES,
  OFFICIAL_PTP_COLUMNS,
  OFFICIAL_PTP_RATIONALE_INDEX,
  OfficialMueParser,
  OfficialPtpParser,
  OfficialPtpScanner,
} from './ncci-official';
import { linesOf, parseLines, refusalOf } from './spec-helpers';

const REFERENCE = join(__dirname, '../../../../../data/reference');
const PTP_FILE = 'ccipra-v322r0-f1.TXT';
const MUE_FILE = 'MCR_MUE_PractitionerServices_Eff_07-01-2026.csv';
const PTP_BYTES = readFileSync(join(REFERENCE, 'official-format-samples/ncci-ptp', PTP_FILE));
const MUE_BYTES = readFileSync(join(REFERENCE, 'official-format-samples/ncci-mue', MUE_FILE));

/** A copy of `bytes` with line `lineNumber` (1-based, without its line end) rewritten. */
function withLine(bytes: Buffer, lineNumber: number, edit: (line: string) => string): Buffer {
  const lines = bytes.toString('latin1').split('\n');
  const line = lines[lineNumber - 1];
  const cr = line.endsWith('\r') ? '\r' : '';
  lines[lineNumber - 1] = edit(cr ? line.slice(0, -1) : line) + cr;
  return Buffer.from(lines.join('\n'), 'latin1');
}

/** The importer's phrase dictionary in miniature (PhraseDictionary.idFor): ids by first appearance, blank = none. */
function phraseIds(): (phrase: string | null) => number | null {
  const ids = new Map<string, number>();
  return (raw) => {
    const phrase = raw?.trim() ?? '';
    if (phrase === '') return null;
    if (!ids.has(phrase)) ids.set(phrase, ids.size + 1);
    return ids.get(phrase) ?? null;
  };
}

/** COPY CSV exactly as the importer writes a row (copy-format.ts csvRow): NULL as nothing, "" for empty text. */
function csvRow(values: readonly (string | number | null)[]): string {
  const field = (value: string | number | null) => {
    if (value === null) return '';
    const text = String(value);
    if (text === '') return '""';
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return values.map(field).join(',') + '\n';
}

/** A parsed PTP row with its phrase swapped for an id, as the importer's slow path does. */
function withPhraseId(values: (string | null)[], idFor: (phrase: string | null) => number | null): (string | number | null)[] {
  return values.map((value, i) => (i === OFFICIAL_PTP_RATIONALE_INDEX ? idFor(value) : value));
}

function parsePtp(lines: string[]): (string | null)[][] {
  return parseLines(new OfficialPtpParser(PTP_FILE), lines);
}

function parseMue(lines: string[], services?: string): (string | null)[][] {
  return parseLines(new OfficialMueParser(MUE_FILE, services), lines);
}

/** Each line's COPY row through OfficialPtpParser alone (the reference for the scanner), CSV or binary. */
function slowPathRows(bytes: Buffer, binary: boolean): Buffer[] {
  const parser = new OfficialPtpParser(PTP_FILE);
  const idFor = phraseIds();
  const lines = linesOf(bytes);
  const rows = lines.map((line, i) => {
    const values = parser.push(line, i + 1);
    if (!values) return Buffer.alloc(0);
    const row = withPhraseId(values, idFor);
    return binary ? binaryRow(row, OFFICIAL_PTP_BINARY_TYPES) : Buffer.from(csvRow(row), 'utf8');
  });
  parser.finish(lines.length);
  return rows;
}

const slowPathCsv = (bytes: Buffer): string => Buffer.concat(slowPathRows(bytes, false)).toString('utf8');
const slowPathBinary = (bytes: Buffer): Buffer => Buffer.concat(slowPathRows(bytes, true));

/** The file through OfficialPtpScanner in chunks of `size` bytes, wired as the importer wires it (`binary`: binary COPY rows). */
function scanBytes(bytes: Buffer, size: number, binary = false): { out: Buffer; plain: number; lines: number; rows: number; slowLines: number[] } {
  const parser = new OfficialPtpParser(PTP_FILE);
  const idFor = phraseIds();
  const slowLines: number[] = [];
  const scanner = new OfficialPtpScanner(
    (line, lineNumber) => {
      slowLines.push(lineNumber);
      const values = parser.push(line, lineNumber);
      return values && (binary ? binaryRow(withPhraseId(values, idFor), OFFICIAL_PTP_BINARY_TYPES) : csvRow(withPhraseId(values, idFor)));
    },
    (phrase) => idFor(phrase),
    binary,
  );
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(Buffer.from(scanner.push(bytes.subarray(i, i + size))));
  parts.push(Buffer.from(scanner.end()));
  parser.addCheckedRows(scanner.plainRowCount);
  parser.finish(scanner.lines);
  return { out: Buffer.concat(parts), plain: scanner.plainRowCount, lines: scanner.lines, rows: parser.rowCount, slowLines };
}

function scan(bytes: Buffer, size: number): { out: string; plain: number; lines: number; rows: number; slowLines: number[] } {
  const result = scanBytes(bytes, size);
  return { ...result, out: result.out.toString('utf8') };
}

function tally(values: (string | null)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
  return counts;
}

const column = (name: (typeof OFFICIAL_PTP_COLUMNS)[number]) => OFFICIAL_PTP_COLUMNS.indexOf(name);
const PTP_ROWS = parsePtp(linesOf(PTP_BYTES));
const MUE_ROWS = parseMue(linesOf(MUE_BYTES));
const PTP_LAST_LINE = linesOf(PTP_BYTES).length;

describe('detectOfficialNcci', () => {
  it('recognises both CMS samples from their first 20 lines, with or without CRs left on', () => {
    expect(detectOfficialNcci(linesOf(PTP_BYTES).slice(0, 20))).toBe('ptp');
    expect(detectOfficialNcci(linesOf(MUE_BYTES).slice(0, 20))).toBe('mue');
    expect(detectOfficialNcci(PTP_BYTES.toString('latin1').split('\n').slice(0, 20))).toBe('ptp');
    expect(detectOfficialNcci(MUE_BYTES.toString('latin1').split('\n').slice(0, 20))).toBe('mue');
  });

  it.each([
    ['the converted PTP CSV', ['column_1,column_2,deletion_date,modifier_indicator,ptp_edit_rationale', '0001A,0591T,20231231,1,CPT']],
    ['the converted MUE CSV', ['hcpcs_code,mue_value,mue_adjudication_indicator,mue_rationale', '0001U,1,2,Code Descriptor / CPT Instruction']],
    ['a comma-delimited copy of the PTP file', linesOf(PTP_BYTES).slice(0, 20).map((line) => line.replace(/\t/g, ','))],
    ['the MUE banner without its header', linesOf(MUE_BYTES).slice(0, 7)],
    ['nothing', []],
  ])('does not take %s for an official file', (_name, lines) => {
    expect(detectOfficialNcci(lines)).toBeNull();
  });
});

describe('OfficialPtpParser on the CMS sample (ccipra-v322r0-f1, 6 preamble lines + 154 rows)', () => {
  it('reads every row, with the tallies the samples README gives', () => {
    expect(PTP_ROWS).toHaveLength(154);
    expect(PTP_ROWS.every((row) => row.length === OFFICIAL_PTP_COLUMNS.length)).toBe(true);
    expect(PTP_ROWS.filter((row) => row[column('deletion_date')] === null)).toHaveLength(66);
    expect(tally(PTP_ROWS.map((row) => row[column('modifier_indicator')]))).toEqual({ '1': 139, '0': 9, '9': 6 });
    expect(tally(PTP_ROWS.map((row) => row[column('in_existence_before_1996')]))).toEqual({ f: 154 });
    expect(tally(PTP_ROWS.map((row) => row[OFFICIAL_PTP_RATIONALE_INDEX]))).toEqual({
      'CPT Manual or CMS manual coding instruction': expect.any(Number),
      'Misuse of Column Two code with Column One code': expect.any(Number),
      'Mutually exclusive procedures': expect.any(Number),
      'Standards of medical/surgical practice': expect.any(Number),
    });
  });

  it('gives rows in COPY order: dates as YYYY-MM-DD, "*" deletion as null, empty pre-1996 flag as f', () => {
    expect(PTP_ROWS[0]).toEqual(['0001A', '0591T', '2022-01-01', '2023-12-31', '1', 'CPT Manual or CMS manual coding instruction', 'f']);
    expect(PTP_ROWS).toContainEqual(['0001U', '0029U', '2018-07-01', '2026-06-30', '1', 'Misuse of Column Two code with Column One code', 'f']);
    expect(PTP_ROWS).toContainEqual(['0001U', '0417U', '2025-01-01', null, '1', 'Misuse of Column Two code with Column One code', 'f']);
  });

  it('has indicator 9 only on edits deleted back to their start (deletion date = effective date)', () => {
    const nines = PTP_ROWS.filter((row) => row[column('modifier_indicator')] === '9');
    expect(nines.map((row) => row[column('deletion_date')])).toEqual(nines.map((row) => row[column('effective_date')]));
  });

  it('reads the pre-1996 flag "*" as t (a real row from the full file, quoted in the samples README)', () => {
    const lines = [...linesOf(PTP_BYTES).slice(0, 6), '13121\t13120\t*\t19960101\t*\t0\tCPT Manual or CMS manual coding instruction'];
    expect(parsePtp(lines)).toEqual([['13121', '13120', '1996-01-01', null, '0', 'CPT Manual or CMS manual coding instruction', 't']]);
  });

  it('accepts any copyright year in line 1 but nothing else different in the preamble', () => {
    const nextYear = linesOf(withLine(PTP_BYTES, 1, (line) => line.replace('2025', '2026')));
    expect(parsePtp(nextYear)).toHaveLength(154);
    const renamed = refusalOf(() => parsePtp(linesOf(withLine(PTP_BYTES, 3, (line) => line.replace('Modifier', 'Modifier Indicator')))));
    expect([renamed.line, renamed.column]).toEqual([3, 6]);
    expect(renamed.problem).toMatch(/line 3 of CMS's 6-line PTP preamble: field 6 is "Modifier Indicator", expected "Modifier"/);
  });

  it('skips a final DOS end-of-file mark, but refuses anything after one', () => {
    expect(parsePtp(linesOf(Buffer.concat([PTP_BYTES, Buffer.from([0x1a])])))).toHaveLength(154);
    const after = refusalOf(() => parsePtp([...linesOf(PTP_BYTES), '\x1a', '0001A\t0591T\t\t20220101\t*\t1\tX']));
    expect([after.line, after.column]).toEqual([PTP_LAST_LINE + 2, null]);
    expect(after.problem).toMatch(/after the DOS end-of-file mark/);
  });
});

describe('OfficialPtpScanner', () => {
  const expected = slowPathCsv(PTP_BYTES);

  it.each([1, 7, 64, 1000, PTP_BYTES.length])('writes the same COPY bytes as the parser for every sample row (chunks of %i bytes)', (size) => {
    const result = scan(PTP_BYTES, size);
    expect(result.out).toBe(expected);
    expect(result.plain).toBe(154);
    expect(result.slowLines).toEqual([1, 2, 3, 4, 5, 6]);
    expect([result.lines, result.rows]).toEqual([160, 154]);
  });

  it.each([1, 7, 1000, PTP_BYTES.length])('writes the same binary COPY rows as the parser when asked for binary (chunks of %i bytes)', (size) => {
    const result = scanBytes(PTP_BYTES, size, true);
    expect(result.out.equals(slowPathBinary(PTP_BYTES))).toBe(true);
    expect([result.plain, result.rows]).toEqual([154, 154]);
  });

  it('writes binary rows PostgreSQL reads as the CSV rows: dates as days from 2000-01-01', () => {
    const first = scanBytes(PTP_BYTES, PTP_BYTES.length, true).out;
    // 7 fields: '0001A', '0591T', 2022-01-01 (day 8036), 2023-12-31 (day 8765), '1', id 1, false.
    expect(first.subarray(0, 2 + 9 + 9 + 8 + 8 + 5 + 6 + 5).toString('hex')).toBe(
      ['0007', '00000005' + Buffer.from('0001A').toString('hex'), '00000005' + Buffer.from('0591T').toString('hex'), '00000004' + '00001f64', '00000004' + '0000223d', '0000000131', '000000020001', '0000000100'].join(''),
    );
  });

  it('puts binary rows, its own and the parser\'s, in the partition of their column 1', () => {
    const bytes = Buffer.concat([PTP_BYTES, Buffer.from('0001A\t9999Z\t\t20240101\t*\t1\tR\xe8gle\r\n13121\t13124\t\t20240101\t*\t1\tR\xe8gle\r\n', 'latin1')]);
    const parser = new OfficialPtpParser(PTP_FILE);
    const idFor = phraseIds();
    const scanner = new OfficialPtpScanner(
      (line, n) => {
        const values = parser.push(line, n);
        return values && binaryRow(withPhraseId(values, idFor), OFFICIAL_PTP_BINARY_TYPES);
      },
      (phrase) => idFor(phrase),
      true,
    );
    scanner.partitionAt(['0001U']);
    const parts = [scanner.pushParts(bytes), scanner.endParts()];
    /** Column 1 of each binary row. */
    const codes = (out: Buffer) => {
      const found: string[] = [];
      for (let at = 0; at < out.length; ) {
        const fields = out.readInt16BE(at);
        at += 2;
        for (let f = 0; f < fields; f++) {
          const length = out.readInt32BE(at);
          if (f === 0) found.push(out.toString('latin1', at + 4, at + 4 + length));
          at += 4 + Math.max(length, 0);
        }
      }
      return found;
    };
    const [below, from] = [0, 1].map((k) => codes(Buffer.concat(parts.map((p) => p[k]))));
    expect(below.every((c) => c < '0001U')).toBe(true);
    expect(from.every((c) => c >= '0001U')).toBe(true);
    // The two non-ASCII rows went through the parser: 0001A to the first, 13121 to the second.
    expect([below.length + from.length, below.at(-1), from.at(-1)]).toEqual([156, '0001A', '13121']);
  });

  it('writes OFFICIAL_PTP_COLUMNS order with the phrase id in rationale_id', () => {
    expect(expected.split('\n')[0]).toBe('0001A,0591T,2022-01-01,2023-12-31,1,1,f');
    expect(expected).toContain('\n0001U,0417U,2025-01-01,,1,3,f\n');
  });

  it('agrees with the parser on edge rows too, passing the unusual ones to it', () => {
    const extra = [
      '13121\t13120\t*\t19960101\t*\t0\tCPT Manual or CMS manual coding instruction',
      '13121\t13122\t\t20240229\t20240229\t9\tCPT Manual or CMS manual coding instruction',
      '13121\t13123\t\t20240101\t*\t1\t Mutually exclusive procedures ',
      '13121\t13124\t\t20240101\t*\t1\tR\xe8gle \xe0 part',
      '13121\t13125\t\t20240101\t*\t1\t',
      '',
      '13121\t13126\t*\t20240101\t20250101\t0\tZ',
    ];
    const crlf = Buffer.concat([PTP_BYTES, Buffer.from(extra.join('\r\n') + '\r\n\x1a', 'latin1')]);
    // The same lines with LF ends, the last one without a newline and no end-of-file mark.
    const lf = Buffer.from(crlf.toString('latin1').replace(/\r\n/g, '\n').slice(0, -2), 'latin1');
    for (const bytes of [crlf, lf]) {
      for (const size of [1, 7, 4096]) {
        const result = scan(bytes, size);
        expect(result.out).toBe(slowPathCsv(bytes));
        expect(result.slowLines).toEqual(bytes === crlf ? [1, 2, 3, 4, 5, 6, 163, 164, 165, 166, 168] : [1, 2, 3, 4, 5, 6, 163, 164, 165, 166]);
        expect(result.rows).toBe(154 + 6);
      }
    }
    for (const bytes of [crlf, lf]) {
      for (const size of [1, 7, 4096]) expect(scanBytes(bytes, size, true).out.equals(slowPathBinary(bytes))).toBe(true);
    }
    expect(slowPathCsv(crlf).split('\n').slice(154, 160)).toEqual([
      '13121,13120,1996-01-01,,0,1,t',
      '13121,13122,2024-02-29,2024-02-29,9,1,f',
      '13121,13123,2024-01-01,,1,2,f',
      '13121,13124,2024-01-01,,1,5,f',
      '13121,13125,2024-01-01,,1,,f',
      '13121,13126,2024-01-01,2025-01-01,0,6,t',
    ]);
  });
});

/**
 * Broken copies of the PTP sample, each refused with the line and column to look at, and the same
 * refusal whether the lines go through the parser or through the scanner (which hands them over).
 * Lines 1-6 are the preamble, so data row n is line n + 6; the sample's last line is 160.
 */
describe('broken PTP copies', () => {
  const lastLine = PTP_BYTES.toString('latin1').lastIndexOf('\n', PTP_BYTES.length - 2) + 1;
  const cases: [string, Buffer, number, number | null, RegExp][] = [
    // Cut inside the last row's effective date. (A cut inside the free-text rationale leaves a
    // well-formed row; no layout check can see that, only a row count or a checksum could.)
    ['truncated mid-line', PTP_BYTES.subarray(0, lastLine + 16), 160, 5, /expected 7 TAB-separated fields .*found 4: the line is cut short/],
    ['comma-delimited (tabs -> commas)', Buffer.from(PTP_BYTES.toString('latin1').replace(/\t/g, ','), 'latin1'), 1, null, /expected 7 TAB-separated fields in line 1 of CMS's 6-line PTP preamble, found 1 \(the line is comma-delimited/],
    ['one comma-delimited row', withLine(PTP_BYTES, 20, (line) => line.replace(/\t/g, ',')), 20, 2, /found 1: the line is comma-delimited; CMS's .TXT is TAB-delimited/],
    ['a missing column (no effective date)', withLine(PTP_BYTES, 9, (line) => line.replace('\t20220101', '')), 9, 7, /expected 7 TAB-separated fields .*found 6: the line is cut short or a field is missing/],
    ['a bad effective date', withLine(PTP_BYTES, 30, (line) => line.replace(/\t\t\d{8}\t/, '\t\t20261340\t')), 30, 4, /Effective Date is "20261340", expected a date as YYYYMMDD/],
    ['a bad deletion date', withLine(PTP_BYTES, 7, (line) => line.replace('20231231', '20261340')), 7, 5, /Deletion Date is "20261340", expected a date as YYYYMMDD or "\*"/],
    ['a blank deletion date (the converted CSV convention)', withLine(PTP_BYTES, 7, (line) => line.replace('20231231', '')), 7, 5, /Deletion Date is "", expected/],
    ['an unknown modifier indicator', withLine(PTP_BYTES, 12, (line) => line.replace(/\t[019]\t/, '\t2\t')), 12, 6, /Modifier is "2", expected 0, 1 or 9/],
    ['a bad pre-1996 flag', withLine(PTP_BYTES, 8, (line) => line.replace('\t\t2022', '\tY\t2022')), 8, 3, /\*=in existence prior to 1996 is "Y", expected "\*" or empty/],
    ['a lower-case code', withLine(PTP_BYTES, 50, (line) => line.toLowerCase()), 50, 1, /Column 1 is "0001[a-z]", expected a five-character HCPCS code/],
    ['the preamble only', PTP_BYTES.subarray(0, PTP_BYTES.indexOf('0001A')), 6, null, /CMS preamble but no data rows/],
    ['a preamble cut short', PTP_BYTES.subarray(0, PTP_BYTES.indexOf('Column 1\t')), 2, null, /ends after 2 line\(s\); expected CMS's 6-line preamble/],
  ];

  it.each(cases)('refuses %s with line and column, through the parser', (_name, bytes, line, col, problem) => {
    const error = refusalOf(() => parsePtp(linesOf(bytes)));
    expect(error).toBeInstanceOf(CmsFormatError);
    expect([error.line, error.column]).toEqual([line, col]);
    expect(error.problem).toMatch(problem);
  });

  it.each(cases)('refuses %s the same way through the scanner', (_name, bytes, line, col, problem) => {
    for (const size of [7, 65536]) {
      const error = refusalOf(() => scan(bytes, size));
      expect([error.line, error.column]).toEqual([line, col]);
      expect(error.problem).toMatch(problem);
    }
  });
});

/**
 * The official sample against the converted 2024 Q3 tables in data/reference/ncci/. The editions
 * are two years apart, so only what cannot have changed is compared:
 * - PTP: the file is history. An edit deleted before 2024-07-01 was final when the 2024 Q3 file was
 *   cut, so it must appear there exactly (codes, deletion date, indicator, rationale). More
 *   broadly, every 2026 row effective before 2024-07-01 must appear as it stood on that day: a
 *   deletion dated later had not happened yet, so the 2024 file has it as not deleted. Rows that
 *   took effect later cannot be in the 2024 file. For the Column 1 codes the sample holds in full
 *   (it is cut inside 0001U), the two files must then hold the same rows.
 * - MUE: values are revised between editions, so agreement is counted, not required; the counts
 *   are asserted exactly because both files are fixed, and the agreeing set must be non-trivial.
 */
describe('agreement with the converted 2024 Q3 CSVs', () => {
  const BEFORE_2024_Q3 = '2024-07-01';
  const shared = (row: (string | null)[]) =>
    [row[column('column_1')], row[column('column_2')], row[column('deletion_date')], row[column('modifier_indicator')], row[OFFICIAL_PTP_RATIONALE_INDEX]].join('|');
  /** The 2026 row as the 2024 Q3 file would show it: deletions after 2024-06-30 not yet made. */
  const asOf2024Q3 = (row: (string | null)[]) => {
    const deletion = row[column('deletion_date')];
    const copy = [...row];
    copy[column('deletion_date')] = deletion !== null && deletion < BEFORE_2024_Q3 ? deletion : null;
    return shared(copy);
  };
  let convertedPtp: string[];

  beforeAll(async () => {
    // The converted file is sorted by Column 1: read (and check) it only up to the sample's last code.
    const parser = ncciParser('ptp', 'ptp_practitioner_2024q3.csv.gz');
    const stream = createReadStream(join(REFERENCE, 'ncci/ptp_practitioner_2024q3.csv.gz'));
    const rows: string[] = [];
    let n = 0;
    for await (const line of createInterface({ input: stream.pipe(createGunzip()), crlfDelay: Infinity })) {
      const values = parser.push(line, ++n);
      if (values === null) continue;
      if ((values[0] ?? '') > '0001U') break;
      rows.push([values[0], values[1], values[2], values[3], values[4]].join('|'));
    }
    stream.destroy();
    convertedPtp = rows;
  });

  it('PTP: all 86 edits deleted before 2024-07-01 appear identically in the 2024 Q3 file', () => {
    const deletedBefore = PTP_ROWS.filter((row) => (row[column('deletion_date')] ?? '9999') < BEFORE_2024_Q3);
    expect(deletedBefore).toHaveLength(86);
    expect(deletedBefore.map(shared).filter((row) => !convertedPtp.includes(row))).toEqual([]);
  });

  it('PTP: all 151 rows effective before 2024-07-01 appear as they stood then; the 3 later ones do not', () => {
    const effectiveBefore = PTP_ROWS.filter((row) => (row[column('effective_date')] ?? '') < BEFORE_2024_Q3);
    expect(effectiveBefore).toHaveLength(151);
    expect(effectiveBefore.map(asOf2024Q3).filter((row) => !convertedPtp.includes(row))).toEqual([]);
    const later = PTP_ROWS.filter((row) => !effectiveBefore.includes(row));
    expect(later.map((row) => row[column('column_2')])).toEqual(['0417U', '0428U', '0438U']);
    expect(later.filter((row) => convertedPtp.some((c) => c.startsWith(`${row[0]}|${row[1]}|`)))).toEqual([]);
  });

  it('PTP: for 0001A, 0001M and 0001T (complete in the sample) both files hold the same 81 rows', () => {
    const complete = (row: string) => /^0001[AMT]\|/.test(row);
    const official = PTP_ROWS.map(asOf2024Q3).filter(complete).sort();
    expect(official).toHaveLength(81);
    expect(convertedPtp.filter(complete).sort()).toEqual(official);
  });

  it('MUE: 43 of the 44 codes are in both editions and all 43 agree on value, MAI and rationale', () => {
    const converted = new Map(parseLines(ncciParser('mue', 'mue_practitioner_2024q3.csv'), readFileSync(join(REFERENCE, 'ncci/mue_practitioner_2024q3.csv'), 'utf8').split('\n').filter((line) => line !== '')).map((row) => [row[0], row.join('|')]));
    const inBoth = MUE_ROWS.filter((row) => converted.has(row[0] ?? ''));
    const agreeing = inBoth.filter((row) => converted.get(row[0] ?? '') === row.join('|'));
    expect({ inBoth: inBoth.length, agreeing: agreeing.length }).toEqual({ inBoth: 43, agreeing: 43 });
    expect(MUE_ROWS.filter((row) => !converted.has(row[0] ?? '')).map((row) => row[0])).toEqual(['0020M']);
  });
});

describe('OfficialMueParser on the CMS sample (banner record, header record, 44 rows)', () => {
  it('skips the 7-line banner, checks the 2-line header and reads all 44 rows with the MAI as its digit', () => {
    expect(OFFICIAL_MUE_COLUMNS).toEqual(['hcpcs', 'max_units', 'adjudication_indicator', 'rationale']);
    expect(MUE_ROWS).toHaveLength(44);
    expect(MUE_ROWS[0]).toEqual(['0001U', '1', '2', 'Code Descriptor / CPT Instruction']);
    expect(MUE_ROWS[1]).toEqual(['0002M', '1', '3', 'Nature of Analyte']);
    expect(tally(MUE_ROWS.map((row) => row[2]))).toEqual({ '2': 30, '3': 14 });
  });

  it('returns nothing for the banner (lines 1-7) and header (8-9), then one row per line from line 10', () => {
    const parser = new OfficialMueParser(MUE_FILE);
    const lines = linesOf(MUE_BYTES);
    const rowLines = lines.flatMap((line, i) => (parser.push(line, i + 1) === null ? [] : [i + 1]));
    expect(lines).toHaveLength(53);
    expect(rowLines).toEqual(Array.from({ length: 44 }, (_, i) => i + 10));
    expect(lines[7]).toBe('"HCPCS/');
  });

  it('reads quoted cells with "" escapes, commas and line breaks; skips a record of empty cells', () => {
    const lines = [...linesOf(MUE_BYTES).slice(0, 9), '0001U,"0012",1 Line Edit,"Say ""one"", then', 'more"', ',,,'];
    expect(parseMue(lines)).toEqual([['0001U', '12', '1', 'Say "one", then\nmore']]);
  });

  it('refuses another setting\'s table unless asked for it', () => {
    const outpatient = linesOf(MUE_BYTES).map((line) => line.replace('Practitioner Services MUE Values', 'Outpatient Hospital Services MUE Values'));
    const error = refusalOf(() => parseMue(outpatient));
    expect([error.line, error.column]).toEqual([8, 2]);
    expect(error.problem).toMatch(/unexpected header: expected .*"Practitioner Services MUE Values"/);
    expect(parseMue(outpatient, 'Outpatient Hospital Services')).toHaveLength(44);
  });
});

/** Broken copies of the MUE sample: lines 1-7 banner, 8-9 header, data row n on line n + 9; last line 53. */
describe('broken MUE copies', () => {
  const text = MUE_BYTES.toString('latin1');
  const lastLine = text.lastIndexOf('\n', text.length - 2) + 1;
  /** The CMS bytes re-encoded as UTF-8 (® becomes C2 AE), as a spreadsheet "Save as CSV UTF-8" would. */
  const utf8Copy = Buffer.from(text, 'utf8');

  it.each([
    ['truncated mid-line', linesOf(MUE_BYTES.subarray(0, lastLine + 12)), 53, 4, /expected 4 comma-separated cells .*found 3: the line is cut short/],
    ['cut inside the banner', linesOf(MUE_BYTES.subarray(0, 200)), 1, null, /quoted cell opened on line 1 is not closed when the file ends \(line 3\): the file is cut short/],
    ['semicolon-delimited', linesOf(Buffer.from(text.replace(/,/g, ';'), 'latin1')), 8, 1, /unexpected header/],
    ['re-encoded as UTF-8 (refused: not the bytes CMS published)', linesOf(utf8Copy), 1, null, /the file is UTF-8 \("Â®" is one character written as two bytes\)/],
    ['decoded as UTF-8 instead of Latin-1', MUE_BYTES.toString('utf8').split('\n').map((line) => line.replace(/\r$/, '')), 1, null, /decoded as UTF-8 .*read it as Latin-1/],
    ['a missing column', linesOf(MUE_BYTES).map((line, i) => (i === 19 ? line.replace(/^([^,]*),[^,]*,/, '$1,') : line)), 20, 4, /expected 4 comma-separated cells/],
    ['a non-numeric MUE value', linesOf(MUE_BYTES).map((line, i) => (i === 10 ? line.replace(',1,', ',one,') : line)), 11, 2, /MUE Values is "one", expected a whole number of units/],
    ['an unknown MAI', linesOf(MUE_BYTES).map((line, i) => (i === 11 ? line.replace(/,\d [^,]*,/, ',4 Claim Edit,') : line)), 12, 3, /MUE Adjudication Indicator is "4 Claim Edit", expected "1 Line Edit", "2 Date of Service Edit: Policy", "3 Date of Service Edit: Clinical"/],
    ['an MAI digit with the label of another digit', linesOf(MUE_BYTES).map((line, i) => (i === 9 ? line.replace('2 Date of Service Edit: Policy', '2 Line Edit') : line)), 10, 3, /MUE Adjudication Indicator is "2 Line Edit"/],
    ['a bare MAI digit (the converted CSV convention)', linesOf(MUE_BYTES).map((line, i) => (i === 9 ? line.replace('2 Date of Service Edit: Policy', '2') : line)), 10, 3, /MUE Adjudication Indicator is "2"/],
    ['a bad code', linesOf(MUE_BYTES).map((line, i) => (i === 52 ? line.replace('0041U', '41U') : line)), 53, 1, /HCPCS\/CPT Code is "41U", expected a five-character HCPCS code/],
    ['no data rows', linesOf(MUE_BYTES).slice(0, 9), 9, null, /banner and header but no data rows/],
  ])('refuses %s with line and column', (_name, lines, line, col, problem) => {
    const error = refusalOf(() => parseMue(lines));
    expect([error.line, error.column]).toEqual([line, col]);
    expect(error.problem).toMatch(problem);
  });
});

describe('releases from file names', () => {
  const v322 = { version: '32.2', revision: 0, part: 1, year: 2026, quarter: 3, effectiveFrom: '2026-07-01', effectiveTo: '2026-09-30' };

  it.each([
    ['ccipra-v322r0-f1.TXT', v322],
    ['CCIPRA-V322R0-F1.txt', v322],
    ['medicare-ncci-2026q3-practitioner-ptp-edits-ccipra-v322r0-f1.zip', v322],
    ['ccipra-v303r1-f4.TXT', { version: '30.3', revision: 1, part: 4, year: 2024, quarter: 4, effectiveFrom: '2024-10-01', effectiveTo: '2024-12-31' }],
    ['ccipra-v310r0-f2.TXT', { version: '31.0', revision: 0, part: 2, year: 2025, quarter: 1, effectiveFrom: '2025-01-01', effectiveTo: '2025-03-31' }],
    ['ccipra-v324r0-f1.TXT', null],
    ['ccioph-v322r0-f1.TXT', null],
    ['ptp_practitioner_2024q3.csv.gz', null],
  ])('reads the NCCI release from %s', (name, expected) => {
    expect(ncciVersionFromName(name)).toEqual(expected);
  });

  it.each([
    [MUE_FILE, '2026-07-01'],
    ['mcr_mue_practitionerservices_eff_01-01-2025.csv', '2025-01-01'],
    ['MCR_MUE_PractitionerServices_Eff_02-30-2026.csv', null],
    ['mue_practitioner_2024q3.csv', null],
  ])('reads the MUE effective date from %s', (name, expected) => {
    expect(mueEffectiveFromName(name)).toBe(expected);
  });
});
