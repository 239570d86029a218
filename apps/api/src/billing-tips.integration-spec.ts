import { ShippedReferenceData } from '@denialmap/server/reference-data/data-access';
import { ApiStack, createAdminWithCli, eventually, signIn } from './testing/api-stack.testing';

const TIPS = `query ($code: String!, $dos: String) { billingTips(code: $code, dateOfService: $dos) {
  code dateOfService releaseLabel communityUnlocked reportersNeeded
  tips { key kind topic title advice source { label detail } moneyAtStake { amount basis } reports impact { statement basis } } } }`;
const CURATED = `query ($code: String, $all: Boolean) { curatedTips(code: $code, includeRetired: $all) { id codeFrom codeTo title status shipped source impactStatement impactBasis } }`;
const CREATE = `mutation ($input: CuratedTipInput!) { createCuratedTip(input: $input) { id codeFrom codeTo title status shipped } }`;
const UPDATE = `mutation ($id: String!, $input: CuratedTipInput!, $note: String) { updateCuratedTip(id: $id, input: $input, note: $note) { id title status } }`;
const RETIRE = `mutation ($id: String!, $reason: String!) { retireCuratedTip(id: $id, reason: $reason) { id status retiredAt } }`;
const SUBMIT = `mutation ($input: DenialReportInput!) { submitDenialReport(input: $input) { __typename ... on DenialReportReceipt { status } } }`;

interface Tip {
  key: string;
  kind: string;
  topic: string;
  title: string;
  advice: string;
  source: { label: string; detail: string };
  moneyAtStake: { amount: string; basis: string } | null;
  reports: number | null;
  impact: { statement: string; basis: string } | null;
}
interface Tips {
  code: string;
  releaseLabel: string;
  communityUnlocked: boolean;
  reportersNeeded: number;
  tips: Tip[];
}

let stack: ApiStack;
let moderator: Record<string, string>;
let suiteStartedAt: Date;
const tipsFor = async (code: string, dos = '2025-06-01') => {
  const answer = await stack.graphql<{ billingTips: Tips }>(TIPS, { code, dos });
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data.billingTips;
};
const tip = (tips: Tips, key: string) => tips.tips.find((t) => t.key === key);
const goodTip = {
  codeFrom: '70010',
  codeTo: '76499',
  topic: 'DOCUMENTATION',
  title: 'Keep the order with the images',
  advice: 'Diagnostic imaging needs a treating practitioner order on file; payers ask for it in audits of radiology claims.',
  source: 'Medicare Benefit Policy Manual, Chapter 15, section 80.6 (orders for diagnostic tests)',
};

beforeAll(async () => {
  stack = await ApiStack.start({ REVIEW_SAMPLE_RATE: '0', REPORTS_PER_MINUTE: '10000' });
  suiteStartedAt = (await stack.prisma.$queryRawUnsafe<{ now: Date }[]>(`SELECT now() AS now`))[0].now;
  // The NCCI tables and the imaging caps, on top of what the stack loads.
  await stack.api.get(ShippedReferenceData).loadAll(['ncci-ptp', 'ncci-mue', 'ncci-aoc', 'opps-cap']);
  expect(createAdminWithCli('tips.admin@example.org', 'the tips admin passphrase').status).toBe(0);
  const admin = { cookie: await signIn(stack, 'tips.admin@example.org', 'the tips admin passphrase') };
  const invite = await stack.graphql<{ inviteStaff: { invitationToken: string } }>(`mutation { inviteStaff(email: "tips.mod@example.org", displayName: "Tip Mod", role: MODERATOR) { invitationToken } }`, {}, admin);
  const accepted = await stack.post(`mutation ($t: String!) { acceptStaffInvitation(token: $t, password: "tips moderator passphrase") { staff { id } } }`, { t: invite.data.inviteStaff.invitationToken });
  moderator = { cookie: (accepted.headers.get('set-cookie') ?? '').split(';')[0] };
}, 180_000);
afterAll(() => stack?.stop());

describe('billingTips: rule-derived tips from the reference data, with sources and money at stake', () => {
  it('70390 on 2025-06-01: the 26/TC split with TC $92.19 of $109.65, the MUE, bilateral and 52/53 rules, from RVU25D', async () => {
    const tips = await tipsFor('70390');
    expect(tips).toMatchObject({ code: '70390', releaseLabel: 'CMS MPFS RVU25D', communityUnlocked: false, reportersNeeded: 5 });
    expect(tip(tips, 'rule:pctc')).toMatchObject({
      kind: 'RULE',
      topic: 'PROFESSIONAL_TECHNICAL_SPLIT',
      moneyAtStake: { amount: '92.19', basis: 'TC row, national non-facility amount: $92.19 of the $109.65 global (CMS MPFS RVU25D)' },
      source: { label: 'CMS MPFS RVU25D', detail: 'PPRRVU2025_Oct.csv, PCTC IND 1' },
    });
    expect(tip(tips, 'rule:pctc')?.advice).toContain('70390-26 ($17.47)');
    // MUE 2 units, MAI 3 (clinical): three units put all three at stake, 3 x $109.65.
    expect(tip(tips, 'rule:mue')).toMatchObject({ title: 'At most 2 units per day (MUE)', moneyAtStake: { amount: '328.95' } });
    expect(tip(tips, 'rule:mue')?.source.detail).toContain('MUE 2, MAI 3');
    expect(tip(tips, 'rule:bilateral')?.title).toBe('No bilateral increase');
    expect(tip(tips, 'rule:reduced')?.title).toBe('Reduced (52) or discontinued (53): the MAC prices it');
    // 70390 is column 1 only: no "bundled into" tip; an X-ray gets no surgical-team tips.
    expect(tip(tips, 'rule:ncci-column-2')).toBeUndefined();
    expect(tips.tips.filter((t) => t.topic === 'SURGICAL_TEAM')).toEqual([]);
    // Most money at stake first.
    expect(tips.tips[0].key).toBe('rule:mue');
  });

  it('follows the date of service to RVU26C', async () => {
    const tips = await tipsFor('70390', '2026-08-01');
    expect(tips.releaseLabel).toBe('CMS MPFS RVU26C');
    expect(tip(tips, 'rule:pctc')?.source.detail).toBe('PPRRVU2026_Jul_nonQPP.csv, PCTC IND 1');
  });

  it('a column-2 code gets the NCCI bundling tip with counts in force on the date', async () => {
    const tips = await tipsFor('76000');
    const ncci = tip(tips, 'rule:ncci-column-2');
    expect(ncci?.title).toMatch(/^Bundled into \d+ other codes \(NCCI\)$/);
    expect(ncci?.source.label).toContain('effective 2024-07-01');
    expect(ncci?.source.detail).toMatch(/^ptp_practitioner_2024q3\.csv\.gz: \d+ edits in force with 76000 in column 2, \d+ with modifier indicator 1$/);
  });

  it('a surgical code gets global-period and surgical-team tips; an add-on code its primaries', async () => {
    const surgery = await tipsFor('27447');
    expect(tip(surgery, 'rule:global')?.title).toBe('90-day global: which modifier for what');
    expect(surgery.tips.some((t) => t.topic === 'SURGICAL_TEAM')).toBe(true);
    const addOn = await tipsFor('22552');
    expect(tip(addOn, 'rule:add-on')?.advice).toContain('Primary codes include');
  });

  it('answers an unknown code with NOT_FOUND and a malformed one with BAD_USER_INPUT', async () => {
    expect((await stack.graphql(TIPS, { code: '99999' })).errors?.[0].extensions['code']).toBe('NOT_FOUND');
    expect((await stack.graphql(TIPS, { code: '70-39' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
  });
});

describe('curated tips: the shipped 70390 tips, and staff adding, editing and retiring', () => {
  it('shows the six shipped 70390 tips with their sources, and the two impact statements with their basis', async () => {
    const curated = (await tipsFor('70390')).tips.filter((t) => t.kind === 'CURATED');
    expect(curated.map((t) => t.title).sort()).toEqual(
      [
        'Hospital patient: the radiologist bills 26 only',
        'Link a diagnosis that explains the study',
        'Say which side: RT or LT',
        'Some plans want ultrasound or MR first',
        'Study stopped after it started: 53, with a note',
        'The contrast injection is its own code',
      ].sort(),
    );
    expect(curated.every((t) => t.source.label === 'DenialMap editors' && t.source.detail.length > 20)).toBe(true);
    expect(curated.find((t) => t.title.startsWith('Hospital patient'))?.impact).toEqual({
      statement: 'A global claim for a hospital patient is cut from $109.65 to $17.47',
      basis: 'CMS MPFS RVU25D national non-facility amounts: 70390 global 3.39 RVUs = $109.65, 70390-26 0.54 RVUs = $17.47 (CF 32.3465)',
    });
    expect(curated.find((t) => t.advice.includes('K11.5'))?.advice).toContain('K11.20');
  });

  it('lets a moderator add a tip for a code range, edit and retire it, each in the audit log; pages follow at once', async () => {
    const created = await stack.graphql<{ createCuratedTip: { id: string; codeFrom: string; codeTo: string; status: string; shipped: boolean } }>(CREATE, { input: goodTip }, moderator);
    expect(created.errors).toBeUndefined();
    const id = created.data.createCuratedTip.id;
    expect(created.data.createCuratedTip).toMatchObject({ codeFrom: '70010', codeTo: '76499', status: 'ACTIVE', shipped: false });
    expect(tip(await tipsFor('70390'), `curated:${id}`)?.title).toBe('Keep the order with the images');
    expect(tip(await tipsFor('76000'), `curated:${id}`)).toBeDefined();
    expect(tip(await tipsFor('27447'), `curated:${id}`)).toBeUndefined();

    const updated = await stack.graphql(UPDATE, { id, input: { ...goodTip, title: 'Keep the signed order with the images' }, note: 'clearer title' }, moderator);
    expect(updated.errors).toBeUndefined();
    expect(tip(await tipsFor('70390'), `curated:${id}`)?.title).toBe('Keep the signed order with the images');

    expect((await stack.graphql(RETIRE, { id, reason: '' }, moderator)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const retired = await stack.graphql<{ retireCuratedTip: { status: string; retiredAt: string } }>(RETIRE, { id, reason: 'covered by the MAC article tip' }, moderator);
    expect(retired.data.retireCuratedTip.status).toBe('RETIRED');
    expect(tip(await tipsFor('70390'), `curated:${id}`)).toBeUndefined();
    const listed = await stack.graphql<{ curatedTips: { id: string; status: string }[] }>(CURATED, { code: '70390', all: true }, moderator);
    expect(listed.data.curatedTips.find((t) => t.id === id)?.status).toBe('RETIRED');
    expect((await stack.graphql(RETIRE, { id, reason: 'again' }, moderator)).errors?.[0].extensions['code']).toBe('NOT_FOUND');

    const audit = await stack.prisma.$queryRawUnsafe<{ action: string; actor_email: string; reason: string | null; code: string; details: { tipId: string; title: string } }[]>(
      `SELECT action, actor_email, reason, code, details FROM audit_entry WHERE details->>'tipId' = $1 AND at >= $2 ORDER BY id`,
      id,
      suiteStartedAt,
    );
    expect(audit.map((a) => [a.action, a.actor_email, a.reason, a.code])).toEqual([
      ['TIP_CREATED', 'tips.mod@example.org', null, '70010'],
      ['TIP_UPDATED', 'tips.mod@example.org', 'clearer title', '70010'],
      ['TIP_RETIRED', 'tips.mod@example.org', 'covered by the MAC article tip', '70010'],
    ]);
  });

  it.each([
    ['no source', { source: '' }, 'input.source'],
    ['an impact without its basis', { impactStatement: 'Saves $20 per claim' }, 'input.impactBasis'],
    ['a basis without an impact', { impactBasis: 'CMS MPFS RVU25D' }, 'input.impactStatement'],
    ['a backwards range', { codeFrom: '76499', codeTo: '70010' }, 'input.codeTo'],
    ['a malformed code', { codeFrom: '7039' }, 'input.codeFrom'],
    ['patient information in the advice', { advice: 'Patient John Smith, DOB 04/12/1956, MRN 4432190 was denied for this study last week.' }, 'input.advice'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and stores nothing', async (_name, change, field) => {
    const before = await stack.count(`SELECT count(*) AS n FROM curated_tip`);
    const answer = await stack.graphql(CREATE, { input: { ...goodTip, ...change } }, moderator);
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await stack.count(`SELECT count(*) AS n FROM curated_tip`)).toBe(before);
  });

  it('is closed to anonymous callers', async () => {
    expect((await stack.graphql(CREATE, { input: goodTip })).errors?.[0].extensions['code']).toBe('UNAUTHENTICATED');
    expect((await stack.graphql(CURATED, {})).errors?.[0].extensions['code']).toBe('UNAUTHENTICATED');
  });
});

describe('community tips: only once five billers have reported, with counts', () => {
  const report = {
    code: '70390',
    modifiers: ['26'],
    serviceYear: 2025,
    serviceQuarter: 2,
    payerType: 'MEDICARE_FFS',
    groupCode: 'CO',
    carc: '97',
    rarcs: [],
    icd10Codes: ['K11.5'],
    denialCategory: 'BUNDLING',
    actionTaken: 'CORRECTED_AND_RESUBMITTED',
    fix: 'ADDED_MODIFIER',
    outcome: 'PAID',
    daysToResolution: 14,
  };

  it('appears after the fifth distinct submitter: the top reason and the fix that worked, from the published stats', async () => {
    for (let i = 1; i <= 4; i++) {
      const receipt = await stack.graphql<{ submitDenialReport: { __typename: string } }>(SUBMIT, { input: report }, { 'x-forwarded-for': `198.51.100.${40 + i}`, 'user-agent': `tips biller ${i}` });
      expect(receipt.data.submitDenialReport.__typename).toBe('DenialReportReceipt');
    }
    const four = await eventually(async () => {
      const t = await tipsFor('70390');
      if (t.reportersNeeded !== 1) throw new Error(`reportersNeeded ${t.reportersNeeded}`);
      return t;
    });
    expect(four.tips.filter((t) => t.kind === 'COMMUNITY')).toEqual([]);

    await stack.graphql(SUBMIT, { input: report }, { 'x-forwarded-for': '198.51.100.45', 'user-agent': 'tips biller 5' });
    const tips = await eventually(async () => {
      const t = await tipsFor('70390');
      if (!t.communityUnlocked) throw new Error('still locked');
      return t;
    });
    expect(tips.reportersNeeded).toBe(0);
    expect(tip(tips, 'community:reasons')).toMatchObject({ kind: 'COMMUNITY', title: 'Most reported denial: CO-97', reports: 5 });
    expect(tip(tips, 'community:reasons')?.advice).toContain('CO-97 (The benefit for this service is included in the payment/allowance for another service/procedure that has already been adjudicated) in 5 of 5');
    expect(tip(tips, 'community:fixes')?.advice).toBe('Added a modifier: 5 reports. 100.0% of the resolved reports ended paid or partly paid, in a median of 14 days.');
    expect(tip(tips, 'community:fixes')?.source.detail).toContain('5 published reports for 70390');
  });
});
