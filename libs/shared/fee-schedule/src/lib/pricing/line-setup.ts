import { computeFeeScheduleAmount, PaymentStep } from '../payment-amount';
import { Decimal } from '../money';
import { statusCodeMeaning } from '../status-code';
import { decodeIndicator } from '../rvu-indicators';
import type { ClaimFinding } from './claim-finding';
import type { ClaimLineInput, ClaimPricingInput, LinePricing, PricingRvuRow } from './pricing-types';

const LAYOUT = 'CMS RVU file layout (RVU25D)';
const RULES = 'Medicare Claims Processing Manual ch. 12';

/** The surgical-team modifiers and the share of the fee schedule amount each is paid. */
const TEAM_MODIFIERS = ['62', '66', '80', '81', '82', 'AS'] as const;
const SPLIT_MODIFIERS = ['54', '55', '56', '78'] as const;

/** A line the rules stop on: it gets no amount, only a reason (and usually a finding). */
export interface TerminalLine {
  kind: 'terminal';
  pricing: Exclude<LinePricing, 'FEE_SCHEDULE'>;
  reason: string;
  row: PricingRvuRow | null;
  steps: PaymentStep[];
}

/** A line ready for the claim-level rules: one unit's amount and its parts, exact. */
export interface PreparedLine {
  kind: 'prepared';
  row: PricingRvuRow;
  global: PricingRvuRow;
  /** One unit, after GPCIs, the OPPS cap and any global-split share; unrounded. */
  base: Decimal;
  /** One unit of the row before the cap and modifier adjustments (the fee schedule amount). */
  rowAmount: Decimal;
  /** The professional and technical parts of `base` (for the imaging/diagnostic TC and PC rules). */
  pc: Decimal | null;
  tc: Decimal | null;
  /** The practice expense part of `base` (for the therapy PE rule). */
  pe: Decimal;
  /** Team/assistant share x NPP share: applied to the line after ranking. */
  shareFactor: Decimal;
  /** How the line's units count: BILATERAL = one bilateral procedure at `bilateralFactor`. */
  bilateral: { factor: Decimal; indicator: string } | null;
  steps: PaymentStep[];
}

export type LineSetup = TerminalLine | PreparedLine;

export interface LineContext {
  input: ClaimPricingInput;
  findings: ClaimFinding[];
}

const step = (rule: string, formula: string, result: string, source: string): PaymentStep => ({ rule, formula, result, source });

/** The amount of one RVU row in the claim's setting and locality, unrounded, with its steps. */
export function rowAmount(row: PricingRvuRow, input: ClaimPricingInput): { amount: Decimal; pe: Decimal; steps: PaymentStep[] } | null {
  const facility = input.setting === 'FACILITY';
  if (facility ? row.facilityNa : row.nonFacilityNa) return null;
  const peRvu = facility ? row.facilityPeRvu : row.nonFacilityPeRvu;
  const result = computeFeeScheduleAmount({
    rvus: { workRvu: row.workRvu, practiceExpenseRvu: peRvu, malpracticeRvu: row.mpRvu },
    gpci: input.gpci,
    conversionFactor: input.release.conversionFactor,
    rvuSource: `${input.release.label}, ${input.release.sourceFile}${row.modifier ? ` (row ${row.modifier})` : ''}`,
    peColumn: facility ? 'FACILITY PE RVU' : 'NON-FAC PE RVU',
  });
  const pe = new Decimal(peRvu).times(input.gpci.practiceExpense).times(input.release.conversionFactor);
  // Rounding happens once, at the end of the line: drop the formula's own rounding step.
  return { amount: result.unrounded, pe, steps: result.steps.slice(0, -1) };
}

function terminal(pricing: TerminalLine['pricing'], reason: string, row: PricingRvuRow | null, steps: PaymentStep[] = []): TerminalLine {
  return { kind: 'terminal', pricing, reason, row, steps };
}

/** Records a finding that stops the line and returns the stop (the caller adds row and steps). */
function refuse(ctx: LineContext, finding: ClaimFinding): TerminalLine {
  ctx.findings.push(finding);
  return terminal('NOT_PAYABLE', finding.message, null);
}

function notAllowed(ctx: LineContext, lineNo: number, code: string, modifier: string, why: string, fix: string, source: string, carc = '4'): TerminalLine {
  const message = `Modifier ${modifier} is not allowed on ${code}: ${why}`;
  return refuse(ctx, { kind: 'MODIFIER_NOT_ALLOWED', severity: 'ERROR', lines: [lineNo], message, fix, carc, source });
}

/** Picks the RVU row (global, 26, TC, 53) the modifiers call for, or stops the line. */
function chooseRow(ctx: LineContext, lineNo: number, line: ClaimLineInput, rows: readonly PricingRvuRow[], global: PricingRvuRow): PricingRvuRow | TerminalLine {
  const mods = new Set(line.modifiers);
  const components = ['26', 'TC'].filter((m) => mods.has(m));
  if (components.length === 2) {
    const message = `Modifiers 26 and TC on one line of ${line.code} contradict each other.`;
    ctx.findings.push({
      kind: 'MODIFIER_CONFLICT',
      severity: 'ERROR',
      lines: [lineNo],
      message,
      fix: 'Bill the global service without 26 or TC when one provider furnished both components.',
      carc: '4',
      source: `${LAYOUT}, PCTC IND`,
    });
    return terminal('NOT_PAYABLE', message, null);
  }
  if (components.length === 1) {
    const modifier = components[0];
    const row = rows.find((r) => r.modifier === modifier);
    if (!row) {
      const meaning = decodeIndicator('pctcIndicator', global.pctcIndicator).meaning;
      return notAllowed(ctx, lineNo, line.code, modifier, `PC/TC indicator ${global.pctcIndicator}. ${meaning}`, `Remove modifier ${modifier}.`, `${LAYOUT}, PCTC IND`);
    }
    return row;
  }
  if (mods.has('53')) {
    const row = rows.find((r) => r.modifier === '53');
    if (row) return row;
    const message = `Discontinued procedure (53): ${line.code} has no 53 RVU row, so the MAC prices it individually from the documentation.`;
    ctx.findings.push({ kind: 'CONTRACTOR_PRICED', severity: 'INFO', lines: [lineNo], message, fix: 'Send the operative or procedure note showing how far the service went.', carc: null, source: `${LAYOUT}, MOD (53 rows exist only for 44388, 45378, G0105 and G0121)` });
    return terminal('CONTRACTOR_PRICED', message, global);
  }
  if (mods.has('52')) {
    const message = `Reduced service (52): the MAC prices ${line.code} by report from the documentation; the fee schedule sets no percentage.`;
    ctx.findings.push({ kind: 'CONTRACTOR_PRICED', severity: 'INFO', lines: [lineNo], message, fix: 'Send documentation of what was reduced and why.', carc: null, source: `${RULES} §30 (modifier 52)` });
    return terminal('CONTRACTOR_PRICED', message, global);
  }
  return global;
}

const NOT_PAYABLE_CARC: Record<string, string> = { B: '97', P: '97', N: '96', E: '96', X: '96', M: '246', I: '181', G: '181', D: '181', F: '181', H: '4' };

/** Row choice, status, setting, base amount, OPPS cap, global split, team and NPP shares, bilateral. */
export function setUpLine(ctx: LineContext, index: number, line: ClaimLineInput): LineSetup {
  const { input } = ctx;
  const lineNo = index + 1;
  const rows = input.rowsByCode.get(line.code) ?? [];
  if (rows.length === 0) {
    return terminal('NOT_PAYABLE', `${line.code} is not in ${input.release.label} (${input.release.sourceFile}).`, null);
  }
  // A few codes (e.g. 86153) have only a 26 row: that row stands in for the global one.
  const global = rows.find((r) => r.modifier === '') ?? rows.find((r) => line.modifiers.includes(r.modifier));
  if (!global) {
    const only = rows.map((r) => r.modifier).join('/');
    const message = `${line.code} is priced only as ${line.code}-${only}: CMS publishes no global row for it.`;
    ctx.findings.push({ kind: 'MODIFIER_NOT_ALLOWED', severity: 'ERROR', lines: [lineNo], message, fix: `Bill ${line.code} with modifier ${only}.`, carc: '4', source: `${LAYOUT}, MOD` });
    return terminal('NOT_PAYABLE', message, null);
  }
  const chosen = chooseRow(ctx, lineNo, line, rows, global);
  if ('kind' in chosen) return chosen;
  const row = chosen;
  const mods = new Set(line.modifiers);
  const steps: PaymentStep[] = [];
  if (row.modifier) {
    steps.push(step(`Modifier ${row.modifier}: price the ${row.modifier} row`, `${line.code}-${row.modifier}`, `RVU row ${row.modifier}`, `${input.release.label}, ${input.release.sourceFile} (MOD)`));
  }

  const status = statusCodeMeaning(row.statusCode);
  if (!status.paidFromRvus) {
    const reason = `Status ${status.code} (${status.label}): ${status.meaning}`;
    if (status.code === 'C') {
      ctx.findings.push({ kind: 'CONTRACTOR_PRICED', severity: 'INFO', lines: [lineNo], message: `${line.code} is contractor priced: the MAC sets the amount.`, fix: null, carc: null, source: `${LAYOUT}, Attachment A (STATUS CODE)` });
      return terminal('CONTRACTOR_PRICED', reason, row, steps);
    }
    ctx.findings.push({
      kind: 'NOT_SEPARATELY_PAYABLE',
      severity: 'WARNING',
      lines: [lineNo],
      message: `${line.code} is not separately payable under the physician fee schedule (status ${status.code}, ${status.label.toLowerCase()}).`,
      fix: null,
      carc: NOT_PAYABLE_CARC[status.code] ?? null,
      source: `${LAYOUT}, Attachment A (STATUS CODE)`,
    });
    return terminal('NOT_PAYABLE', reason, row, steps);
  }
  if (status.code === 'R') {
    steps.push(step('Status R: restricted coverage', 'R', 'Special coverage instructions apply', `${LAYOUT}, Attachment A (STATUS CODE)`));
  }

  const priced = rowAmount(row, input);
  if (!priced) {
    const facility = input.setting === 'FACILITY';
    const reason = `NA: CMS sets no ${facility ? 'facility' : 'non-facility'} amount for ${line.code} because it is rarely or never performed in that setting; the MAC prices it if it is. (${input.settingBasis})`;
    ctx.findings.push({ kind: 'CONTRACTOR_PRICED', severity: 'WARNING', lines: [lineNo], message: reason, fix: 'Check the place of service.', carc: null, source: `${LAYOUT}, ${facility ? 'FACILITY' : 'NON-FAC'} NA INDICATOR` });
    return terminal('CONTRACTOR_PRICED', reason, row, steps);
  }
  if (priced.amount.isZero()) {
    const reason = `CMS publishes no ${input.setting === 'FACILITY' ? 'facility' : 'non-facility'} RVUs for ${line.code}${row.modifier ? `-${row.modifier}` : ''} (status ${status.code}); the MAC prices it individually.`;
    ctx.findings.push({ kind: 'CONTRACTOR_PRICED', severity: 'INFO', lines: [lineNo], message: reason, fix: null, carc: null, source: `${LAYOUT}, WORK/PE/MP RVU` });
    return terminal('CONTRACTOR_PRICED', reason, row, steps);
  }
  steps.push(step('Setting', input.settingBasis, input.setting === 'FACILITY' ? 'Facility PE RVU' : 'Non-facility PE RVU', `${LAYOUT}, NON-FAC/FACILITY PE RVU`));
  steps.push(...priced.steps);
  let base = priced.amount;
  let pe = priced.pe;

  // Imaging services: the lower of the MPFS amount and the OPPS-based cap for the locality.
  const cap = input.oppsCap?.(line.code, row.modifier) ?? null;
  if (cap) {
    const capAmount = new Decimal(input.setting === 'FACILITY' ? cap.facility : cap.nonFacility);
    if (capAmount.lessThan(base)) {
      steps.push(step('Imaging OPPS cap: the lower of the MPFS amount and the OPPS-based cap', `min(${base.toString()}, ${capAmount.toFixed(2)})`, capAmount.toFixed(2), cap.source));
      pe = pe.times(capAmount).dividedBy(base);
      base = capAmount;
    } else {
      steps.push(step('Imaging OPPS cap: MPFS amount is already lower', `min(${base.toString()}, ${capAmount.toFixed(2)})`, base.toString(), cap.source));
    }
  }

  // Split global surgery (54, 55, 56) and return to the OR (78): only part of the global package.
  const splits = SPLIT_MODIFIERS.filter((m) => mods.has(m));
  if (splits.length > 0) {
    const shares = { pre: new Decimal(row.preOpShare), intra: new Decimal(row.intraOpShare), post: new Decimal(row.postOpShare) };
    if (shares.pre.plus(shares.intra).plus(shares.post).isZero()) {
      return notAllowed(ctx, lineNo, line.code, splits.join('/'), `global period ${row.globalDays} has no pre-, intra- or postoperative shares to split.`, `Remove modifier ${splits.join('/')}.`, `${LAYOUT}, GLOB DAYS and PRE/INTRA/POST OP`);
    }
    if (splits.length > 1) {
      ctx.findings.push({ kind: 'MODIFIER_CONFLICT', severity: 'WARNING', lines: [lineNo], message: `Modifiers ${splits.join(' and ')} on one line: their shares are added.`, fix: 'One provider who gave every part of the global package bills it without split modifiers.', carc: null, source: `${RULES} §40.2` });
    }
    let share = new Decimal(0);
    for (const m of splits) {
      if (m === '54') {
        share = share.plus(shares.pre).plus(shares.intra);
        steps.push(step('Modifier 54 (surgical care only): preoperative + intraoperative shares', `${row.preOpShare} + ${row.intraOpShare}`, shares.pre.plus(shares.intra).toString(), `${LAYOUT}, PRE OP and INTRA OP`));
      } else if (m === '56') {
        share = share.plus(shares.pre);
        steps.push(step('Modifier 56 (preoperative care only): preoperative share', row.preOpShare, shares.pre.toString(), `${LAYOUT}, PRE OP`));
      } else if (m === '78') {
        share = share.plus(shares.intra);
        steps.push(step('Modifier 78 (return to the OR, related): intraoperative share only', row.intraOpShare, shares.intra.toString(), `${LAYOUT}, INTRA OP; ${RULES} §40.4`));
      } else {
        const globalDays = Number(row.globalDays);
        const days = line.postOperativeDays;
        if (days != null && Number.isFinite(globalDays) && globalDays > 0) {
          const part = shares.post.times(Math.min(days, globalDays)).dividedBy(globalDays);
          share = share.plus(part);
          steps.push(step('Modifier 55 (postoperative care only): post-op share x days of care / global days', `${row.postOpShare} x ${Math.min(days, globalDays)} / ${globalDays}`, part.toString(), `${LAYOUT}, POST OP and GLOB DAYS`));
        } else {
          share = share.plus(shares.post);
          steps.push(step('Modifier 55 (postoperative care only): full post-op share (no days of care given)', row.postOpShare, shares.post.toString(), `${LAYOUT}, POST OP`));
        }
      }
    }
    base = base.times(share);
    pe = pe.times(share);
    steps.push(step('Share of the global package', `x ${share.toString()}`, base.toString(), `${RULES} §40.2`));
  }
  for (const m of ['76', '77']) {
    if (mods.has(m)) steps.push(step(`Modifier ${m} (repeat procedure): paid in full`, '100%', 'no reduction', `${RULES} §40`));
  }
  for (const m of ['58', '79']) {
    if (mods.has(m)) steps.push(step(`Modifier ${m}: paid in full; a new global period starts`, '100%', 'no reduction', `${RULES} §40.2`));
  }

  const share = teamShare(ctx, lineNo, line, row, steps);
  if (typeof share === 'object' && 'kind' in share) return terminal('NOT_PAYABLE', share.reason, row, steps);
  if (share === 'BY_REPORT') {
    const message = `Team surgery (66) on ${line.code} is paid by report: the MAC sets each surgeon's amount from the documentation.`;
    ctx.findings.push({ kind: 'CONTRACTOR_PRICED', severity: 'INFO', lines: [lineNo], message, fix: 'Send the operative report with each surgeon\'s role.', carc: null, source: `${LAYOUT}, TEAM SURG` });
    return terminal('CONTRACTOR_PRICED', message, row, steps);
  }
  let shareFactor = share;
  if (input.nonPhysicianPractitioner && !mods.has('AS')) {
    shareFactor = shareFactor.times('0.85');
    steps.push(step('Billed by a nurse practitioner, physician assistant or clinical nurse specialist: 85%', 'x 0.85', '85% of the fee schedule amount', '42 CFR 414.52; 42 CFR 414.56'));
  }

  const bilateral = bilateralRule(ctx, lineNo, line, row, steps);
  if (bilateral && 'kind' in bilateral) return terminal('NOT_PAYABLE', bilateral.reason, row, steps);

  const parts = componentParts(row, global, rows, base, input);
  return { kind: 'prepared', row, global, base, rowAmount: priced.amount, pc: parts.pc, tc: parts.tc, pe, shareFactor, bilateral, steps };
}

/** The share paid for 62, 80/81/82, AS; BY_REPORT for 66; the stop when not payable. */
function teamShare(ctx: LineContext, lineNo: number, line: ClaimLineInput, row: PricingRvuRow, steps: PaymentStep[]): Decimal | 'BY_REPORT' | TerminalLine {
  const present = TEAM_MODIFIERS.filter((m) => line.modifiers.includes(m));
  if (present.length === 0) return new Decimal(1);
  if (present.length > 1) {
    const message = `Modifiers ${present.join(' and ')} on one line of ${line.code} cannot both describe the surgeon's role.`;
    return refuse(ctx, { kind: 'MODIFIER_CONFLICT', severity: 'ERROR', lines: [lineNo], message, fix: 'Keep the one modifier that describes this provider\'s role.', carc: '4', source: `${RULES} §40.8` });
  }
  const modifier = present[0];
  if (modifier === '62') {
    const indicator = row.coSurgeonIndicator;
    if (indicator === '0' || indicator === '9') {
      const why = indicator === '0' ? 'co-surgeons are not permitted for this procedure (CO-SURG 0).' : 'the co-surgeon concept does not apply (CO-SURG 9).';
      return notAllowed(ctx, lineNo, line.code, '62', why, 'Bill without 62; if two surgeons operated, each bills their own distinct procedure.', `${LAYOUT}, CO SURG`, indicator === '0' ? '54' : '4');
    }
    if (indicator === '1') documentation(ctx, lineNo, `Co-surgery on ${line.code} is paid only when documentation shows two surgeons were medically necessary (CO-SURG 1).`, `${LAYOUT}, CO SURG`);
    steps.push(step('Modifier 62 (co-surgeons): each surgeon is paid 62.5%', 'x 0.625', '62.5% of the fee schedule amount', `${RULES} §40.8; ${LAYOUT}, CO SURG ${indicator}`));
    return new Decimal('0.625');
  }
  if (modifier === '66') {
    const indicator = row.teamIndicator;
    if (indicator === '0' || indicator === '9') {
      const why = indicator === '0' ? 'team surgeons are not permitted for this procedure (TEAM SURG 0).' : 'the team surgery concept does not apply (TEAM SURG 9).';
      return notAllowed(ctx, lineNo, line.code, '66', why, 'Bill without 66.', `${LAYOUT}, TEAM SURG`, indicator === '0' ? '54' : '4');
    }
    return 'BY_REPORT';
  }
  const indicator = row.assistantIndicator;
  if (indicator === '1') {
    const message = `An assistant at surgery is never paid for ${line.code} (ASST SURG 1, statutory restriction).`;
    return refuse(ctx, { kind: 'NOT_SEPARATELY_PAYABLE', severity: 'ERROR', lines: [lineNo], message, fix: `Do not bill ${line.code}-${modifier}.`, carc: '54', source: `${LAYOUT}, ASST SURG` });
  }
  if (indicator === '9') {
    return notAllowed(ctx, lineNo, line.code, modifier, 'the assistant-at-surgery concept does not apply (ASST SURG 9).', `Remove modifier ${modifier}.`, `${LAYOUT}, ASST SURG`);
  }
  if (indicator === '0') documentation(ctx, lineNo, `An assistant at surgery on ${line.code} is paid only with documentation of medical necessity (ASST SURG 0).`, `${LAYOUT}, ASST SURG`);
  if (modifier === 'AS') {
    steps.push(step('Modifier AS (PA, NP or CNS assisting at surgery): 16% x 85%', 'x 0.136', '13.6% of the fee schedule amount', `42 CFR 414.56; ${RULES} §110; ${LAYOUT}, ASST SURG ${indicator}`));
    return new Decimal('0.136');
  }
  steps.push(step(`Modifier ${modifier} (assistant at surgery): 16%`, 'x 0.16', '16% of the fee schedule amount', `${RULES} §20.4.3; ${LAYOUT}, ASST SURG ${indicator}`));
  return new Decimal('0.16');
}

function documentation(ctx: LineContext, lineNo: number, message: string, source: string): void {
  ctx.findings.push({ kind: 'DOCUMENTATION_REQUIRED', severity: 'WARNING', lines: [lineNo], message, fix: 'Attach the operative report establishing medical necessity.', carc: null, source });
}

/** Bilateral billing on one line: modifier 50, RT with LT, or 2 units of a code with indicator 1-3. */
function bilateralRule(ctx: LineContext, lineNo: number, line: ClaimLineInput, row: PricingRvuRow, steps: PaymentStep[]): PreparedLine['bilateral'] | TerminalLine {
  const indicator = row.bilateralIndicator;
  const has50 = line.modifiers.includes('50');
  const bothSides = line.modifiers.includes('RT') && line.modifiers.includes('LT');
  const twoUnits = !has50 && !bothSides && line.units === 2 && ['1', '2', '3'].includes(indicator);
  if (!has50 && !bothSides && !twoUnits) return null;
  const source = `${LAYOUT}, BILAT SURG ${indicator}`;
  if (indicator === '9') {
    if (has50) {
      return notAllowed(ctx, lineNo, line.code, '50', 'the bilateral concept does not apply to this code (BILAT SURG 9).', 'Remove modifier 50.', source);
    }
    return null;
  }
  if (has50 && line.units > 1) {
    ctx.findings.push({ kind: 'BILATERAL_UNITS', severity: 'ERROR', lines: [lineNo], message: `${line.code}-50 is billed with ${line.units} units; a bilateral procedure with modifier 50 is one unit.`, fix: 'Report 1 unit with modifier 50.', carc: '151', source });
  } else if (twoUnits) {
    ctx.findings.push({ kind: 'BILATERAL_UNITS', severity: 'WARNING', lines: [lineNo], message: `2 units of ${line.code} are paid as one bilateral procedure (BILAT SURG ${indicator}), not as two units.`, fix: 'Report one line with modifier 50 and 1 unit, as most MACs require.', carc: null, source });
  }
  const how = has50 ? 'modifier 50' : bothSides ? 'RT and LT on one line' : '2 units';
  const factor = indicator === '1' ? '1.5' : indicator === '3' ? '2' : '1';
  const meaning =
    indicator === '1'
      ? '150% of the single-code amount'
      : indicator === '3'
        ? '100% for each side'
        : indicator === '2'
          ? 'RVUs already cover both sides: 100% of the single-code amount'
          : '150% does not apply: 100% of the single-code amount for both sides';
  steps.push(step(`Bilateral (${how}): ${meaning}`, `x ${factor}`, `${factor} x one side`, source));
  return { factor: new Decimal(factor), indicator };
}

/**
 * The professional and technical parts of one unit, for the imaging (TC 50%, PC 5%) and diagnostic
 * cardiovascular / ophthalmology TC reductions. A global row is split by its own 26 row's amount.
 */
function componentParts(row: PricingRvuRow, global: PricingRvuRow, rows: readonly PricingRvuRow[], base: Decimal, input: ClaimPricingInput): { pc: Decimal | null; tc: Decimal | null } {
  if (!['4', '6', '7'].includes(row.multipleProcedureIndicator)) return { pc: null, tc: null };
  if (row.modifier === '26' || global.pctcIndicator === '2') return { pc: base, tc: new Decimal(0) };
  if (row.modifier === 'TC' || global.pctcIndicator === '3') return { pc: new Decimal(0), tc: base };
  const pcRow = rows.find((r) => r.modifier === '26');
  const pcAmount = pcRow ? rowAmount(pcRow, input) : null;
  if (!pcAmount) return { pc: null, tc: null };
  const pc = Decimal.min(pcAmount.amount, base);
  return { pc, tc: base.minus(pc) };
}
