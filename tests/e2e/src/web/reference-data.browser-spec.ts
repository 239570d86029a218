import { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from '../support/browser';
import { screenshotAndAudit } from '../support/screenshot';
import { baseUrl, graphql } from '../support/stack';
import { createAdmin } from '../support/staff';

const ADMIN = { email: 'data-admin@example.org', name: 'Dana Data', password: 'Amber-Canyon-Willow-48' };
const SAMPLE = resolve(__dirname, '../../../../data/reference/official-format-samples/ncci-ptp/ccipra-v322r0-f1.TXT');

const RVU26C = resolve(__dirname, '../../../../data/reference/rvu/PPRRVU2026_Jul_nonQPP.csv');

const CODE = `query ($code: String!, $dateOfService: String) {
  code(code: $code, dateOfService: $dateOfService) { source rvus { workRvu nonFacilityTotalRvu } }
}`;

/** 70390's global row as the code page gets it for a date of service. */
async function code70390(dateOfService: string): Promise<{ source: string; rvus: { workRvu: string; nonFacilityTotalRvu: string } }> {
  const answer = await graphql<{ code: { source: string; rvus: { workRvu: string; nonFacilityTotalRvu: string } } }>(CODE, { code: '70390', dateOfService });
  expect(answer.errors).toBeUndefined();
  return answer.data?.code as { source: string; rvus: { workRvu: string; nonFacilityTotalRvu: string } };
}

const CHECK = `query ($dateOfService: String!, $codes: [ClaimLineInput!]!) {
  checkClaim(input: { dateOfService: $dateOfService, lines: $codes }) { findings { kind message source } }
}`;

/** The PTP findings checkClaim reports for the two codes on one claim (0001U is column 1 in CMS's file). */
async function ptpFindings(column2: string, dateOfService: string): Promise<{ message: string; source: string }[]> {
  const answer = await graphql<{ checkClaim: { findings: { kind: string; message: string; source: string }[] } }>(CHECK, {
    dateOfService,
    codes: [{ code: '0001U' }, { code: column2 }],
  });
  expect(answer.errors).toBeUndefined();
  return (answer.data?.checkClaim.findings ?? []).filter((f) => f.kind === 'PTP_EDIT');
}

const shot = (page: Page, name: string) => screenshotAndAudit(page, name, { fullPage: true });

/**
 * Issue "load each new CMS release": an admin uploads CMS's own PTP file in the browser, reviews
 * the preview, activates it, and claim checks use it for dates after its effective date; rolling
 * back restores the old answers. A file CMS would never publish is refused and changes nothing.
 */
describe('the staff reference-data page: upload, preview, activate, roll back', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    const created = await createAdmin(ADMIN);
    expect(created.code).toBe(0);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    await page.goto(`${baseUrl()}/staff`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('staff-who').waitFor();
  }, 120_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
  });

  it('starts from the shipped 2024 edition: 0001U with 0029U bundles on 2026-08-01', async () => {
    const findings = await ptpFindings('0029U', '2026-08-01');
    expect(findings).toHaveLength(1);
    expect(findings[0].source).toMatch(/ptp_practitioner_2024q3/);
  });

  it('refuses a file CMS would never publish, saying why, and changes nothing', async () => {
    await page.getByRole('link', { name: 'Reference data' }).click();
    await page.getByRole('heading', { name: 'Reference data', level: 1 }).waitFor();
    const broken = join(mkdtempSync(join(tmpdir(), 'dm-e2e-')), 'ccipra-v322r0-f1.TXT');
    writeFileSync(broken, readFileSync(SAMPLE, 'latin1').replace(/\t/g, ','), 'latin1');
    await page.getByLabel('Files', { exact: true }).setInputFiles(broken);
    await page.getByRole('button', { name: 'Upload and stage' }).click();
    const refused = page.getByTestId('upload-refused');
    await refused.waitFor({ timeout: 30_000 });
    expect(await refused.textContent()).toMatch(/Refused ccipra-v322r0-f1\.TXT: nothing was staged or changed\..*line 1.*not a file DenialMap can read/s);
    await shot(page, 'reference-data-refused');
    expect(await ptpFindings('0029U', '2026-08-01')).toHaveLength(1);
  });

  it('uploads CMS’s PTP file, shows live progress and the preview, and nothing is live yet', async () => {
    await page.getByLabel('Files', { exact: true }).setInputFiles(SAMPLE);
    await expect(page.getByTestId('chosen-files').textContent()).resolves.toMatch(/ccipra-v322r0-f1\.TXT \(12 KB\)/);
    await page.getByRole('button', { name: 'Upload and stage' }).click();
    const staged = page.getByTestId('staged-release');
    await staged.waitFor({ timeout: 60_000 });
    const text = (await staged.textContent()) ?? '';
    expect(text).toContain('NCCI procedure-to-procedure edits: NCCI_PTP-2026Q3');
    expect(text).toMatch(/Compared with the live edition NCCI_PTP-2024Q3, on 2026-07-01: 2,546,017 rows now, 154 after activation\./);
    expect(text).toContain('0001U + 0029U (modifier indicator 1)');
    expect(await page.getByTestId('preview-warning').textContent()).toMatch(/Only part f1 of the four CMS publishes/);
    await shot(page, 'reference-data-preview');
    expect(await ptpFindings('0029U', '2026-08-01')).toHaveLength(1);
  });

  it('activates it: claims after its effective date use the new edits at once', async () => {
    await page.getByRole('button', { name: 'Activate NCCI_PTP-2026Q3' }).click();
    const dialog = page.getByRole('dialog', { name: 'Activate NCCI_PTP-2026Q3?' });
    await dialog.waitFor();
    await dialog.getByLabel(/Note for the audit log/).fill('CMS 2026 Q3 PTP, part 1 (e2e)');
    await screenshotAndAudit(page, 'reference-data-activate-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: 'Activate now' }).click();
    await page.getByTestId('reference-done').filter({ hasText: 'NCCI_PTP-2026Q3 is live; NCCI_PTP-2024Q3 is kept for a roll-back.' }).waitFor();
    // 0001U + 0029U: deleted 2026-06-30 in the 2026 Q3 file; 0001U + 0417U: effective 2025-01-01.
    expect(await ptpFindings('0029U', '2026-08-01')).toEqual([]);
    expect(await ptpFindings('0029U', '2026-05-01')).toHaveLength(1);
    const added = await ptpFindings('0417U', '2026-08-01');
    expect(added).toHaveLength(1);
    expect(added[0].source).toMatch(/ccipra-v322r0-f1\.TXT/);
    await shot(page, 'reference-data-activated');
  });

  it('rolls back: the 2024 edition answers again, and every step is in the audit log', async () => {
    await page.getByRole('button', { name: 'Roll back to NCCI_PTP-2024Q3' }).click();
    const dialog = page.getByRole('dialog', { name: /Roll NCCI procedure-to-procedure edits back to NCCI_PTP-2024Q3\?/ });
    await dialog.getByRole('button', { name: 'Roll back' }).click();
    await page.getByTestId('reference-done').filter({ hasText: 'NCCI_PTP-2024Q3 is live again; NCCI_PTP-2026Q3 is now the roll-back target.' }).waitFor();
    expect(await ptpFindings('0029U', '2026-08-01')).toHaveLength(1);
    expect(await ptpFindings('0417U', '2026-08-01')).toEqual([]);
    await page.getByRole('link', { name: 'Audit log' }).click();
    const log = page.getByRole('heading', { name: 'Audit log', level: 1 });
    await log.waitFor();
    const rows = page.getByTestId('audit-row');
    await rows.first().waitFor();
    const actions = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action')));
    // Newest first: the roll-back, the activation, the good upload, the refused one.
    expect(actions.slice(0, 4)).toEqual(['REFERENCE_RELEASE_ROLLED_BACK', 'REFERENCE_RELEASE_ACTIVATED', 'REFERENCE_FILES_UPLOADED', 'REFERENCE_FILES_UPLOADED']);
    expect(await rows.nth(1).textContent()).toContain('CMS 2026 Q3 PTP, part 1 (e2e)');
    await shot(page, 'reference-data-audit');
  });

  it('stages a corrected fee schedule file: the preview names 70390 0.37 -> 0.39 and its payment change; a biller checks their own codes', async () => {
    // CMS re-posts RVU26C with one correction: 70390's work RVU (and so its totals).
    const corrected = join(mkdtempSync(join(tmpdir(), 'dm-e2e-')), 'PPRRVU2026_Jul_nonQPP.csv');
    const original = readFileSync(RVU26C, 'latin1');
    const fixedRow = original.replace(/^70390,,X-ray exam of salivary duct,A,,0\.37,2\.91,,2\.91,NA,0\.03,3\.31,3\.31,/m, '70390,,X-ray exam of salivary duct,A,,0.39,2.91,,2.91,NA,0.03,3.33,3.33,');
    expect(fixedRow).not.toBe(original);
    writeFileSync(corrected, fixedRow, 'latin1');
    expect((await code70390('2026-08-01')).rvus.workRvu).toBe('0.37');

    await page.getByRole('link', { name: 'Reference data' }).click();
    await page.getByRole('heading', { name: 'Reference data', level: 1 }).waitFor();
    await page.getByLabel('Files', { exact: true }).setInputFiles(corrected);
    await page.getByRole('button', { name: 'Upload and stage' }).click();
    const staged = page.getByTestId('staged-release').filter({ hasText: 'Fee schedule RVU26C' });
    await staged.waitFor({ timeout: 60_000 });
    const text = (await staged.textContent()) ?? '';
    expect(text).toContain('Fee schedule RVU26C: RVU26C-2');
    expect(text).toMatch(/Compared with the live edition RVU26C, on 2026-07-01: 19,356 rows now, 19,356 after activation\./);
    expect(text).toContain('Replaces the live RVU26C (a corrected file).');
    expect(text).toContain('Changed (largest RVU changes first): 1');
    expect(text).toContain('70390: work RVU 0.37 -> 0.39');
    expect(text).toMatch(/National payment changes \(biggest first\): 1.*70390 \(non-facility\): \$110\.56 -> \$111\.2\d \(\+\$0\.6\d\)/s);

    const check = staged.getByTestId('code-changes');
    await check.getByLabel(/Check your own codes/).fill('70390, 99213');
    await check.getByRole('button', { name: 'Compare' }).click();
    await check.getByText('99213: no change').waitFor();
    expect(await check.locator('li').allTextContents()).toEqual(['70390: work RVU 0.37 -> 0.39', '99213: no change']);
    await shot(page, 'reference-data-fee-schedule-preview');
    // Nothing is live until it is activated.
    expect((await code70390('2026-08-01')).rvus.workRvu).toBe('0.37');
  });

  it('activates the corrected release (code pages switch at once) and rolls it back', async () => {
    await page.getByRole('button', { name: 'Activate RVU26C-2' }).click();
    const dialog = page.getByRole('dialog', { name: 'Activate RVU26C-2?' });
    await dialog.getByRole('button', { name: 'Activate now' }).click();
    await page.getByTestId('reference-done').filter({ hasText: 'RVU26C-2 is live; RVU26C is kept for a roll-back.' }).waitFor();
    const live = await code70390('2026-08-01');
    expect(live.rvus).toEqual({ workRvu: '0.39', nonFacilityTotalRvu: '3.33' });
    // 2025 dates still price from RVU25D: releases live side by side.
    expect((await code70390('2025-11-01')).rvus.workRvu).toBe('0.38');

    await page.getByRole('button', { name: 'Roll back to RVU26C' }).click();
    await page.getByRole('dialog', { name: /Roll Fee schedule RVU26C back to RVU26C\?/ }).getByRole('button', { name: 'Roll back' }).click();
    await page.getByTestId('reference-done').filter({ hasText: 'RVU26C is live again; RVU26C-2 is now the roll-back target.' }).waitFor();
    expect((await code70390('2026-08-01')).rvus.workRvu).toBe('0.37');
    await shot(page, 'reference-data-fee-schedule-rolled-back');
    expect(consoleErrors).toEqual([]);
  });
});
