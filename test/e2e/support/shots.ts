import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { REPO_ROOT } from '../../support/paths.ts';

/** Where every view's screenshot goes, light and dark: look at them after a change. */
export const SCREENSHOTS = join(REPO_ROOT, 'test-results/screens');

export async function shoot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const scheme = await page.evaluate(() => (window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
  const path = join(SCREENSHOTS, `${name}-${scheme}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
