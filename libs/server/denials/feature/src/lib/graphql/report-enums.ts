import { registerEnumType } from '@nestjs/graphql';
import { ACTIONS_TAKEN, DENIAL_CATEGORIES, FLAG_REASONS, PAYER_TYPES, REPORT_FIXES, REPORT_OUTCOMES } from '@denialmap/shared/denial-reports';

/** GraphQL enums of a denial report; the values are the shared vocabulary's, described in its words. */
const describe = (labels: Record<string, string>) => Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, { description: v }]));
const asEnum = <K extends string>(labels: Record<K, string>) => Object.fromEntries(Object.keys(labels).map((k) => [k, k])) as { [P in K]: P };

export const PayerTypeEnum = asEnum(PAYER_TYPES);
export type PayerTypeEnum = keyof typeof PAYER_TYPES;
registerEnumType(PayerTypeEnum, { name: 'PayerType', valuesMap: describe(PAYER_TYPES) });

export const DenialCategoryEnum = asEnum(DENIAL_CATEGORIES);
export type DenialCategoryEnum = keyof typeof DENIAL_CATEGORIES;
registerEnumType(DenialCategoryEnum, { name: 'DenialCategory', valuesMap: describe(DENIAL_CATEGORIES) });

export const ActionTakenEnum = asEnum(ACTIONS_TAKEN);
export type ActionTakenEnum = keyof typeof ACTIONS_TAKEN;
registerEnumType(ActionTakenEnum, { name: 'ActionTaken', description: 'What the biller did about the denial.', valuesMap: describe(ACTIONS_TAKEN) });

export const ReportFixEnum = asEnum(REPORT_FIXES);
export type ReportFixEnum = keyof typeof REPORT_FIXES;
registerEnumType(ReportFixEnum, { name: 'ReportFix', description: 'What fixed the denial (or that nothing did).', valuesMap: describe(REPORT_FIXES) });

export const ReportOutcomeEnum = asEnum(REPORT_OUTCOMES);
export type ReportOutcomeEnum = keyof typeof REPORT_OUTCOMES;
registerEnumType(ReportOutcomeEnum, { name: 'ReportOutcome', valuesMap: describe(REPORT_OUTCOMES) });

export const FlagReasonEnum = asEnum(FLAG_REASONS);
export type FlagReasonEnum = keyof typeof FLAG_REASONS;
registerEnumType(FlagReasonEnum, {
  name: 'FlagReason',
  description: 'PATIENT_INFORMATION takes the report out of view at once until a moderator has looked; the others do so once several readers agree.',
  valuesMap: describe(FLAG_REASONS),
});
