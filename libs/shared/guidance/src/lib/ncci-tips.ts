import { decimal, formatMoney } from '@denialmap/shared/fee-schedule';
import { addOnEditType, mueAdjudication, NO_SPECIFIC_PRIMARY } from '@denialmap/shared/ncci';
import { BillingTip } from './billing-tip';
import { CodeFacts } from './code-facts';
import { referenceAmount, shareOf } from './tip-money';

/** Tips from the NCCI tables: PTP pairs with the code in column 2, its MUE, add-on rules. */
export function ncciTips(f: CodeFacts): BillingTip[] {
  return [ptpTip(f), mueTip(f), addOnTip(f)].filter((t): t is BillingTip => t !== null);
}

function ptpTip(f: CodeFacts): BillingTip | null {
  const ptp = f.ncci.ptp;
  if (!ptp || ptp.asColumnTwo.inForce === 0) return null;
  const { inForce, modifierAllowed, examples } = ptp.asColumnTwo;
  const never = inForce - modifierAllowed;
  const named = (allowed: boolean) =>
    examples
      .filter((e) => e.modifierAllowed === allowed)
      .slice(0, 6)
      .map((e) => e.column1);
  const bypassable = named(true);
  const absolute = named(false);
  const parts = [
    `Billed on the same day by the same provider with ${inForce === 1 ? 'its column-1 code' : `any of ${inForce} column-1 codes`}, ${f.code} is denied as part of the other service (CARC 97).`,
    modifierAllowed > 0
      ? `${modifierAllowed} of these edits let an NCCI-associated modifier (59, XE, XS, XP, XU, or an anatomic one such as RT/LT) on ${f.code} bypass them when the services really were separate: different session, site or encounter, documented${bypassable.length ? ` (e.g. with ${bypassable.join(', ')})` : ''}.`
      : '',
    never > 0 ? `${never} never allow a modifier${absolute.length ? ` (e.g. with ${absolute.join(', ')})` : ''}: adding 59 there only earns CARC 236.` : '',
  ];
  return {
    key: 'rule:ncci-column-2',
    kind: 'RULE',
    topic: 'NCCI_BUNDLING',
    title: `Bundled into ${inForce} other code${inForce === 1 ? '' : 's'} (NCCI)`,
    advice: parts.filter(Boolean).join(' '),
    source: { label: ptp.label, detail: `${ptp.sourceFile}: ${inForce} edits in force with ${f.code} in column 2, ${modifierAllowed} with modifier indicator 1` },
    moneyAtStake: shareOf(f, f.global, '1', 'The whole line is denied when the edit applies'),
    reports: null,
  };
}

function mueTip(f: CodeFacts): BillingTip | null {
  const mue = f.ncci.mue;
  if (!mue) return null;
  const mai = mueAdjudication(mue.adjudicationIndicator);
  const per = mue.adjudicationIndicator === '1' ? 'per claim line' : 'per day';
  const appeal = mai.appealable
    ? mue.adjudicationIndicator === '1'
      ? 'Medically necessary extra units may go on separate lines with 76, 77 or an anatomic modifier, or be appealed with records.'
      : 'Units above it can be paid on appeal with records showing medical necessity.'
    : 'An appeal cannot succeed: units above it are never paid.';
  const reference = referenceAmount(f.global);
  const overBy = mue.maxUnits + 1;
  return {
    key: 'rule:mue',
    kind: 'RULE',
    topic: 'UNIT_LIMIT',
    title: mue.maxUnits === 0 ? 'MUE 0: not billable on a practitioner claim' : `At most ${mue.maxUnits} unit${mue.maxUnits === 1 ? '' : 's'} ${per} (MUE)`,
    advice:
      mue.maxUnits === 0
        ? `The MUE for ${f.code} is 0: Medicare does not pay it on a practitioner claim (CARC 151).`
        : `MAI ${mue.adjudicationIndicator} (${mai.label}): billing more than ${mue.maxUnits} denies every unit on the ${mue.adjudicationIndicator === '1' ? 'line' : 'date of service'}, not only the extra ones (CARC 151). ${appeal}`,
    source: { label: mue.label, detail: `${mue.sourceFile}: MUE ${mue.maxUnits}, MAI ${mue.adjudicationIndicator}${mue.rationale ? ` (${mue.rationale})` : ''}` },
    moneyAtStake:
      reference && mue.maxUnits > 0
        ? {
            amount: formatMoney(decimal(reference.amount).times(overBy)),
            basis: `${overBy} units (one over the MUE) x ${reference.setting} amount $${reference.amount}: all denied (${f.release.label})`,
          }
        : null,
    reports: null,
  };
}

function addOnTip(f: CodeFacts): BillingTip | null {
  const addOn = f.ncci.addOn;
  if (!addOn) return null;
  const type = addOnEditType(addOn.editType);
  const primaries = addOn.primaryCodes.filter((c) => c !== NO_SPECIFIC_PRIMARY).slice(0, 10);
  return {
    key: 'rule:add-on',
    kind: 'RULE',
    topic: 'ADD_ON',
    title: 'Add-on code: bill it with its primary',
    advice: `${f.code} is paid only with an eligible primary service by the same provider on the same day; alone it is denied (CARC 107). ${type.meaning}${
      primaries.length ? ` Primary codes include ${primaries.join(', ')}${addOn.primaryCodeCount > primaries.length ? ` and ${addOn.primaryCodeCount - primaries.length} more` : ''}.` : ''
    } Add-on codes are never reduced as multiple procedures and take no 51.`,
    source: { label: addOn.label, detail: `${addOn.sourceFile}: add-on edit type ${addOn.editType}, ${addOn.primaryCodeCount} primary code${addOn.primaryCodeCount === 1 ? '' : 's'}` },
    moneyAtStake: shareOf(f, f.global, '1', 'The whole line is denied without a primary'),
    reports: null,
  };
}
