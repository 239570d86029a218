import DecimalJs from 'decimal.js';

/**
 * Our own Decimal constructor so no other library's global settings can change the rounding.
 * 40 significant digits is far beyond any RVU x GPCI x CF product; money rounds only at the end.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export type DecimalInput = string | number | Decimal;

export function decimal(value: DecimalInput): Decimal {
  return new Decimal(value);
}

/** Medicare fee schedule amounts are stated in whole cents, half a cent rounding up. */
export function roundToCents(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** "109.65": always two places, never exponent notation. */
export function formatMoney(value: Decimal): string {
  return roundToCents(value).toFixed(2);
}
