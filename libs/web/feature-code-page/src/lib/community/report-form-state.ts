import { appealLevels, EARLIEST_SERVICE_YEAR, PAYER_NAMES, PayerName, PayerType, quarterOf } from '@denialmap/shared/denial-reports';

/**
 * The report form as typed: strings for selects and numbers (an empty string is "not chosen"),
 * arrays for the chip fields. Mapping to the API input happens once, in report-form-input.
 */
export interface ReportFormState {
  code: string;
  modifiers: string[];
  serviceYear: string;
  serviceQuarter: string;
  payerType: string;
  payerName: string;
  state: string;
  placeOfService: string;
  groupCode: string;
  carc: string;
  rarcs: string[];
  icd10Codes: string[];
  denialCategory: string;
  actionTaken: string;
  appealLevel: string;
  fix: string;
  outcome: string;
  daysToResolution: string;
  narrative: string;
  /** The honeypot: people never see it, so it stays empty unless a form-filler bot finds it. */
  website: string;
}

/** A fresh form for the page's code, dated to the current quarter (the most common case). */
export function emptyReportForm(code: string, today: Date): ReportFormState {
  const { year, quarter } = quarterOf(today);
  return {
    code: code.toUpperCase(),
    modifiers: [],
    serviceYear: String(year),
    serviceQuarter: String(quarter),
    payerType: '',
    payerName: '',
    state: '',
    placeOfService: '',
    groupCode: '',
    carc: '',
    rarcs: [],
    icd10Codes: [],
    denialCategory: '',
    actionTaken: '',
    appealLevel: '',
    fix: '',
    outcome: '',
    daysToResolution: '',
    narrative: '',
    website: '',
  };
}

export const showsAppealLevel = (form: ReportFormState) => form.actionTaken === 'APPEALED';
export const showsDaysToResolution = (form: ReportFormState) => form.outcome !== 'PENDING';
export const showsFix = (form: ReportFormState) => form.actionTaken !== 'NOTHING_YET';

/** Listed payers that appear under the payer type; none until a payer type is chosen. */
export function payerNamesFor(payerType: string): readonly PayerName[] {
  return payerType === '' ? [] : PAYER_NAMES.filter((p) => p.payerTypes.includes(payerType as PayerType));
}

/** "Level 1: Redetermination by the MAC" ... for the payer type (Medicare five, others three). */
export function appealLevelOptions(payerType: string): { value: string; label: string }[] {
  const names = appealLevels((payerType || 'MEDICARE_FFS') as PayerType);
  return names.map((name, i) => ({ value: String(i + 1), label: `Level ${i + 1}: ${name}` }));
}

/** Service years a report may name, newest first. */
export function serviceYears(today: Date): string[] {
  const years: string[] = [];
  for (let y = today.getUTCFullYear(); y >= EARLIEST_SERVICE_YEAR; y--) years.push(String(y));
  return years;
}

/**
 * Applies one change and clears what it makes meaningless, so a hidden field never sends a stale
 * value: a payer name of another payer type, an appeal level past the payer's last, an appeal
 * level without an appeal, a fix or days when nothing has been done or the denial is pending.
 */
export function applyChange(form: ReportFormState, change: Partial<ReportFormState>): ReportFormState {
  const next = { ...form, ...change };
  if (next.payerName !== '' && !payerNamesFor(next.payerType).some((p) => p.name === next.payerName)) next.payerName = '';
  if (!showsAppealLevel(next) || Number(next.appealLevel) > appealLevelOptions(next.payerType).length) next.appealLevel = '';
  if (change.actionTaken === 'NOTHING_YET') next.outcome = 'PENDING';
  if (!showsFix(next)) next.fix = '';
  if (!showsDaysToResolution(next)) next.daysToResolution = '';
  return next;
}
