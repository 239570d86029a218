import type { Locator, Page } from 'playwright-core';
import { join } from 'node:path';
import { seriousAccessibilityProblems } from './axe';
import { ARTIFACTS_DIR } from './stack';

/**
 * Every state of a page worth a screenshot (saved to tmp/e2e-artifacts for people to look at) is
 * also checked with axe-core: a serious or critical accessibility problem fails the test there.
 */
export async function screenshotAndAudit(page: Page, name: string, options: { fullPage?: boolean; element?: Locator; exclude?: string[] } = {}): Promise<void> {
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await (options.element ? options.element.screenshot({ path }) : page.screenshot({ path, fullPage: options.fullPage ?? true }));
  expect({ page: name, problems: await seriousAccessibilityProblems(page, options.exclude) }).toEqual({ page: name, problems: [] });
}
