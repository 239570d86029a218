import { SubmitterKeyRepository } from '@denialmap/server/denials/data-access';
import { ApiStack, createAdminWithCli, eventually, present, signIn } from './testing/api-stack.testing';

const SUBMIT = `mutation ($input: DenialReportInput!) { submitDenialReport(input: $input) {
  __typename ... on DenialReportReceipt { reportId status } ... on DenialReportRefusal { reason message retryAfterSeconds } } }`;
const STATS = `query ($code: String!) { denialStats(code: $code) { status reports } }`;
const STORIES = `query ($code: String!) { denialStories(code: $code) { edges { node { narrative } } } }`;
const QUEUE = `query ($status: ModeratedReportStatus, $reason: ModerationQueueReason, $code: String, $order: ModerationQueueOrder, $first: Int, $after: String) {
  moderationQueue(status: $status, reason: $reason, code: $code, order: $order, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id code status queueReasons unseenFlags flagReasons { reason count } submitterRef submitterReports narrative } } } }`;
const FLAG = `mutation ($id: String!, $reason: FlagReason!) { flagReport(reportId: $id, reason: $reason) { status } }`;

type Receipt = { __typename: string; reportId?: string; status?: string; reason?: string; message?: string; retryAfterSeconds?: number };
type QueueNode = { id: string; code: string; status: string; queueReasons: string[]; unseenFlags: number; narrative: string | null; submitterReports: number };

let stack: ApiStack;
let moderator: Record<string, string>;
let admin: Record<string, string>;

const report = (code: string, over: Record<string, unknown> = {}) => ({
  code,
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
const as = (n: number) => ({ 'x-forwarded-for': `203.0.113.${n}`, 'user-agent': `Biller browser ${n}` });
const submit = async (input: Record<string, unknown>, n: number) => (await stack.graphql<{ submitDenialReport: Receipt }>(SUBMIT, { input }, as(n))).data.submitDenialReport;
const stats = async (code: string) => (await stack.graphql<{ denialStats: { status: string; reports: number | null } }>(STATS, { code })).data.denialStats;
const statsReach = (code: string, reports: number) =>
  eventually(async () => {
    const s = await stats(code);
    if (s.reports !== reports) throw new Error(`stats for ${code}: ${JSON.stringify(s)}`);
    return s;
  });
const queue = async (variables: Record<string, unknown> = {}) =>
  (await stack.graphql<{ moderationQueue: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: QueueNode }[] } }>(QUEUE, variables, moderator)).data.moderationQueue;
const act = (mutation: string, variables: Record<string, unknown>) => stack.graphql<Record<string, Record<string, unknown>>>(mutation, variables, moderator);
const auditRows = (reportId: string) =>
  stack.prisma.$queryRawUnsafe<{ action: string; reason: string | null; actor_email: string; code: string; details: Record<string, unknown> }[]>(
    `SELECT action, reason, actor_email, code, details FROM audit_entry WHERE report_id = $1::uuid ORDER BY id`,
    reportId,
  );

/** Five distinct submitters publish reports for `code` (submitters base..base+4); returns their ids. */
async function unlocked(code: string, base: number, narrative?: (i: number) => string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const receipt = await submit(report(code, narrative ? { narrative: narrative(i) } : {}), base + i);
    expect(receipt).toMatchObject({ __typename: 'DenialReportReceipt', status: 'PUBLISHED' });
    ids.push(receipt.reportId as string);
  }
  await statsReach(code, 5);
  return ids;
}

beforeAll(async () => {
  stack = await ApiStack.start({ REVIEW_SAMPLE_RATE: '0', FLAGS_TO_HOLD_REPORT: '2', REPORTS_PER_MINUTE: '10000' });
  expect(createAdminWithCli('admin@example.org', 'the moderation lead passphrase').status).toBe(0);
  admin = { cookie: await signIn(stack, 'admin@example.org', 'the moderation lead passphrase') };
  const invitation = await stack.graphql<{ inviteStaff: { invitationToken: string } }>(`mutation { inviteStaff(email: "mo@example.org", displayName: "Mo", role: MODERATOR) { invitationToken } }`, {}, admin);
  await stack.graphql(`mutation ($t: String!) { acceptStaffInvitation(token: $t, password: "queue working passphrase") { staff { id } } }`, { t: invitation.data.inviteStaff.invitationToken });
  moderator = { cookie: await signIn(stack, 'mo@example.org', 'queue working passphrase') };
}, 180_000);
afterAll(() => stack?.stop());

describe('the moderation queue', () => {
  it('lists flagged reports with why they are there, most flagged first, paginated', async () => {
    const ids = await unlocked('70450', 10);
    await stack.graphql(FLAG, { id: ids[0], reason: 'INACCURATE' }, as(100));
    await stack.graphql(FLAG, { id: ids[1], reason: 'SPAM' }, as(100));
    // Two flags hold a report (FLAGS_TO_HOLD_REPORT=2 here): it leaves the stats until a moderator decides.
    await stack.graphql(FLAG, { id: ids[1], reason: 'OFFENSIVE' }, as(101));
    await statsReach('70450', 4);
    const mostFlagged = await queue({ code: '70450', order: 'MOST_FLAGGED' });
    expect(mostFlagged.totalCount).toBe(2);
    expect(mostFlagged.edges.map((e) => [e.node.id, e.node.status, e.node.queueReasons, e.node.unseenFlags])).toEqual([
      [ids[1], 'HELD', ['FLAGGED'], 2],
      [ids[0], 'PUBLISHED', ['FLAGGED'], 1],
    ]);
    const first = await queue({ code: '70450', order: 'MOST_FLAGGED', first: 1 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await queue({ code: '70450', order: 'MOST_FLAGGED', first: 1, after: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.id)).toEqual([ids[0]]);
    expect((await queue({ code: '70450', status: 'HELD' })).edges.map((e) => e.node.id)).toEqual([ids[1]]);
    expect((await queue({ reason: 'SAMPLED', code: '70450' })).totalCount).toBe(0);
  });

  it('approving a held report puts it back in the stats and out of the queue; a reason is kept when given', async () => {
    const held = (await queue({ code: '70450', status: 'HELD' })).edges[0].node;
    const approved = await act(`mutation ($id: String!) { approveReport(reportId: $id, note: "Checked against the EOB") { status queueReasons } }`, { id: held.id });
    expect(approved.data).toEqual({ approveReport: { status: 'PUBLISHED', queueReasons: [] } });
    await statsReach('70450', 5);
    expect((await queue({ code: '70450' })).edges.map((e) => e.node.id)).not.toContain(held.id);
    expect(await auditRows(held.id)).toEqual([{ action: 'REPORT_APPROVED', reason: 'Checked against the EOB', actor_email: 'mo@example.org', code: '70450', details: { status: 'PUBLISHED' } }]);
    // One more flag is new since the review, so it is queued again, but it takes two new flags to hold it again.
    await stack.graphql(FLAG, { id: held.id, reason: 'INACCURATE' }, as(102));
    expect((await stack.graphql<{ moderationReport: QueueNode }>(`query ($id: String!) { moderationReport(id: $id) { status queueReasons unseenFlags } }`, { id: held.id }, moderator)).data.moderationReport).toEqual({
      status: 'PUBLISHED',
      queueReasons: ['FLAGGED'],
      unseenFlags: 1,
    });
  });

  it('rejecting needs a reason, takes the report out of the stats within seconds, and is audited', async () => {
    const flagged = present((await queue({ code: '70450', status: 'PUBLISHED', order: 'NEWEST' })).edges.at(-1)?.node, 'a flagged report');
    const noReason = await act(`mutation ($id: String!) { rejectReport(reportId: $id, reason: " ") { status } }`, { id: flagged.id });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await stack.graphql<{ moderationReport: { status: string } }>(`query ($id: String!) { moderationReport(id: $id) { status } }`, { id: flagged.id }, moderator)).data.moderationReport.status).toBe('PUBLISHED');
    const rejected = await act(`mutation ($id: String!) { rejectReport(reportId: $id, reason: "Invented: no such denial for this payer") { status rejectionReason } }`, { id: flagged.id });
    expect(rejected.data).toEqual({ rejectReport: { status: 'REJECTED', rejectionReason: 'Invented: no such denial for this payer' } });
    await statsReach('70450', 4);
    expect((await auditRows(flagged.id)).at(-1)).toMatchObject({ action: 'REPORT_REJECTED', reason: 'Invented: no such denial for this payer', actor_email: 'mo@example.org' });
  });

  it('puts near-duplicate stories in the queue as held by the checks', async () => {
    const story = 'Medicare denied the professional read with CO-97; the global was already paid to the hospital, we resubmitted with modifier 26 and it paid.';
    expect(await submit(report('70486', { narrative: story }), 40)).toMatchObject({ status: 'PUBLISHED' });
    const dup = await submit(report('70486', { narrative: `${story} ` }), 41);
    expect(dup).toMatchObject({ status: 'HELD' });
    expect((await queue({ reason: 'HELD_BY_CHECKS' })).edges.map((e) => e.node.id)).toContain(dup.reportId);
  });

  it('samples published reports for a second look at REVIEW_SAMPLE_RATE (here 0: none)', async () => {
    expect(await stack.count(`SELECT count(*) AS n FROM denial_report WHERE sampled_for_review AND code IN ('70450', '70486', '70491')`)).toBe(0);
  });
});

describe('redaction', () => {
  it('only removes text, keeps no copy of the original, and shows the new story publicly within seconds', async () => {
    const stories = [
      'Denied as bundled with the CT of the neck; we appealed with the operative note and won at redetermination.',
      'Front desk keyed the wrong place of service, corrected it to 22 and the claim paid on resubmission.',
      'Payer said CO-97 bundled with the CT. The rep on the phone was rude and useless about it; resubmitted with modifier 26 and it paid.',
      'Missing the interpreting physician modifier, added 26 and it went through in nine days.',
      'Our coder forgot the RT modifier; the MAC wanted laterality and paid after correction.',
    ];
    const ids = await unlocked('70491', 50, (i) => stories[i]);
    const target = ids[2];
    const adding = await act(`mutation ($id: String!, $n: String) { redactReport(reportId: $id, narrative: $n) { narrative } }`, { id: target, n: `${stories[2]} Also great!` });
    expect(adding.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'narrative' });
    const redactedText = 'Payer said CO-97 bundled with the CT. The rep on the phone was [removed]; resubmitted with modifier 26 and it paid.';
    const redacted = await act(`mutation ($id: String!, $n: String) { redactReport(reportId: $id, narrative: $n, note: "insult to a payer employee") { narrative status } }`, { id: target, n: redactedText });
    expect(redacted.data).toEqual({ redactReport: { narrative: redactedText, status: 'PUBLISHED' } });
    const rows = await auditRows(target);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'REPORT_REDACTED', reason: 'insult to a payer employee' });
    expect(rows[0].details).toMatchObject({ beforeSha256: expect.stringMatching(/^[0-9a-f]{64}$/), afterSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // The original sentence is nowhere in the database any more (the audit log holds only hashes).
    const trace = await stack.count(`SELECT (SELECT count(*) FROM denial_report WHERE narrative LIKE '%rude and useless%') + (SELECT count(*) FROM audit_entry WHERE details::text LIKE '%rude%') AS n`);
    expect(trace).toBe(0);
    await eventually(async () => {
      const stories = (await stack.graphql<{ denialStories: { edges: { node: { narrative: string } }[] } }>(STORIES, { code: '70491' })).data.denialStories.edges.map((e) => e.node.narrative);
      if (!stories.includes(redactedText)) throw new Error(`not yet: ${JSON.stringify(stories)}`);
    });
  });
});

describe('blocking a submitter', () => {
  it('refuses their new reports until the block ends or is lifted, and no one else\u2019s', async () => {
    const first = await submit(report('70496'), 70);
    const blocked = await act(`mutation ($id: String!) { blockSubmitter(reportId: $id, days: 7, reason: "Floods of invented reports") { id submitterRef blockedUntil } }`, { id: first.reportId });
    const block = blocked.data['blockSubmitter'] as { id: string; blockedUntil: string };
    expect(new Date(block.blockedUntil).getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const again = await submit(report('70498'), 70);
    expect(again).toMatchObject({ __typename: 'DenialReportRefusal', reason: 'SUBMITTER_BLOCKED' });
    expect(again.retryAfterSeconds).toBeGreaterThan(6 * 86_400);
    expect(await submit(report('70498'), 71)).toMatchObject({ status: 'PUBLISHED' });
    expect((await auditRows(first.reportId as string))[0]).toMatchObject({ action: 'SUBMITTER_BLOCKED', reason: 'Floods of invented reports', code: '70496' });
    const lifted = await act(`mutation ($id: String!) { liftSubmitterBlock(blockId: $id, reason: "Appealed by email, was a shared office") { liftedAt } }`, { id: block.id });
    expect(lifted.data['liftSubmitterBlock']['liftedAt']).toEqual(expect.any(String));
    expect(await submit(report('70498'), 70)).toMatchObject({ status: 'PUBLISHED' });
  });

  it('outlasts the day: the key of the report\u2019s day is kept while a block made from it runs', async () => {
    const receipt = await submit(report('70540'), 80);
    // Pretend the report and its key are from three days ago.
    const past = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    await stack.prisma.$executeRawUnsafe(`INSERT INTO submitter_key (day, key) SELECT $1::date, key FROM submitter_key WHERE day = current_date`, past);
    await stack.prisma.$executeRawUnsafe(`UPDATE denial_report SET created_at = created_at - interval '3 days' WHERE id = $1::uuid`, receipt.reportId);
    await act(`mutation ($id: String!) { blockSubmitter(reportId: $id, days: 30, reason: "Abusive stories") { id } }`, { id: receipt.reportId });
    const keys = stack.api.get(SubmitterKeyRepository);
    await keys.forgetBefore(new Date().toISOString().slice(0, 10));
    expect(await stack.count(`SELECT count(*) AS n FROM submitter_key WHERE day = $1::date`, past)).toBe(1);
    // Today's key is new (rotated in this test by deleting it), yet the block still applies.
    await stack.prisma.$executeRawUnsafe(`DELETE FROM submitter_key WHERE day = current_date`);
    (stack.api.get(SubmitterKeyRepository) as unknown as { current?: unknown }).current = undefined;
    expect(await submit(report('70542'), 80)).toMatchObject({ reason: 'SUBMITTER_BLOCKED' });
  });
});

describe('the audit log', () => {
  it('is append-only in the database itself', async () => {
    expect(await stack.count(`SELECT count(*) AS n FROM audit_entry`)).toBeGreaterThan(3);
    await expect(stack.prisma.$executeRawUnsafe(`UPDATE audit_entry SET reason = 'edited'`)).rejects.toThrow(/append-only/);
    await expect(stack.prisma.$executeRawUnsafe(`DELETE FROM audit_entry`)).rejects.toThrow(/append-only/);
    await expect(stack.prisma.$executeRawUnsafe(`TRUNCATE audit_entry`)).rejects.toThrow(/append-only/);
  });

  it('is readable by admins, filtered and paginated, and exports as CSV', async () => {
    const page = await stack.graphql<{ auditLog: { edges: { node: { action: string; actorEmail: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      `{ auditLog(action: REPORT_REJECTED, first: 5) { edges { node { action actorEmail reason code } } pageInfo { hasNextPage endCursor } } }`,
      {},
      admin,
    );
    expect(page.data.auditLog.edges).toEqual([{ node: { action: 'REPORT_REJECTED', actorEmail: 'mo@example.org', reason: 'Invented: no such denial for this payer', code: '70450' } }]);
    const all = await stack.graphql<{ auditLog: { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(`{ auditLog(first: 2) { edges { cursor } pageInfo { hasNextPage endCursor } } }`, {}, admin);
    expect(all.data.auditLog.pageInfo.hasNextPage).toBe(true);
    const csv = await fetch(`${stack.base}/exports/audit-log.csv?action=REPORT_REDACTED`, { headers: admin });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="denialmap-audit-log-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/,mo@example.org,REPORT_REDACTED,insult to a payer employee,[0-9a-f-]{36},70491,,"\{""status"":""PUBLISHED"",""afterSha256"":""[0-9a-f]{64}"",""beforeSha256"":""[0-9a-f]{64}"",""removedCharacters"":16\}"$/);
    const bad = await fetch(`${stack.base}/exports/audit-log.csv?from=yesterday`, { headers: admin });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'from' } });
  });

  it('records every kind of staff action made in these tests', async () => {
    const actions = (await stack.prisma.$queryRawUnsafe<{ action: string }[]>(`SELECT DISTINCT action::text AS action FROM audit_entry WHERE actor_email IN ('cli', 'admin@example.org', 'mo@example.org') ORDER BY 1`)).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['REPORT_APPROVED', 'REPORT_REDACTED', 'REPORT_REJECTED', 'STAFF_CREATED_BY_CLI', 'STAFF_INVITATION_ACCEPTED', 'STAFF_INVITED', 'SUBMITTER_BLOCKED', 'SUBMITTER_UNBLOCKED']));
  });
});
