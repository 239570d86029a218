import type { PaymentStep } from '../payment-amount';
import { Decimal, formatMoney, roundToCents } from '../money';
import { ClaimFinding, sortFindings } from './claim-finding';
import { LineSetup, PreparedLine, rowAmount, setUpLine } from './line-setup';
import type { ClaimPricingInput, PricedClaim, PricedLine } from './pricing-types';

const LAYOUT = 'CMS RVU file layout (RVU25D)';

/** One procedure as the multiple-procedure rules see it: a unit of a line, or a bilateral line. */
interface Instance {
  line: number;
  /** Instances of one rank unit are ranked together (a bilateral RT/LT pair on two lines). */
  unit: string;
  amount: Decimal;
  pc: Decimal | null;
  tc: Decimal | null;
  pe: Decimal;
}

interface RankUnit {
  key: string;
  instances: Instance[];
}

interface ComponentRule {
  tcRate: string;
  pcRate: string | null;
  name: string;
  source: string;
}
const IMAGING: ComponentRule = { tcRate: '0.5', pcRate: '0.05', name: 'diagnostic imaging', source: `${LAYOUT}, MULT PROC 4 (TC 50% from 2010-07-01; PC 5% from 2017-01-01)` };
const CARDIOVASCULAR: ComponentRule = { tcRate: '0.25', pcRate: null, name: 'diagnostic cardiovascular', source: `${LAYOUT}, MULT PROC 6` };
const OPHTHALMOLOGY: ComponentRule = { tcRate: '0.2', pcRate: null, name: 'diagnostic ophthalmology', source: `${LAYOUT}, MULT PROC 7` };

const step = (rule: string, formula: string, result: string, source: string): PaymentStep => ({ rule, formula, result, source });
const sum = (values: Decimal[]): Decimal => values.reduce((a, b) => a.plus(b), new Decimal(0));
const lineList = (lines: number[]): string => lines.map((l) => `line ${l + 1}`).join(', ');

/**
 * Prices every line of one claim (one patient, one date of service, one provider) under the MPFS
 * rules: each line's row, setting, GPCIs, cap and modifiers first, then the bilateral adjustment,
 * then the multiple-procedure rules across lines, then team/NPP shares and participation, and only
 * then rounding to cents. Exact decimals throughout.
 */
export function priceClaim(input: ClaimPricingInput): PricedClaim {
  const findings: ClaimFinding[] = [];
  const ctx = { input, findings };
  const setups: (LineSetup | { kind: 'denied'; reason: string })[] = input.lines.map((line, i) => {
    const denied = input.deniedLines?.get(i);
    return denied ? { kind: 'denied' as const, reason: denied } : setUpLine(ctx, i, line);
  });
  const prepared = (i: number): PreparedLine | null => {
    const s = setups[i];
    return s.kind === 'prepared' ? s : null;
  };

  bundleStatusT(input, setups, findings);

  const instances: Instance[] = [];
  input.lines.forEach((line, i) => {
    const p = prepared(i);
    if (!p) return;
    const count = p.bilateral ? 1 : line.units;
    const factor = p.bilateral?.factor ?? new Decimal(1);
    for (let u = 0; u < count; u++) {
      instances.push({
        line: i,
        unit: `${i}:${u}`,
        amount: p.base.times(factor),
        pc: p.pc?.times(factor) ?? null,
        tc: p.tc?.times(factor) ?? null,
        pe: p.pe.times(factor),
      });
    }
  });
  pairSides(input, prepared, instances, findings);

  /** Lines a family rule folds into another line's payment (an endoscopic base code). */
  const bundled = new Map<number, string>();
  if (instances.length > 1) {
    const byIndicator = new Map<string, Instance[]>();
    for (const x of instances) {
      const indicator = (prepared(x.line) as PreparedLine).row.multipleProcedureIndicator;
      const key = indicator === '1' || indicator === '3' ? '2' : indicator;
      byIndicator.set(key, [...(byIndicator.get(key) ?? []), x]);
    }
    const addStep = (line: number, s: PaymentStep) => (prepared(line) as PreparedLine).steps.push(s);
    const group = (key: string) => byIndicator.get(key) ?? [];
    surgicalReduction(input, group('2'), prepared, addStep, findings, bundled);
    componentReduction(group('4'), addStep, findings, IMAGING);
    componentReduction(group('6'), addStep, findings, CARDIOVASCULAR);
    componentReduction(group('7'), addStep, findings, OPHTHALMOLOGY);
    therapyReduction(group('5'), addStep, findings);
  }

  const lines: PricedLine[] = input.lines.map((line, i) => {
    const s = setups[i];
    const common = { line: i + 1, code: line.code, modifiers: [...line.modifiers], units: line.units, limitingCharge: null };
    if (s.kind === 'denied') {
      return { ...common, pricing: 'DENIED' as const, amount: null, feeScheduleAmount: null, rvuRowModifier: null, reason: s.reason, steps: [] };
    }
    if (s.kind === 'terminal') {
      const feeScheduleAmount = s.row && s.pricing !== 'NOT_PAYABLE' ? rowAmount(s.row, input) : null;
      return {
        ...common,
        pricing: s.pricing,
        amount: null,
        feeScheduleAmount: feeScheduleAmount ? formatMoney(feeScheduleAmount.amount) : null,
        rvuRowModifier: s.row?.modifier ?? null,
        reason: s.reason,
        steps: s.steps,
      };
    }
    const folded = bundled.get(i);
    if (folded) {
      return { ...common, pricing: 'NOT_PAYABLE' as const, amount: null, feeScheduleAmount: null, rvuRowModifier: s.row.modifier, reason: folded, steps: s.steps };
    }
    return finishLine(input, line.units, s, instances.filter((x) => x.line === i), common);
  });

  const total = sum(lines.filter((l) => l.amount !== null).map((l) => new Decimal(l.amount as string)));
  return { lines, total: formatMoney(total), findings: sortFindings(findings) };
}

function finishLine(
  input: ClaimPricingInput,
  units: number,
  p: PreparedLine,
  own: Instance[],
  common: Pick<PricedLine, 'line' | 'code' | 'modifiers' | 'units' | 'limitingCharge'>,
): PricedLine {
  const steps = p.steps;
  let amount = sum(own.map((x) => x.amount));
  if (!p.bilateral && units > 1) {
    steps.push(step(`${units} units`, own.map((x) => x.amount.toString()).join(' + '), amount.toString(), 'UNITS on the claim line'));
  }
  if (!p.shareFactor.equals(1)) {
    const before = amount;
    amount = amount.times(p.shareFactor);
    steps.push(step('Apply the share paid to this provider', `${before.toString()} x ${p.shareFactor.toString()}`, amount.toString(), 'Modifier and provider-type rules above'));
  }
  let limitingCharge: string | null = null;
  if (!input.participating) {
    const before = amount;
    amount = amount.times('0.95');
    steps.push(step('Non-participating provider: 95% of the fee schedule amount', `${before.toString()} x 0.95`, amount.toString(), 'Social Security Act §1848(a)(3); 42 CFR 414.20'));
    limitingCharge = formatMoney(amount.times('1.15'));
    steps.push(step('Limiting charge: 115% of the non-participating amount (109.25% of the participating amount)', `${amount.toString()} x 1.15`, limitingCharge, 'Social Security Act §1848(g)(2)(C)'));
  }
  const rounded = roundToCents(amount);
  steps.push(step('Rounded to cents', `round(${amount.toString()}, 2)`, formatMoney(rounded), 'Fee schedule amounts are stated in whole cents'));
  return {
    ...common,
    limitingCharge,
    pricing: 'FEE_SCHEDULE',
    amount: formatMoney(rounded),
    feeScheduleAmount: formatMoney(p.rowAmount),
    rvuRowModifier: p.row.modifier,
    reason: null,
    steps,
  };
}

/** Status T: paid only when no other fee schedule service is paid for the same date and provider. */
function bundleStatusT(input: ClaimPricingInput, setups: (LineSetup | { kind: 'denied'; reason: string })[], findings: ClaimFinding[]): void {
  const paid = setups.map((s, i) => (s.kind === 'prepared' ? i : -1)).filter((i) => i >= 0);
  const others = paid.filter((i) => (setups[i] as PreparedLine).row.statusCode !== 'T');
  if (others.length === 0) return;
  for (const i of paid) {
    const s = setups[i] as PreparedLine;
    if (s.row.statusCode !== 'T') continue;
    const reason = `Status T: ${input.lines[i].code} is paid only when no other physician fee schedule service is paid the same day; here it is bundled into ${lineList(others)}.`;
    findings.push({ kind: 'NOT_SEPARATELY_PAYABLE', severity: 'WARNING', lines: [i + 1], message: reason, fix: null, carc: '97', source: `${LAYOUT}, Attachment A (STATUS CODE T)` });
    setups[i] = { kind: 'terminal', pricing: 'NOT_PAYABLE', reason, row: s.row, steps: s.steps };
  }
}

/**
 * The same code billed on two lines, one RT and one LT, is one bilateral procedure: the bilateral
 * indicator sets the pair's total, shared equally by the two lines, and the pair ranks as one.
 */
function pairSides(input: ClaimPricingInput, prepared: (i: number) => PreparedLine | null, instances: Instance[], findings: ClaimFinding[]): void {
  const side = (i: number, s: 'RT' | 'LT') => {
    const mods = input.lines[i].modifiers;
    return mods.includes(s) && !mods.includes(s === 'RT' ? 'LT' : 'RT') && !mods.includes('50') && input.lines[i].units === 1;
  };
  const used = new Set<number>();
  input.lines.forEach((line, i) => {
    const p = prepared(i);
    if (!p || used.has(i) || !side(i, 'RT') || !['0', '1', '2', '3'].includes(p.row.bilateralIndicator)) return;
    const j = input.lines.findIndex((other, k) => !used.has(k) && k !== i && other.code === line.code && prepared(k)?.row.modifier === p.row.modifier && side(k, 'LT'));
    if (j < 0) return;
    used.add(i).add(j);
    const indicator = p.row.bilateralIndicator;
    const each = indicator === '1' ? '0.75' : indicator === '3' ? '1' : '0.5';
    const total = new Decimal(each).times(2).toString();
    for (const k of [i, j]) {
      const inst = instances.find((x) => x.line === k) as Instance;
      inst.unit = `pair:${i}:${j}`;
      inst.amount = inst.amount.times(each);
      inst.pc = inst.pc?.times(each) ?? null;
      inst.tc = inst.tc?.times(each) ?? null;
      inst.pe = inst.pe.times(each);
      (prepared(k) as PreparedLine).steps.push(
        step(`Bilateral by RT and LT on two lines (BILAT SURG ${indicator}): the pair is paid ${total} x one side, half on each line`, `x ${each}`, inst.amount.toString(), `${LAYOUT}, BILAT SURG ${indicator}`),
      );
    }
    if (indicator === '1') {
      findings.push({
        kind: 'BILATERAL_UNITS',
        severity: 'INFO',
        lines: [i + 1, j + 1],
        message: `${line.code}-RT and ${line.code}-LT are one bilateral procedure: 150% in total, not 200%.`,
        fix: `Many MACs want one line ${line.code}-50 with 1 unit.`,
        carc: null,
        source: `${LAYOUT}, BILAT SURG 1`,
      });
    }
  });
}

function rankUnits(instances: Instance[], key: (x: Instance) => Decimal): RankUnit[] {
  const units = new Map<string, Instance[]>();
  for (const x of instances) units.set(x.unit, [...(units.get(x.unit) ?? []), x]);
  return [...units.entries()]
    .map(([k, members]) => ({ key: k, instances: members }))
    .sort((a, b) => sum(b.instances.map(key)).comparedTo(sum(a.instances.map(key))) || a.instances[0].line - b.instances[0].line);
}

/** Surgical multiple procedures (indicators 1, 2, 3): endoscopy families first, then ranking. */
function surgicalReduction(
  input: ClaimPricingInput,
  surgical: Instance[],
  prepared: (i: number) => PreparedLine | null,
  addStep: (line: number, s: PaymentStep) => void,
  findings: ClaimFinding[],
  bundled: Map<number, string>,
): void {
  if (surgical.length === 0) return;
  const row = (x: Instance) => (prepared(x.line) as PreparedLine).row;
  const code = (x: Instance) => input.lines[x.line].code;
  const bases = new Set(surgical.filter((x) => row(x).multipleProcedureIndicator === '3' && row(x).endoscopicBase).map((x) => row(x).endoscopicBase as string));

  for (const base of bases) {
    const members = surgical.filter((x) => row(x).multipleProcedureIndicator === '3' && row(x).endoscopicBase === base).sort((a, b) => b.amount.comparedTo(a.amount) || a.line - b.line);
    const baseLines = surgical.filter((x) => code(x) === base);
    const baseRow = input.rowsByCode.get(base)?.find((r) => r.modifier === '');
    const baseAmount = baseRow ? rowAmount(baseRow, input)?.amount : undefined;
    if (members.length + baseLines.length < 2) continue;
    if (baseAmount === undefined) {
      findings.push({ kind: 'MULTIPLE_PROCEDURE', severity: 'INFO', lines: [...new Set(members.map((x) => x.line + 1))], message: `The endoscopic base code ${base} is not priced in this release, so the family rule could not be applied; the procedures are ranked as ordinary multiple procedures.`, fix: null, carc: null, source: `${LAYOUT}, ENDO BASE` });
      continue;
    }
    const family = `family:${base}`;
    members.forEach((x, n) => {
      x.unit = family;
      if (n === 0) {
        addStep(x.line, step(`Endoscopy family ${base}: highest-valued endoscopy paid in full`, x.amount.toString(), x.amount.toString(), `${LAYOUT}, MULT PROC 3 and ENDO BASE`));
        return;
      }
      const reduced = Decimal.max(x.amount.minus(baseAmount), 0);
      addStep(x.line, step(`Endoscopy family ${base}: this endoscopy minus the base code's amount`, `${x.amount.toString()} - ${baseAmount.toString()}`, reduced.toString(), `${LAYOUT}, MULT PROC 3 and ENDO BASE`));
      x.amount = reduced;
    });
    for (const x of baseLines) {
      x.unit = family;
      addStep(x.line, step(`Endoscopic base ${base} billed with a member of its family: not paid separately`, `${x.amount.toString()} x 0`, '0', `${LAYOUT}, MULT PROC 3`));
      x.amount = new Decimal(0);
      bundled.set(x.line, `${base} is the base endoscopy of ${[...new Set(members.map((m) => code(m)))].join(', ')} on this claim: its payment is included in theirs.`);
    }
    findings.push({
      kind: 'MULTIPLE_PROCEDURE',
      severity: 'INFO',
      lines: [...new Set([...members, ...baseLines].map((x) => x.line + 1))].sort((a, b) => a - b),
      message: `Endoscopies in the ${base} family: the highest is paid in full, each other at its amount minus ${base}'s${baseLines.length ? `, and ${base} itself is not paid separately` : ''}.`,
      fix: null,
      carc: baseLines.length ? '97' : null,
      source: `${LAYOUT}, MULT PROC 3`,
    });
  }

  const units = rankUnits(surgical, (x) => x.amount);
  if (units.length < 2) return;
  units.forEach((u, rank) => {
    for (const x of u.instances) {
      const indicator = row(x).multipleProcedureIndicator;
      const pct = rank === 0 ? '1' : indicator === '1' && rank >= 2 ? '0.25' : '0.5';
      const before = x.amount;
      x.amount = x.amount.times(pct);
      addStep(x.line, step(`Multiple procedures: ranked ${rank + 1} of ${units.length} by fee schedule amount, paid ${new Decimal(pct).times(100).toString()}%`, `${before.toString()} x ${pct}`, x.amount.toString(), `${LAYOUT}, MULT PROC ${indicator}`));
    }
  });
  const ranked = units.map((u) => [...new Set(u.instances.map((x) => x.line + 1))].join('+'));
  findings.push({
    kind: 'MULTIPLE_PROCEDURE',
    severity: 'INFO',
    lines: [...new Set(surgical.map((x) => x.line + 1))].sort((a, b) => a - b),
    message: `Multiple procedure reduction: line ${ranked[0]} is paid in full and the rest at 50% (ranked by fee schedule amount: line ${ranked.join(', line ')}).`,
    fix: null,
    carc: '59',
    source: `${LAYOUT}, MULT PROC`,
  });
  if (units.length > 5) {
    findings.push({
      kind: 'CONTRACTOR_PRICED',
      severity: 'INFO',
      lines: [...new Set(units.slice(5).flatMap((u) => u.instances.map((x) => x.line + 1)))],
      message: 'More than five procedures: the sixth and later are priced by report by the MAC; 50% is shown as the typical outcome.',
      fix: 'Send the operative report.',
      carc: null,
      source: `${LAYOUT}, MULT PROC 2`,
    });
  }
}

/** TC (and for imaging PC) reductions for the second and later diagnostic services of a kind. */
function componentReduction(
  group: Instance[],
  addStep: (line: number, s: PaymentStep) => void,
  findings: ClaimFinding[],
  rule: ComponentRule,
): void {
  const units = rankUnits(group, (x) => x.tc ?? new Decimal(0));
  if (units.length < 2) return;
  const unsplit = group.filter((x) => x.tc === null);
  for (const x of unsplit) {
    addStep(x.line, step(`Multiple ${rule.name} services: the MAC reduces the technical portion; this global code has no 26/TC rows to split it here`, 'no reduction computed', x.amount.toString(), rule.source));
  }
  const split = units.filter((u) => u.instances.every((x) => x.tc !== null));
  split.slice(1).forEach((u) => {
    for (const x of u.instances) {
      const cut = (x.tc as Decimal).times(rule.tcRate);
      const before = x.amount;
      x.amount = x.amount.minus(cut);
      addStep(x.line, step(`Multiple ${rule.name} services: technical portion of a subsequent service reduced ${new Decimal(rule.tcRate).times(100).toString()}%`, `${before.toString()} - ${(x.tc as Decimal).toString()} x ${rule.tcRate}`, x.amount.toString(), rule.source));
    }
  });
  if (rule.pcRate) {
    const byPc = rankUnits(
      group.filter((x) => x.pc !== null),
      (x) => x.pc as Decimal,
    );
    byPc.slice(1).forEach((u) => {
      for (const x of u.instances) {
        if ((x.pc as Decimal).isZero()) continue;
        const cut = (x.pc as Decimal).times(rule.pcRate as string);
        const before = x.amount;
        x.amount = x.amount.minus(cut);
        addStep(x.line, step(`Multiple ${rule.name} services: professional portion of a subsequent service reduced ${new Decimal(rule.pcRate as string).times(100).toString()}%`, `${before.toString()} - ${(x.pc as Decimal).toString()} x ${rule.pcRate}`, x.amount.toString(), rule.source));
      }
    });
  }
  findings.push({
    kind: 'MULTIPLE_PROCEDURE',
    severity: 'INFO',
    lines: [...new Set(group.map((x) => x.line + 1))].sort((a, b) => a - b),
    message: `Multiple ${rule.name} services the same day: the highest technical portion is paid in full and each other's is reduced ${new Decimal(rule.tcRate).times(100).toString()}%${rule.pcRate ? `; professional portions after the highest are reduced ${new Decimal(rule.pcRate).times(100).toString()}%` : ''}.`,
    fix: null,
    carc: '59',
    source: rule.source,
  });
}

/** Therapy (indicator 5): full PE for the unit with the highest PE, 50% PE for every other unit. */
function therapyReduction(group: Instance[], addStep: (line: number, s: PaymentStep) => void, findings: ClaimFinding[]): void {
  const units = rankUnits(group, (x) => x.pe);
  if (units.length < 2) return;
  const source = `${LAYOUT}, MULT PROC 5`;
  units.slice(1).forEach((u) => {
    for (const x of u.instances) {
      const before = x.amount;
      x.amount = x.amount.minus(x.pe.times('0.5'));
      addStep(x.line, step('Multiple therapy services: practice expense of a subsequent unit paid at 50%', `${before.toString()} - ${x.pe.toString()} x 0.5`, x.amount.toString(), source));
    }
  });
  findings.push({
    kind: 'MULTIPLE_PROCEDURE',
    severity: 'INFO',
    lines: [...new Set(group.map((x) => x.line + 1))].sort((a, b) => a - b),
    message: 'Multiple therapy units the same day: the unit with the highest practice expense is paid in full; every other unit\'s practice expense is paid at 50%.',
    fix: null,
    carc: '59',
    source,
  });
}
