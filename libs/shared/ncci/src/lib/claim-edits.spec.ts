import { checkClaimEdits, ClaimEditData, EditedLine } from './claim-edits';

/** Edits as the shipped NCCI 2024-07-01 files state them (rows quoted in each test). */
const SOURCES = { ptp: 'NCCI PTP', mue: 'NCCI MUE', addOn: 'NCCI AOC' };
const data = (over: Partial<ClaimEditData> = {}): ClaimEditData => ({
  dateOfService: '2025-06-01',
  ptpEdits: [],
  mues: new Map(),
  addOnEdits: new Map(),
  sources: SOURCES,
  ...over,
});
const line = (code: string, modifiers: string[] = [], units = 1): EditedLine => ({ code, modifiers, units });

describe('PTP pairs among the lines', () => {
  // ptp_practitioner_2024q3: 43239,43235,,0 and 70390,76000,,1
  const ptpEdits = [
    { column1: '43239', column2: '43235', effectiveDate: null, deletionDate: null, modifierIndicator: '0' },
    { column1: '70390', column2: '76000', effectiveDate: null, deletionDate: null, modifierIndicator: '1' },
  ];

  it('modifier indicator 0: the column 2 line is denied and no modifier helps', () => {
    const result = checkClaimEdits([line('43235', ['59']), line('43239')], data({ ptpEdits }));
    expect(result.findings).toEqual([
      expect.objectContaining({ kind: 'PTP_EDIT', severity: 'ERROR', lines: [1, 2], carc: '97', fix: 'Remove 43235 (line 1): it is part of 43239.' }),
    ]);
    expect([...result.deniedLines.keys()]).toEqual([0]);
  });

  it('modifier indicator 1 without a modifier: denied, and says which line needs which modifier', () => {
    const result = checkClaimEdits([line('70390'), line('76000')], data({ ptpEdits }));
    expect(result.findings[0]).toMatchObject({ severity: 'ERROR', carc: '236', fix: expect.stringMatching(/add XS, XE, XP, XU or 59 .* to line 2/) });
    expect(result.deniedLines.has(1)).toBe(true);
  });

  it.each(['59', 'XU', 'XS', '25'])('modifier indicator 1 with %s (NCCI-associated) is bypassed, with a documentation reminder', (modifier) => {
    const result = checkClaimEdits([line('70390'), line('76000', [modifier])], data({ ptpEdits }));
    expect(result.findings).toEqual([expect.objectContaining({ severity: 'INFO', message: expect.stringContaining(`bypassed by modifier ${modifier} on line 2`) })]);
    expect(result.deniedLines.size).toBe(0);
  });

  it('accepts the modifier on the column 1 line too (CR 11168)', () => {
    const result = checkClaimEdits([line('70390', ['XS']), line('76000')], data({ ptpEdits }));
    expect(result.deniedLines.size).toBe(0);
  });

  it('anatomic modifiers bypass only when the two lines name different sites', () => {
    expect(checkClaimEdits([line('70390', ['RT']), line('76000', ['LT'])], data({ ptpEdits })).deniedLines.size).toBe(0);
    expect(checkClaimEdits([line('70390', ['RT']), line('76000', ['RT'])], data({ ptpEdits })).deniedLines.size).toBe(1);
    expect(checkClaimEdits([line('70390', ['RT']), line('76000')], data({ ptpEdits })).deniedLines.size).toBe(1);
    expect(checkClaimEdits([line('70390'), line('76000', ['LT'])], data({ ptpEdits })).deniedLines.size).toBe(1);
  });

  it('26 is not an NCCI-associated modifier', () => {
    expect(checkClaimEdits([line('70390'), line('76000', ['26'])], data({ ptpEdits })).deniedLines.size).toBe(1);
  });

  it('respects deletion dates, and an active edit beside its deleted predecessor (20610,99213 appears twice)', () => {
    const deleted = { column1: '20610', column2: '99213', effectiveDate: null, deletionDate: '2019-12-31', modifierIndicator: '1' };
    const active = { ...deleted, deletionDate: null };
    expect(checkClaimEdits([line('20610'), line('99213')], data({ ptpEdits: [deleted], dateOfService: '2025-06-01' })).findings).toEqual([]);
    expect(checkClaimEdits([line('20610'), line('99213')], data({ ptpEdits: [deleted], dateOfService: '2019-12-31' })).deniedLines.size).toBe(1);
    expect(checkClaimEdits([line('20610'), line('99213')], data({ ptpEdits: [active, deleted] })).deniedLines.size).toBe(1);
    expect(checkClaimEdits([line('20610'), line('99213')], data({ ptpEdits: [deleted, active] })).deniedLines.size).toBe(1);
  });

  it('ignores indicator 9 (deleted/not applicable)', () => {
    const ptp = [{ column1: '70390', column2: '76000', effectiveDate: null, deletionDate: null, modifierIndicator: '9' }];
    expect(checkClaimEdits([line('70390'), line('76000')], data({ ptpEdits: ptp })).findings).toEqual([]);
  });
});

describe('MUE by adjudication indicator', () => {
  // mue_practitioner_2024q3: 70390,2,3 / 43239,1,2 / 97110,6,3
  const mues = new Map([
    ['70390', { maxUnits: 2, adjudicationIndicator: '3' }],
    ['43239', { maxUnits: 1, adjudicationIndicator: '2' }],
    ['J1100', { maxUnits: 10, adjudicationIndicator: '1' }], // illustrative MAI 1 value
  ]);

  it('MAI 1 is per line: 12 units on one line is denied, 2 lines of 6 are fine', () => {
    const over = checkClaimEdits([line('J1100', [], 12)], data({ mues }));
    expect(over.findings[0]).toMatchObject({ kind: 'MUE_EXCEEDED', carc: '151', lines: [1], message: expect.stringContaining('MAI 1, line edit') });
    expect(checkClaimEdits([line('J1100', [], 6), line('J1100', ['76'], 6)], data({ mues })).findings).toEqual([]);
  });

  it('MAI 3 adds the date of service across lines, and says an appeal with records may succeed', () => {
    const result = checkClaimEdits([line('70390', ['RT'], 2), line('70390', ['LT'])], data({ mues }));
    expect(result.findings[0]).toMatchObject({ lines: [1, 2], message: expect.stringMatching(/add up to 3 units.*may be paid on appeal/) });
    expect([...result.deniedLines.keys()]).toEqual([0, 1]);
  });

  it('MAI 2 says an appeal cannot succeed', () => {
    const result = checkClaimEdits([line('43239', [], 2)], data({ mues }));
    expect(result.findings[0].message).toMatch(/appeal cannot succeed/);
  });

  it('an MUE of 0 denies every unit and says the code is not reported by practitioners (99070,0,3)', () => {
    const result = checkClaimEdits([line('99070')], data({ mues: new Map([['99070', { maxUnits: 0, adjudicationIndicator: '3' }]]) }));
    expect(result.findings[0]).toMatchObject({ kind: 'MUE_EXCEEDED', message: expect.stringContaining('MUE of 0') });
    expect(result.deniedLines.has(0)).toBe(true);
  });

  it('units within the MUE pass', () => {
    expect(checkClaimEdits([line('70390', [], 2)], data({ mues })).findings).toEqual([]);
  });
});

describe('add-on codes', () => {
  // aoc_practitioner_2024q3: 64483,64484,1 ; CCCCC,0054T,2 ; type 3 example made up of listed primaries.
  const addOnEdits = new Map([
    ['64484', [{ primaryCode: '64483', editType: '1' }]],
    ['0054T', [{ primaryCode: 'CCCCC', editType: '2' }]],
    ['99999', [{ primaryCode: '11042', editType: '3' }]],
  ]);

  it('type 1 without a listed primary is denied (CARC 107) and names the primaries', () => {
    const result = checkClaimEdits([line('99213'), line('64484')], data({ addOnEdits }));
    expect(result.findings).toEqual([expect.objectContaining({ kind: 'ADD_ON_WITHOUT_PRIMARY', severity: 'ERROR', lines: [2], carc: '107', fix: 'Bill 64484 with its primary procedure, e.g. 64483.' })]);
    expect(result.deniedLines.has(1)).toBe(true);
  });

  it('type 1 with its primary passes', () => {
    expect(checkClaimEdits([line('64483'), line('64484')], data({ addOnEdits })).findings).toEqual([]);
  });

  it('an add-on alone on the claim is denied, whatever its type', () => {
    expect(checkClaimEdits([line('0054T')], data({ addOnEdits })).findings[0]).toMatchObject({ severity: 'ERROR', message: expect.stringContaining('without any primary') });
  });

  it('type 2 with any other procedure passes (the MAC decides)', () => {
    expect(checkClaimEdits([line('99213'), line('0054T')], data({ addOnEdits })).findings).toEqual([]);
  });

  it('type 3 without a listed primary is a warning, not a denial', () => {
    const result = checkClaimEdits([line('99213'), line('99999')], data({ addOnEdits }));
    expect(result.findings[0]).toMatchObject({ severity: 'WARNING', message: expect.stringContaining('type 3') });
    expect(result.deniedLines.size).toBe(0);
  });
});

describe('duplicate lines', () => {
  it('flags the same code and modifiers twice (CARC 18), but not a repeat with 76', () => {
    expect(checkClaimEdits([line('99213'), line('99213')], data()).findings).toEqual([expect.objectContaining({ kind: 'DUPLICATE_LINE', lines: [1, 2], carc: '18' })]);
    expect(checkClaimEdits([line('70390'), line('70390', ['76'])], data()).findings).toEqual([]);
  });
});
