import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { AnesthesiaCfParser, ANESTHESIA_CF_COLUMNS } from './anes';
import { CmsFormatError } from './cms-format.error';
import { parseLines, refusalOf } from './spec-helpers';

const DATA = join(__dirname, '../../../../../data/reference/rvu');

const HEADER_2025 = 'Contractor,Locality,Locality Name,National Anes CF of 20.3178\r';
const HEADER_2026 =
  'Contractor,Locality,Locality Name,Qualifying APM National Anes CF (with 2.5% statutory increase) of 20.599835,Non-Qualifying APM National Anes CF (with 2.5% Statutory increase)  of 20.49754';
const AL_2025 = '10112 ,00 ,ALABAMA,19.31 \r';
const AL_2026 = '10112 ,00 ,ALABAMA,19.63,19.53';

function parse(year: number, lines: string[]): { parser: AnesthesiaCfParser; rows: (string | null)[][] } {
  const parser = new AnesthesiaCfParser('test.csv', year);
  return { parser, rows: parseLines(parser, lines) };
}

function refusal(year: number, lines: string[]): CmsFormatError {
  return refusalOf(() => parse(year, lines));
}

describe('AnesthesiaCfParser', () => {
  it('reads a 2025 file: one CF column, padded cells, no QP CF', () => {
    const { parser, rows } = parse(2025, [HEADER_2025, AL_2025, '02102 ,01 ,ALASKA*,27.86 \r', '01212 ,01 ,"HAWAII, GUAM",20.24 \r', ',,,\r']);
    expect(parser.year).toBe(2025);
    expect(parser.nationalConversionFactors).toEqual({ standard: '20.3178', qualifyingApm: null });
    expect(rows).toEqual([
      ['10112', '00', 'ALABAMA', '19.31', null],
      ['02102', '01', 'ALASKA', '27.86', null],
      ['01212', '01', 'HAWAII, GUAM', '20.24', null],
    ]);
    expect(rows.every((r) => r.length === ANESTHESIA_CF_COLUMNS.length)).toBe(true);
  });

  it('reads a 2026 file: conversion_factor is the non-QP column, the QP column goes last', () => {
    const { parser, rows } = parse(2026, [HEADER_2026, AL_2026, '03602 ,21 ,WYOMING**,20.25,20.15', ',,,,', ',,,,']);
    expect(parser.year).toBe(2026);
    expect(parser.nationalConversionFactors).toEqual({ standard: '20.49754', qualifyingApm: '20.599835' });
    expect(rows).toEqual([
      ['10112', '00', 'ALABAMA', '19.53', '19.63'],
      ['03602', '21', 'WYOMING', '20.15', '20.25'],
    ]);
  });

  it('finds the QP and non-QP columns by their headings, not their order', () => {
    const [contractor, locality, name, qp, nonQp] = HEADER_2026.split(',');
    const swapped = [contractor, locality, name, nonQp, qp].join(',');
    const { parser, rows } = parse(2026, [swapped, '10112 ,00 ,ALABAMA,19.53,19.63']);
    expect(parser.nationalConversionFactors).toEqual({ standard: '20.49754', qualifyingApm: '20.599835' });
    expect(rows).toEqual([['10112', '00', 'ALABAMA', '19.53', '19.63']]);
  });

  it.each([
    ['wrong header', 2025, ['Carrier,Locality,Locality Name,National Anes CF of 20.3178', AL_2025], 1, 1, /column 1 is "Carrier" where "Contractor"/],
    ['header without a CF column', 2025, ['Contractor,Locality,Locality Name', AL_2025], 1, 4, /no conversion factor column/],
    ['header without the national CF', 2025, ['Contractor,Locality,Locality Name,National Anes CF', AL_2025], 1, 4, /not a national anesthesia CF heading/],
    ['header with two QP columns', 2026, [HEADER_2026.replace('Non-Qualifying', 'Qualifying'), AL_2026], 1, 5, /one Qualifying APM and one Non-Qualifying/],
    ['header with only the QP column', 2026, [HEADER_2026.replace(/,Non-Qualifying.*$/, ''), AL_2026], 1, 4, /single CF column must be/],
    ['header with a stray delimiter', 2026, [`${HEADER_2026},`, AL_2026], 1, 6, /at most two conversion factor columns/],
    ['2026 file read as 2025', 2025, [HEADER_2026, AL_2026], 1, 4, /start in 2026, but it is being read as CY 2025/],
    ['2025 file read as 2026', 2026, [HEADER_2025, AL_2025], 1, 4, /CY 2026 has QP and non-QP/],
    ['truncated row', 2026, [HEADER_2026, '10112 ,00 ,ALABAMA,19.63'], 2, 5, /4 fields, expected 5/],
    ['stray delimiter', 2025, [HEADER_2025, '10112 ,00 ,ALABAMA,19.31 ,'], 2, 5, /5 fields, expected 4/],
    ['decimal comma', 2025, [HEADER_2025, '10112 ,00 ,ALABAMA,19,31'], 2, 5, /5 fields, expected 4/],
    ['bad number', 2026, [HEADER_2026, '10112 ,00 ,ALABAMA,19.63,19.5x3'], 2, 5, /conversion_factor is "19.5x3", expected a conversion factor/],
    ['bad QP number', 2026, [HEADER_2026, '10112 ,00 ,ALABAMA,,19.53'], 2, 4, /qualifying_apm_conversion_factor is ""/],
    ['bad MAC', 2025, [HEADER_2025, '1011 ,00 ,ALABAMA,19.31'], 2, 1, /mac is "1011"/],
    ['bad locality', 2025, [HEADER_2025, '10112 ,0 ,ALABAMA,19.31'], 2, 2, /locality_number is "0"/],
    ['blank locality name', 2025, [HEADER_2025, '10112 ,00 ,,19.31'], 2, 3, /locality_name is ""/],
    ['unclosed quote', 2025, [HEADER_2025, '01212 ,01 ,"HAWAII, GUAM,20.24'], 2, null, /quoted field is not closed/],
    ['no rows', 2025, [HEADER_2025, ',,,'], 2, null, /no data rows/],
  ])('refuses a %s, naming line and column', (_name, year, lines, line, column, problem) => {
    const error = refusal(year as number, lines as string[]);
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.problem).toMatch(problem as RegExp);
  });

  it.each([[0], [25], [2025.5], [Number.NaN]])('refuses the unknown year %p', (year) => {
    expect(() => new AnesthesiaCfParser('test.csv', year)).toThrow(/must be a calendar year/);
  });

  it('refuses an empty file and has no national CF before the header', () => {
    const parser = new AnesthesiaCfParser('test.csv', 2025);
    expect(() => parser.nationalConversionFactors).toThrow(CmsFormatError);
    expect(() => parser.finish(0)).toThrow(/file is empty/);
  });

  // SOURCES.md: 109 localities each.
  it.each([
    ['ANES2025.csv', 2025, { standard: '20.3178', qualifyingApm: null }, ['10112', '00', 'ALABAMA', '19.31', null]],
    ['ANES2026.csv', 2026, { standard: '20.49754', qualifyingApm: '20.599835' }, ['10112', '00', 'ALABAMA', '19.53', '19.63']],
  ])('parses every row of the shipped %s (CY %i)', async (file, year, national, alabama) => {
    const parser = new AnesthesiaCfParser(file, year);
    const rows: (string | null)[][] = [];
    let n = 0;
    for await (const line of createInterface({ input: createReadStream(join(DATA, file)), crlfDelay: Infinity })) {
      const row = parser.push(line, ++n);
      if (row) rows.push(row);
    }
    parser.finish(n);
    expect(parser.rowCount).toBe(109);
    expect(rows).toHaveLength(109);
    expect(parser.nationalConversionFactors).toEqual(national);
    expect(rows[0]).toEqual(alabama);
    expect(new Set(rows.map((r) => `${r[0]}/${r[1]}`)).size).toBe(109);
    expect(rows.every((r) => (year === 2025 ? r[4] === null : r[4] !== null))).toBe(true);
    expect(rows.some((r) => (r[2] ?? '').includes('*'))).toBe(false);
  });
});
