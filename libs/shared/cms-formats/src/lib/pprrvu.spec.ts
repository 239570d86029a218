import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CmsFormatError } from './cms-format.error';
import { refusalOf } from './spec-helpers';
import { PprrvuParser, PprrvuRecord } from './pprrvu';

const DATA = join(__dirname, '../../../../../data/reference/rvu');

const BANNER_2025 = [
  ',,2025 National Physician Fee Schedule Relative Value File October Release,,',
  ',,CPT codes and descriptions only are copyright 2024 American Medical Association.,,',
  ',,RELEASED 09/11/2025,,',
];
const HEADER_2025 =
  'HCPCS,MOD,DESCRIPTION,CODE,PAYMENT,RVU,PE RVU,INDICATOR,PE RVU,INDICATOR,RVU,TOTAL,TOTAL,IND,DAYS,OP,OP,OP,PROC,SURG,SURG,SURG,SURG,BASE,FACTOR,PROCEDURES,FLAG,INDICATOR,AMOUNT,AMOUNT,AMOUNT';
const ROW_70390 = '70390,,X-ray exam of salivary duct,A,,0.38,2.98,,2.98,NA,0.03,3.39,3.39,1,XXX,0.00,0.00,0.00,0,0,0,0,0,,32.3465,09,0,99,7.59,7.59,0.05';

function parse(lines: string[]): { parser: PprrvuParser; records: PprrvuRecord[] } {
  const parser = new PprrvuParser('test.csv');
  const records: PprrvuRecord[] = [];
  lines.forEach((line, i) => {
    const record = parser.push(line, i + 1);
    if (record) records.push(record);
  });
  parser.finish(lines.length);
  return { parser, records };
}

function failure(lines: string[]): CmsFormatError {
  return refusalOf(() => parse(lines));
}

describe('PprrvuParser', () => {
  it('reads the release from the banner and rows after the header', () => {
    const { parser, records } = parse([...BANNER_2025, HEADER_2025, ROW_70390, ',,,,']);
    expect(parser.release).toEqual({
      id: 'RVU25D',
      year: 2025,
      quarter: 'D',
      title: '2025 National Physician Fee Schedule Relative Value File October Release',
      releasedOn: '2025-09-11',
      notices: ['CPT codes and descriptions only are copyright 2024 American Medical Association.'],
    });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      hcpcs: '70390',
      modifier: '',
      description: 'X-ray exam of salivary duct',
      statusCode: 'A',
      workRvu: '0.38',
      nonFacilityPeRvu: '2.98',
      facilityNaIndicator: 'NA',
      mpRvu: '0.03',
      pctcIndicator: '1',
      globalDays: 'XXX',
      pricingIndicator: '',
      conversionFactor: '32.3465',
      supervisionIndicator: '09',
      imagingFamilyIndicator: '99',
    });
  });

  it.each([
    ['wrong header', [...BANNER_2025, HEADER_2025.replace('PE RVU', 'PE_RVU'), ROW_70390], 4, 7, /column 7 is "PE_RVU"/],
    ['bad number', [...BANNER_2025, HEADER_2025, ROW_70390.replace('0.38', '0.3x8')], 5, 6, /workRvu is "0.3x8", expected a decimal/],
    ['truncated line', [...BANNER_2025, HEADER_2025, ROW_70390.split(',').slice(0, 12).join(',')], 5, 13, /12 fields, expected 31/],
    ['unknown release', [',,Some other file,,', HEADER_2025, ROW_70390], 2, null, /unknown release/],
    ['data before the header', [...BANNER_2025, ROW_70390], 4, 1, /before the PPRRVU column header/],
    ['no rows', [...BANNER_2025, HEADER_2025], 4, null, /no data rows/],
    ['unclosed quote', [...BANNER_2025, HEADER_2025, '70390,,"X-ray exam'], 5, null, /quoted field is not closed/],
    ['bad indicator', [...BANNER_2025, HEADER_2025, ROW_70390.replace(',XXX,', ',XX,')], 5, 15, /globalDays/],
  ])('refuses a file with a %s, naming line and column', (_name, lines, line, column, message) => {
    const error = failure(lines as string[]);
    expect(error.line).toBe(line);
    expect(error.column).toBe(column);
    expect(error.problem).toMatch(message as RegExp);
    expect(error.message.startsWith(`test.csv:${line}`)).toBe(true);
  });

  async function parseFile(name: string): Promise<{ parser: PprrvuParser; records: PprrvuRecord[] }> {
    const parser = new PprrvuParser(name);
    const records: PprrvuRecord[] = [];
    let n = 0;
    for await (const line of createInterface({ input: createReadStream(join(DATA, name)) })) {
      const record = parser.push(line, ++n);
      if (record) records.push(record);
    }
    parser.finish(n);
    return { parser, records };
  }

  // Row counts from SOURCES.md: every row of both shipped files parses.
  it.each([
    ['PPRRVU2025_Oct.csv', 'RVU25D', 19090, '32.3465', '0.38'],
    ['PPRRVU2026_Jul_nonQPP.csv', 'RVU26C', 19356, '33.4009', '0.37'],
  ])('parses every row of the shipped %s (%s)', async (file, id, rows, cf, work70390) => {
    const { parser, records } = await parseFile(file);
    expect(parser.release.id).toBe(id);
    expect(parser.release.notices).toEqual([
      expect.stringMatching(/^CPT codes and descriptions only are copyright 20\d\d American Medical Association/),
      expect.stringMatching(/^Dental codes \(D codes\) are copyright .* American Dental Association/),
    ]);
    expect(records).toHaveLength(rows);
    expect(new Set(records.map((r) => r.conversionFactor))).toEqual(new Set([cf]));
    expect(records.find((r) => r.hcpcs === '70390' && r.modifier === '')?.workRvu).toBe(work70390);
  });
});
