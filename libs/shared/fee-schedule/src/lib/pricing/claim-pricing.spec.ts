import { priceClaim } from './claim-pricing';
import type { ClaimFinding } from './claim-finding';
import type { ClaimLineInput, ClaimPricingInput, PricedClaim, PricingRvuRow } from './pricing-types';
import { claimOn, shippedRvus } from './shipped-data.testing';

/**
 * One scenario per rule and indicator value, on the shipped RVU25D rows (national GPCIs 1.000,
 * CF 32.3465, non-facility unless said). Every expected figure is worked by hand in the comment,
 * citing the rule (CMS RVU file layout RVU25D, or the named manual/regulation).
 */
const line = (code: string, modifiers: string[] = [], units = 1, extra: Partial<ClaimLineInput> = {}): ClaimLineInput => ({ code, modifiers, units, ...extra });
const price = (lines: ClaimLineInput[], overrides: Partial<ClaimPricingInput> = {}): PricedClaim => priceClaim(claimOn(2025, { lines, ...overrides }));
const amounts = (claim: PricedClaim) => claim.lines.map((l) => l.amount);
const kinds = (claim: PricedClaim) => claim.findings.map((f: ClaimFinding) => `${f.severity} ${f.kind}`);
const FACILITY = { setting: 'FACILITY' as const, settingBasis: 'Place of service 22 (On campus-outpatient hospital): facility rate' };

describe('golden values (CMS published national amounts)', () => {
  it.each([
    // 70390: (0.38 + 2.98 + 0.03) = 3.39 RVUs x 32.3465 = 109.654635 -> $109.65
    [2025, [], '109.65'],
    // 70390-26: (0.38 + 0.14 + 0.02) = 0.54 x 32.3465 = 17.46711 -> $17.47
    [2025, ['26'], '17.47'],
    // 70390-TC: (0.00 + 2.84 + 0.01) = 2.85 x 32.3465 = 92.187525 -> $92.19
    [2025, ['TC'], '92.19'],
    // RVU26C: 3.31 RVUs x 33.4009 = 110.556979 -> $110.56
    [2026, [], '110.56'],
  ] as const)('70390 %s %j non-facility is $%s', (year, modifiers, expected) => {
    const claim = priceClaim(claimOn(year, { lines: [line('70390', [...modifiers])] }));
    expect(claim.lines[0]).toMatchObject({ pricing: 'FEE_SCHEDULE', amount: expected, rvuRowModifier: modifiers[0] ?? '' });
    expect(claim.total).toBe(expected);
  });

  it('shows the math: each step names its rule, inputs and source field', () => {
    const [l] = price([line('70390')]).lines;
    expect(l.steps.map((s) => s.rule)).toEqual([
      'Setting',
      'Work RVU x work GPCI',
      'Practice expense RVU x practice expense GPCI',
      'Malpractice RVU x malpractice GPCI',
      'Geographically adjusted RVUs',
      'x conversion factor',
      'Rounded to cents',
    ]);
    expect(l.steps[1]).toEqual({ rule: 'Work RVU x work GPCI', formula: '0.38 x 1.000', result: '0.38', source: 'CMS MPFS RVU25D, PPRRVU2025_Oct.csv (WORK RVU); National (all GPCIs 1.000)' });
    expect(l.steps[5]).toMatchObject({ formula: '3.39 x 32.3465', result: '109.654635' });
  });
});

describe('setting and locality', () => {
  it('takes facility PE RVUs in a facility setting', () => {
    // 99213 facility: (1.30 + 0.57 + 0.10) = 1.97 x 32.3465 = 63.722605 -> $63.72
    expect(amounts(price([line('99213')], FACILITY))).toEqual(['63.72']);
  });

  it('applies the locality GPCIs', () => {
    // Alabama 10112-00 (GPCI2025): 1.30 x 1.000 + 1.35 x 0.869 + 0.10 x 0.575 = 2.53065 x 32.3465 = 81.857670225 -> $81.86
    const gpci = { label: 'GPCI2025.csv, locality 10112-00', work: '1', practiceExpense: '0.869', malpractice: '0.575' };
    expect(amounts(price([line('99213')], { gpci }))).toEqual(['81.86']);
  });

  it('says NA instead of pricing a setting CMS gives no RVUs for', () => {
    const claim = price([line('70390')], FACILITY);
    expect(claim.lines[0]).toMatchObject({ pricing: 'CONTRACTOR_PRICED', amount: null, reason: expect.stringMatching(/^NA: CMS sets no facility amount/) });
  });
});

describe('status codes (Attachment A): never $0.00', () => {
  it.each([
    ['99070', 'B', 'NOT_PAYABLE', '97'],
    ['J1100', 'E', 'NOT_PAYABLE', '96'],
    ['36415', 'X', 'NOT_PAYABLE', '96'],
    ['00100', 'J', 'NOT_PAYABLE', null],
  ])('%s (status %s) is %s', (code, status, pricing, carc) => {
    const claim = price([line(code)]);
    expect(claim.lines[0]).toMatchObject({ pricing, amount: null, reason: expect.stringContaining(`Status ${status}`) });
    expect(claim.findings[0]).toMatchObject({ kind: 'NOT_SEPARATELY_PAYABLE', carc });
    expect(claim.total).toBe('0.00');
  });

  it('status C is contractor priced', () => {
    expect(price([line('0633T')]).lines[0]).toMatchObject({ pricing: 'CONTRACTOR_PRICED', amount: null, reason: expect.stringContaining('Status C') });
  });

  it('status R with no published RVUs is left to the MAC', () => {
    expect(price([line('0275T')], FACILITY).lines[0]).toMatchObject({ pricing: 'CONTRACTOR_PRICED', amount: null, reason: expect.stringContaining('no facility RVUs') });
  });

  it('status T is paid alone and bundled when another service is paid', () => {
    // 36598 alone: (0.74 + 2.68 + 0.06) = 3.48 x 32.3465 = 112.56582 -> $112.57
    expect(amounts(price([line('36598')]))).toEqual(['112.57']);
    const withVisit = price([line('36598'), line('99213')]);
    expect(withVisit.lines[0]).toMatchObject({ pricing: 'NOT_PAYABLE', amount: null });
    expect(withVisit.findings).toContainEqual(expect.objectContaining({ kind: 'NOT_SEPARATELY_PAYABLE', lines: [1], carc: '97' }));
  });
});

describe('PC/TC indicator with modifiers 26 and TC', () => {
  it.each([
    ['99213', '26', '0'],
    ['32701', '26', '2'],
    ['20697', 'TC', '3'],
  ])('%s-%s (PC/TC %s) is a finding, not a silent ignore', (code, modifier, indicator) => {
    const claim = price([line(code, [modifier])]);
    expect(claim.lines[0]).toMatchObject({ pricing: 'NOT_PAYABLE', amount: null });
    expect(claim.findings).toEqual([expect.objectContaining({ kind: 'MODIFIER_NOT_ALLOWED', severity: 'ERROR', carc: '4', message: expect.stringContaining(`PC/TC indicator ${indicator}`) })]);
  });

  it('26 and TC together contradict each other', () => {
    expect(kinds(price([line('70390', ['26', 'TC'])]))).toEqual(['ERROR MODIFIER_CONFLICT']);
  });
});

describe('bilateral indicator (modifier 50, RT+LT, 2 units), applied before multiple procedures', () => {
  // 20610 one side: (0.79 + 1.04 + 0.13) = 1.96 x 32.3465 = 63.39914
  it('indicator 1: 150% -> 63.39914 x 1.5 = 95.09871 -> $95.10 (50, RT+LT on one line, or 2 units)', () => {
    expect(amounts(price([line('20610', ['50'])]))).toEqual(['95.10']);
    expect(amounts(price([line('20610', ['RT', 'LT'])]))).toEqual(['95.10']);
    const twoUnits = price([line('20610', [], 2)]);
    expect(amounts(twoUnits)).toEqual(['95.10']);
    expect(kinds(twoUnits)).toEqual(['WARNING BILATERAL_UNITS']);
  });

  it('indicator 1 on two lines (RT and LT): 75% each = 47.549355 -> $47.55 + $47.55', () => {
    const claim = price([line('20610', ['RT']), line('20610', ['LT'])]);
    expect(amounts(claim)).toEqual(['47.55', '47.55']);
    expect(claim.findings).toContainEqual(expect.objectContaining({ kind: 'BILATERAL_UNITS', severity: 'INFO', lines: [1, 2] }));
  });

  it('modifier 50 with more than one unit is an error, priced as one bilateral unit', () => {
    const claim = price([line('20610', ['50'], 2)]);
    expect(amounts(claim)).toEqual(['95.10']);
    expect(claim.findings).toEqual([expect.objectContaining({ kind: 'BILATERAL_UNITS', severity: 'ERROR', carc: '151' })]);
  });

  it('indicator 0: 150% does not apply, 100% for both sides: 43235 (2.09 + 6.18 + 0.27) = 8.54 x 32.3465 = 276.23911 -> $276.24', () => {
    expect(amounts(price([line('43235', ['50'])]))).toEqual(['276.24']);
  });

  it('indicator 2: RVUs already bilateral, 100%: 69210 (0.61 + 0.76 + 0.07) = 1.44 x 32.3465 = 46.57896 -> $46.58', () => {
    expect(amounts(price([line('69210', ['50'])]))).toEqual(['46.58']);
  });

  it('indicator 3: 100% each side: 73030 (0.18 + 0.84 + 0.02) = 1.04 x 32.3465 x 2 = 67.28072 -> $67.28', () => {
    expect(amounts(price([line('73030', ['50'])]))).toEqual(['67.28']);
  });

  it('indicator 9: modifier 50 is not allowed', () => {
    const claim = price([line('10030', ['50'])]);
    expect(claim.lines[0].pricing).toBe('NOT_PAYABLE');
    expect(kinds(claim)).toEqual(['ERROR MODIFIER_NOT_ALLOWED']);
  });

  it('applies the bilateral adjustment before ranking: 20610-50 ($95.10) still ranks below 11042 ($125.18)', () => {
    // 11042 (1.01 + 2.73 + 0.13) = 3.87 x 32.3465 = 125.180955 > 95.09871, so 11042 first (100%),
    // 20610-50 second: 95.09871 x 50% = 47.549355 -> $47.55 (layout: bilateral before multiple procedure).
    expect(amounts(price([line('20610', ['50']), line('11042')]))).toEqual(['47.55', '125.18']);
  });
});

describe('multiple procedures (indicator per code)', () => {
  it('indicator 2: highest 100%, others 50%: 11042 $125.18, 20610 63.39914 x 0.5 = 31.69957 -> $31.70', () => {
    const claim = price([line('20610'), line('11042')]);
    expect(amounts(claim)).toEqual(['31.70', '125.18']);
    expect(claim.total).toBe('156.88');
    expect(claim.findings).toContainEqual(expect.objectContaining({ kind: 'MULTIPLE_PROCEDURE', carc: '59', lines: [1, 2] }));
  });

  it('indicator 1 (pre-1995): 100/50/25', () => {
    const rowsByCode = new Map(shippedRvus(2025).byCode);
    const synthetic = (work: string): PricingRvuRow => ({ ...(rowsByCode.get('11042') as PricingRvuRow[])[0], workRvu: work, nonFacilityPeRvu: '0.00', mpRvu: '0.00', multipleProcedureIndicator: '1' });
    rowsByCode.set('X0001', [synthetic('1.00')]);
    rowsByCode.set('X0002', [synthetic('2.00')]);
    rowsByCode.set('X0003', [synthetic('3.00')]);
    // 3.00 x 32.3465 = 97.0395 (100%) -> $97.04; 2.00 x 32.3465 x 50% = 32.3465 -> $32.35;
    // 1.00 x 32.3465 x 25% = 8.086625 -> $8.09
    expect(amounts(price([line('X0001'), line('X0002'), line('X0003')], { rowsByCode }))).toEqual(['8.09', '32.35', '97.04']);
  });

  it('indicator 0: no reduction (99213 and 70390 both in full)', () => {
    // 99213: 2.75 x 32.3465 = 88.952875 -> $88.95; 70390 $109.65
    expect(amounts(price([line('99213'), line('70390')]))).toEqual(['88.95', '109.65']);
  });

  it('indicator 9: the concept does not apply, nothing is reduced', () => {
    // Facility: 77427 (3.37 + 2.17 + 0.27) = 5.81 x 32.3465 = 187.933165 -> $187.93;
    // 92961 (4.34 + 1.87 + 0.95) = 7.16 x 32.3465 = 231.60094 -> $231.60
    const claim = price([line('77427'), line('92961')], FACILITY);
    expect(amounts(claim)).toEqual(['187.93', '231.60']);
    expect(claim.findings.filter((f) => f.kind === 'MULTIPLE_PROCEDURE')).toEqual([]);
  });

  it('more than five procedures: the sixth and later are by report (said so)', () => {
    const claim = price(['11042', '20610', '43235', '64483', '69210', '11451'].map((c) => line(c)));
    expect(claim.findings).toContainEqual(expect.objectContaining({ kind: 'CONTRACTOR_PRICED', message: expect.stringMatching(/More than five/) }));
  });

  describe('indicator 3: endoscopy families (ENDO BASE)', () => {
    // 43239 (2.39 + 8.36 + 0.29) = 11.04 x 32.3465 = 357.10536; 43248 12.15 x 32.3465 = 393.009975;
    // base 43235 8.54 x 32.3465 = 276.23911.
    it('highest in full, the other minus the base: 43248 $393.01, 43239 357.10536 - 276.23911 = 80.86625 -> $80.87', () => {
      expect(amounts(price([line('43239'), line('43248')]))).toEqual(['80.87', '393.01']);
    });

    it('the base code billed with a family member is not paid', () => {
      const claim = price([line('43239'), line('43235')]);
      expect(claim.lines[1]).toMatchObject({ pricing: 'NOT_PAYABLE', amount: null, reason: expect.stringContaining('base endoscopy') });
      expect(amounts(claim)[0]).toBe('357.11');
    });

    it('the family ranks as one procedure with others: family 473.88 first, 11042 125.180955 x 50% -> $62.59', () => {
      expect(amounts(price([line('43239'), line('43248'), line('11042')]))).toEqual(['80.87', '393.01', '62.59']);
    });
  });

  it('indicator 4: imaging TC 50% and PC 5% for the subsequent service', () => {
    // 74177 $297.26 (highest TC and PC) in full. 70450 global 105.126125 = PC 38.8158 (26 row 1.20 RVUs)
    // + TC 66.310325; minus 66.310325 x 50% = 71.9709625; minus 38.8158 x 5% = 70.0301725 -> $70.03
    expect(amounts(price([line('74177'), line('70450')]))).toEqual(['297.26', '70.03']);
  });

  it('indicator 6: cardiovascular TC 25% for the subsequent service', () => {
    // 93306 x2: 5.81 x 32.3465 = 187.933165 each; second TC (3.79 x 32.3465 = 122.593235) - 25%:
    // 187.933165 x 2 - 30.64830875 = 345.21802125 -> $345.22
    expect(amounts(price([line('93306', [], 2)]))).toEqual(['345.22']);
  });

  it('indicator 7: ophthalmology TC 20% for the subsequent service', () => {
    // 92250 (TC 0.49 RVU = 15.849785) outranks 92134 (TC 0.44 = 14.23246): 92134 31.376105 - 2.846492
    // = 28.529613 -> $28.53; 92250 1.10 x 32.3465 = 35.58115 -> $35.58
    expect(amounts(price([line('92134'), line('92250')]))).toEqual(['28.53', '35.58']);
  });

  it('indicator 5: therapy PE 50% after the highest-PE unit', () => {
    // 97110 unit 0.89 x 32.3465 = 28.788385, PE 0.43 x 32.3465 = 13.908995; 3 units:
    // 86.365155 - 2 x 6.9544975 = 72.45616 -> $72.46
    expect(amounts(price([line('97110', [], 3)]))).toEqual(['72.46']);
    // with 97140 (0.84 x 32.3465 = 27.17106, PE 12.9386): 27.17106 - 6.4693 = 20.70176 -> $20.70
    expect(amounts(price([line('97110'), line('97140')]))).toEqual(['28.79', '20.70']);
  });
});

describe('surgical team and assistants (27447, facility: 38.88 x 32.3465 = 1257.63192)', () => {
  it('62 co-surgeon: 62.5% = 786.01995 -> $786.02, with documentation required (CO SURG 1)', () => {
    const claim = price([line('27447', ['62'])], FACILITY);
    expect(amounts(claim)).toEqual(['786.02']);
    expect(kinds(claim)).toEqual(['WARNING DOCUMENTATION_REQUIRED']);
  });

  it('62 with CO SURG 2 needs no documentation: 15756 68.46 x 32.3465 x 62.5% -> $1,384.03', () => {
    const claim = price([line('15756', ['62'])], FACILITY);
    expect(amounts(claim)).toEqual(['1384.03']);
    expect(claim.findings).toEqual([]);
  });

  it('62 with CO SURG 0 is not payable (CARC 54)', () => {
    expect(price([line('11042', ['62'])]).findings[0]).toMatchObject({ kind: 'MODIFIER_NOT_ALLOWED', carc: '54' });
  });

  it.each(['80', '81', '82'])('%s assistant at surgery: 16% = 201.2211072 -> $201.22 (ASST SURG 2)', (modifier) => {
    expect(amounts(price([line('27447', [modifier])], FACILITY))).toEqual(['201.22']);
  });

  it('AS (PA/NP/CNS assisting): 13.6% = 171.03794112 -> $171.04', () => {
    expect(amounts(price([line('27447', ['AS'])], FACILITY))).toEqual(['171.04']);
  });

  it('ASST SURG 1: an assistant is never paid (CARC 54)', () => {
    const claim = price([line('20610', ['80'])]);
    expect(claim.lines[0].pricing).toBe('NOT_PAYABLE');
    expect(claim.findings[0]).toMatchObject({ kind: 'NOT_SEPARATELY_PAYABLE', carc: '54' });
  });

  it('ASST SURG 0: paid with documentation: 11451 (4.43 + 4.76 + 0.95) x 32.3465 x 16% -> $52.48', () => {
    const claim = price([line('11451', ['80'])], FACILITY);
    expect(amounts(claim)).toEqual(['52.48']);
    expect(kinds(claim)).toEqual(['WARNING DOCUMENTATION_REQUIRED']);
  });

  it('ASST SURG 9: 80 is not allowed', () => {
    expect(kinds(price([line('74177', ['80'])]))).toEqual(['ERROR MODIFIER_NOT_ALLOWED']);
  });

  it('66 team surgery is paid by report (TEAM SURG 2), and refused with TEAM SURG 0', () => {
    expect(price([line('22818', ['66'])], FACILITY).lines[0]).toMatchObject({ pricing: 'CONTRACTOR_PRICED', amount: null });
    expect(price([line('27447', ['66'])], FACILITY).lines[0]).toMatchObject({ pricing: 'NOT_PAYABLE' });
  });

  it('two role modifiers on one line conflict', () => {
    expect(kinds(price([line('27447', ['62', '80'])], FACILITY))).toEqual(['ERROR MODIFIER_CONFLICT']);
  });
});

describe('provider type and participation', () => {
  it('NP/PA/CNS under their own number: 85%: 99213 88.952875 x 0.85 = 75.60994375 -> $75.61', () => {
    expect(amounts(price([line('99213')], { nonPhysicianPractitioner: true }))).toEqual(['75.61']);
  });

  it('non-participating: 95% = 84.50523125 -> $84.51; limiting charge x 1.15 = 97.1810159375 -> $97.18', () => {
    const [l] = price([line('99213')], { participating: false }).lines;
    expect(l).toMatchObject({ amount: '84.51', limitingCharge: '97.18' });
  });
});

describe('reduced, discontinued, split and repeated services', () => {
  it('52 is priced by the MAC (no invented percentage)', () => {
    expect(price([line('70390', ['52'])]).lines[0]).toMatchObject({ pricing: 'CONTRACTOR_PRICED', amount: null });
  });

  it('53 uses the 53 row where CMS publishes one: 45378-53 (1.63 + 3.22 + 0.22) = 5.07 x 32.3465 = 163.996755 -> $164.00', () => {
    expect(price([line('45378', ['53'])]).lines[0]).toMatchObject({ amount: '164.00', rvuRowModifier: '53' });
  });

  it('53 on any other code is priced by the MAC', () => {
    expect(price([line('43239', ['53'])]).lines[0]).toMatchObject({ pricing: 'CONTRACTOR_PRICED', amount: null });
  });

  it.each([
    // 54: (pre 0.10 + intra 0.69) = 0.79 x 1257.63192 = 993.5292168 -> $993.53
    [['54'], null, '993.53'],
    // 56: pre 0.10 x 1257.63192 = 125.763192 -> $125.76
    [['56'], null, '125.76'],
    // 55: post 0.21 x 1257.63192 = 264.1027032 -> $264.10
    [['55'], null, '264.10'],
    // 55 with 45 of 90 days: 0.21 x 45/90 = 0.105 x 1257.63192 = 132.0513516 -> $132.05
    [['55'], 45, '132.05'],
    // 78: intra 0.69 x 1257.63192 = 867.7660248 -> $867.77
    [['78'], null, '867.77'],
    // 76, 77, 58, 79: paid in full -> $1,257.63
    [['76'], null, '1257.63'],
    [['77'], null, '1257.63'],
    [['58'], null, '1257.63'],
    [['79'], null, '1257.63'],
  ] as const)('27447 %j (post-op days %s) -> $%s', (modifiers, days, expected) => {
    expect(amounts(price([line('27447', [...modifiers], 1, { postOperativeDays: days })], FACILITY))).toEqual([expected]);
  });

  it('a global split on a code with no global package is not allowed', () => {
    expect(kinds(price([line('99213', ['54'])]))).toEqual(['ERROR MODIFIER_NOT_ALLOWED']);
  });
});

describe('imaging OPPS cap by locality', () => {
  const cap = (nonFacility: string) => () => ({ facility: nonFacility, nonFacility, source: 'OPPSCAP_Oct2025.csv (01112-05)' });

  it('pays the lower cap: 109.654635 > 80.00 -> $80.00', () => {
    const [l] = price([line('70390')], { oppsCap: cap('80.00') }).lines;
    expect(l.amount).toBe('80.00');
    expect(l.steps).toContainEqual(expect.objectContaining({ rule: expect.stringMatching(/^Imaging OPPS cap: the lower/), source: 'OPPSCAP_Oct2025.csv (01112-05)' }));
  });

  it('keeps the MPFS amount when it is already lower', () => {
    expect(amounts(price([line('70390')], { oppsCap: cap('150.00') }))).toEqual(['109.65']);
  });
});

describe('claim edits deny lines', () => {
  it('a denied line is neither priced nor ranked', () => {
    // 11042 denied: 20610 is the only surgical procedure left, so it is paid in full ($63.40).
    const claim = price([line('20610'), line('11042')], { deniedLines: new Map([[1, 'PTP edit']]) });
    expect(claim.lines.map((l) => [l.pricing, l.amount])).toEqual([
      ['FEE_SCHEDULE', '63.40'],
      ['DENIED', null],
    ]);
  });
});
