/**
 * Plain-word meanings of the payment policy indicators on a CMS PPRRVU row, from the record layout
 * shipped with the file (RVU25D, Attachment A for PC/TC). Values the layout does not define are
 * reported as such (`known: false`), never guessed.
 */
export interface IndicatorMeaning {
  /** The field as a biller would name it, e.g. "Bilateral surgery". */
  indicator: string;
  /** The raw value from the file, e.g. "1". */
  value: string;
  /** One plain sentence, e.g. "150% payment adjustment applies when billed bilaterally (modifier 50 or RT and LT)." */
  meaning: string;
  /** Where this meaning comes from, e.g. "CMS RVU file layout (RVU25D), BILAT SURG". */
  source: string;
  /** false when the value is not defined in the layout (meaning then says so). */
  known: boolean;
}

/**
 * The twelve indicator fields, plus the two NA indicators and the endoscopic base code (named as
 * in `PprrvuRecord`, so a parsed record can be passed to `decodeRowIndicators` as it is).
 */
export type IndicatorField =
  | 'pctcIndicator'
  | 'globalDays'
  | 'multipleProcedureIndicator'
  | 'bilateralIndicator'
  | 'assistantIndicator'
  | 'coSurgeonIndicator'
  | 'teamIndicator'
  | 'supervisionIndicator'
  | 'imagingFamilyIndicator'
  | 'calculationFlag'
  | 'pricingIndicator'
  | 'notUsedForMedicarePayment'
  | 'nonFacilityNaIndicator'
  | 'facilityNaIndicator'
  | 'endoscopicBase';

type ValueTable = readonly (readonly [value: string, meaning: string])[];

interface FieldSpec {
  indicator: string;
  source: string;
  values: ValueTable;
  /** Free-form code fields (endoscopic base): returns the meaning, or undefined when malformed. */
  decodeCode?: (value: string) => string | undefined;
  /** Completes "<indicator>: <value> is ..." for values without a meaning. */
  undefinedText?: string;
}

const LAYOUT = 'CMS RVU file layout (RVU25D)';
const NOT_DEFINED = 'not defined in the CMS layout (RVU25D)';
const NOT_APPLICABLE = (what: string): string => `${what} does not apply to this code (concept does not apply).`;
const RETIRED_FAMILY = (family: string): string =>
  `Former imaging family: ${family}; CMS no longer populates families 01-11 (services from January 1, 2011).`;

const PCTC: ValueTable = [
  ['0', 'Physician service: there is no professional/technical split, so modifiers 26 and TC cannot be used.'],
  ['1', 'Diagnostic test with professional and technical components: bill it globally, with modifier 26, or with modifier TC.'],
  ['2', 'Professional-component-only code (e.g. 93010); modifiers 26 and TC cannot be used.'],
  ['3', 'Technical-component-only code (e.g. 93005), or a test covered only as a diagnostic test; modifiers 26 and TC cannot be used.'],
  ['4', 'Global-test-only code: the professional and technical parts have their own codes, so modifiers 26 and TC cannot be used.'],
  ['5', 'Incident-to service: not payable by the MAC for hospital inpatients or outpatients; modifiers 26 and TC cannot be used.'],
  ['6', 'Laboratory physician interpretation: the interpretation is paid here (the test itself on the lab fee schedule); modifier TC cannot be used.'],
  ['7', 'Physical therapy service not payable when an independently practicing PT or OT furnishes it to a hospital inpatient or outpatient.'],
  ['8', 'Physician interpretation of an abnormal smear (85060), payable only for a hospital inpatient; no TC billing.'],
  ['9', NOT_APPLICABLE('The professional/technical component concept')],
];

const GLOBAL_DAYS: ValueTable = [
  ['000', '0-day global period: pre- and postoperative work on the day of the procedure is included; an E/M visit that day is generally not payable.'],
  ['010', '10-day global period: the day of the procedure and the 10 days after it are included; E/M visits in that period are generally not payable.'],
  ['090', '90-day global period (major surgery): the day before, the day of surgery and 90 days after are included in the payment.'],
  ['MMM', 'Maternity code: the usual global surgery period does not apply.'],
  ['XXX', NOT_APPLICABLE('The global surgery concept')],
  ['YYY', 'The MAC decides whether a global period applies and sets the postoperative days when it prices the code.'],
  ['ZZZ', 'Related to another service and always included in the global period of that service.'],
];

const MULTIPLE_PROCEDURE: ValueTable = [
  ['0', 'No multiple-procedure reduction: paid at the full fee schedule amount (or the lower charge) even with other procedures that day.'],
  ['1', 'Pre-1995 multiple-procedure rule: rank by fee schedule amount and pay 100%, 50%, 25%, 25%, 25%, then by report.'],
  ['2', 'Standard multiple-procedure reduction with other indicator 1-3 procedures that day: highest 100%, the next four 50% each, more than five by report.'],
  ['3', 'Multiple-endoscopy rules apply within the family sharing its endoscopic base code; the base code is not paid separately when billed with a family member.'],
  ['4', 'Diagnostic imaging reduction with another same-family code in the same session: highest TC 100%, each other TC 50% and each other PC reduced 5% (since 2017).'],
  ['5', 'Therapy reduction: 50% of the practice expense is paid for certain therapy services (the layout does not say which units are reduced).'],
  ['6', 'Cardiovascular diagnostic reduction: the TC of the second and later procedures is reduced 25% (since January 1, 2013).'],
  ['7', 'Ophthalmology diagnostic reduction: the TC of the second and later procedures is reduced 20% (since January 1, 2013).'],
  ['9', NOT_APPLICABLE('Multiple-procedure payment adjustment')],
];

const BILATERAL: ValueTable = [
  ['0', '150% bilateral adjustment does not apply: with modifier 50 or RT and LT, both sides together are paid at most 100% of the single-code amount.'],
  ['1', '150% payment adjustment applies when billed bilaterally (modifier 50, RT and LT, or 2 units), before any multiple-procedure reduction.'],
  ['2', '150% bilateral adjustment does not apply: the RVUs already assume both sides, so both sides together are paid at most 100% of the single-code amount.'],
  ['3', 'Usual bilateral adjustment does not apply: each side is paid up to 100% of the fee schedule amount (mostly radiology and other diagnostic tests).'],
  ['9', NOT_APPLICABLE('The bilateral surgery concept')],
];

const ASSISTANT: ValueTable = [
  ['0', 'Assistant at surgery is paid only if documentation establishing medical necessity is submitted.'],
  ['1', 'Statutory restriction: an assistant at surgery may not be paid for this procedure.'],
  ['2', 'No assistant-at-surgery restriction: an assistant at surgery may be paid.'],
  ['9', NOT_APPLICABLE('The assistant-at-surgery concept')],
];

const CO_SURGEONS: ValueTable = [
  ['0', 'Co-surgeons (modifier 62) not permitted for this procedure.'],
  ['1', 'Co-surgeons (modifier 62) may be paid with documentation that two surgeons were medically necessary.'],
  ['2', 'Co-surgeons (modifier 62) permitted with no documentation when the two surgeons are of different specialties.'],
  ['9', NOT_APPLICABLE('The co-surgeon concept')],
];

const TEAM: ValueTable = [
  ['0', 'Team surgery (modifier 66) not permitted for this procedure.'],
  ['1', 'Team surgery (modifier 66) may be paid with documentation that a team was medically necessary; paid by report.'],
  ['2', 'Team surgery (modifier 66) permitted; paid by report.'],
  ['9', NOT_APPLICABLE('The team surgery concept')],
];

const SUPERVISION: ValueTable = [
  ['01', 'Must be performed under the general supervision of a physician.'],
  ['02', 'Must be performed under the direct supervision of a physician.'],
  ['03', 'Must be performed under the personal supervision of a physician (direct supervision suffices for imaging by a certified RRA or RPA).'],
  ['04', 'No supervision rule when furnished by a qualified independent or clinical psychologist; otherwise general physician supervision.'],
  ['05', 'No supervision rule when furnished by a qualified audiologist; otherwise general physician supervision.'],
  ['06', 'Must be performed by a physician or by an ABPTS-certified electrophysiological clinical specialist PT allowed by state law.'],
  ['21', 'A certified technician may perform it under general physician supervision; otherwise direct physician supervision is required.'],
  ['22', 'A technician may perform it with on-line real-time contact with a physician.'],
  ['66', 'May be performed by a physician or by a PT with ABPTS certification and certification in this procedure.'],
  ['6A', 'Level 66 rules apply; an ABPTS-certified PT may also supervise another PT, but only the certified PT may bill.'],
  ['77', 'Must be performed by an ABPTS-certified PT, an uncertified PT under direct physician supervision, or a certified technician under general physician supervision.'],
  ['7A', 'Level 77 rules apply; an ABPTS-certified PT may also supervise another PT, but only the certified PT may bill.'],
  ['09', NOT_APPLICABLE('The physician supervision concept')],
];

const IMAGING_FAMILY: ValueTable = [
  ['01', RETIRED_FAMILY('ultrasound (chest/abdomen/pelvis, non-obstetrical)')],
  ['02', RETIRED_FAMILY('CT and CTA (chest/thorax/abdomen/pelvis)')],
  ['03', RETIRED_FAMILY('CT and CTA (head/brain/orbit/maxillofacial/neck)')],
  ['04', RETIRED_FAMILY('MRI and MRA (chest/abdomen/pelvis)')],
  ['05', RETIRED_FAMILY('MRI and MRA (head/brain/neck)')],
  ['06', RETIRED_FAMILY('MRI and MRA (spine)')],
  ['07', RETIRED_FAMILY('CT (spine)')],
  ['08', RETIRED_FAMILY('MRI and MRA (lower extremities)')],
  ['09', RETIRED_FAMILY('CT and CTA (lower extremities)')],
  ['10', RETIRED_FAMILY('MR and MRI (upper extremities and joints)')],
  ['11', RETIRED_FAMILY('CT and CTA (upper extremities)')],
  ['88', 'Diagnostic imaging family: the TC and PC are reduced when billed with another family-88 code in the same session (multiple procedure indicator 4).'],
  ['99', NOT_APPLICABLE('The diagnostic imaging family concept')],
];

const NA_FLAG = (setting: string): ValueTable => [
  ['', `Not flagged NA: the code is not marked as rarely or never performed in the ${setting} setting.`],
  ['NA', `NA: rarely or never performed in the ${setting} setting.`],
];

const SPECS: Readonly<Record<IndicatorField, FieldSpec>> = {
  notUsedForMedicarePayment: {
    indicator: 'Not used for Medicare payment',
    source: 'PPRRVU column heading NOT USED FOR MEDICARE PAYMENT (not described in the RVU25D layout)',
    values: [
      ['', 'Not flagged: the file does not mark the RVUs on this row as unused for Medicare payment.'],
      ['+', 'Flagged "+": the RVUs on this row are not used for Medicare payment.'],
    ],
  },
  nonFacilityNaIndicator: { indicator: 'Non-facility NA', source: `${LAYOUT}, NON-FAC NA INDICATOR`, values: NA_FLAG('non-facility') },
  facilityNaIndicator: { indicator: 'Facility NA', source: `${LAYOUT}, FACILITY NA INDICATOR`, values: NA_FLAG('facility') },
  pctcIndicator: { indicator: 'PC/TC', source: `${LAYOUT}, Attachment A, PCTC IND`, values: PCTC },
  globalDays: { indicator: 'Global surgery days', source: `${LAYOUT}, GLOB DAYS`, values: GLOBAL_DAYS },
  multipleProcedureIndicator: { indicator: 'Multiple procedure (modifier 51)', source: `${LAYOUT}, MULT PROC`, values: MULTIPLE_PROCEDURE },
  bilateralIndicator: { indicator: 'Bilateral surgery', source: `${LAYOUT}, BILAT SURG`, values: BILATERAL },
  assistantIndicator: { indicator: 'Assistant at surgery', source: `${LAYOUT}, ASST SURG`, values: ASSISTANT },
  coSurgeonIndicator: { indicator: 'Co-surgeons', source: `${LAYOUT}, CO-SURG`, values: CO_SURGEONS },
  teamIndicator: { indicator: 'Team surgery', source: `${LAYOUT}, TEAM SURG`, values: TEAM },
  pricingIndicator: {
    indicator: 'Pricing indicator',
    source: 'PPRRVU 2026 column PRIC IND (not in the RVU25D layout)',
    values: [],
    undefinedText: `${NOT_DEFINED}, which predates the 2026 PRIC IND column`,
  },
  endoscopicBase: {
    indicator: 'Endoscopic base code',
    source: `${LAYOUT}, ENDO BASE`,
    values: [],
    undefinedText: 'not a five-character HCPCS code',
    decodeCode: (value) => {
      if (value === '') return 'Endoscopic base code: none.';
      return /^[0-9A-Z]{5}$/.test(value) ? `Endoscopic base code: ${value}.` : undefined;
    },
  },
  supervisionIndicator: { indicator: 'Physician supervision of diagnostic procedures', source: `${LAYOUT}, PHYSICIAN SUPERVISION OF DIAGNOSTIC PROCEDURES`, values: SUPERVISION },
  calculationFlag: {
    indicator: 'Calculation flag',
    source: `${LAYOUT}, CALCULATION FLAG`,
    values: [['0', 'CMS has set this flag to 0 for every code since July 1, 2014; the layout gives it no other meaning.']],
  },
  imagingFamilyIndicator: { indicator: 'Diagnostic imaging family', source: `${LAYOUT}, DIAGNOSTIC IMAGING FAMILY INDICATOR`, values: IMAGING_FAMILY },
};

/** PPRRVU column order, which is also the display order. */
const DISPLAY_ORDER: readonly IndicatorField[] = [
  'notUsedForMedicarePayment',
  'nonFacilityNaIndicator',
  'facilityNaIndicator',
  'pctcIndicator',
  'globalDays',
  'multipleProcedureIndicator',
  'bilateralIndicator',
  'assistantIndicator',
  'coSurgeonIndicator',
  'teamIndicator',
  'pricingIndicator',
  'endoscopicBase',
  'supervisionIndicator',
  'calculationFlag',
  'imagingFamilyIndicator',
];

const LOOKUP = new Map(DISPLAY_ORDER.map((field) => [field, new Map(SPECS[field].values)] as const));

export function decodeIndicator(field: IndicatorField, value: string): IndicatorMeaning {
  const spec = SPECS[field];
  const trimmed = value.trim();
  const meaning = LOOKUP.get(field)?.get(trimmed) ?? spec.decodeCode?.(trimmed);
  if (meaning !== undefined) {
    return { indicator: spec.indicator, value: trimmed, meaning, source: spec.source, known: true };
  }
  const shown = trimmed === '' ? 'a blank value' : `"${trimmed}"`;
  return {
    indicator: spec.indicator,
    value: trimmed,
    meaning: `${spec.indicator}: ${shown} is ${spec.undefinedText ?? NOT_DEFINED}.`,
    source: spec.source,
    known: false,
  };
}

/** Every value the layout defines for a field (for tests and for documentation pages). */
export function definedValues(field: IndicatorField): readonly string[] {
  return SPECS[field].values.map(([value]) => value);
}

/**
 * Decodes all indicators of a row at once, in a stable display order; skips none. A null value is
 * an empty column (decoded as blank); a field missing from the row is reported as not supplied.
 */
export function decodeRowIndicators(row: Partial<Record<IndicatorField, string | null>>): IndicatorMeaning[] {
  return DISPLAY_ORDER.map((field) => {
    const value = row[field];
    if (value === undefined) {
      const { indicator, source } = SPECS[field];
      return { indicator, value: '', meaning: `${indicator}: not supplied for this row.`, source, known: false };
    }
    return decodeIndicator(field, value ?? '');
  });
}
