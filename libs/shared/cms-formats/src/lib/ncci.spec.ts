import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { CmsFormatError } from './cms-format.error';
import { parseLines, refusalOf } from './spec-helpers';
import { detectNcciTable, ncciParser, ncciQuarterFromName, NcciTable } from './ncci';

const DATA = join(__dirname, '../../../../../data/reference/ncci');

function parse(table: NcciTable, lines: string[]): (string | null)[][] {
  return parseLines(ncciParser(table, 'test.csv'), lines);
}

function refusal(table: NcciTable, lines: string[]): CmsFormatError {
  return refusalOf(() => parse(table, lines));
}

const PTP_HEADER = 'column_1,column_2,deletion_date,modifier_indicator,ptp_edit_rationale';

describe('NCCI parsers', () => {
  it('reads PTP rows, turning YYYYMMDD into ISO dates and blank into no deletion', () => {
    expect(
      parse('ptp', [PTP_HEADER, '70390,36591,,0,CPT Manual or CMS manual coding instruction', '70390,76001,20181231,1,Standards of medical/surgical practice']),
    ).toEqual([
      ['70390', '36591', null, '0', 'CPT Manual or CMS manual coding instruction'],
      ['70390', '76001', '2018-12-31', '1', 'Standards of medical/surgical practice'],
    ]);
  });

  it('reads MUE and add-on rows', () => {
    expect(parse('mue', ['hcpcs_code,mue_value,mue_adjudication_indicator,mue_rationale', '70390,2,3,Anatomic Consideration'])).toEqual([
      ['70390', '2', '3', 'Anatomic Consideration'],
    ]);
    expect(parse('aoc', ['primary_code,add_on_code,aoc_edit_type', 'CCCCC,0054T,2'])).toEqual([['CCCCC', '0054T', '2']]);
  });

  it.each([
    ['wrong header', 'ptp', ['column_1,column_2,deleted,modifier_indicator,ptp_edit_rationale'], 1, 3, /unexpected header/],
    ['bad indicator', 'ptp', [PTP_HEADER, '70390,36591,,2,x'], 2, 4, /modifier_indicator is "2", expected 0, 1 or 9/],
    ['impossible date', 'ptp', [PTP_HEADER, '70390,36591,20180230,1,x'], 2, 3, /deletion_date/],
    ['truncated line', 'ptp', [PTP_HEADER, '70390,3659'], 2, 3, /2 fields, expected 5/],
    ['wrong delimiter', 'mue', ['hcpcs_code;mue_value;mue_adjudication_indicator;mue_rationale'], 1, 1, /unexpected header/],
    ['bad code', 'aoc', ['primary_code,add_on_code,aoc_edit_type', '7039,0054T,2'], 2, 1, /primary_code is "7039"/],
    ['no rows', 'aoc', ['primary_code,add_on_code,aoc_edit_type'], 1, null, /no data rows/],
  ] as const)('refuses a %s with line and column', (_name, table, lines, line, column, problem) => {
    const error = refusal(table, [...lines]);
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.problem).toMatch(problem);
  });

  it.each([
    ['70390,36591,,0,CPT Manual', true, null],
    ['70390,76001,20181231,1,Standards', true, null],
    ['70390,36591,,2,x', null, 4],
    ['70390,36591,20180230,1,x', null, 3],
    ['70390,3659', null, 3],
    ['', false, null],
  ])('accept(%p) agrees with the column checks', (line, accepted, column) => {
    const parser = ncciParser('ptp', 'test.csv');
    parser.accept(PTP_HEADER, 1);
    if (accepted === null) {
      expect(() => parser.accept(line, 2)).toThrow(CmsFormatError);
      try {
        parser.accept(line, 2);
      } catch (error) {
        expect((error as CmsFormatError).column).toBe(column);
      }
    } else {
      expect(parser.accept(line, 2)).toBe(accepted);
    }
  });

  it.each([
    [PTP_HEADER, 'ptp'],
    ['hcpcs_code,mue_value,mue_adjudication_indicator,mue_rationale', 'mue'],
    ['primary_code,add_on_code,aoc_edit_type', 'aoc'],
    ['HCPCS,MOD,DESCRIPTION', null],
  ])('detects %s as %s', (header, table) => {
    expect(detectNcciTable(header)).toBe(table);
  });

  it.each([
    ['ptp_practitioner_2024q3.csv.gz', { year: 2024, quarter: 3, effectiveFrom: '2024-07-01', effectiveTo: '2024-09-30' }],
    ['mue_practitioner_2025Q1.csv', { year: 2025, quarter: 1, effectiveFrom: '2025-01-01', effectiveTo: '2025-03-31' }],
    ['edits.csv', null],
  ])('reads the quarter from %s', (name, expected) => {
    expect(ncciQuarterFromName(name)).toEqual(expected);
  });

  it.each([
    ['ptp', 'ptp_practitioner_2024q3.csv.gz', 2546017],
    ['mue', 'mue_practitioner_2024q3.csv', 14677],
    ['aoc', 'aoc_practitioner_2024q3.csv', 7465],
  ] as const)('parses every row of the shipped %s table (%s, %i rows per SOURCES.md)', async (table, file, rows) => {
    const parser = ncciParser(table, file);
    const stream = createReadStream(join(DATA, file));
    const input = file.endsWith('.gz') ? stream.pipe(createGunzip()) : stream;
    let n = 0;
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      parser.push(line, ++n);
    }
    parser.finish(n);
    expect(parser.rowCount).toBe(rows);
  }, 60000);
});
