import { Browser } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from '../support/browser';
import { screenshotAndAudit } from '../support/screenshot';
import { ARTIFACTS_DIR, baseUrl } from '../support/stack';

const ROOT = resolve(__dirname, '../../../..');

/** Pages and text of a PDF, read with pdf.js in a process of its own (it is ES modules only). */
function pdfText(file: string): { pages: number; title: string; text: string[] } {
  const run = spawnSync(process.execPath, ['tools/testing/pdf-text.mjs', file], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`pdf-text failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

describe('the Revenue Protection Toolkit page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('builds a toolkit for a specialty preset with live progress, and downloads a real PDF', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Toolkit' }).click();
    await page.getByRole('heading', { name: 'Revenue Protection Toolkit' }).waitFor();

    // Nothing chosen: said in words. An address without consent: refused by the API, in words.
    await page.getByRole('button', { name: 'Build my toolkit' }).click();
    expect(await page.getByTestId('toolkit-problem').textContent()).toBe('Choose a specialty, or "My own codes".');
    await page.getByLabel(/Radiology: head and neck imaging/).check();
    await page.getByLabel('Email address for toolkit updates').fill('team.lead@example.org');
    await page.getByRole('button', { name: 'Build my toolkit' }).click();
    await page.getByTestId('toolkit-problem').getByText('Tick the consent box').waitFor();
    await screenshotAndAudit(page, 'toolkit-form-desktop');
    await page.getByLabel(/I agree that DenialMap may keep this email address/).check();
    await page.getByRole('button', { name: 'Build my toolkit' }).click();

    await page.getByTestId('toolkit-progress').waitFor();
    await page.getByTestId('toolkit-download').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('toolkit-status').textContent()).toMatch(/^Done: \d+ pages, \d+ KB\.$/);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent)).toBe('Download the PDF');
    await screenshotAndAudit(page, 'toolkit-ready-desktop');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('toolkit-download').click()]);
    expect(download.suggestedFilename()).toMatch(/^denialmap-toolkit-[0-9a-f]{8}\.pdf$/);
    const file = join(ARTIFACTS_DIR, 'toolkit-radiology.pdf');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdf = pdfText(file);
    expect(pdf.title).toBe('DenialMap Revenue Protection Toolkit: Radiology: head and neck imaging');
    expect(pdf.text[0]).toContain('Bundling conflicts among these codes (NCCI)');
    expect(pdf.text[0]).toContain('70487 + 70486');
    expect(pdf.text.join(' ')).toContain('70390 X-ray exam of salivary duct');
    expect(pdf.text.join(' ')).toContain('Split billing: 26 for the reading, TC for the equipment');
    await context.close();
  }, 120_000);

  it('takes a typed list of codes on a phone, and says which code the fee schedule does not price', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
    await page.goto(`${baseUrl()}/toolkit`);
    await page.getByLabel(/My own codes/).check();
    await page.getByLabel(/CPT\/HCPCS codes, separated by/).fill('99213, E2610');
    await page.getByRole('button', { name: 'Build my toolkit' }).click();
    await page.getByTestId('toolkit-problem').getByText('Not in the Medicare Physician Fee Schedule').waitFor();
    expect(await page.getByTestId('toolkit-problem').textContent()).toContain('E2610');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshotAndAudit(page, 'toolkit-form-mobile');
    await page.getByLabel(/CPT\/HCPCS codes, separated by/).fill('99213 99214');
    await page.getByRole('button', { name: 'Build my toolkit' }).click();
    await page.getByTestId('toolkit-download').waitFor({ timeout: 60_000 });
    await page.close();
  }, 120_000);
});
