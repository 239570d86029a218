import { FieldProblem, normaliseReport } from '@denialmap/shared/denial-reports';
import type { DenialReportInput } from '@denialmap/web/data-access';
import { ReportFormState, showsAppealLevel, showsDaysToResolution, showsFix } from './report-form-state';

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
const numberOrNull = (value: string) => (value.trim() === '' ? null : Number(value));

/**
 * The API input for the form. Hidden fields send nothing; the story is trimmed here so the
 * offsets of any patient-information finding the server returns match the text that was sent.
 */
export function toReportInput(form: ReportFormState): DenialReportInput {
  return {
    code: form.code.trim().toUpperCase(),
    modifiers: form.modifiers,
    serviceYear: Number(form.serviceYear),
    serviceQuarter: Number(form.serviceQuarter),
    payerType: form.payerType as DenialReportInput['payerType'],
    payerName: orNull(form.payerName),
    state: orNull(form.state),
    placeOfService: orNull(form.placeOfService),
    groupCode: form.groupCode,
    carc: form.carc.trim().toUpperCase(),
    rarcs: form.rarcs,
    icd10Codes: form.icd10Codes,
    denialCategory: form.denialCategory as DenialReportInput['denialCategory'],
    actionTaken: form.actionTaken as DenialReportInput['actionTaken'],
    appealLevel: showsAppealLevel(form) ? numberOrNull(form.appealLevel) : null,
    fix: showsFix(form) ? (orNull(form.fix) as DenialReportInput['fix']) : null,
    outcome: form.outcome as DenialReportInput['outcome'],
    daysToResolution: showsDaysToResolution(form) ? numberOrNull(form.daysToResolution) : null,
    narrative: orNull(form.narrative),
    website: form.website,
  };
}

const REQUIRED: [keyof ReportFormState, string][] = [
  ['code', 'Enter the CPT/HCPCS code of the denied line.'],
  ['payerType', 'Choose the payer type.'],
  ['groupCode', 'Choose the group code on the remittance.'],
  ['carc', 'Enter the CARC on the remittance (e.g. 97).'],
  ['denialCategory', 'Choose what the denial was about.'],
  ['actionTaken', 'Choose what was done about it.'],
  ['outcome', 'Choose how it ended (or "Still pending").'],
];

/**
 * The problems the browser can see before sending (the same rules the server applies, from the
 * shared library), worded for the form: an unchosen select says "choose", not the enum's values.
 */
export function checkReport(form: ReportFormState, today: Date): FieldProblem[] {
  const missing = REQUIRED.filter(([field]) => String(form[field]).trim() === '').map(([field, message]) => ({ field, message }));
  const missingFields = new Set<string>(missing.map((p) => p.field));
  const { problems } = normaliseReport(toReportInput(form), today);
  return [...missing, ...problems.filter((p) => !missingFields.has(fieldOf(p.field)))];
}

/** "rarcs[1]" -> "rarcs": problems with one item of a list are shown beside the list. */
export function fieldOf(field: string): string {
  return field.replace(/\[\d+\]$/, '');
}

/** Messages per form field, in the order the API or the checks gave them. */
export function problemsByField(problems: readonly FieldProblem[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of problems) (out[fieldOf(p.field)] ??= []).push(p.message);
  return out;
}

/** "about 3 minutes" for a retry-after; the API's message already says why. */
export function formatWait(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} seconds`;
  if (seconds < 5400) return `about ${Math.round(seconds / 60)} minutes`;
  return `about ${Math.round(seconds / 3600)} hours`;
}
