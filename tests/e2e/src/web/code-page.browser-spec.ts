import { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { baseUrl, graphql } from '../support/stack';
import { screenshotAndAudit } from '../support/screenshot';

describe('the code page in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(() => browser.close());

  async function open(path: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; outside: string[] }> {
    const page = await browser.newPage({ viewport });
    const outside: string[] = [];
    // Nothing may load from anywhere but the DenialMap server itself.
    page.on('request', (request) => {
      if (!request.url().startsWith(baseUrl()) && !request.url().startsWith('data:')) outside.push(request.url());
    });
    await page.goto(`${baseUrl()}${path}`);
    return { page, outside };
  }

  it('shows 70390 with its 2025 national amount, RVUs, conversion factor and source', async () => {
    const { page, outside } = await open('/codes/70390?dos=2025-06-01');
    await page.getByTestId('national-non-facility-amount').waitFor();
    expect(await page.getByTestId('national-non-facility-amount').textContent()).toBe('$109.65');
    expect(await page.locator('h1').textContent()).toBe('70390 X-ray exam of salivary duct');
    expect(await page.getByTestId('conversion-factor').textContent()).toBe('$32.3465');
    expect(await page.getByTestId('source').textContent()).toContain('CMS MPFS RVU25D');
    expect(await page.getByTestId('amount-nf-26').textContent()).toBe('$17.47');
    expect(await page.getByTestId('amount-nf-TC').textContent()).toBe('$92.19');
    expect(await page.getByTestId('rvu-row-global').textContent()).toContain('0.38');
    expect(await page.textContent('body')).toContain('American Medical Association');
    await screenshotAndAudit(page, 'code-page-desktop-2025');
    expect(outside).toEqual([]);
    await page.close();
  });

  it('follows the date of service to the 2026 release, keeping it in the URL', async () => {
    const { page } = await open('/codes/70390?dos=2025-06-01', { width: 390, height: 844 });
    await page.getByTestId('national-non-facility-amount').waitFor();
    await page.fill('#dos', '2026-08-01');
    await page.waitForFunction(() => document.querySelector('[data-testid="national-non-facility-amount"]')?.textContent === '$110.56');
    expect(page.url()).toContain('dos=2026-08-01');
    expect(await page.getByTestId('conversion-factor').textContent()).toBe('$33.4009');
    await screenshotAndAudit(page, 'code-page-mobile-2026');
    await page.close();
  });

  it('shows NCCI edits, the MUE and decoded indicators, each with its source', async () => {
    const { page } = await open('/codes/70390?dos=2025-06-01');
    await page.getByTestId('ncci-count').waitFor();
    expect(await page.getByTestId('ncci-count').textContent()).toBe('12 edits in force on 2025-06-01.');
    expect(await page.getByTestId('ptp-76000').textContent()).toContain('Allowed');
    expect(await page.getByTestId('mue').textContent()).toContain('2 per day');
    expect(await page.getByTestId('mue').textContent()).toContain('MAI 3');
    expect(await page.textContent('body')).toContain('NCCI data shipped with DenialMap is the 2024-07-01 edition');
    expect(await page.textContent('.indicators')).toContain('Diagnostic test with professional and technical components');
    // Only the edits a modifier can bypass: 76000, 77001 and 77002 (as the API says).
    await page.getByTestId('ncci-modifier-filter').selectOption('ALLOWED');
    await page.waitForFunction(() => document.querySelector('[data-testid="ncci-count"]')?.textContent === '3 edits that a modifier can bypass in force on 2025-06-01.');
    expect(await page.locator('.ncci-table tbody th').allTextContents()).toEqual(['76000', '77001', '77002']);
    await page.getByTestId('ncci-modifier-filter').selectOption('ANY');
    await page.uncheck('text=Only edits in force');
    await page.waitForFunction(() => document.querySelector('[data-testid="ncci-count"]')?.textContent?.startsWith('79 edits'));
    await page.getByRole('button', { name: 'Show more edits' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.ncci-table tbody tr').length === 50);
    await page.close();
  });

  it('shows billing tips for 70390: rule-derived with their source and the money at stake, the editors\' tips, and when community tips will come', async () => {
    const { page, outside } = await open('/codes/70390?dos=2025-06-01');
    await page.getByTestId('billing-tips').getByTestId('tip').first().waitFor();
    const pctc = page.locator('[data-testid="tip"][data-key="rule:pctc"]');
    expect(await pctc.getByTestId('tip-money').textContent()).toBe('$92.19 at stake');
    expect(await pctc.textContent()).toContain('70390-26 ($17.47)');
    expect(await pctc.textContent()).toContain('Source: CMS MPFS RVU25D: PPRRVU2025_Oct.csv, PCTC IND 1');
    // Most money at stake first: the MUE (3 units x $109.65).
    expect(await page.getByTestId('tip').first().getAttribute('data-key')).toBe('rule:mue');
    expect(await page.locator('[data-testid="tip"][data-kind="CURATED"]').count()).toBe(6);
    expect(await page.getByTestId('billing-tips').textContent()).toContain('Impact: A global claim for a hospital patient is cut from $109.65 to $17.47');
    expect(await page.getByTestId('tips-community-locked').textContent()).toContain('once 5 more billers report 70390');
    await page.getByRole('button', { name: /^Editors/ }).click();
    expect(await page.locator('[data-testid="tip"]').evaluateAll((tips) => tips.every((t) => t.getAttribute('data-kind') === 'CURATED'))).toBe(true);
    await screenshotAndAudit(page, 'billing-tips-desktop', { element: page.getByTestId('billing-tips') });
    await page.getByRole('button', { name: /^All tips/ }).click();
    await page.setViewportSize({ width: 360, height: 780 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshotAndAudit(page, 'billing-tips-mobile', { element: page.getByTestId('billing-tips') });
    expect(outside).toEqual([]);
    await page.close();
  });

  it('shows the math behind the amount', async () => {
    const { page } = await open('/codes/70390?dos=2025-06-01');
    await page.getByText('How we got the national non-facility amount').click();
    expect(await page.locator('.trace').first().textContent()).toContain('3.39 x 32.3465 = 109.654635');
    await page.close();
  });

  it('finds a code by words with suggestions as you type, keyboard only', async () => {
    const { page } = await open('/');
    await page.fill('#code', 'zzzz qqqq');
    await page.waitForTimeout(400);
    await page.press('#code', 'Enter');
    expect(await page.getByRole('alert').textContent()).toContain('Nothing matches');
    await page.fill('#code', 'x-ray salivary');
    await page.getByRole('option').first().waitFor();
    expect(await page.getByRole('option').first().textContent()).toContain('70390 X-ray exam of salivary duct');
    await page.press('#code', 'ArrowDown');
    expect(await page.getAttribute('#code', 'aria-activedescendant')).toBeTruthy();
    await screenshotAndAudit(page, 'home-search-desktop', { fullPage: false });
    await page.press('#code', 'Enter');
    await page.getByTestId('national-non-facility-amount').waitFor();
    expect(page.url()).toContain('/codes/70390');
    await page.goto(`${baseUrl()}/codes/99999?dos=2025-06-01`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('99999 is not in the fee schedule');
    await page.close();
  });

  it('prices the code for a ZIP code and modifiers, with findings and the math, keeping the inputs in the URL', async () => {
    const { page, outside } = await open('/codes/70390?dos=2025-06-01');
    await page.getByTestId('calculated-amount').waitFor();
    expect(await page.getByTestId('calculated-amount').textContent()).toBe('$109.65');
    await page.getByLabel('Modifiers').fill('26');
    await page.waitForFunction(() => document.querySelector('[data-testid="calculated-amount"]')?.textContent === '$17.47');
    // Alabama 10112-00 by ZIP: 0.54 RVUs of 70390-26 at AL GPCIs x 32.3465
    await page.getByLabel('or ZIP code').fill('35004');
    await page.waitForFunction(() => document.querySelector('[data-testid="calculated-basis"]')?.textContent?.includes('ALABAMA (10112-00)'));
    expect(page.url()).toContain('zip=35004');
    expect(page.url()).toContain('mod=26');
    // The page shows exactly what the API answers for the same inputs.
    const api = await graphql<{ price: { amount: string } }>(
      `query ($input: PriceInput!) { price(input: $input) { amount } }`,
      { input: { code: '70390', dateOfService: '2025-06-01', zip: '35004', modifiers: ['26'] } },
    );
    expect(await page.getByTestId('calculated-amount').textContent()).toBe(`$${api.data?.price.amount}`);
    expect(api.data?.price.amount).not.toBe('17.47');
    await page.getByText('How we got this amount').click();
    expect(await page.getByTestId('calculator-trace').textContent()).toContain('GPCI2025.csv, locality 10112-00');
    await screenshotAndAudit(page, 'calculator-desktop-zip');

    // A modifier the code does not allow is a finding, not a silent ignore; the shared URL reopens it.
    await page.goto(`${baseUrl()}/codes/99213?dos=2025-06-01&mod=26`);
    await page.getByTestId('calculator-findings').waitFor();
    expect(await page.getByTestId('calculated-reason').textContent()).toContain('Modifier 26 is not allowed on 99213');
    expect(await page.getByTestId('calculator-findings').textContent()).toContain('Likely CARC 4');
    expect(outside).toEqual([]);
    await page.close();
  });

  it('says in words why input cannot be priced, on a phone', async () => {
    const { page } = await open('/codes/70390?dos=2025-06-01&mod=ZZ', { width: 360, height: 780 });
    await page.getByText('This combination cannot be priced').waitFor();
    expect(await page.textContent('.calculator')).toContain('"ZZ" is not a CPT or HCPCS Level II modifier');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    expect(overflow).toBe(false);
    await screenshotAndAudit(page, 'calculator-mobile-error');
    await page.close();
  });

  it('checks a pasted claim: prices each line, denies the bundled one and says which modifier fixes it', async () => {
    const { page, outside } = await open('/claim?dos=2025-06-01');
    await page.getByText('Paste a list of codes').click();
    await page.fill('#claim-paste', '70390-26, 76000-26, 99213-25, 97110 x3');
    await page.getByRole('button', { name: 'Use these lines' }).click();
    expect(await page.getByLabel('Line 4 units').inputValue()).toBe('3');
    await page.getByRole('button', { name: 'Check claim' }).click();
    await page.getByTestId('claim-total').waitFor();
    expect(page.url()).toContain('lines=70390%3A26%3A1%3B76000%3A26%3A1');
    expect(await page.getByTestId('claim-line-1').textContent()).toContain('Paid');
    expect(await page.getByTestId('claim-line-2').textContent()).toContain('Denied');
    expect(await page.getByTestId('claim-findings').textContent()).toMatch(/add XS, XE, XP, XU or 59 .* to line 2/);
    await screenshotAndAudit(page, 'claim-checker-desktop');

    // The same claim from its shared URL, on a phone.
    const shared = page.url();
    const phone = await browser.newPage({ viewport: { width: 360, height: 780 } });
    await phone.goto(shared);
    await phone.getByTestId('claim-total').waitFor();
    expect(await phone.getByTestId('claim-total').textContent()).toBe(await page.getByTestId('claim-total').textContent());
    expect(await phone.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)).toBe(false);
    await screenshotAndAudit(phone, 'claim-checker-mobile');
    expect(outside).toEqual([]);
    await phone.close();
    await page.close();
  });

  it('opens the API explorer with the bundled schema (introspection is off) and says so for a page that does not exist', async () => {
    const { page, outside } = await open('/explorer');
    await page.locator('.graphiql-container').waitFor();
    // The documentation explorer reads the schema from the bundle: the query root is listed.
    await page.getByRole('button', { name: /documentation explorer/i }).click();
    await page.getByText('Query', { exact: true }).first().waitFor();
    // The explorer is GraphiQL 4 as published (a developer tool): axe finds its editors' text areas
    // unlabelled, some of its grey text too light and a control nested in another. Not ours to
    // patch; the page around it is audited.
    await screenshotAndAudit(page, 'explorer-desktop', { fullPage: false, exclude: ['.graphiql-container'] });
    await page.goto(`${baseUrl()}/no-such-page`);
    await page.getByText('There is no page here').waitFor();
    await screenshotAndAudit(page, 'not-found-desktop', { fullPage: false });
    expect(outside).toEqual([]);
    await page.close();
  });
});
