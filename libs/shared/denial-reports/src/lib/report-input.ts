import { isHcpcsCode, normaliseIcd10Code } from '@denialmap/shared/fee-schedule';
import { findPayer } from './payers';
import {
  ACTIONS_TAKEN,
  ActionTaken,
  appealLevels,
  DENIAL_CATEGORIES,
  DENIAL_GROUP_CODES,
  DenialCategory,
  EARLIEST_SERVICE_YEAR,
  MAX_DAYS_TO_RESOLUTION,
  MAX_REPORT_DIAGNOSES,
  MAX_REPORT_MODIFIERS,
  MAX_REPORT_RARCS,
  NARRATIVE_MAX_LENGTH,
  PAYER_TYPES,
  PayerType,
  REPORT_FIXES,
  REPORT_OUTCOMES,
  ReportFix,
  ReportOutcome,
  US_STATES,
} from './report-vocabulary';
import { isFutureQuarter } from './service-quarter';

/** A report as a form or script sends it: strings trimmed and upper-cased here, nothing trusted. */
export interface DenialReportDraft {
  code: string;
  modifiers?: readonly string[] | null;
  serviceYear: number;
  serviceQuarter: number;
  payerType: string;
  payerName?: string | null;
  state?: string | null;
  placeOfService?: string | null;
  groupCode: string;
  carc: string;
  rarcs?: readonly string[] | null;
  icd10Codes?: readonly string[] | null;
  denialCategory: string;
  actionTaken: string;
  appealLevel?: number | null;
  fix?: string | null;
  outcome: string;
  daysToResolution?: number | null;
  narrative?: string | null;
}

/** The same report, normalised; every code in it still has to be found in the reference tables. */
export interface NormalisedReport {
  code: string;
  modifiers: string[];
  serviceYear: number;
  serviceQuarter: number;
  payerType: PayerType;
  payerName: string | null;
  state: string | null;
  placeOfService: string | null;
  groupCode: string;
  carc: string;
  rarcs: string[];
  icd10Codes: string[];
  denialCategory: DenialCategory;
  actionTaken: ActionTaken;
  appealLevel: number | null;
  fix: ReportFix | null;
  outcome: ReportOutcome;
  daysToResolution: number | null;
  narrative: string | null;
}

export interface FieldProblem {
  /** The input field, e.g. "rarcs[1]". */
  field: string;
  message: string;
}

const MODIFIER = /^[0-9A-Z]{2}$/;
const CARC = /^(?:\d{1,3}|[A-Z]\d{1,2})$/;
const RARC = /^(?:M|MA|N)\d{1,3}$/;

const oneOf = <T extends string>(values: Record<T, string>, raw: string): T | null =>
  Object.prototype.hasOwnProperty.call(values, raw) ? (raw as T) : null;

/**
 * Checks a draft's shape, formats, ranges and the rules between fields, listing every problem at
 * once so a form can mark them all. `today` decides which service quarters are in the future.
 */
export function normaliseReport(draft: DenialReportDraft, today: Date): { report: NormalisedReport | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  const upper = (v: string | null | undefined) => (v ?? '').trim().toUpperCase();

  const code = upper(draft.code);
  if (!isHcpcsCode(code)) problem('code', `"${draft.code}" is not a CPT/HCPCS code (five characters, e.g. 70390 or G0121).`);

  const modifiers = codeList(draft.modifiers, 'modifiers', MAX_REPORT_MODIFIERS, (m) => (MODIFIER.test(m) ? m : null), 'a modifier (two letters or digits, e.g. 26, RT)', problem);
  const rarcs = codeList(draft.rarcs, 'rarcs', MAX_REPORT_RARCS, (r) => (RARC.test(r) ? r : null), 'a RARC (M, MA or N and digits, e.g. N290)', problem);
  const icd10Codes = codeList(draft.icd10Codes, 'icd10Codes', MAX_REPORT_DIAGNOSES, normaliseIcd10Code, 'an ICD-10-CM code (e.g. K11.5)', problem);

  const { serviceYear, serviceQuarter } = draft;
  if (!Number.isInteger(serviceYear) || serviceYear < EARLIEST_SERVICE_YEAR || serviceYear > today.getUTCFullYear()) {
    problem('serviceYear', `The service year is ${EARLIEST_SERVICE_YEAR} to ${today.getUTCFullYear()}.`);
  } else if (!Number.isInteger(serviceQuarter) || serviceQuarter < 1 || serviceQuarter > 4) {
    problem('serviceQuarter', 'The service quarter is 1, 2, 3 or 4.');
  } else if (isFutureQuarter(serviceYear, serviceQuarter, today)) {
    problem('serviceQuarter', `${serviceYear} Q${serviceQuarter} has not started yet.`);
  }

  const payerType = oneOf(PAYER_TYPES, upper(draft.payerType));
  if (!payerType) problem('payerType', `Payer type is one of ${Object.keys(PAYER_TYPES).join(', ')}.`);
  let payerName: string | null = null;
  if (draft.payerName && draft.payerName.trim() !== '') {
    const payer = findPayer(draft.payerName);
    if (!payer) problem('payerName', `"${draft.payerName.trim().slice(0, 60)}" is not on the payer list; leave it empty or pick a listed payer.`);
    else payerName = payer.name;
  }

  const state = upper(draft.state) || null;
  if (state && !US_STATES[state]) problem('state', `"${draft.state}" is not a US state or territory code (e.g. TX).`);
  const pos = (draft.placeOfService ?? '').trim() || null;
  const placeOfService = pos && /^\d{1,2}$/.test(pos) && pos !== '0' && pos !== '00' ? pos.padStart(2, '0') : null;
  if (pos && !placeOfService) problem('placeOfService', `"${pos}" is not a place-of-service code (01-99, e.g. 11 for office).`);

  const groupCode = upper(draft.groupCode);
  if (!(DENIAL_GROUP_CODES as readonly string[]).includes(groupCode)) problem('groupCode', `A denial's group code is ${DENIAL_GROUP_CODES.join(', ')}.`);
  const carc = upper(draft.carc);
  if (!CARC.test(carc)) problem('carc', `"${draft.carc}" is not a CARC (e.g. 97, 4, B7).`);

  const denialCategory = oneOf(DENIAL_CATEGORIES, upper(draft.denialCategory));
  if (!denialCategory) problem('denialCategory', `Denial category is one of ${Object.keys(DENIAL_CATEGORIES).join(', ')}.`);
  const actionTaken = oneOf(ACTIONS_TAKEN, upper(draft.actionTaken));
  if (!actionTaken) problem('actionTaken', `What was done is one of ${Object.keys(ACTIONS_TAKEN).join(', ')}.`);
  const outcome = oneOf(REPORT_OUTCOMES, upper(draft.outcome));
  if (!outcome) problem('outcome', `The outcome is one of ${Object.keys(REPORT_OUTCOMES).join(', ')}.`);
  const fix = draft.fix ? oneOf(REPORT_FIXES, upper(draft.fix)) : null;
  if (draft.fix && !fix) problem('fix', `What fixed it is one of ${Object.keys(REPORT_FIXES).join(', ')}.`);

  const appealLevel = draft.appealLevel ?? null;
  if (actionTaken === 'APPEALED') {
    const levels = payerType ? appealLevels(payerType).length : 5;
    if (appealLevel === null) problem('appealLevel', 'Say which appeal level the claim reached.');
    else if (!Number.isInteger(appealLevel) || appealLevel < 1 || appealLevel > levels) problem('appealLevel', `The appeal level is 1 to ${levels} for this payer type.`);
  } else if (appealLevel !== null) {
    problem('appealLevel', 'An appeal level is given only when the claim was appealed.');
  }
  if (actionTaken === 'NOTHING_YET') {
    if (outcome && outcome !== 'PENDING') problem('outcome', 'Nothing was done yet, so the outcome is still pending.');
    if (fix) problem('fix', 'Nothing was done yet, so nothing fixed it yet.');
  }
  if (actionTaken === 'WROTE_OFF' && (outcome === 'PAID' || outcome === 'PARTIALLY_PAID')) problem('outcome', 'A written-off claim was not paid; choose "upheld".');

  const days = draft.daysToResolution ?? null;
  if (days !== null) {
    if (outcome === 'PENDING') problem('daysToResolution', 'A pending denial has no days to resolution yet.');
    else if (!Number.isInteger(days) || days < 0 || days > MAX_DAYS_TO_RESOLUTION) problem('daysToResolution', `Days to resolution is 0 to ${MAX_DAYS_TO_RESOLUTION}.`);
  }

  const narrative = (draft.narrative ?? '').trim() || null;
  if (narrative && narrative.length > NARRATIVE_MAX_LENGTH) problem('narrative', `The story is at most ${NARRATIVE_MAX_LENGTH} characters; it has ${narrative.length}.`);

  if (problems.length > 0 || !payerType || !denialCategory || !actionTaken || !outcome) return { report: null, problems };
  return {
    report: {
      code,
      modifiers,
      serviceYear,
      serviceQuarter,
      payerType,
      payerName,
      state,
      placeOfService,
      groupCode,
      carc,
      rarcs,
      icd10Codes,
      denialCategory,
      actionTaken,
      appealLevel,
      fix,
      outcome,
      daysToResolution: days,
      narrative,
    },
    problems,
  };
}

/** A list of codes: each normalised or named as a problem, duplicates refused, at most `max`. */
function codeList(
  raw: readonly string[] | null | undefined,
  field: string,
  max: number,
  parse: (value: string) => string | null,
  what: string,
  problem: (field: string, message: string) => void,
): string[] {
  const values = raw ?? [];
  if (values.length > max) {
    problem(field, `At most ${max} ${field === 'icd10Codes' ? 'diagnosis codes' : field}.`);
    return [];
  }
  const out: string[] = [];
  values.forEach((value, i) => {
    const parsed = parse(value.trim().toUpperCase());
    if (!parsed) problem(`${field}[${i}]`, `"${value}" is not ${what}.`);
    else if (out.includes(parsed)) problem(`${field}[${i}]`, `${parsed} is listed twice.`);
    else out.push(parsed);
  });
  return out;
}
