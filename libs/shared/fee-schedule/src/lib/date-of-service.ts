import { InvalidInputError } from '@denialmap/shared/errors';

/** A calendar date with no time zone, as printed on a claim: "2025-06-01". */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Refuses anything but a real calendar date in YYYY-MM-DD form (no 2025-02-30, no times). */
export function parseIsoDate(raw: string, field = 'dateOfService'): IsoDate {
  const match = ISO_DATE.exec(raw.trim());
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const asDate = new Date(Date.UTC(year, month - 1, day));
  const valid =
    match !== null &&
    year >= 1900 &&
    asDate.getUTCFullYear() === year &&
    asDate.getUTCMonth() === month - 1 &&
    asDate.getUTCDate() === day;
  if (!valid) {
    throw new InvalidInputError(field, `"${raw}" is not a date. Use YYYY-MM-DD, for example 2025-06-01.`);
  }
  return raw.trim() as IsoDate;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
