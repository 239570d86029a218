import { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { baseUrl } from '../support/stack';
import { publishReport, SERVICE_QUARTER, SERVICE_YEAR } from '../support/reports';
import { screenshotAndAudit } from '../support/screenshot';

// No other e2e test reports on this code, so its counts start at zero.
const CODE = '70486';

const OTHER_STORIES = [
  'The MAC bundled it with the office visit; the redetermination with the op note got it paid.',
  'Sent the sinus CT report and the referral letter with the appeal; paid about a month later.',
];

/** Another biller's report over HTTP: a distinct user agent is a distinct submitter. */
async function reportAs(biller: number, narrative: string | null): Promise<void> {
  await publishReport({ code: CODE, icd10: 'J32.9', submitter: `e2e-biller-${biller}`, narrative, days: 20 + biller * 5 });
}

/** Resolves once the page has subscribed to the code's live stats over graphql-ws. */
function liveSubscription(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on('websocket', (socket) => {
      socket.on('framesent', (frame) => {
        if (typeof frame.payload === 'string' && frame.payload.includes('"subscribe"') && frame.payload.includes('denialStatsUpdated')) resolve();
      });
    });
  });
}

describe('community denial reports on the code page', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(() => browser.close());

  it('warns about a patient name, takes the report, and unlocks live when five billers have reported', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const subscribed = liveSubscription(page);
    await page.goto(`${baseUrl()}/codes/${CODE}`);
    await page.getByTestId('stats-locked').waitFor();
    expect(await page.getByTestId('stats-locked').textContent()).toContain(`0 reports so far; 5 more billers need to report before denial patterns for ${CODE} are shown.`);
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0');
    await subscribed;
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));

    await page.getByRole('button', { name: 'Report a denial', exact: true }).click();
    await page.locator('#report-form').waitFor();
    expect(await page.inputValue('#report-code')).toBe(CODE);

    // Nothing chosen: every required choice is named beside its field, nothing is sent.
    await page.getByRole('button', { name: 'Send report' }).click();
    expect(await page.getByTestId('report-problems').textContent()).toContain('Check these 6 fields');
    expect(await page.getByTestId('problem-payerType').textContent()).toBe('Choose the payer type.');

    await page.selectOption('#report-payerType', 'MEDICARE_FFS');
    await page.selectOption('#report-payerName', 'Noridian Healthcare Solutions');
    await page.fill('#report-modifiers', '26');
    await page.press('#report-modifiers', 'Enter');
    await page.selectOption('#report-groupCode', 'CO');
    await page.fill('#report-carc', '999');
    await page.fill('#report-rarcs', 'n290');
    await page.press('#report-rarcs', 'Enter');
    await page.getByTestId('rarc-lookup').waitFor();
    expect(await page.getByTestId('rarc-lookup').textContent()).toContain('N290: Missing/incomplete/invalid rendering provider');
    await page.fill('#report-icd10Codes', 'J32.9');
    await page.getByRole('option', { name: /J32\.9/ }).click();
    await page.selectOption('#report-denialCategory', 'BUNDLING');
    expect(await page.locator('#report-appealLevel').count()).toBe(0);
    await page.selectOption('#report-actionTaken', 'APPEALED');
    await page.selectOption('#report-appealLevel', '1');
    await page.selectOption('#report-outcome', 'PENDING');
    expect(await page.locator('#report-daysToResolution').count()).toBe(0);
    await page.selectOption('#report-outcome', 'PAID');
    await page.fill('#report-daysToResolution', '30');
    await page.selectOption('#report-fix', 'ADDED_DOCUMENTATION');
    expect(await page.getByTestId('carc-lookup').textContent()).toBe('Unknown: CARC 999 is not in the X12 list.');

    // The server's own refusal: the field problem appears beside the CARC field.
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByTestId('report-refusal').waitFor();
    expect(await page.getByTestId('problem-carc').textContent()).toContain('CARC 999 is not in the X12 list');
    await page.fill('#report-carc', '97');
    await page.waitForFunction(() => document.querySelector('[data-testid="carc-lookup"]')?.textContent?.includes('CARC 97: The benefit for this service is included'));

    await page.fill('#report-narrative', 'Called about Maria Lopez; the redetermination with the operative note was paid.');
    await page.getByTestId('phi-warning').waitFor();
    expect(await page.getByTestId('phi-warning-highlight').locator('mark').allTextContents()).toEqual(['Maria Lopez']);
    expect(await page.getByTestId('phi-warning').textContent()).toContain("Looks like a person's name");
    await screenshotAndAudit(page, 'denial-report-form-warning-desktop', { element: page.getByTestId('community') });

    await page.fill('#report-narrative', 'Called the MAC; the redetermination with the operative note was paid.');
    await page.getByTestId('phi-clean').waitFor();
    expect(await page.getByTestId('phi-warning').count()).toBe(0);
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByTestId('report-receipt').waitFor();
    expect(await page.getByTestId('receipt-status').textContent()).toBe('Published');
    expect(await page.getByTestId('receipt-quarter').textContent()).toBe(`${SERVICE_YEAR}Q${SERVICE_QUARTER}`);
    expect(await page.getByTestId('receipt-id').textContent()).toMatch(/^[0-9a-f-]{36}$/);
    await screenshotAndAudit(page, 'denial-report-receipt-desktop', { element: page.getByTestId('community') });

    // Live: the page's own report arrives through the subscription, then four more billers unlock it.
    await page.waitForFunction(() => document.querySelector('[data-testid="stats-locked"]')?.textContent?.includes('1 report so far; 4 more billers need'));
    expect(await page.getByTestId('stats-live-note').textContent()).toBe('Updated just now');
    for (const biller of [1, 2, 3, 4]) await reportAs(biller, OTHER_STORIES[biller - 1] ?? null);
    await page.getByTestId('stats-unlocked').waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(await page.getByTestId('stats-reports').textContent()).toBe('5');
    expect(await page.getByTestId('stats-reasons').textContent()).toContain('CO-97: The benefit for this service is included');
    expect(await page.getByTestId('stats-appeal-levels').textContent()).toContain('Level 1: Redetermination by the MAC');
    expect(await page.getByTestId('stats-appeal-levels').textContent()).toContain('100.0%');
    expect(await page.getByTestId('stats-fixes').textContent()).toContain('Sent documentation / medical records');
    expect(await page.getByTestId('stats-quarters').textContent()).toContain(`${SERVICE_YEAR} Q${SERVICE_QUARTER}`);
    expect(await page.getByTestId('stats-source').textContent()).toContain('a code unlocks at 5 distinct billers');
    await page.getByTestId('story').nth(2).waitFor();
    expect(await page.getByTestId('stories').textContent()).toContain('Called the MAC; the redetermination with the operative note was paid.');
    await screenshotAndAudit(page, 'denial-stats-unlocked-desktop', { element: page.getByTestId('community') });
    // The billing tips on the same open page gain the community's tips, from the published cells only.
    await page.locator('[data-testid="tip"][data-key="community:reasons"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="tip"][data-key="community:reasons"]').textContent()).toContain('CO-97');
    expect(await page.locator('[data-testid="tip"][data-key="community:reasons"]').textContent()).toContain('in 5 of 5');
    expect(await page.getByTestId('tips-community-locked').count()).toBe(0);
    await screenshotAndAudit(page, 'billing-tips-community-desktop', { element: page.getByTestId('billing-tips') });

    // Flag a story: pick a reason, read what happens next.
    const story = page.getByTestId('story').first();
    await story.getByRole('button', { name: 'Flag' }).click();
    await story.getByLabel('Why should a moderator look at it?').selectOption('SPAM');
    await story.getByRole('button', { name: 'Send flag' }).click();
    await story.getByText('Thank you. A moderator will look at the report.').waitFor();

    // A payer type with too few billers says so in words.
    await page.selectOption('[data-testid="community"] .community-controls select', 'COMMERCIAL');
    await page.getByTestId('stats-withheld').waitFor();
    expect(await page.getByTestId('stats-withheld').textContent()).toContain('Withheld for Commercial insurance.');
    await page.getByRole('button', { name: 'Show all payers' }).click();
    await page.getByTestId('stats-unlocked').waitFor();

    // The same browser again for the same code: the rate limit, in words.
    await page.getByRole('button', { name: 'Report another denial' }).click();
    await page.selectOption('#report-payerType', 'MEDICARE_FFS');
    await page.selectOption('#report-groupCode', 'CO');
    await page.fill('#report-carc', '97');
    await page.selectOption('#report-denialCategory', 'BUNDLING');
    await page.selectOption('#report-actionTaken', 'WROTE_OFF');
    await page.selectOption('#report-outcome', 'UPHELD');
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByTestId('report-refusal').waitFor();
    expect(await page.getByTestId('report-refusal').textContent()).toContain('You have already reported a denial for this code today.');
    await page.close();
  }, 120_000);

  it('is usable on a 360 px phone: no sideways scrolling, every control labelled, the honeypot out of reach', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
    await page.goto(`${baseUrl()}/codes/${CODE}`);
    await page.getByTestId('stats-unlocked').waitFor();
    await screenshotAndAudit(page, 'denial-stats-unlocked-mobile', { element: page.getByTestId('community') });
    await page.getByRole('button', { name: 'Report a denial', exact: true }).click();
    await page.locator('#report-form').waitFor();
    await page.fill('#report-narrative', 'Spoke with John Smith at the MAC.');
    await page.getByTestId('phi-warning').waitFor();
    await screenshotAndAudit(page, 'denial-report-form-mobile', { element: page.getByTestId('community') });
    expect(await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)).toBe(false);

    const unlabelled = await page.evaluate(() =>
      Array.from(document.querySelectorAll('#report-form input, #report-form select, #report-form textarea'))
        .filter((el) => (el as HTMLInputElement).labels?.length === 0 && !el.getAttribute('aria-label'))
        .map((el) => el.id || el.outerHTML.slice(0, 60)),
    );
    expect(unlabelled).toEqual([]);
    const honeypot = page.locator('#report-website');
    expect(await honeypot.getAttribute('tabindex')).toBe('-1');
    expect(await honeypot.getAttribute('autocomplete')).toBe('off');
    const hidden = page.locator('[aria-hidden="true"]:has(#report-website)');
    expect(await hidden.count()).toBe(1);
    expect((await hidden.boundingBox())?.width).toBeLessThanOrEqual(1);
    await page.close();
  });
});
