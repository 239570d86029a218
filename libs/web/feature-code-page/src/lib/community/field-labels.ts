import type { ReportFormState } from './report-form-state';

/** Each report field's label: beside the control and in the problem summary that links to it. */
export const FIELD_LABELS: Record<keyof ReportFormState, string> = {
  code: 'CPT/HCPCS code',
  modifiers: 'Modifiers on the line',
  serviceYear: 'Year of service',
  serviceQuarter: 'Quarter of service',
  payerType: 'Payer type',
  payerName: 'Payer',
  state: 'State of the practice',
  placeOfService: 'Place of service',
  icd10Codes: 'Diagnosis codes (ICD-10-CM)',
  groupCode: 'Group code',
  carc: 'Reason code (CARC)',
  rarcs: 'Remark codes (RARC)',
  denialCategory: 'What the denial was about',
  actionTaken: 'What was done',
  appealLevel: 'Appeal level reached',
  outcome: 'How it ended',
  fix: 'What fixed it',
  daysToResolution: 'Days from denial to resolution',
  narrative: 'What happened and what worked',
  website: 'Website',
};
