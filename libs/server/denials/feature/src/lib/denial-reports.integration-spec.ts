import { RedisConnection } from '@denialmap/server/core';
import { OutboxSweeper } from './pipeline/outbox-sweeper';
import { eventually, ReportStack } from './testing/report-stack.testing';

const SUBMIT = `mutation ($input: DenialReportInput!) {
  submitDenialReport(input: $input) {
    __typename
    ... on DenialReportReceipt { reportId code status message receivedAt serviceQuarter }
    ... on DenialReportRefusal { reason message retryAfterSeconds fieldErrors { field message } patientInformation { field finding { kind start end text } } }
  }
}`;
const STATS_FIELDS = `code payerType status threshold reports submittersNeeded message computedAt
  reasons { cells { key label reports share } suppressed } payerTypes { cells { key reports } suppressed }
  outcomes { cells { key reports } suppressed } appealRate successRate`;
const STATS = `query ($code: String!, $payerType: PayerType) { denialStats(code: $code, payerType: $payerType) { ${STATS_FIELDS} } }`;
const FLAG = `mutation ($id: String!, $reason: FlagReason!) { flagReport(reportId: $id, reason: $reason) { status message } }`;

type Answer = { submitDenialReport: Record<string, unknown> & { __typename: string } };
type Stats = { denialStats: { status: string; reports: number | null; submittersNeeded: number | null; reasons: { cells: { key: string; reports: number }[] } | null } & Record<string, unknown> };

let stack: ReportStack;
const report = (over: Record<string, unknown> = {}) => ({
  code: '70390',
  modifiers: ['26'],
  serviceYear: 2025,
  serviceQuarter: 3,
  payerType: 'MEDICARE_FFS',
  groupCode: 'CO',
  carc: '97',
  rarcs: ['M15'],
  icd10Codes: ['K11.5'],
  denialCategory: 'BUNDLING',
  actionTaken: 'CORRECTED_AND_RESUBMITTED',
  fix: 'ADDED_MODIFIER',
  outcome: 'PAID',
  daysToResolution: 21,
  ...over,
});
/** Each submitter is an address and browser of its own (the api trusts X-Forwarded-For here). */
const as = (submitter: number) => ({ 'x-forwarded-for': `203.0.113.${submitter}`, 'user-agent': `Biller browser ${submitter}` });
const submit = async (input: Record<string, unknown>, submitter: number) => (await stack.graphql<Answer>(SUBMIT, { input }, as(submitter))).data?.submitDenialReport as Answer['submitDenialReport'];
const stats = async (code: string, payerType?: string) => (await stack.graphql<Stats>(STATS, { code, payerType })).data?.denialStats as Stats['denialStats'];
const reportsIn = () => stack.count('SELECT count(*) AS n FROM denial_report');
const statsReach = (code: string, reports: number, payerType?: string) =>
  eventually(async () => {
    const s = await stats(code, payerType);
    if (s.reports !== reports) throw new Error(`stats for ${code}: ${JSON.stringify(s)}`);
    return s;
  });

beforeAll(async () => {
  stack = await ReportStack.start({ REPORTS_PER_SUBMITTER_PER_CODE_PER_DAY: '5', REPORTS_PER_SUBMITTER_PER_HOUR: '8', REPORTS_PER_MINUTE: '10000' });
}, 180_000);
afterAll(() => stack?.stop());

describe('submitting a report', () => {
  it('answers with a receipt and publishes the report within seconds', async () => {
    const receipt = await submit(report({ serviceQuarter: 1 }), 1);
    expect(receipt).toMatchObject({ __typename: 'DenialReportReceipt', code: '70390', status: 'PUBLISHED', serviceQuarter: '2025Q1' });
    const locked = await statsReach('70390', 1);
    expect(locked).toMatchObject({ status: 'LOCKED', reports: 1, submittersNeeded: 4, reasons: null });
    expect(locked.message).toBe('1 report so far; 4 more billers need to report before denial patterns for 70390 are shown.');
  });

  it('does not unlock on five reports from one submitter, and unlocks exactly at the fifth distinct one, live', async () => {
    for (const quarter of [2, 3, 4]) expect((await submit(report({ serviceYear: 2024, serviceQuarter: quarter }), 1)).status).toBe('PUBLISHED');
    expect((await submit(report({ serviceYear: 2023 }), 1)).status).toBe('PUBLISHED');
    expect(await statsReach('70390', 5)).toMatchObject({ status: 'LOCKED', submittersNeeded: 4 });
    for (const s of [2, 3, 4]) expect((await submit(report(), s)).status).toBe('PUBLISHED');
    expect(await statsReach('70390', 8)).toMatchObject({ status: 'LOCKED', submittersNeeded: 1 });

    const live = stack.subscribe<{ denialStatsUpdated: { status: string; reports: number } }>(`subscription ($code: String!) { denialStatsUpdated(code: $code) { status reports } }`, { code: '70390' });
    await live.ready;
    // Subscribed all the way: the api's Redis subscriber listens on the channel.
    const redis = stack.api.get(RedisConnection).client as NonNullable<RedisConnection['client']>;
    await eventually(async () => {
      const [, listeners] = (await redis.pubsub('NUMSUB', `${process.env['REDIS_PREFIX']}:live:denial-stats`)) as [string, number];
      if (listeners < 1) throw new Error('not subscribed yet');
    });
    expect((await submit(report(), 5)).status).toBe('PUBLISHED');
    const update = await eventually(async () => {
      const unlocked = live.received.find((e) => e.denialStatsUpdated.status === 'UNLOCKED');
      if (!unlocked) throw new Error(`no live update yet: ${JSON.stringify(live.received)}`);
      return unlocked;
    });
    expect(update.denialStatsUpdated).toEqual({ status: 'UNLOCKED', reports: 9 });
    live.close();
    const unlocked = await stats('70390');
    expect(unlocked.reasons?.cells).toEqual([{ key: 'CO-97', label: expect.stringContaining('CO-97: The benefit for this service is included'), reports: 9, share: '100.0' }]);
  });
});

describe('refusals store nothing', () => {
  it.each<[string, string]>([
    ['NAME', 'Called about Maria Lopez; the MAC said the 26 was missing.'],
    ['DATE', 'Date of service 03/14/2025, resubmitted with 26.'],
    ['AGE_OVER_89', 'The patient is 93 years old and the MAC still denied it.'],
    ['PHONE', 'Call the provider line at (555) 201-4477 for a reopening.'],
    ['FAX', 'Faxed the records to fax 555-201-4478 and it paid.'],
    ['EMAIL', 'Sent the appeal to jdoe@example.com and it paid.'],
    ['SSN', 'Her SSN 123-45-6789 was on the form by mistake.'],
    ['MRN', 'Pulled the chart, MRN 00482913, and added the report.'],
    ['MEMBER_ID', 'Member ID W123456789 was wrong on the claim.'],
    ['CLAIM_NUMBER', 'Claim number 2225012345678 was reprocessed.'],
    ['ACCOUNT_NUMBER', 'Account number 88123456 was billed twice.'],
    ['ADDRESS', 'Mailed to 1234 Oak Street and it was returned.'],
    ['ZIP', 'The patient lives in ZIP 35004 so the wrong locality applied.'],
    ['URL', 'The policy at https://portal.example.com/patient/123 says otherwise.'],
    ['IP_ADDRESS', 'The portal logged 192.168.10.44 when we uploaded it.'],
  ])('refuses a story with %s and names where it is', async (kind, narrative) => {
    const before = await reportsIn();
    const answer = await submit(report({ code: '70450', narrative }), 40);
    expect(answer).toMatchObject({ __typename: 'DenialReportRefusal', reason: 'PATIENT_INFORMATION' });
    const findings = (answer['patientInformation'] as { field: string; finding: { kind: string; start: number; end: number; text: string } }[]);
    expect(findings.map((f) => f.finding.kind)).toContain(kind);
    for (const f of findings) expect(narrative.slice(f.finding.start, f.finding.end)).toBe(f.finding.text);
    expect(await reportsIn()).toBe(before);
  });

  it('lists every invalid field at once: unknown, deactivated and header codes', async () => {
    const before = await reportsIn();
    const answer = await submit(report({ code: '7039X', modifiers: ['9Z'], carc: '15', rarcs: ['N999'], icd10Codes: ['K11', 'Z99.999'], serviceYear: 2025 }), 41);
    expect(answer).toMatchObject({ __typename: 'DenialReportRefusal', reason: 'INVALID_INPUT' });
    expect((answer['fieldErrors'] as { field: string }[]).map((e) => e.field)).toEqual(['code']);
    const second = await submit(report({ modifiers: ['9Z'], carc: '15', rarcs: ['N999'], icd10Codes: ['K11', 'Z99.999'] }), 41);
    const errors = second['fieldErrors'] as { field: string; message: string }[];
    expect(errors.map((e) => e.field)).toEqual(['modifiers[0]', 'carc', 'rarcs[0]', 'icd10Codes[0]', 'icd10Codes[1]']);
    expect(errors.find((e) => e.field === 'carc')?.message).toBe('CARC 15 was deactivated on 2018-05-01, before 2025 Q3.');
    expect(errors.find((e) => e.field === 'icd10Codes[0]')?.message).toMatch(/category header/);
    expect(await reportsIn()).toBe(before);
  });

  it('refuses the hidden field, and the same report twice', async () => {
    const before = await reportsIn();
    expect(await submit(report({ code: '70450', website: 'http://spam.example' }), 42)).toMatchObject({ reason: 'AUTOMATED_SUBMISSION' });
    expect(await reportsIn()).toBe(before);
    expect(await submit(report({ code: '70450' }), 42)).toMatchObject({ status: 'PUBLISHED' });
    expect(await submit(report({ code: '70450' }), 42)).toMatchObject({ reason: 'DUPLICATE' });
    expect(await reportsIn()).toBe(before + 1);
  });

  it('rate-limits per code per day and per hour, counting only what was accepted', async () => {
    const codes = ['70450', '70460', '70470', '70480', '70490', '70540', '70543', '70544'];
    for (let i = 0; i < 5; i++) expect(await submit(report({ code: '70486', serviceQuarter: (i % 4) + 1, serviceYear: 2020 + i }), 43)).toMatchObject({ status: 'PUBLISHED' });
    const sixth = await submit(report({ code: '70486', serviceYear: 2019 }), 43);
    expect(sixth).toMatchObject({ __typename: 'DenialReportRefusal', reason: 'RATE_LIMITED' });
    expect(sixth['retryAfterSeconds']).toBeGreaterThan(86_000);
    // 5 of this hour's 8 are used; three more codes pass, the fourth is refused.
    for (const code of codes.slice(0, 3)) expect(await submit(report({ code }), 43)).toMatchObject({ status: 'PUBLISHED' });
    const before = await reportsIn();
    expect(await submit(report({ code: codes[3] }), 43)).toMatchObject({ reason: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(await reportsIn()).toBe(before);
  });

  it('holds a near-duplicate story for a moderator instead of counting it', async () => {
    const story = 'The MAC denied 70551 with CO-97 because the hospital billed the technical component; we resubmitted with modifier 26 and it paid in 21 days.';
    expect(await submit(report({ code: '70551', narrative: story }), 44)).toMatchObject({ status: 'PUBLISHED' });
    const copy = await submit(report({ code: '70551', narrative: story.replace('21 days', '25 days') }), 45);
    expect(copy).toMatchObject({ status: 'HELD', message: expect.stringMatching(/moderator/) });
    expect(await statsReach('70551', 1)).toMatchObject({ status: 'LOCKED', reports: 1 });
  });

  it('stores no address and no user agent anywhere', async () => {
    const rows = await stack.prisma.$queryRawUnsafe<{ t: string }[]>(
      `SELECT concat_ws('|', r.*) AS t FROM denial_report r UNION ALL SELECT concat_ws('|', f.*) FROM report_flag f UNION ALL SELECT concat_ws('|', s.*) FROM code_denial_stats s`,
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const { t } of rows) {
      expect(t).not.toMatch(/203\.0\.113\./);
      expect(t).not.toMatch(/Biller browser/);
    }
  });
});

describe('no small group is exposed, in any view', () => {
  it('defeats differencing the all-payers view against a payer-type view', async () => {
    // 8 Medicare CO-97, 6 Medicare CO-16, 6 commercial CO-97, 1 commercial CO-16 (code 71045).
    let s = 100;
    const plan: [string, string, number][] = [['MEDICARE_FFS', '97', 8], ['MEDICARE_FFS', '16', 6], ['COMMERCIAL', '97', 6], ['COMMERCIAL', '16', 1]];
    for (const [payerType, carc, n] of plan) for (let i = 0; i < n; i++) expect(await submit(report({ code: '71045', payerType, carc }), s++)).toMatchObject({ status: 'PUBLISHED' });
    const all = await statsReach('71045', 21);
    const medicare = await stats('71045', 'MEDICARE_FFS');
    const commercial = await stats('71045', 'COMMERCIAL');
    const cell = (x: Stats['denialStats'], key: string) => x.reasons?.cells.find((c) => c.key === key)?.reports;
    expect(cell(all, 'CO-16')).toBe(7);
    // If both 7 and Medicare's 6 were shown, 7 - 6 = 1 would reveal the one commercial CO-16 report.
    expect(cell(medicare, 'CO-16')).toBeUndefined();
    expect(cell(commercial, 'CO-16')).toBeUndefined();
    expect(medicare).toMatchObject({ status: 'UNLOCKED', reports: 14 });
    expect(await stats('71045', 'MEDICAID')).toMatchObject({ status: 'WITHHELD', reports: null, reasons: null });
  });

  it('shows stories (text only) once a code is unlocked, and none before', async () => {
    const STORIES = `query ($code: String!) { denialStories(code: $code, first: 5) { totalCount edges { node { reportId narrative } } } }`;
    const story = 'Resubmitted with modifier 26 once the hospital confirmed it billed the technical component.';
    const receipt = await submit(report({ code: '71045', narrative: story }), 150);
    await statsReach('71045', 22);
    const unlocked = await stack.graphql<{ denialStories: { totalCount: number; edges: { node: Record<string, string> }[] } }>(STORIES, { code: '71045' });
    expect(unlocked.data?.denialStories).toEqual({ totalCount: 1, edges: [{ node: { reportId: receipt['reportId'], narrative: story } }] });
    const locked = await stack.graphql<{ denialStories: { totalCount: number } }>(STORIES, { code: '70551' });
    expect(locked.data?.denialStories.totalCount).toBe(0);
  });
});

describe('flags and the sweeper', () => {
  it('holds a report after three readers flag it, and the stats drop it', async () => {
    const receipts = [];
    for (let s = 200; s < 206; s++) receipts.push(await submit(report({ code: '72148' }), s));
    await statsReach('72148', 6);
    const id = receipts[0]['reportId'] as string;
    const flag = (reader: number) => stack.graphql<{ flagReport: { status: string } }>(FLAG, { id, reason: 'INACCURATE' }, as(reader));
    expect((await flag(300)).data?.flagReport.status).toBe('FLAGGED');
    expect((await flag(300)).data?.flagReport.status).toBe('ALREADY_FLAGGED');
    expect((await flag(301)).data?.flagReport.status).toBe('FLAGGED');
    expect((await flag(302)).data?.flagReport.status).toBe('HELD_FOR_REVIEW');
    expect(await statsReach('72148', 5)).toMatchObject({ status: 'UNLOCKED', reports: 5 });
    const patientFlag = await stack.graphql<{ flagReport: { status: string } }>(FLAG, { id: receipts[1]['reportId'], reason: 'PATIENT_INFORMATION' }, as(303));
    expect(patientFlag.data?.flagReport.status).toBe('HELD_FOR_REVIEW');
    expect(await statsReach('72148', 4)).toMatchObject({ status: 'LOCKED', submittersNeeded: 1 });
    expect((await stack.graphql<{ flagReport: { status: string } }>(FLAG, { id: 'not-a-report', reason: 'SPAM' }, as(303))).data?.flagReport.status).toBe('NOT_FOUND');
  });

  it('re-sends an event whose aggregation never happened', async () => {
    expect(await submit(report({ code: '73030' }), 310)).toMatchObject({ status: 'PUBLISHED' });
    await statsReach('73030', 1);
    // A second report committed with its event, as if the relay had enqueued it a minute ago and
    // the job was lost with Redis: nothing but the sweeper will aggregate it.
    await stack.prisma.$executeRawUnsafe(`INSERT INTO denial_report SELECT gen_random_uuid(), code, modifiers, service_year, service_quarter, payer_type, payer_name, state,
      place_of_service, group_code, carc, rarcs, icd10_codes, denial_category, action_taken, appeal_level, fix, outcome, days_to_resolution, NULL, 'PUBLISHED', NULL,
      md5('other') || md5('submitter'), md5(random()::text) || md5(random()::text), 0, now(), now() FROM denial_report WHERE code = '73030'`);
    await stack.prisma.$executeRawUnsafe(`INSERT INTO outbox_event (kind, code, created_at, relayed_at) VALUES ('report-submitted', '73030', now() - interval '1 minute', now() - interval '1 minute')`);
    expect(await stats('73030')).toMatchObject({ reports: 1 });
    expect(await (stack.worker as NonNullable<typeof stack.worker>).get(OutboxSweeper).sweep(false)).toBe(1);
    expect(await statsReach('73030', 2)).toMatchObject({ status: 'LOCKED', reports: 2 });
    expect(await stack.count(`SELECT count(*) AS n FROM outbox_event WHERE aggregated_at IS NULL`)).toBe(0);
  });
});

describe('readiness', () => {
  it('says when report events wait too long for a worker, without failing readiness', async () => {
    await stack.prisma.$executeRawUnsafe(`INSERT INTO outbox_event (kind, code, created_at, relayed_at) VALUES ('report-submitted', '74177', now() - interval '5 minutes', now())`);
    const response = await fetch(`${stack.base}/health/ready`);
    const ready = (await response.json()) as { status: string; checks: Record<string, { ok: boolean; degraded?: boolean; detail: string }> };
    expect([response.status, ready.status]).toEqual([200, 'ready']);
    expect(ready.checks['denialReports']).toMatchObject({ ok: true, degraded: true, detail: expect.stringMatching(/is a worker running/) });
    await stack.prisma.$executeRawUnsafe(`DELETE FROM outbox_event WHERE code = '74177'`);
  });
});

describe('bad requests', () => {
  it('a malformed code for denialStats is BAD_USER_INPUT on the field', async () => {
    const { data, errors } = await stack.graphql(STATS, { code: '70-39' });
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
  });

  it('a wrong enum value is refused by GraphQL before anything runs', async () => {
    const before = await reportsIn();
    const { errors } = await stack.graphql(SUBMIT, { input: report({ payerType: 'MEDICARE' }) }, as(9));
    expect(errors?.[0].extensions['code']).toBe('BAD_USER_INPUT');
    expect(await reportsIn()).toBe(before);
  });
});
