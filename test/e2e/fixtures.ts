import { test as base, expect, Page } from '@playwright/test';
import path from 'node:path';
import { isThirdPartyReactDevWarning } from '../src/consoleErrors';

/** Where screenshots of each page go (git-ignored). */
export const screenshotsDir = path.join(__dirname, 'results', 'screenshots');

/**
 * A page that fails the test on any browser console error or uncaught page error: a product that
 * logs errors to the console is broken even when the assertions pass.
 */
export const test = base.extend<{ page: Page }>({
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', message => {
      if (message.type() !== 'error') return;
      if (isThirdPartyReactDevWarning(message.text())) return;
      errors.push(message.text());
    });
    page.on('pageerror', error => errors.push(error.message));
    await use(page);
    expect(errors, 'browser console errors').toEqual([]);
  },
});

export { expect };

/** Signs in with the guest provider of the embedded default. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
}

/** Saves a full-page screenshot under results/screenshots/<name>.png. */
export async function saveScreenshot(page: Page, name: string) {
  await page.screenshot({
    path: path.join(screenshotsDir, `${name}.png`),
    fullPage: true,
  });
}
