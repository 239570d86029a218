import { IndicatorField, decodeIndicator, decodeRowIndicators, definedValues } from './rvu-indicators';

type Case = [field: IndicatorField, value: string, meaning: RegExp];

const DEFINED: Case[] = [
  ['notUsedForMedicarePayment', '', /^Not flagged/],
  ['notUsedForMedicarePayment', '+', /not used for Medicare payment/],
  ['nonFacilityNaIndicator', '', /not marked as rarely or never performed in the non-facility setting/],
  ['nonFacilityNaIndicator', 'NA', /^NA: rarely or never performed in the non-facility setting/],
  ['facilityNaIndicator', '', /not marked as rarely or never performed in the facility setting/],
  ['facilityNaIndicator', 'NA', /^NA: rarely or never performed in the facility setting/],

  ['pctcIndicator', '0', /Physician service.*26 and TC cannot be used/],
  ['pctcIndicator', '1', /professional and technical components.*modifier 26.*modifier TC/],
  ['pctcIndicator', '2', /Professional-component-only.*93010/],
  ['pctcIndicator', '3', /Technical-component-only.*93005/],
  ['pctcIndicator', '4', /Global-test-only/],
  ['pctcIndicator', '5', /Incident-to.*hospital inpatients or outpatients/],
  ['pctcIndicator', '6', /Laboratory physician interpretation.*lab fee schedule.*TC cannot/],
  ['pctcIndicator', '7', /Physical therapy.*not payable/],
  ['pctcIndicator', '8', /85060.*hospital inpatient/],
  ['pctcIndicator', '9', /professional\/technical component concept does not apply/],

  ['globalDays', '000', /^0-day global.*day of the procedure/],
  ['globalDays', '010', /^10-day global.*10 days after/],
  ['globalDays', '090', /^90-day global.*day before.*90 days after/],
  ['globalDays', 'MMM', /Maternity.*does not apply/],
  ['globalDays', 'XXX', /global surgery concept does not apply/],
  ['globalDays', 'YYY', /MAC decides/],
  ['globalDays', 'ZZZ', /always included in the global period of that service/],

  ['multipleProcedureIndicator', '0', /No multiple-procedure reduction/],
  ['multipleProcedureIndicator', '1', /Pre-1995.*100%, 50%, 25%, 25%, 25%/],
  ['multipleProcedureIndicator', '2', /highest 100%, the next four 50% each, more than five by report/],
  ['multipleProcedureIndicator', '3', /endoscop.*base code is not paid separately/],
  ['multipleProcedureIndicator', '4', /imaging.*each other TC 50% and each other PC reduced 5%/],
  ['multipleProcedureIndicator', '5', /50% of the practice expense.*therapy/],
  ['multipleProcedureIndicator', '6', /Cardiovascular.*reduced 25%/],
  ['multipleProcedureIndicator', '7', /Ophthalmology.*reduced 20%/],
  ['multipleProcedureIndicator', '9', /Multiple-procedure payment adjustment does not apply/],

  ['bilateralIndicator', '0', /^150% bilateral adjustment does not apply.*at most 100%/],
  ['bilateralIndicator', '1', /^150% payment adjustment applies when billed bilaterally \(modifier 50, RT and LT/],
  ['bilateralIndicator', '2', /RVUs already assume both sides.*at most 100%/],
  ['bilateralIndicator', '3', /each side is paid up to 100%/],
  ['bilateralIndicator', '9', /bilateral surgery concept does not apply/],

  ['assistantIndicator', '0', /only if documentation.*medical necessity/],
  ['assistantIndicator', '1', /^Statutory restriction.*may not be paid/],
  ['assistantIndicator', '2', /may be paid/],
  ['assistantIndicator', '9', /assistant-at-surgery concept does not apply/],

  ['coSurgeonIndicator', '0', /^Co-surgeons \(modifier 62\) not permitted/],
  ['coSurgeonIndicator', '1', /may be paid with documentation/],
  ['coSurgeonIndicator', '2', /permitted with no documentation.*different specialties/],
  ['coSurgeonIndicator', '9', /co-surgeon concept does not apply/],

  ['teamIndicator', '0', /^Team surgery \(modifier 66\) not permitted/],
  ['teamIndicator', '1', /documentation.*paid by report/],
  ['teamIndicator', '2', /^Team surgery \(modifier 66\) permitted; paid by report/],
  ['teamIndicator', '9', /team surgery concept does not apply/],

  ['supervisionIndicator', '01', /general supervision of a physician/],
  ['supervisionIndicator', '02', /direct supervision of a physician/],
  ['supervisionIndicator', '03', /personal supervision of a physician.*RRA or RPA/],
  ['supervisionIndicator', '04', /psychologist; otherwise general physician supervision/],
  ['supervisionIndicator', '05', /audiologist; otherwise general physician supervision/],
  ['supervisionIndicator', '06', /ABPTS-certified electrophysiological/],
  ['supervisionIndicator', '21', /certified technician.*general.*otherwise direct/],
  ['supervisionIndicator', '22', /on-line real-time contact/],
  ['supervisionIndicator', '66', /physician or by a PT with ABPTS certification/],
  ['supervisionIndicator', '6A', /^Level 66 rules apply.*only the certified PT may bill/],
  ['supervisionIndicator', '77', /ABPTS-certified PT, an uncertified PT under direct/],
  ['supervisionIndicator', '7A', /^Level 77 rules apply.*only the certified PT may bill/],
  ['supervisionIndicator', '09', /physician supervision concept does not apply/],

  ['imagingFamilyIndicator', '01', /^Former imaging family: ultrasound/],
  ['imagingFamilyIndicator', '02', /^Former imaging family: CT and CTA \(chest/],
  ['imagingFamilyIndicator', '03', /^Former imaging family: CT and CTA \(head/],
  ['imagingFamilyIndicator', '04', /^Former imaging family: MRI and MRA \(chest/],
  ['imagingFamilyIndicator', '05', /^Former imaging family: MRI and MRA \(head/],
  ['imagingFamilyIndicator', '06', /^Former imaging family: MRI and MRA \(spine\)/],
  ['imagingFamilyIndicator', '07', /^Former imaging family: CT \(spine\)/],
  ['imagingFamilyIndicator', '08', /^Former imaging family: MRI and MRA \(lower/],
  ['imagingFamilyIndicator', '09', /^Former imaging family: CT and CTA \(lower.*January 1, 2011/],
  ['imagingFamilyIndicator', '10', /^Former imaging family: MR and MRI \(upper/],
  ['imagingFamilyIndicator', '11', /^Former imaging family: CT and CTA \(upper/],
  ['imagingFamilyIndicator', '88', /TC and PC are reduced.*same session.*indicator 4/],
  ['imagingFamilyIndicator', '99', /diagnostic imaging family concept does not apply/],

  ['calculationFlag', '0', /0 for every code since July 1, 2014/],
];

const UNDEFINED: [IndicatorField, string][] = [
  ['notUsedForMedicarePayment', '*'],
  ['nonFacilityNaIndicator', 'N'],
  ['facilityNaIndicator', 'YES'],
  ['pctcIndicator', 'A'],
  ['pctcIndicator', ''],
  ['globalDays', '020'],
  ['multipleProcedureIndicator', '8'],
  ['bilateralIndicator', '4'],
  ['assistantIndicator', '3'],
  ['coSurgeonIndicator', '3'],
  ['teamIndicator', '3'],
  ['supervisionIndicator', '07'],
  ['supervisionIndicator', '6a'],
  ['imagingFamilyIndicator', '12'],
  ['calculationFlag', '1'],
  ['pricingIndicator', '9'],
  ['pricingIndicator', ''],
];

const ALL_FIELDS: IndicatorField[] = [
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

describe('decodeIndicator: every value the CMS layout defines', () => {
  it.each(DEFINED)('%s %p', (field, value, meaning) => {
    const decoded = decodeIndicator(field, value);
    expect(decoded).toMatchObject({ value, known: true });
    expect(decoded.meaning).toMatch(meaning);
    expect(decoded.meaning).not.toMatch(/not defined/);
    expect(decoded.source).toMatch(/RVU25D/);
  });

  it('words bilateral indicator 1 exactly and cites BILAT SURG', () => {
    expect(decodeIndicator('bilateralIndicator', '1')).toEqual({
      indicator: 'Bilateral surgery',
      value: '1',
      meaning: '150% payment adjustment applies when billed bilaterally (modifier 50, RT and LT, or 2 units), before any multiple-procedure reduction.',
      source: 'CMS RVU file layout (RVU25D), BILAT SURG',
      known: true,
    });
  });

  it('cites Attachment A for PC/TC and the file heading for the not-used-for-payment flag', () => {
    expect(decodeIndicator('pctcIndicator', '1').source).toBe('CMS RVU file layout (RVU25D), Attachment A, PCTC IND');
    expect(decodeIndicator('notUsedForMedicarePayment', '+').source).toMatch(/^PPRRVU column heading NOT USED FOR MEDICARE PAYMENT/);
  });

  it('trims padding from fixed-width values', () => {
    expect(decodeIndicator('globalDays', ' 090 ')).toMatchObject({ value: '090', known: true, meaning: expect.stringMatching(/90 days/) });
  });
});

describe('decodeIndicator: values the layout does not define', () => {
  it.each(UNDEFINED)('%s %p is reported as not defined', (field, value) => {
    const decoded = decodeIndicator(field, value);
    expect(decoded.known).toBe(false);
    expect(decoded.meaning).toMatch(/is not defined in the CMS layout \(RVU25D\)/);
    expect(decoded.meaning.startsWith(`${decoded.indicator}: `)).toBe(true);
  });

  it('says PRIC IND 9 is undefined rather than guessing a meaning', () => {
    expect(decodeIndicator('pricingIndicator', '9')).toEqual({
      indicator: 'Pricing indicator',
      value: '9',
      meaning: 'Pricing indicator: "9" is not defined in the CMS layout (RVU25D), which predates the 2026 PRIC IND column.',
      source: 'PPRRVU 2026 column PRIC IND (not in the RVU25D layout)',
      known: false,
    });
  });

  it('names a blank value as blank', () => {
    expect(decodeIndicator('pctcIndicator', '').meaning).toBe('PC/TC: a blank value is not defined in the CMS layout (RVU25D).');
  });
});

describe('decodeIndicator: endoscopic base code (a code, not an indicator)', () => {
  it.each([
    ['43235', 'Endoscopic base code: 43235.', true],
    ['0652T', 'Endoscopic base code: 0652T.', true],
    ['', 'Endoscopic base code: none.', true],
    ['4323', 'Endoscopic base code: "4323" is not a five-character HCPCS code.', false],
  ])('%p', (value, meaning, known) => {
    expect(decodeIndicator('endoscopicBase', value)).toMatchObject({ value, meaning, known, source: 'CMS RVU file layout (RVU25D), ENDO BASE' });
  });
});

describe('definedValues', () => {
  it.each(ALL_FIELDS)('%s lists exactly the values tested above, in layout order', (field) => {
    const tested = DEFINED.filter(([f]) => f === field).map(([, value]) => value);
    expect(definedValues(field)).toEqual(tested);
  });

  it('has no enumerated values for PRIC IND (undefined in the layout) or the endoscopic base code (free-form)', () => {
    expect(definedValues('pricingIndicator')).toEqual([]);
    expect(definedValues('endoscopicBase')).toEqual([]);
  });

  it('covers every supervision level in the layout, including ones absent from the 2025/2026 data', () => {
    expect(definedValues('supervisionIndicator')).toEqual(['01', '02', '03', '04', '05', '06', '21', '22', '66', '6A', '77', '7A', '09']);
  });
});

describe('decodeRowIndicators', () => {
  const row70390Global2026 = {
    notUsedForMedicarePayment: '',
    nonFacilityNaIndicator: '',
    facilityNaIndicator: 'NA',
    pctcIndicator: '1',
    globalDays: 'XXX',
    multipleProcedureIndicator: '0',
    bilateralIndicator: '0',
    assistantIndicator: '0',
    coSurgeonIndicator: '0',
    teamIndicator: '0',
    pricingIndicator: '9',
    endoscopicBase: '',
    supervisionIndicator: '09',
    calculationFlag: '0',
    imagingFamilyIndicator: '99',
  };

  it('decodes the real 70390 row (RVU26C) in PPRRVU column order', () => {
    const decoded = decodeRowIndicators(row70390Global2026);
    expect(decoded.map((d) => [d.indicator, d.value, d.known])).toEqual([
      ['Not used for Medicare payment', '', true],
      ['Non-facility NA', '', true],
      ['Facility NA', 'NA', true],
      ['PC/TC', '1', true],
      ['Global surgery days', 'XXX', true],
      ['Multiple procedure (modifier 51)', '0', true],
      ['Bilateral surgery', '0', true],
      ['Assistant at surgery', '0', true],
      ['Co-surgeons', '0', true],
      ['Team surgery', '0', true],
      ['Pricing indicator', '9', false],
      ['Endoscopic base code', '', true],
      ['Physician supervision of diagnostic procedures', '09', true],
      ['Calculation flag', '0', true],
      ['Diagnostic imaging family', '99', true],
    ]);
    expect(decoded.map((d) => d.meaning)).toEqual([
      expect.stringMatching(/^Not flagged/),
      expect.stringMatching(/^Not flagged NA/),
      expect.stringMatching(/^NA: rarely or never performed in the facility setting/),
      expect.stringMatching(/modifier 26.*modifier TC/),
      expect.stringMatching(/global surgery concept does not apply/),
      expect.stringMatching(/^No multiple-procedure reduction/),
      expect.stringMatching(/^150% bilateral adjustment does not apply/),
      expect.stringMatching(/only if documentation/),
      expect.stringMatching(/not permitted/),
      expect.stringMatching(/not permitted/),
      expect.stringMatching(/not defined in the CMS layout/),
      'Endoscopic base code: none.',
      expect.stringMatching(/supervision concept does not apply/),
      expect.stringMatching(/since July 1, 2014/),
      expect.stringMatching(/imaging family concept does not apply/),
    ]);
  });

  it('skips none: a field missing from the row is reported as not supplied, null as an empty column', () => {
    const row2025: Partial<Record<IndicatorField, string | null>> = { ...row70390Global2026, endoscopicBase: null };
    delete row2025.pricingIndicator;
    const decoded = decodeRowIndicators(row2025);
    expect(decoded).toHaveLength(15);
    expect(decoded[10]).toMatchObject({ indicator: 'Pricing indicator', value: '', known: false, meaning: 'Pricing indicator: not supplied for this row.' });
    expect(decoded[11]).toMatchObject({ value: '', meaning: 'Endoscopic base code: none.', known: true });
  });

  it('returns all fields, each not supplied, for an empty row', () => {
    expect(decodeRowIndicators({}).map((d) => d.known)).toEqual(Array(15).fill(false));
  });
});
