import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { baseUrl, graphql } from '../support/stack';
import { publishReport } from '../support/reports';
import { screenshotAndAudit } from '../support/screenshot';
import { createAdmin } from '../support/staff';

// No other e2e test reports on this code, so its counts start at zero.
const CODE = '71250';
const BILLERS = 6;

const ADMIN = { email: 'admin@example.org', name: 'Ada Admin', password: 'Blue-Harbor-Lantern-93' };
const MODERATOR = { email: 'mo@example.org', name: 'Mo Moderator', password: 'Quiet-Meadow-Sparrow-27' };
const FLAGGED_STORY = 'Billed the CT with modifier 26 only; the MAC said the global had been billed, so we corrected it and were paid.';
const REJECT_REASON = 'The story contradicts the codes it reports; it looks invented.';

const DESKTOP = { width: 1280, height: 800 };
const MOBILE = { width: 390, height: 844 };

const FLAG = `mutation ($reportId: String!) { flagReport(reportId: $reportId, reason: INACCURATE) { status message } }`;
const STATS = `query ($code: String!) { denialStats(code: $code) { reports } }`;

/** One published report from a distinct anonymous submitter. */
const reportAs = (biller: number, narrative: string | null): Promise<string> =>
  publishReport({ code: CODE, icd10: 'R91.1', submitter: `e2e-moderation-biller-${biller}`, narrative, days: 20 + biller * 5 });

async function publicReportCount(): Promise<number | null> {
  const answer = await graphql<{ denialStats: { reports: number } }>(STATS, { code: CODE });
  return answer.data?.denialStats.reports ?? null;
}

async function waitForReportCount(expected: number, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last: number | null = null;
  while (Date.now() < until) {
    last = await publicReportCount();
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`denialStats(${CODE}).reports stayed ${last}, expected ${expected}`);
}

async function noSidewaysScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

/** Whole pages; a modal dialog sits in the viewport, so those are shot as the person sees them. */
const shot = (page: Page, name: string, fullPage = true) => screenshotAndAudit(page, name, { fullPage });

describe('the staff area: sign-in, invitations and moderation', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const violations: string[] = [];
  const consoleErrors: string[] = [];
  let flaggedId = '';

  /** A browser context whose pages report CSP violations and console errors. */
  async function newContext(label: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: DESKTOP, ...options });
    contexts.push(context);
    await context.exposeFunction('__dmReportCsp', (violation: string) => violations.push(`${label}: ${violation}`));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { __dmReportCsp: (v: string) => void }).__dmReportCsp(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`),
      );
    });
    context.on('page', (page) => page.on('console', (message) => message.type() === 'error' && consoleErrors.push(`${label} ${page.url()}: ${message.text()}`)));
    return context;
  }

  beforeAll(async () => {
    browser = await launchChromium();
    const created = await createAdmin(ADMIN);
    expect(created.output).toContain(`Created admin ${ADMIN.email}`);
    expect(created.code).toBe(0);

    const ids: string[] = [];
    for (let biller = 1; biller <= BILLERS; biller++) ids.push(await reportAs(biller, biller === 3 ? FLAGGED_STORY : null));
    flaggedId = ids[2];
    const flag = await graphql<{ flagReport: { status: string } }>(FLAG, { reportId: flaggedId }, { 'user-agent': 'e2e-moderation-reader-1' });
    expect(flag.data?.flagReport.status).toBe('FLAGGED');
    await waitForReportCount(BILLERS);
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
  });

  it('refuses the moderation queue to an anonymous caller', async () => {
    const answer = await graphql(`{ moderationQueue { totalCount } }`);
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0]?.extensions['code']).toBe('UNAUTHENTICATED');
  });

  let admin: BrowserContext;
  let adminPage: Page;
  let moderator: BrowserContext;

  it('signs the admin in (after a wrong password, said in words) and invites a moderator; the moderator rejects the flagged report and the public stats drop from 6 to 5', async () => {
    // The sign-in page, on a phone as well.
    const anonymousPhone = await newContext('anonymous-mobile', { viewport: MOBILE });
    const phone = await anonymousPhone.newPage();
    await phone.goto(`${baseUrl()}/staff`);
    await phone.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
    await noSidewaysScroll(phone);
    await shot(phone, 'staff-sign-in-mobile');
    await anonymousPhone.close();

    admin = await newContext('admin');
    adminPage = await admin.newPage();
    await adminPage.goto(`${baseUrl()}/staff`);
    await adminPage.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
    await adminPage.getByLabel('Email').fill(ADMIN.email);
    await adminPage.getByLabel('Password').fill('Not-the-password-123');
    await adminPage.getByRole('button', { name: 'Sign in' }).click();
    await adminPage.getByTestId('signin-problem').waitFor();
    expect(await adminPage.getByTestId('signin-problem').textContent()).toContain('The email or password is wrong.');
    await shot(adminPage, 'staff-sign-in-desktop');

    await adminPage.getByLabel('Password').fill(ADMIN.password);
    await adminPage.getByLabel('Password').press('Enter');
    await adminPage.getByRole('heading', { name: 'Moderation queue' }).waitFor();
    expect(await adminPage.getByTestId('staff-who').textContent()).toBe(`${ADMIN.name} Admin`);

    // Team: invite a moderator; the link is shown once, with its expiry.
    await adminPage.getByRole('navigation', { name: 'Staff area' }).getByRole('link', { name: 'Team' }).click();
    await adminPage.getByRole('heading', { name: 'Team', exact: true }).waitFor();
    await adminPage.getByLabel('Email').fill(MODERATOR.email);
    await adminPage.getByLabel('Display name').fill(MODERATOR.name);
    await adminPage.getByLabel('Role').selectOption('MODERATOR');
    await adminPage.getByRole('button', { name: 'Create invitation' }).click();
    await adminPage.getByTestId('invitation').waitFor();
    const link = await adminPage.getByTestId('invitation-link').inputValue();
    expect(link).toMatch(new RegExp(`^${baseUrl().replace(/[.]/g, '\\.')}/staff/invitation#token=[A-Za-z0-9_-]{20,}$`));
    expect(await adminPage.getByTestId('invitation-expires').textContent()).toMatch(/\d{4}/);
    await adminPage.waitForFunction((name) => document.querySelector('[data-testid="staff-table"]')?.textContent?.includes(name), MODERATOR.name);
    expect(await adminPage.getByTestId('staff-table').textContent()).toContain('Invited (no password yet)');
    await shot(adminPage, 'staff-team-invitation-desktop');

    // The moderator, in a browser of their own, opens the link and chooses a password.
    moderator = await newContext('moderator');
    const page = await moderator.newPage();
    await page.goto(link);
    await page.getByRole('heading', { name: 'Welcome to the DenialMap staff' }).waitFor();
    await page.getByLabel('New password').fill(MODERATOR.password);
    await page.getByLabel('The same password again').fill(`${MODERATOR.password}x`);
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    expect(await page.locator('#invite-again-problem').textContent()).toBe('The two passwords differ.');
    await page.getByLabel('The same password again').fill(MODERATOR.password);
    await page.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.getByRole('heading', { name: 'Moderation queue' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/staff');
    expect(await page.getByTestId('staff-who').textContent()).toBe(`${MODERATOR.name} Moderator`);
    const staffNav = page.getByRole('navigation', { name: 'Staff area' });
    expect(await staffNav.getByRole('link', { name: 'Team' }).count()).toBe(0);
    expect(await staffNav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);

    // The queue, filtered to flagged reports of the code: exactly the flagged one.
    await page.getByLabel('Why queued').selectOption('FLAGGED');
    await page.getByLabel('Code').fill(CODE);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="queue-count"]')?.textContent?.startsWith('1 report in the queue with these filters'));
    const row = page.getByTestId('queue-row');
    expect(await row.count()).toBe(1);
    expect(await row.getAttribute('data-report-id')).toBe(flaggedId);
    const rowText = await row.textContent();
    expect(rowText).toContain(CODE);
    expect(rowText).toContain('Flagged by readers (1 new flag)');
    expect(rowText).toContain('Billed the CT with modifier 26 only');
    expect(new URL(page.url()).search).toBe(`?reason=FLAGGED&code=${CODE}`);
    await shot(page, 'staff-queue-desktop');

    // The same on a phone, with the reject confirmation (cancelled with Escape).
    const moderatorPhone = await newContext('moderator-mobile', { viewport: MOBILE, storageState: await moderator.storageState() });
    const small = await moderatorPhone.newPage();
    await small.goto(`${baseUrl()}/staff?reason=FLAGGED&code=${CODE}`);
    await small.getByTestId('queue-row').waitFor();
    await noSidewaysScroll(small);
    await shot(small, 'staff-queue-mobile');
    await small.getByTestId('queue-row').getByRole('link').click();
    await small.getByRole('heading', { name: `Report for ${CODE}` }).waitFor();
    await noSidewaysScroll(small);
    await small.getByRole('button', { name: 'Reject', exact: true }).click();
    await small.getByLabel('Reason').fill(REJECT_REASON);
    await small.getByRole('button', { name: 'Reject…' }).click();
    await small.getByRole('dialog', { name: 'Reject this report?' }).waitFor();
    await shot(small, 'staff-report-reject-confirm-mobile', false);
    await small.keyboard.press('Escape');
    await small.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(await small.getByTestId('report-status').textContent()).toBe('Published');
    // The narrowest phone the site supports: still no sideways scrolling, here and in the queue.
    await small.setViewportSize({ width: 360, height: 780 });
    await noSidewaysScroll(small);
    // Back to the queue as it was filtered (not the whole queue, where a sampled report may also wait).
    await small.getByRole('link', { name: '← Back to the queue' }).click();
    await small.getByTestId('queue-row').waitFor();
    expect(new URL(small.url()).search).toBe(`?reason=FLAGGED&code=${CODE}`);
    expect(await small.getByTestId('queue-row').count()).toBe(1);
    await noSidewaysScroll(small);
    await moderatorPhone.close();

    // Desktop: open the report, try without a reason, then reject it for real.
    await row.getByRole('link').click();
    await page.getByRole('heading', { name: `Report for ${CODE}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/staff/reports/${flaggedId}`);
    expect(await page.getByTestId('report-status').textContent()).toBe('Published');
    expect(await page.getByTestId('report-queue-reasons').textContent()).toContain('Flagged by readers (1 new flag)');
    expect(await page.getByTestId('report-flag-reasons').textContent()).toContain('It is wrong or misleading: 1');
    expect(await page.getByTestId('report-narrative').textContent()).toBe(FLAGGED_STORY);
    expect(await page.getByTestId('report-submitter').textContent()).toMatch(/^[0-9a-f]{8}$/);
    expect(await page.textContent('.report-detail')).toContain('Level 1: Redetermination by the MAC');

    // A "redaction" that adds words: the server refuses it, and the page says so beside the story.
    await page.getByRole('button', { name: 'Redact the story' }).click();
    expect(await page.getByLabel('Story after redaction').inputValue()).toBe(FLAGGED_STORY);
    await page.getByLabel('Story after redaction').fill(`${FLAGGED_STORY} Call us for help.`);
    await page.getByRole('button', { name: 'Redact…' }).click();
    await page.getByRole('dialog', { name: 'Replace the story?' }).getByRole('button', { name: 'Yes, replace it' }).click();
    await page.getByTestId('redact-narrative-problem').waitFor();
    expect(await page.getByTestId('redact-narrative-problem').textContent()).toBe('A redaction can only remove text; the new story adds or changes words.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('redact-narrative');
    expect(await page.getByTestId('report-narrative').textContent()).toBe(FLAGGED_STORY);

    await page.getByRole('button', { name: 'Reject', exact: true }).click();
    await page.getByRole('button', { name: 'Reject…' }).click();
    expect(await page.getByTestId('reject-reason-problem').textContent()).toBe('Give a reason: it is required and kept in the audit log.');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.getByLabel('Reason').fill(REJECT_REASON);
    await page.getByRole('button', { name: 'Reject…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject this report?' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('confirm-reason').textContent()).toBe(REJECT_REASON);
    await shot(page, 'staff-report-reject-confirm-desktop', false);
    await dialog.getByRole('button', { name: 'Yes, reject' }).click();
    await page.getByTestId('action-done').waitFor();
    expect(await page.getByTestId('action-done').textContent()).toContain('Report rejected.');
    expect(await page.getByTestId('report-status').textContent()).toBe('Rejected');
    expect(await page.getByTestId('report-rejection-reason').textContent()).toBe(REJECT_REASON);
    expect(await page.getByTestId('report-queue-reasons').textContent()).toContain('Not in the queue');
    await shot(page, 'staff-report-rejected-desktop');

    // The public stats: six reports become five, over GraphQL and on the code page.
    await waitForReportCount(BILLERS - 1);
    await page.goto(`${baseUrl()}/codes/${CODE}`);
    await page.getByTestId('stats-unlocked').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('stats-reports').textContent()).toBe(String(BILLERS - 1));
    const stories = await graphql<{ denialStories: { edges: { node: { reportId: string } }[] } }>(`query ($code: String!) { denialStories(code: $code) { edges { node { reportId } } } }`, { code: CODE });
    expect(stories.data?.denialStories.edges.map((e) => e.node.reportId)).not.toContain(flaggedId);

    // The code page's community section links to the rules.
    await page.getByRole('link', { name: 'How reports are moderated' }).click();
    await page.getByRole('heading', { name: 'Moderation rules' }).waitFor();
  }, 240_000);

  it('lists the rejection and the invitation in the admin’s audit log, and downloads it as CSV with the same filter', async () => {
    await adminPage.getByRole('navigation', { name: 'Staff area' }).getByRole('link', { name: 'Audit log' }).click();
    await adminPage.getByRole('heading', { name: 'Audit log' }).waitFor();
    await adminPage.locator('[data-testid="audit-row"][data-action="REPORT_REJECTED"]').waitFor();
    const actions = await adminPage.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions).toEqual(expect.arrayContaining(['REPORT_REJECTED', 'STAFF_INVITATION_ACCEPTED', 'STAFF_INVITED', 'STAFF_CREATED_BY_CLI']));
    // Newest first.
    expect(actions.indexOf('REPORT_REJECTED')).toBeLessThan(actions.indexOf('STAFF_INVITED'));
    const rejected = await adminPage.locator('[data-testid="audit-row"][data-action="REPORT_REJECTED"]').textContent();
    expect(rejected).toContain(MODERATOR.email);
    expect(rejected).toContain(REJECT_REASON);
    expect(rejected).toContain(CODE);
    expect(rejected).toContain('Open report');
    const invited = await adminPage.locator('[data-testid="audit-row"][data-action="STAFF_INVITED"]').textContent();
    expect(invited).toContain(ADMIN.email);
    await shot(adminPage, 'staff-audit-log-desktop');

    const adminPhone = await newContext('admin-mobile', { viewport: MOBILE, storageState: await admin.storageState() });
    const small = await adminPhone.newPage();
    await small.goto(`${baseUrl()}/staff/audit`);
    await small.getByTestId('audit-row').first().waitFor();
    await noSidewaysScroll(small);
    await shot(small, 'staff-audit-log-mobile');
    await adminPhone.close();

    await adminPage.getByLabel('Action').selectOption('REPORT_REJECTED');
    await adminPage.getByRole('button', { name: 'Show' }).click();
    await adminPage.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid="audit-row"]')).every((r) => r.getAttribute('data-action') === 'REPORT_REJECTED'));
    const href = await adminPage.getByTestId('audit-csv').getAttribute('href');
    expect(href).toBe('/exports/audit-log.csv?action=REPORT_REJECTED');
    const csv = await admin.request.get(`${baseUrl()}${href}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const body = await csv.text();
    expect(body).toContain('REPORT_REJECTED');
    expect(body).toContain(flaggedId);
    expect(body).not.toContain('STAFF_INVITED');

    // Signing out forgets the session on the server and in the page.
    await adminPage.getByRole('button', { name: 'Sign out' }).click();
    await adminPage.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
    await adminPage.reload();
    await adminPage.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
    expect((await admin.request.get(`${baseUrl()}${href}`)).status()).toBe(401);
  }, 120_000);

  it('shows the moderator where they are signed in, and a new API token once; the token works until it is revoked', async () => {
    const page = await moderator.newPage();
    await page.goto(`${baseUrl()}/staff/account`);
    await page.getByRole('heading', { name: 'My account' }).waitFor();
    await page.getByTestId('sessions-table').waitFor();
    expect(await page.getByTestId('sessions-table').textContent()).toContain('This browser');

    await page.getByLabel('Name').fill('e2e script');
    await page.getByLabel('Expires after (days)').fill('30');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByTestId('new-token').waitFor();
    expect(await page.getByTestId('new-token').textContent()).toContain('it is shown only this once');
    const token = await page.getByTestId('new-token-secret').inputValue();
    expect(token).toMatch(/^dm_[A-Za-z0-9_-]{40,}$/);
    await page.getByTestId('tokens-table').waitFor();
    expect(await page.getByTestId('tokens-table').textContent()).toContain('e2e script');
    await shot(page, 'staff-account-token-desktop');

    const me = `{ me { email role } }`;
    expect((await graphql(me, {}, { authorization: `Bearer ${token}` })).data).toEqual({ me: { email: MODERATOR.email, role: 'MODERATOR' } });
    await page.getByRole('button', { name: 'I have stored it; hide it' }).click();
    await page.getByRole('button', { name: /^Revoke e2e script/ }).click();
    await page.getByRole('dialog', { name: 'Revoke the token “e2e script”?' }).getByRole('button', { name: 'Yes, revoke' }).click();
    await page.getByText('The token “e2e script” was revoked').waitFor();
    expect(await page.getByTestId('tokens-table').textContent()).toContain('Revoked');
    const after = await graphql(`{ moderationQueue { totalCount } }`, {}, { authorization: `Bearer ${token}` });
    expect(after.errors?.[0]?.extensions['code']).toBe('UNAUTHENTICATED');
    await page.close();
  });

  it('locks an email after repeated wrong passwords and says when to try again', async () => {
    const context = await newContext('lockout');
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/staff`);
    await page.getByLabel('Email').fill(MODERATOR.email);
    let problem = '';
    for (let attempt = 1; attempt <= 6 && !problem.includes('locked'); attempt++) {
      await page.getByLabel('Password').fill(`Wrong-password-${attempt}-xyz`);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      // "Signing in…" while the answer is on its way; the problem is shown when it is back.
      await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
      problem = (await page.getByTestId('signin-problem').textContent()) ?? '';
    }
    expect(problem).toContain('Sign-in is paused');
    expect(problem).toContain('Too many failed sign-ins for this email.');
    expect(problem).toMatch(/You can try again in 1[45] minutes \(at \d{2}:\d{2}\)\./);
    await context.close();
  });

  it('publishes the moderation rules to everyone', async () => {
    for (const [viewport, name] of [
      [DESKTOP, 'moderation-rules-desktop'],
      [MOBILE, 'moderation-rules-mobile'],
    ] as const) {
      const context = await newContext(`rules-${name}`, { viewport });
      const page = await context.newPage();
      await page.goto(`${baseUrl()}/moderation-rules`);
      await page.getByTestId('moderation-rules').waitFor();
      expect(await page.getByTestId('moderation-rules').locator('li').count()).toBeGreaterThanOrEqual(5);
      expect(await page.getByTestId('moderation-rules').textContent()).toContain('Every staff action is recorded');
      await noSidewaysScroll(page);
      await shot(page, name);
      await context.close();
    }
  });

  it('lets the moderator add a billing tip for the code (an impact statement needs its basis), edit it and retire it, and the public billing tips follow', async () => {
    const TITLE = 'Contrast decides the code: 71250 or 71260';
    const EDITED = 'CT chest: 71250 without contrast, 71260 with it';
    const ADVICE = 'Report 71250 only when the chest CT was done without contrast. With contrast it is 71260; without and then with contrast it is 71270. Read the technique line of the report before coding.';
    const SOURCE = 'CPT descriptors of 71250, 71260 and 71270 (CT thorax), and the technique section of the radiology report';
    const IMPACT = 'A study with contrast billed as 71250 is paid as the cheaper study';
    const BASIS = 'CMS MPFS RVU25D national non-facility amounts of 71250 and 71260';
    const RETIRE_REASON = 'Duplicates the coding guidance the rules already give.';
    const curatedTips = async () => {
      const answer = await graphql<{ billingTips: { tips: { key: string; kind: string; title: string }[] } }>(`{ billingTips(code: "71250") { tips { key kind title } } }`);
      expect(answer.errors).toBeUndefined();
      return (answer.data?.billingTips.tips ?? []).filter((t) => t.kind === 'CURATED');
    };

    const page = await moderator.newPage();
    await page.goto(`${baseUrl()}/staff`);
    await page.getByRole('navigation', { name: 'Staff area' }).getByRole('link', { name: 'Billing tips' }).click();
    await page.getByRole('heading', { name: 'Billing tips', level: 1 }).waitFor();
    // Every tip on file to begin with, among them the ones DenialMap ships for 70390.
    await page.getByTestId('tip-row').first().waitFor();
    expect(await page.getByTestId('tip-row').filter({ hasText: 'Shipped with DenialMap' }).count()).toBeGreaterThanOrEqual(6);
    await shot(page, 'staff-tips-all-desktop');

    await page.getByLabel('Tips for code').fill(CODE);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.waitForFunction((code) => document.querySelector('[data-testid="tips-count"]')?.textContent?.startsWith(`No active tip covers ${code}.`), CODE);
    expect(new URL(page.url()).search).toBe(`?code=${CODE}`);

    // The form starts from the code in the filter; an impact statement without its basis is refused beside the basis.
    await page.getByRole('button', { name: 'Add a tip' }).click();
    const form = page.getByTestId('tip-form');
    expect(await form.getByLabel('Code', { exact: true }).inputValue()).toBe(CODE);
    await form.getByLabel('Topic').selectOption({ label: 'Coding and modifiers' });
    await form.getByLabel('Title').fill(TITLE);
    await form.getByLabel('Advice').fill(ADVICE);
    await form.getByLabel('Source').fill(SOURCE);
    await form.getByLabel('Impact statement').fill(IMPACT);
    await form.getByRole('button', { name: 'Add the tip' }).click();
    await form.getByTestId('tip-impactBasis-problem').waitFor();
    expect(await form.getByTestId('tip-impactBasis-problem').textContent()).toBe('An impact statement needs its basis: the figures, file or rule it rests on.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tip-new-impactBasis');
    expect(await form.getByLabel('Basis').getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'staff-tips-impact-needs-basis-desktop');
    expect(await curatedTips()).toEqual([]);

    await form.getByLabel('Basis').fill(BASIS);
    await form.getByRole('button', { name: 'Add the tip' }).click();
    await page.getByTestId('tips-done').getByText(`Tip added for ${CODE}: “${TITLE}”.`).waitFor();
    expect(await page.getByTestId('tip-form').count()).toBe(0);
    const row = page.getByTestId('tip-row');
    expect(await row.count()).toBe(1);
    const id = (await row.getAttribute('data-tip-id')) as string;
    const tipRow = page.locator(`[data-testid="tip-row"][data-tip-id="${id}"]`);
    expect(await page.getByTestId('tips-count').textContent()).toContain(`1 active tip for ${CODE}.`);
    const text = (await tipRow.textContent()) ?? '';
    for (const part of [TITLE, `Code ${CODE}`, 'Topic: Coding and modifiers', ADVICE, SOURCE, IMPACT, `Basis: ${BASIS}`, 'Last updated', 'Active']) expect(text).toContain(part);
    expect(text).not.toContain('Shipped with DenialMap');
    expect(await curatedTips()).toEqual([{ key: `curated:${id}`, kind: 'CURATED', title: TITLE }]);
    await shot(page, 'staff-tips-added-desktop');

    // On a phone: the list and the form fit, down to 360 px.
    const moderatorPhone = await newContext('moderator-tips-mobile', { viewport: MOBILE, storageState: await moderator.storageState() });
    const small = await moderatorPhone.newPage();
    await small.goto(`${baseUrl()}/staff/tips?code=${CODE}`);
    await small.getByTestId('tip-row').waitFor();
    await small.getByRole('button', { name: `Edit “${TITLE}”` }).click();
    expect(await small.getByTestId('tip-form').getByLabel('Title').inputValue()).toBe(TITLE);
    await noSidewaysScroll(small);
    await shot(small, 'staff-tips-edit-mobile');
    await small.setViewportSize({ width: 360, height: 780 });
    await noSidewaysScroll(small);
    await moderatorPhone.close();

    // Edit: the form is the tip as stored; the new title reaches the public tips.
    await tipRow.getByRole('button', { name: `Edit “${TITLE}”` }).click();
    const editForm = tipRow.getByTestId('tip-form');
    expect(await editForm.getByLabel('Title').inputValue()).toBe(TITLE);
    expect(await editForm.getByLabel('Topic').inputValue()).toBe('CODING');
    expect(await editForm.getByLabel('Basis').inputValue()).toBe(BASIS);
    await editForm.getByLabel('Title').fill(EDITED);
    await editForm.getByLabel('Note for the audit log').fill('Both codes in the title.');
    await editForm.getByRole('button', { name: 'Save changes' }).click();
    await tipRow.getByTestId('tip-saved').waitFor();
    expect(await tipRow.getByTestId('tip-saved').textContent()).toBe(`Saved: the code page for ${CODE} shows this version now.`);
    expect(await tipRow.getByRole('heading').textContent()).toBe(EDITED);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`Edit “${EDITED}”`);
    expect(await curatedTips()).toEqual([{ key: `curated:${id}`, kind: 'CURATED', title: EDITED }]);

    // Retire: the reason is asked for in the dialog, then the tip leaves the public tips.
    await tipRow.getByRole('button', { name: `Retire “${EDITED}”` }).click();
    const dialog = page.getByRole('dialog', { name: `Retire “${EDITED}”?` });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Yes, retire it' }).click();
    expect(await dialog.getByTestId('retire-reason-problem').textContent()).toBe('Say why (at least 3 characters); it goes in the audit log.');
    await dialog.getByLabel('Reason (kept in the audit log)').fill(RETIRE_REASON);
    await shot(page, 'staff-tips-retire-confirm-desktop', false);
    await dialog.getByRole('button', { name: 'Yes, retire it' }).click();
    await page.getByTestId('tips-done').getByText(`“${EDITED}” is retired: it no longer shows on the code page for ${CODE}.`).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await tipRow.count()).toBe(0);
    expect(await page.getByTestId('tips-count').textContent()).toContain(`No active tip covers ${CODE}.`);
    expect(await curatedTips()).toEqual([]);

    // Still on file with the retired ones, without actions.
    await page.getByLabel('Include retired tips').check();
    await tipRow.waitFor();
    expect(new URL(page.url()).search).toBe(`?code=${CODE}&retired=1`);
    expect(await tipRow.getByTestId('tip-status').textContent()).toBe('Retired');
    expect(await tipRow.getByRole('button').count()).toBe(0);
    expect(await page.getByTestId('tips-count').textContent()).toContain(`0 active tips and 1 retired tip for ${CODE}.`);
    await shot(page, 'staff-tips-retired-desktop');
    await page.close();
  }, 120_000);

  it('raised no content-security-policy violation and logged no console error on any page', () => {
    expect(violations).toEqual([]);
    // The deliberate wrong password answers 200 with a GraphQL error, so nothing is expected here either.
    expect(consoleErrors).toEqual([]);
  });
});
