/**
 * NCCI procedure-to-procedure (PTP) edit rules, from CMS's NCCI policy manual and the PTP file
 * documentation: the column 2 code is not paid with the column 1 code for the same patient, date
 * and provider unless the modifier indicator allows an NCCI-associated modifier to bypass it.
 */
export type ModifierIndicator = '0' | '1' | '9';

export interface ModifierIndicatorMeaning {
  indicator: ModifierIndicator;
  modifierAllowed: boolean;
  meaning: string;
}

const MEANINGS: Record<ModifierIndicator, ModifierIndicatorMeaning> = {
  '0': { indicator: '0', modifierAllowed: false, meaning: 'No modifier can bypass this edit: the column 2 code is never paid with the column 1 code.' },
  '1': {
    indicator: '1',
    modifierAllowed: true,
    meaning: 'An NCCI-associated modifier (e.g. 59, XE, XS, XP, XU, anatomic modifiers) may bypass this edit when the services were truly separate; documentation must support it.',
  },
  '9': { indicator: '9', modifierAllowed: false, meaning: 'Not applicable: the edit was deleted, so the modifier question does not arise.' },
};

export function modifierIndicatorMeaning(indicator: string): ModifierIndicatorMeaning {
  const known = MEANINGS[indicator as ModifierIndicator];
  if (!known) {
    throw new Error(`Unknown NCCI modifier indicator "${indicator}" (CMS defines 0, 1 and 9).`);
  }
  return known;
}

/** The modifiers CMS lists as NCCI-associated (NCCI policy manual, chapter I). */
export const NCCI_ASSOCIATED_MODIFIERS: readonly string[] = [
  'E1', 'E2', 'E3', 'E4', 'FA', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9',
  'TA', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9',
  'LT', 'RT', 'LC', 'LD', 'LM', 'RC', 'RI',
  '24', '25', '57', '58', '78', '79', '27', '59', '91', 'XE', 'XS', 'XP', 'XU',
];

export interface PtpEditFacts {
  column1: string;
  column2: string;
  modifierIndicator: string;
  /** First date of service it applies to; null when the file does not say (the converted 2024 copy). */
  effectiveDate: string | null;
  /** Last date of service it applies to; null while in force. */
  deletionDate: string | null;
}

/**
 * An edit is in force on a date of service from its effective date through its deletion date
 * (CMS prints deletion dates as the last day of a quarter, e.g. 20231231). Indicator 9 marks an
 * edit deleted back to its start (deletion date = effective date): never in force.
 */
export function isPtpEditInForce(edit: Pick<PtpEditFacts, 'effectiveDate' | 'deletionDate' | 'modifierIndicator'>, dateOfService: string): boolean {
  if (edit.modifierIndicator === '9') return false;
  if (edit.effectiveDate !== null && dateOfService < edit.effectiveDate) return false;
  return edit.deletionDate === null || dateOfService <= edit.deletionDate;
}

/** Why an edit is not in force on the date (or null when it is). */
export function ptpEditNotInForceBecause(edit: PtpEditFacts, dateOfService: string): string | null {
  if (isPtpEditInForce(edit, dateOfService)) return null;
  if (edit.modifierIndicator === '9') return `Deleted back to its start (indicator 9): ${edit.column1} and ${edit.column2} never bundled under this edit.`;
  if (edit.effectiveDate !== null && dateOfService < edit.effectiveDate) {
    return `Effective ${edit.effectiveDate}: ${edit.column1} and ${edit.column2} bundle only for dates of service from then on.`;
  }
  return `Deleted ${edit.deletionDate}: ${edit.column1} and ${edit.column2} no longer bundle for dates of service after that.`;
}

/** One plain sentence for a biller about the edit, seen from `code`'s side. */
export function explainPtpEdit(edit: PtpEditFacts, code: string, dateOfService: string): string {
  const notInForce = ptpEditNotInForceBecause(edit, dateOfService);
  if (notInForce) return notInForce;
  const { modifierAllowed } = modifierIndicatorMeaning(edit.modifierIndicator);
  const subject =
    code === edit.column1
      ? `${edit.column2} is not paid when billed with ${code}`
      : `${code} is not paid when billed with ${edit.column1}`;
  return modifierAllowed
    ? `${subject} (same patient, date and provider) unless an NCCI-associated modifier such as 59 or XU on ${edit.column2} shows a separate service.`
    : `${subject} (same patient, date and provider); no modifier bypasses this edit.`;
}
