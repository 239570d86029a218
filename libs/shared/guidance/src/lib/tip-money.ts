import { decimal, formatMoney } from '@denialmap/shared/fee-schedule';
import { MoneyAtStake } from './billing-tip';
import { CodeFacts, RowFacts } from './code-facts';

/** A row's national amount used for money at stake: non-facility when payable there, else facility. */
export function referenceAmount(row: RowFacts): { amount: string; setting: string } | null {
  if (row.nationalNonFacilityAmount !== null) return { amount: row.nationalNonFacilityAmount, setting: 'national non-facility' };
  if (row.nationalFacilityAmount !== null) return { amount: row.nationalFacilityAmount, setting: 'national facility' };
  return null;
}

/** `share` (e.g. "0.5") of a row's reference amount, rounded to cents, with the arithmetic in words. */
export function shareOf(facts: CodeFacts, row: RowFacts | null, share: string, what: string, rowName = 'global'): MoneyAtStake | null {
  const reference = row && referenceAmount(row);
  if (!reference) return null;
  const amount = formatMoney(decimal(reference.amount).times(share));
  const times = share === '1' ? '' : ` x ${share}`;
  return { amount, basis: `${what}: ${rowName} ${reference.setting} amount $${reference.amount}${times} (${facts.release.label})` };
}

/** The money a row's practice expense contributes, times `share` (therapy PE reductions). */
export function practiceExpenseShare(facts: CodeFacts, row: RowFacts, share: string, what: string): MoneyAtStake {
  const amount = formatMoney(decimal(row.nonFacilityPeRvu).times(row.conversionFactor).times(share));
  return { amount, basis: `${what}: non-facility PE RVU ${row.nonFacilityPeRvu} x CF ${row.conversionFactor} x ${share} (${facts.release.label})` };
}

/** Two shares added (e.g. 50% of TC plus 5% of PC), when both rows exist. */
export function sumOfShares(facts: CodeFacts, parts: { row: RowFacts | null; share: string; rowName: string }[], what: string): MoneyAtStake | null {
  let total = decimal(0);
  const words: string[] = [];
  for (const part of parts) {
    const reference = part.row && referenceAmount(part.row);
    if (!reference) return null;
    total = total.plus(decimal(reference.amount).times(part.share));
    words.push(`${part.rowName} $${reference.amount} x ${part.share}`);
  }
  return { amount: formatMoney(total), basis: `${what}: ${words.join(' + ')} (${facts.release.label}, national amounts)` };
}

export const dollars = (amount: string | null | undefined): string => (amount === null || amount === undefined ? 'not priced' : `$${amount}`);

/** "$54.83" for share x a row's reference amount, for use in advice text. */
export function dollarsOf(row: RowFacts | null, share: string): string {
  const reference = row && referenceAmount(row);
  return reference ? `$${formatMoney(decimal(reference.amount).times(share))}` : 'a share of the amount';
}

/** "0.10" -> "10%" */
export const percent = (share: string): string => `${decimal(share).times(100).toDecimalPlaces(1).toString()}%`;
