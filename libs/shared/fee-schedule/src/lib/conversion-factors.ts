/**
 * Conversion factors by calendar year, as set in each year's PFS final rule. From 2026 the
 * statute gives qualifying APM participants (QP) a higher factor than everyone else (non-QP).
 * A PPRRVU file carries only one of them on every row; this table supplies the other.
 */
export interface YearConversionFactors {
  year: number;
  /** The single factor (before 2026) or the non-QP factor. */
  standard: string;
  /** The QP factor, from 2026. */
  qualifyingApm: string | null;
  source: string;
}

export const CONVERSION_FACTORS: readonly YearConversionFactors[] = [
  { year: 2025, standard: '32.3465', qualifyingApm: null, source: 'CY 2025 PFS final rule; CONV FACTOR in PPRRVU2025 files' },
  {
    year: 2026,
    standard: '33.4009',
    qualifyingApm: '33.5675',
    source: 'CY 2026 PFS final rule; CONV FACTOR in PPRRVU2026 nonQPP files',
  },
];

export function conversionFactorsFor(year: number): YearConversionFactors | null {
  return CONVERSION_FACTORS.find((c) => c.year === year) ?? null;
}
