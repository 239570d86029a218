import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { CmsFormatError } from './cms-format.error';
import { parseLines } from './spec-helpers';
import { codeSetParser, CodeSetTable, detectCodeSetTable } from './code-sets';

const DATA = join(__dirname, '../../../../../data/reference');
const X12_HEADER = 'code,description,usage,notes,start_date,last_modified,stop_date';

function parse(table: CodeSetTable, lines: string[]): (string | null)[][] {
  return parseLines(codeSetParser(table, 'test.csv'), lines);
}

describe('code-set parsers', () => {
  it('reads quoted fields with commas, and blank dates as no date', () => {
    expect(parse('carc', [X12_HEADER, '97,"The benefit for this service is included, already adjudicated.",,,1995-01-01,,'])).toEqual([
      ['97', 'The benefit for this service is included, already adjudicated.', null, null, '1995-01-01', null, null],
    ]);
  });

  it.each([
    ['bad date', 'carc', [X12_HEADER, '97,x,,,1995-13-01,,'], 2, 5, /start_date is "1995-13-01"/],
    ['missing description', 'rarc', [X12_HEADER, 'N130,,,,,,'], 2, 2, /description/],
    ['bad RARC code', 'rarc', [X12_HEADER, '130,x,,,,,'], 2, 1, /code is "130"/],
    ['unclosed quote', 'modifiers', ['modifier,modifier_type,category,description,information_level2_only', '59,CPT,General,"Distinct'], 2, null, /quoted field/],
    ['bad ICD-10 code', 'icd10', ['order_number,icd10cm_code,billable,description,chapter_no,chapter_name,chapter_range,category_title,category_range', '1,K115X,1,x,11,,,,'], 2, 2, /ICD-10-CM/],
    ['wrong header', 'group', ['code;description'], 1, 1, /unexpected header/],
  ] as const)('refuses %s with line and column', (_name, table, lines, line, column, problem) => {
    let error: unknown;
    try {
      parse(table, [...lines]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CmsFormatError);
    expect([(error as CmsFormatError).line, (error as CmsFormatError).column]).toEqual([line, column]);
    expect((error as CmsFormatError).problem).toMatch(problem);
  });

  it.each([
    [X12_HEADER, 'x12-adjustment-codes'],
    ['code,description', 'group'],
    ['modifier,modifier_type,category,description,information_level2_only', 'modifiers'],
    ['something,else', null],
  ])('detects %s', (header, expected) => {
    expect(detectCodeSetTable(header)).toBe(expected);
  });

  // Row counts from SOURCES.md.
  it.each([
    ['carc', 'carc-rarc/carc.csv', 405],
    ['rarc', 'carc-rarc/rarc.csv', 1171],
    ['group', 'carc-rarc/group_codes.csv', 5],
    ['modifiers', 'modifiers/modifiers.csv', 433],
    ['hcpcs', 'hcpcs/hcpcs_level2_2024jul.csv', 8033],
    ['icd10', 'icd10/icd10cm_fy2024_order.csv.gz', 97296],
  ] as const)('parses every row of the shipped %s file', async (table, file, rows) => {
    const parser = codeSetParser(table, file);
    const stream = createReadStream(join(DATA, file));
    let n = 0;
    for await (const line of createInterface({ input: file.endsWith('.gz') ? stream.pipe(createGunzip()) : stream, crlfDelay: Infinity })) {
      parser.push(line, ++n);
    }
    parser.finish(n);
    expect(parser.rowCount).toBe(rows);
  });
});
