/**
 * The structured vocabulary of a denial report, with the words a biller reads. The database enums
 * (prisma/schema.prisma), the GraphQL enums and the web form all use these values.
 */
export const PAYER_TYPES = {
  MEDICARE_FFS: 'Medicare fee-for-service (Part B)',
  MEDICARE_ADVANTAGE: 'Medicare Advantage',
  MEDICAID: 'Medicaid fee-for-service',
  MEDICAID_MANAGED_CARE: 'Medicaid managed care',
  COMMERCIAL: 'Commercial insurance',
  TRICARE_VA: 'TRICARE / VA',
  WORKERS_COMP: "Workers' compensation",
  OTHER: 'Other payer',
} as const;
export type PayerType = keyof typeof PAYER_TYPES;

export const DENIAL_CATEGORIES = {
  BUNDLING: 'Bundled with another service (NCCI / payer edit)',
  MODIFIER: 'Missing, invalid or unsupported modifier',
  MEDICAL_NECESSITY: 'Medical necessity / diagnosis does not support the service',
  PRIOR_AUTHORIZATION: 'Prior authorization or referral missing',
  ELIGIBILITY_COVERAGE: 'Eligibility or non-covered service',
  CODING: 'Invalid or inconsistent code',
  DOCUMENTATION: 'Documentation requested or insufficient',
  FREQUENCY_UNITS: 'Frequency or units limit (MUE)',
  DUPLICATE_CLAIM: 'Duplicate claim or service',
  TIMELY_FILING: 'Timely filing',
  COORDINATION_OF_BENEFITS: 'Coordination of benefits / other payer primary',
  PROVIDER_ENROLLMENT: 'Provider enrollment or credentialing',
  OTHER: 'Other',
} as const;
export type DenialCategory = keyof typeof DENIAL_CATEGORIES;

export const ACTIONS_TAKEN = {
  CORRECTED_AND_RESUBMITTED: 'Corrected and resubmitted the claim',
  APPEALED: 'Appealed',
  WROTE_OFF: 'Wrote it off',
  NOTHING_YET: 'Nothing yet',
} as const;
export type ActionTaken = keyof typeof ACTIONS_TAKEN;

export const REPORT_FIXES = {
  ADDED_MODIFIER: 'Added a modifier',
  REMOVED_MODIFIER: 'Removed or changed a modifier',
  CHANGED_CODE: 'Changed the CPT/HCPCS code',
  CORRECTED_DIAGNOSIS: 'Corrected or added a diagnosis code',
  ADDED_DOCUMENTATION: 'Sent documentation / medical records',
  OBTAINED_AUTHORIZATION: 'Obtained (retro) authorization',
  CORRECTED_COVERAGE_INFO: 'Corrected coverage or subscriber information',
  CORRECTED_PLACE_OF_SERVICE: 'Corrected the place of service',
  CORRECTED_UNITS: 'Corrected the units',
  BILLED_ANOTHER_PAYER: 'Billed the correct (primary) payer',
  NOTHING_WORKED: 'Nothing worked',
  OTHER: 'Something else',
} as const;
export type ReportFix = keyof typeof REPORT_FIXES;

export const REPORT_OUTCOMES = {
  PAID: 'Paid in full',
  PARTIALLY_PAID: 'Partially paid',
  UPHELD: 'Denial upheld (not paid)',
  PENDING: 'Still pending',
} as const;
export type ReportOutcome = keyof typeof REPORT_OUTCOMES;

/** Why a reader flags a published report. PATIENT_INFORMATION holds it at once; the others after several readers. */
export const FLAG_REASONS = {
  PATIENT_INFORMATION: 'It contains patient information',
  INACCURATE: 'It is wrong or misleading',
  SPAM: 'Spam or advertising',
  OFFENSIVE: 'Offensive or abusive',
  OTHER: 'Something else',
} as const;
export type FlagReason = keyof typeof FLAG_REASONS;

/** Group codes a denial can carry (CR, corrections and reversals, is not a denial). */
export const DENIAL_GROUP_CODES = ['CO', 'OA', 'PI', 'PR'] as const;

/** Medicare's five appeal levels (42 CFR 405 subpart I; Medicare Advantage: 42 CFR 422 subpart M). */
const MEDICARE_APPEAL_LEVELS = [
  'Redetermination by the MAC',
  'Reconsideration by a QIC',
  'Hearing before an administrative law judge',
  'Medicare Appeals Council review',
  'Judicial review in federal district court',
];
const MEDICARE_ADVANTAGE_APPEAL_LEVELS = [
  'Reconsideration by the plan',
  'Review by the independent review entity',
  'Hearing before an administrative law judge',
  'Medicare Appeals Council review',
  'Judicial review in federal district court',
];
const OTHER_APPEAL_LEVELS = ['First-level appeal to the payer', 'Second-level appeal to the payer', 'External or independent review (or state fair hearing)'];

/** The appeal levels a payer type has, in order (level 1 first). */
export function appealLevels(payerType: PayerType): readonly string[] {
  if (payerType === 'MEDICARE_FFS') return MEDICARE_APPEAL_LEVELS;
  if (payerType === 'MEDICARE_ADVANTAGE') return MEDICARE_ADVANTAGE_APPEAL_LEVELS;
  return OTHER_APPEAL_LEVELS;
}

/** "Level 2: Reconsideration by a QIC"; a generic name where the payer type is mixed or unknown. */
export function appealLevelName(level: number, payerType?: PayerType): string {
  const names = payerType ? appealLevels(payerType) : MEDICARE_APPEAL_LEVELS;
  return `Level ${level}${names[level - 1] ? `: ${names[level - 1]}` : ''}`;
}

/** USPS codes of the states, DC and the territories Medicare covers. */
export const US_STATES: Readonly<Record<string, string>> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut',
  DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois',
  IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland',
  MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana',
  NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York',
  NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania',
  RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah',
  VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
  PR: 'Puerto Rico', VI: 'U.S. Virgin Islands', GU: 'Guam', AS: 'American Samoa', MP: 'Northern Mariana Islands',
};

export const NARRATIVE_MAX_LENGTH = 1500;
export const MAX_REPORT_MODIFIERS = 4;
export const MAX_REPORT_RARCS = 5;
export const MAX_REPORT_DIAGNOSES = 12;
/** Three years: past that, days to resolution is almost certainly a typo. */
export const MAX_DAYS_TO_RESOLUTION = 1095;
/** The oldest service year a report may name. */
export const EARLIEST_SERVICE_YEAR = 2015;
