import { decimal, statusCodeMeaning } from '@denialmap/shared/fee-schedule';
import { BillingTip, TipTopic } from './billing-tip';
import { CodeFacts } from './code-facts';
import { dollars, dollarsOf, percent, practiceExpenseShare, referenceAmount, shareOf, sumOfShares } from './tip-money';

/** A tip before its source: the RVU file field it reads, or (the imaging cap) a source of its own. */
type Draft = Omit<BillingTip, 'kind' | 'source' | 'reports'> & { field: string; source?: BillingTip['source'] };

/** Tips from the PPRRVU row's payment-policy indicators (CMS RVU file layout, RVU25D). */
export function feeScheduleTips(facts: CodeFacts): BillingTip[] {
  const drafts: (Draft | null)[] = [
    statusTip(facts),
    professionalTechnicalTip(facts),
    bilateralTip(facts),
    multipleProcedureTip(facts),
    globalPeriodTip(facts),
    ...surgicalTeamTips(facts),
    reducedOrDiscontinuedTip(facts),
    imagingCapTip(facts),
  ];
  return drafts
    .filter((d): d is Draft => d !== null)
    .map(({ field, source, ...tip }) => ({
      ...tip,
      kind: 'RULE',
      reports: null,
      source: source ?? { label: facts.release.label, detail: `${facts.release.sourceFile}, ${field}` },
    }));
}

const tip = (key: string, topic: TipTopic, field: string, title: string, advice: string, moneyAtStake: Draft['moneyAtStake'] = null): Draft => ({
  key: `rule:${key}`,
  topic,
  field,
  title,
  advice,
  moneyAtStake,
});

const PAYABLE = new Set(['A', 'R', 'T']);

function statusTip(f: CodeFacts): Draft | null {
  const status = f.global.statusCode;
  const meaning = statusCodeMeaning(status);
  const field = `STATUS CODE ${status}`;
  switch (status) {
    case 'A':
      return null;
    case 'B':
      return tip('status', 'PAYMENT_STATUS', field, `Bundled: ${f.code} is never paid on its own`, `${meaning.meaning} Report it only where a payer asks for it; a line billed for payment is denied as included in another service (CARC 97), and the patient cannot be billed for it.`);
    case 'C':
      return tip('status', 'PAYMENT_STATUS', field, 'Priced by the MAC, not the fee schedule', `${meaning.meaning} Send the operative or procedure report (and an invoice where supplies drive the price) with the claim; the national RVUs are not what you will be paid.`);
    case 'N':
      return tip('status', 'PAYMENT_STATUS', field, 'Not covered by Medicare: get an ABN first', `${meaning.meaning} To bill the patient, have them sign an Advance Beneficiary Notice before the service and append GA; without a valid ABN the provider absorbs the cost (group code CO).`);
    case 'T':
      return tip('status', 'PAYMENT_STATUS', field, 'Paid only when nothing else is billed that day', `${meaning.meaning} Billed with an E/M or another fee-schedule service on the same date, ${f.code} is bundled; billed alone it is paid.`);
    case 'R':
      return tip('status', 'PAYMENT_STATUS', field, 'Restricted coverage', `${meaning.meaning} Check the MAC's coverage article before billing and keep the documentation that meets it.`);
    case 'I':
    case 'G':
      return tip('status', 'PAYMENT_STATUS', field, 'Not valid for Medicare claims', `${meaning.meaning} Bill Medicare with the code CMS names instead (see the HCPCS file), or the line is rejected as invalid (CARC 181).`);
    default:
      return tip('status', 'PAYMENT_STATUS', field, `${meaning.label}: no fee schedule payment`, meaning.meaning);
  }
}

const PCTC_PITFALLS: Record<string, [title: string, advice: string]> = {
  '0': ['No 26 or TC on this code', 'It is a physician service with no professional/technical split: a line with modifier 26 or TC is denied as an invalid modifier combination (CARC 4).'],
  '2': ['Already the professional component: no 26', 'The code itself is the professional (interpretation) part; appending 26 or TC gets the line denied (CARC 4).'],
  '3': ['Already the technical component: no TC', 'The code itself is the technical part; appending 26 or TC gets the line denied (CARC 4).'],
  '4': ['Global-only code: bill the separate PC and TC codes', 'Modifiers 26 and TC cannot be used; when the professional and technical parts are done by different providers, each bills its own code.'],
  '5': ['Incident-to: not payable for hospital patients', 'Not paid by the MAC when the patient is a hospital inpatient or outpatient; modifiers 26 and TC cannot be used.'],
  '6': ['Lab interpretation: no TC', 'Only the physician interpretation is paid here (the test on the lab fee schedule); a TC line is denied.'],
  '7': ['Therapy not payable in a hospital setting', 'Not payable when an independently practising PT or OT furnishes it to a hospital inpatient or outpatient.'],
  '8': ['Payable for hospital inpatients only', 'The physician interpretation (85060) is payable only for a hospital inpatient, and there is no TC billing.'],
};

function professionalTechnicalTip(f: CodeFacts): Draft | null {
  const indicator = f.global.pctcIndicator;
  const field = `PCTC IND ${indicator}`;
  if (indicator === '1') {
    const global = referenceAmount(f.global);
    const pc = f.professional?.nationalNonFacilityAmount ?? f.professional?.nationalFacilityAmount ?? null;
    const tc = f.technical?.nationalNonFacilityAmount ?? null;
    const money = tc && global ? { amount: tc, basis: `TC row, national non-facility amount: $${tc} of the $${global.amount} global (${f.release.label})` } : null;
    return tip(
      'pctc',
      'PROFESSIONAL_TECHNICAL_SPLIT',
      field,
      'Split billing: 26 for the reading, TC for the equipment',
      `In a hospital (inpatient or outpatient) the hospital bills the technical part and the interpreting physician bills ${f.code}-26 (${dollars(pc)}); a global claim for a hospital patient is denied or recouped. TC is ${dollars(tc)} of the ${dollars(global?.amount)} global. Bill the global only when the same practice owns the equipment and reads the study.`,
      money,
    );
  }
  const pitfall = PCTC_PITFALLS[indicator];
  return pitfall ? tip('pctc', 'PROFESSIONAL_TECHNICAL_SPLIT', field, pitfall[0], pitfall[1]) : null;
}

function bilateralTip(f: CodeFacts): Draft | null {
  const indicator = f.global.bilateralIndicator;
  const field = `BILAT SURG ${indicator}`;
  switch (indicator) {
    case '1':
      return tip(
        'bilateral',
        'BILATERAL',
        field,
        'Both sides: one line with 50, paid at 150%',
        `Report a bilateral ${f.code} once with modifier 50 and 1 unit (some MACs and payers want RT and LT lines instead): Medicare pays 150% (${dollarsOf(f.global, '1.5')}). Two identical lines without 50, RT or LT are read as a duplicate and the second is denied (CARC 18).`,
        shareOf(f, f.global, '0.5', 'The second side (150% - 100%)'),
      );
    case '0':
      return tip('bilateral', 'BILATERAL', field, 'No bilateral increase', `The 150% bilateral adjustment does not apply: with 50 or on both sides Medicare pays 100% of one (${dollarsOf(f.global, '1')}). Check whether another code describes the second side.`);
    case '2':
      return tip('bilateral', 'BILATERAL', field, 'Already bilateral: no 50, RT/LT or 2 units', `The RVUs already cover both sides: bill 1 unit without 50 or RT/LT; a second unit or side is denied.`);
    case '3':
      return tip(
        'bilateral',
        'BILATERAL',
        field,
        'Each side paid in full: bill both',
        `Each side is paid at 100% (${dollarsOf(f.global, '1')} each): report RT and LT on separate lines (or as the MAC instructs). A second side left off the claim is money not asked for.`,
        shareOf(f, f.global, '1', 'The second side at 100%'),
      );
    default:
      return null;
  }
}

function multipleProcedureTip(f: CodeFacts): Draft | null {
  const indicator = f.global.multipleProcedureIndicator;
  const field = `MULT PROC ${indicator}`;
  switch (indicator) {
    case '0':
      return tip('multiple', 'MULTIPLE_PROCEDURES', field, 'No multiple-procedure reduction', `${f.code} is paid in full even with other procedures the same day; a 51 reduction on the remittance is an error worth appealing.`);
    case '1':
    case '2':
      return tip(
        'multiple',
        'MULTIPLE_PROCEDURES',
        field,
        'Second procedure paid at 50%',
        `With other procedures in the same session the highest-paid is paid in full and ${f.code}, if it ranks lower, at 50%${indicator === '1' ? ' (then 25% from the third, the pre-1995 rule)' : ''}: ${dollarsOf(f.global, '0.5')} instead of ${dollarsOf(f.global, '1')}. List the highest-valued procedure first and append 51 where the payer wants it.`,
        shareOf(f, f.global, '0.5', 'Reduction when ranked second (50%)'),
      );
    case '3':
      return tip(
        'multiple',
        'MULTIPLE_PROCEDURES',
        field,
        `Endoscopy family${f.global.endoscopicBase ? ` (base ${f.global.endoscopicBase})` : ''}`,
        `With another endoscopy of the same family the highest is paid in full and each other at its amount minus the base endoscopy's amount; the base code is not paid with a family member. Do not append 51 within the family.`,
      );
    case '4':
      return tip(
        'multiple',
        'MULTIPLE_PROCEDURES',
        field,
        'Imaging in the same session: TC 50%, PC 5% less',
        `Done in the same session as another imaging study, the lower-paid one's technical part is reduced 50% and its professional part 5%. Bill the studies on one claim, highest-valued first.`,
        sumOfShares(
          f,
          [
            { row: f.technical, share: '0.5', rowName: 'TC' },
            { row: f.professional, share: '0.05', rowName: '26' },
          ],
          'Reduction when ranked second',
        ),
      );
    case '5':
      return tip(
        'multiple',
        'MULTIPLE_PROCEDURES',
        field,
        'Therapy: practice expense halved after the first unit',
        `For the second and later units and services that day, the practice expense part is reduced 50%; work and malpractice are paid in full.`,
        practiceExpenseShare(f, f.global, '0.5', 'Reduction per later unit'),
      );
    case '6':
      return tip('multiple', 'MULTIPLE_PROCEDURES', field, 'Cardiovascular tests: TC 25% less when ranked second', `With another cardiovascular diagnostic test the same day, the lower-paid test's technical part is reduced 25%.`, shareOf(f, f.technical, '0.25', 'Reduction when ranked second', 'TC'));
    case '7':
      return tip('multiple', 'MULTIPLE_PROCEDURES', field, 'Ophthalmology tests: TC 20% less when ranked second', `With another ophthalmology diagnostic test the same day, the lower-paid test's technical part is reduced 20%.`, shareOf(f, f.technical, '0.2', 'Reduction when ranked second', 'TC'));
    default:
      return null;
  }
}

function globalPeriodTip(f: CodeFacts): Draft | null {
  const days = f.global.globalDays;
  const field = `GLOB DAYS ${days}`;
  if (days === '000') {
    return tip('global', 'GLOBAL_PERIOD', field, '0-day global: same-day visit needs 25', `An E/M visit the same day is included unless it is significant and separately identifiable: then append 25 to the E/M (never to ${f.code}) and document it apart.`);
  }
  if (days === '010' || days === '090') {
    const g = f.global;
    const preIntra = decimal(g.preOpShare).plus(g.intraOpShare).toString();
    return tip(
      'global',
      'GLOBAL_PERIOD',
      field,
      `${Number(days)}-day global: which modifier for what`,
      `Visits for the surgery in the ${Number(days)} days after it${days === '090' ? ' (and the day before)' : ''} are included. Unrelated E/M: 24. Decision for surgery the day before or of a major surgery: 57. Staged or planned related procedure: 58. Return to the OR for a complication: 78 (intraoperative share, ${percent(g.intraOpShare)}). Unrelated procedure: 79. Split care: 54 surgical care (${percent(preIntra)}), 55 postoperative care (${percent(g.postOpShare)}, ${dollarsOf(g, g.postOpShare)}), 56 preoperative care (${percent(g.preOpShare)}).`,
      shareOf(f, g, g.postOpShare, `Postoperative care share (${percent(g.postOpShare)}) another provider bills with 55`),
    );
  }
  if (days === 'YYY') return tip('global', 'GLOBAL_PERIOD', field, 'The MAC sets the global period', 'Ask the MAC (or read its fee schedule) for the postoperative days before billing follow-up visits.');
  if (days === 'MMM') return tip('global', 'GLOBAL_PERIOD', field, 'Maternity: no standard global period', 'The usual global surgery rules do not apply; follow the CPT maternity package definitions.');
  return null;
}

/** Global periods of surgical codes: assistant, co-surgeon and team rules matter only there. */
const SURGICAL_GLOBALS = new Set(['000', '010', '090', 'YYY', 'ZZZ']);

function surgicalTeamTips(f: CodeFacts): (Draft | null)[] {
  const g = f.global;
  if (!SURGICAL_GLOBALS.has(g.globalDays)) return [];
  const assistant: Record<string, [string, string]> = {
    '0': ['Assistant at surgery: only with documentation', `80/81/82 are paid at 16% (${dollarsOf(g, '0.16')}) only with records showing medical necessity; send them with the claim.`],
    '1': ['Assistant at surgery is never paid', `Medicare does not pay an assistant (80, 81, 82 or AS) for ${f.code}; such a line is denied (${dollarsOf(g, '0.16')} at 16%).`],
    '2': ['Assistant at surgery payable at 16%', `A surgeon assisting bills 80, 81 or 82 (16%, ${dollarsOf(g, '0.16')}); a PA, NP or CNS assisting bills AS (16% x 85% = 13.6%, ${dollarsOf(g, '0.136')}).`],
  };
  const coSurgeon: Record<string, [string, string]> = {
    '0': ['Co-surgery not permitted', 'Two surgeons each billing 62 for this code are not paid as co-surgeons.'],
    '1': ['Co-surgeons: with documentation', `Each surgeon bills 62 and is paid 62.5% (${dollarsOf(g, '0.625')}) when the records show why two were needed.`],
    '2': ['Co-surgeons permitted', `Each surgeon bills 62 and is paid 62.5% (${dollarsOf(g, '0.625')}).`],
  };
  const team: Record<string, [string, string]> = {
    '0': ['Team surgery not permitted', 'Modifier 66 is not paid for this code.'],
    '1': ['Team surgery: with documentation', 'Billed with 66, priced by report from the documentation of each surgeon’s part.'],
    '2': ['Team surgery permitted', 'Billed with 66, priced by report.'],
  };
  const a = assistant[g.assistantIndicator];
  const c = coSurgeon[g.coSurgeonIndicator];
  const t = team[g.teamIndicator];
  return [
    a ? tip('assistant', 'SURGICAL_TEAM', `ASST SURG ${g.assistantIndicator}`, a[0], a[1], g.assistantIndicator === '1' ? null : shareOf(f, g, '0.16', 'Assistant at surgery at 16%')) : null,
    c ? tip('co-surgeon', 'SURGICAL_TEAM', `CO SURG ${g.coSurgeonIndicator}`, c[0], c[1], g.coSurgeonIndicator === '0' ? null : shareOf(f, g, '0.625', 'Each co-surgeon at 62.5%')) : null,
    t ? tip('team', 'SURGICAL_TEAM', `TEAM SURG ${g.teamIndicator}`, t[0], t[1]) : null,
  ];
}

function reducedOrDiscontinuedTip(f: CodeFacts): Draft | null {
  if (!PAYABLE.has(f.global.statusCode)) return null;
  if (f.discontinued) {
    const amount = referenceAmount(f.discontinued);
    return tip(
      'reduced',
      'REDUCED_OR_DISCONTINUED',
      'MOD 53 row',
      'Discontinued (53) has its own fee schedule amount',
      `CMS prices ${f.code}-53 from its own RVU row (${dollars(amount?.amount)}); 52 for a reduced service is priced by the MAC.`,
      amount ? { amount: amount.amount, basis: `53 row, ${amount.setting} amount (${f.release.label})` } : null,
    );
  }
  return tip(
    'reduced',
    'REDUCED_OR_DISCONTINUED',
    'MOD 52/53 (no 53 row)',
    'Reduced (52) or discontinued (53): the MAC prices it',
    `There is no fee schedule amount for ${f.code}-52 or -53: the MAC decides the payment from the documentation, so attach the report saying what was done and why it stopped. Do not reduce the charge yourself by a guessed percentage.`,
  );
}

function imagingCapTip(f: CodeFacts): Draft | null {
  const cap = f.oppsCap;
  if (!cap) return null;
  const capTip = tip(
    'imaging-cap',
    'IMAGING_CAP',
    'OPPSCAP',
    'Capped at the hospital outpatient rate in some localities',
    `In ${cap.localities} localities Medicare pays the lower of this fee schedule amount and the OPPS-based cap for ${f.code}${cap.lowest.modifier ? `-${cap.lowest.modifier}` : ''}; the lowest cap is $${cap.lowest.amount} (MAC ${cap.lowest.mac}, locality ${cap.lowest.localityNumber}). Price it for your locality in the calculator before quoting an amount.`,
  );
  return { ...capTip, source: { label: 'CMS OPPS imaging payment caps', detail: `${cap.sourceFile}, ${cap.localities} localities for ${f.code}` } };
}
