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
    expect(consoleErrors).toEqual([]);
  });
});
