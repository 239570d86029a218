import { BillingTip } from './billing-tip';
import { toolkitContent, toolkitPreset, TOOLKIT_PRESETS } from './toolkit';

const tip = (key: string, kind: BillingTip['kind']): BillingTip => ({ key, kind, topic: 'OTHER', title: key, advice: '', source: { label: '', detail: '' }, moneyAtStake: null, reports: null });

describe('toolkitContent', () => {
  const content = toolkitContent({
    title: 'Radiology',
    dateOfService: '2025-06-01',
    generatedOn: '2026-12-04',
    sources: ['CMS MPFS RVU25D'],
    conflicts: [
      { column1: '70553', column2: '70551', modifierIndicator: '1', rationale: 'HCPCS/CPT procedure code definition' },
      { column1: '70487', column2: '70486', modifierIndicator: '0', rationale: null },
    ],
    codes: [
      { code: '70390', descriptor: 'X-ray exam of salivary duct', nationalAmount: '109.65', tips: [tip('rule:mue', 'RULE'), tip('rule:pctc', 'RULE'), tip('curated:1', 'CURATED'), tip('community:reasons', 'COMMUNITY')], communityUnlocked: true, reportersNeeded: 0 },
      { code: '70450', descriptor: 'Ct head/brain w/o dye', nationalAmount: '110.00', tips: [tip('rule:pctc', 'RULE')], communityUnlocked: false, reportersNeeded: 1 },
    ],
    notices: [],
  });

  it('lists the bundling conflicts by column 1, saying what each modifier indicator allows', () => {
    expect(content.conflicts).toEqual([
      { pair: '70487 + 70486', advice: '70486 is bundled into 70487 (modifier indicator 0: no modifier bypasses it: do not bill both).' },
      {
        pair: '70553 + 70551',
        advice:
          '70551 is bundled into 70553 (modifier indicator 1: an NCCI-associated modifier (59, XE, XS, XP, XU, anatomic) on the column-2 code bypasses it when the services were truly separate). CMS rationale: HCPCS/CPT procedure code definition.',
      },
    ]);
  });

  it('puts the MUE apart, rule and editors’ tips under pitfalls, community tips under denial triggers', () => {
    const [first, second] = content.sections;
    expect(first.unitLimit?.key).toBe('rule:mue');
    expect(first.pitfalls.map((t) => t.key)).toEqual(['rule:pctc', 'curated:1']);
    expect(first.denialTriggers.map((t) => t.key)).toEqual(['community:reasons']);
    expect(second.unitLimit).toBeNull();
    expect(second.communityNote).toBe('No community data yet: 1 more biller must report 70450 before its denial patterns are published.');
  });

  it('has presets with valid, unique codes within the limit', () => {
    for (const preset of TOOLKIT_PRESETS) {
      expect(preset.codes.every((c) => /^[0-9A-Z]{5}$/.test(c))).toBe(true);
      expect(new Set(preset.codes).size).toBe(preset.codes.length);
      expect(toolkitPreset(preset.id)).toBe(preset);
    }
    expect(toolkitPreset('nope')).toBeUndefined();
  });
});
