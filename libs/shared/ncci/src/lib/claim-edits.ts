import type { ClaimFinding } from '@denialmap/shared/fee-schedule';
import { NO_SPECIFIC_PRIMARY } from './add-on';
import { mueAdjudication } from './mue';
import { isPtpEditInForce, NCCI_ASSOCIATED_MODIFIERS, PtpEditFacts } from './ptp';

export interface EditedLine {
  code: string;
  modifiers: readonly string[];
  units: number;
}

export interface MueFacts {
  maxUnits: number;
  adjudicationIndicator: string;
}

export interface AddOnFacts {
  primaryCode: string;
  editType: string;
}

export interface ClaimEditData {
  dateOfService: string;
  /** Every PTP edit whose two codes are both on the claim (either direction). */
  ptpEdits: readonly PtpEditFacts[];
  /** MUE by code, for the claim's codes. */
  mues: ReadonlyMap<string, MueFacts>;
  /** Add-on code edits by add-on code, for the claim's codes that are add-ons. */
  addOnEdits: ReadonlyMap<string, readonly AddOnFacts[]>;
  /** Where each table comes from, e.g. "NCCI practitioner PTP edits, 2024-07-01 (ptp_practitioner_2024q3.csv)". */
  sources: { ptp: string; mue: string; addOn: string };
}

export interface ClaimEditResult {
  findings: ClaimFinding[];
  /** 0-based line index -> why the edits deny it. */
  deniedLines: Map<number, string>;
}

const BYPASS = new Set(NCCI_ASSOCIATED_MODIFIERS);
/** Anatomic modifiers say where: they separate two services only when the two lines name different sites. */
const ANATOMIC = new Set(['E1', 'E2', 'E3', 'E4', 'FA', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'TA', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'LT', 'RT', 'LC', 'LD', 'LM', 'RC', 'RI']);

/**
 * The NCCI-associated modifier that bypasses a modifier-indicator-1 edit, on either line (CMS
 * accepts it on either since CR 11168): any non-anatomic one (59, XE/XS/XP/XU, 25, 57, 58, 78,
 * 79, 24, 27, 91), or anatomic modifiers when both lines carry them and they differ.
 */
function bypassingModifier(one: EditedLine, i: number, two: EditedLine, j: number): { m: string; line: number } | undefined {
  for (const [l, index] of [[two, j], [one, i]] as const) {
    const m = l.modifiers.find((x) => BYPASS.has(x) && !ANATOMIC.has(x));
    if (m) return { m, line: index };
  }
  const sitesOne = one.modifiers.filter((x) => ANATOMIC.has(x));
  const sitesTwo = two.modifiers.filter((x) => ANATOMIC.has(x));
  const distinct = sitesTwo.find((x) => sitesOne.length > 0 && !sitesOne.includes(x));
  return distinct ? { m: distinct, line: j } : undefined;
}
/** Modifiers that say a repeated line is a distinct service, not a duplicate. */
const DISTINCT = new Set(['76', '77', '91', '59', 'XE', 'XS', 'XP', 'XU', 'RT', 'LT', 'FA', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'TA', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'E1', 'E2', 'E3', 'E4', 'LC', 'LD', 'LM', 'RC', 'RI']);

const sameModifiers = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * NCCI checks across the lines of one claim (one patient, provider and date of service): PTP
 * pairs, MUE unit limits by adjudication indicator, add-on codes without an eligible primary and
 * duplicate lines. Each finding names the lines, the fix and the likely CARC.
 */
export function checkClaimEdits(lines: readonly EditedLine[], data: ClaimEditData): ClaimEditResult {
  const findings: ClaimFinding[] = [];
  const deniedLines = new Map<number, string>();
  const deny = (i: number, reason: string) => {
    if (!deniedLines.has(i)) deniedLines.set(i, reason);
  };
  checkPtp(lines, data, findings, deny);
  checkMue(lines, data, findings, deny);
  checkAddOns(lines, data, findings, deny);
  checkDuplicates(lines, findings);
  return { findings, deniedLines };
}

function checkPtp(lines: readonly EditedLine[], data: ClaimEditData, findings: ClaimFinding[], deny: (i: number, reason: string) => void): void {
  // A pair can appear twice (an old deleted edit and its active successor): keep the one in force.
  const inForce = data.ptpEdits.filter((e) => isPtpEditInForce(e, data.dateOfService));
  const edits = new Map(inForce.map((e) => [`${e.column1}|${e.column2}`, e]));
  lines.forEach((one, i) => {
    lines.forEach((two, j) => {
      if (i === j || one.code === two.code) return;
      const edit = edits.get(`${one.code}|${two.code}`);
      if (!edit) return;
      const lineNos = [i + 1, j + 1].sort((a, b) => a - b);
      const pair = `${two.code} (line ${j + 1}) is bundled into ${one.code} (line ${i + 1}) by an NCCI PTP edit`;
      if (edit.modifierIndicator === '0') {
        const message = `${pair}; modifier indicator 0: no modifier bypasses it, so ${two.code} is not paid.`;
        findings.push({ kind: 'PTP_EDIT', severity: 'ERROR', lines: lineNos, message, fix: `Remove ${two.code} (line ${j + 1}): it is part of ${one.code}.`, carc: '97', source: data.sources.ptp });
        deny(j, message);
        return;
      }
      const bypass = bypassingModifier(one, i, two, j);
      if (bypass) {
        findings.push({
          kind: 'PTP_EDIT',
          severity: 'INFO',
          lines: lineNos,
          message: `${pair}, bypassed by modifier ${bypass.m} on line ${bypass.line + 1} (modifier indicator 1). The record must show a separate session, site or encounter.`,
          fix: null,
          carc: null,
          source: data.sources.ptp,
        });
        return;
      }
      const message = `${pair}; modifier indicator 1: without an NCCI-associated modifier, ${two.code} is not paid.`;
      findings.push({
        kind: 'PTP_EDIT',
        severity: 'ERROR',
        lines: lineNos,
        message,
        fix: `If ${two.code} was a distinct service (another session, site or lesion), add XS, XE, XP, XU or 59 (or an anatomic modifier such as RT/LT) to line ${j + 1}; otherwise remove it.`,
        carc: '236',
        source: data.sources.ptp,
      });
      deny(j, message);
    });
  });
}

function checkMue(lines: readonly EditedLine[], data: ClaimEditData, findings: ClaimFinding[], deny: (i: number, reason: string) => void): void {
  const byCode = new Map<string, number[]>();
  lines.forEach((l, i) => byCode.set(l.code, [...(byCode.get(l.code) ?? []), i]));
  for (const [code, indexes] of byCode) {
    const mue = data.mues.get(code);
    if (!mue) continue;
    const mai = mueAdjudication(mue.adjudicationIndicator);
    if (mue.maxUnits === 0) {
      const message = `${code} has an MUE of 0: CMS does not expect it to be reported on a practitioner claim, so every unit is denied.`;
      findings.push({ kind: 'MUE_EXCEEDED', severity: 'ERROR', lines: indexes.map((i) => i + 1), message, fix: `Do not bill ${code} on a practitioner claim; check whether another code or claim type applies.`, carc: '151', source: data.sources.mue });
      for (const i of indexes) deny(i, message);
      continue;
    }
    if (mai.indicator === '1') {
      for (const i of indexes) {
        if (lines[i].units <= mue.maxUnits) continue;
        const message = `${code} on line ${i + 1} has ${lines[i].units} units; its MUE is ${mue.maxUnits} per line (MAI 1, line edit), so the whole line is denied.`;
        findings.push({
          kind: 'MUE_EXCEEDED',
          severity: 'ERROR',
          lines: [i + 1],
          message,
          fix: `Report at most ${mue.maxUnits} on the line; medically necessary additional units go on separate lines with 76, 77, 91 or an anatomic modifier, with documentation.`,
          carc: '151',
          source: data.sources.mue,
        });
        deny(i, message);
      }
      continue;
    }
    const total = indexes.reduce((n, i) => n + lines[i].units, 0);
    if (total <= mue.maxUnits) continue;
    const where = indexes.length > 1 ? `lines ${indexes.map((i) => i + 1).join(', ')} add up to ${total} units` : `line ${indexes[0] + 1} has ${total} units`;
    const message =
      `${code}: ${where}; its MUE is ${mue.maxUnits} per date of service (MAI ${mai.indicator}, ${mai.label.toLowerCase()}). ` +
      (mai.appealable ? 'The units are denied, but may be paid on appeal with records showing medical necessity.' : 'The units are denied and an appeal cannot succeed: the limit is set by policy.');
    findings.push({
      kind: 'MUE_EXCEEDED',
      severity: 'ERROR',
      lines: indexes.map((i) => i + 1),
      message,
      fix: mai.appealable ? `Bill at most ${mue.maxUnits} units, or appeal with documentation of medical necessity.` : `Bill at most ${mue.maxUnits} units for the date of service.`,
      carc: '151',
      source: data.sources.mue,
    });
    for (const i of indexes) deny(i, message);
  }
}

function checkAddOns(lines: readonly EditedLine[], data: ClaimEditData, findings: ClaimFinding[], deny: (i: number, reason: string) => void): void {
  lines.forEach((line, i) => {
    const edits = data.addOnEdits.get(line.code);
    if (!edits || edits.length === 0) return;
    const others = lines.filter((_, k) => k !== i && !data.addOnEdits.get(lines[k].code)?.length);
    const listed = new Set(edits.filter((e) => e.primaryCode !== NO_SPECIFIC_PRIMARY).map((e) => e.primaryCode));
    const types = new Set(edits.map((e) => e.editType));
    if (listed.size > 0 && lines.some((o, k) => k !== i && listed.has(o.code))) return;
    const sample = [...listed].sort().slice(0, 8).join(', ') + (listed.size > 8 ? ` and ${listed.size - 8} more` : '');
    if (others.length === 0 || types.has('1') || listed.size > 0) {
      const strict = others.length === 0 || (types.has('1') && !types.has('3'));
      const message =
        others.length === 0
          ? `${line.code} is an add-on code billed without any primary procedure on the claim.`
          : `${line.code} is an add-on code (type ${[...types].sort().join('/')}) and none of its listed primary codes is on the claim.`;
      findings.push({
        kind: 'ADD_ON_WITHOUT_PRIMARY',
        severity: strict ? 'ERROR' : 'WARNING',
        lines: [i + 1],
        message: strict ? message : `${message} For type 3 the MAC may accept another primary it deems appropriate.`,
        fix: listed.size > 0 ? `Bill ${line.code} with its primary procedure, e.g. ${sample}.` : `Bill ${line.code} with the primary procedure it adds to.`,
        carc: '107',
        source: data.sources.addOn,
      });
      if (strict) deny(i, message);
    }
  });
}

function checkDuplicates(lines: readonly EditedLine[], findings: ClaimFinding[]): void {
  lines.forEach((line, i) => {
    const j = lines.findIndex((other, k) => k > i && other.code === line.code && sameModifiers(other.modifiers, line.modifiers));
    if (j < 0 || line.modifiers.some((m) => DISTINCT.has(m))) return;
    const first = lines.findIndex((other, k) => k < i && other.code === line.code && sameModifiers(other.modifiers, line.modifiers));
    if (first >= 0) return;
    findings.push({
      kind: 'DUPLICATE_LINE',
      severity: 'WARNING',
      lines: [i + 1, j + 1],
      message: `Lines ${i + 1} and ${j + 1} bill ${line.code} with the same modifiers; the second is likely denied as a duplicate.`,
      fix: `Combine them into one line with the total units, or add 76/77 (repeat) or 91 (repeat lab test) when the service was truly repeated.`,
      carc: '18',
      source: 'Medicare Claims Processing Manual ch. 1 §120 (duplicate claims)',
    });
  });
}
