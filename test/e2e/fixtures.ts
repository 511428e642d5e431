import { test as base, expect, Page } from '@playwright/test';
import path from 'node:path';
import { isThirdPartyReactDevWarning } from '../src/consoleErrors';

/** Where screenshots of each page go (git-ignored). */
export const screenshotsDir = path.join(__dirname, 'results', 'screenshots');

/**
 * Collects the page's browser console errors and uncaught page errors from now on: a product that
 * logs errors to the console is broken even when the assertions pass.
 */
export function recordBrowserErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', message => {
    if (message.type() !== 'error') return;
    if (isThirdPartyReactDevWarning(message.text())) return;
    errors.push(message.text());
  });
  page.on('pageerror', error => errors.push(error.message));
  return errors;
}

/** A page that fails the test on any browser console error or uncaught page error. */
export const test = base.extend<{ page: Page }>({
  page: async ({ page }, use) => {
    const errors = recordBrowserErrors(page);
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

/**
 * The backend of the embedded default that `make start` runs; it also serves the built frontend,
 * so this is the app's address too (playwright.config.ts: baseURL).
 */
export const BACKEND_URL = 'http://localhost:7007';

/**
 * Waits until the catalog has processed an entity. The catalog processes a newly registered
 * location asynchronously, and an entity page opened before that shows "not found" (with a 404 in
 * the console) and does not retry, so a test that opens it must first wait like a user would.
 */
/**
 * Waits until the backend's first GitHub reconciliation has read the entity's repository (it starts
 * 15 s after the backend and takes as long as the demo's 90-day backfill needs). Webhooks of the
 * live demo touch the repository earlier, so the sign is what only the reconciliation writes: the
 * comparison of staging with production (read after deployments and approvals).
 */
export async function waitForDeliverySync(
  page: Page,
  ref: { kind: string; namespace: string; name: string },
  timeoutMs = 180_000,
) {
  const token = await guestToken(page);
  await expect
    .poll(
      async () => {
        const response = await page.request.get(
          `${BACKEND_URL}/api/zeroops/entities/${ref.kind}/${ref.namespace}/${ref.name}/delivery`,
          { headers: { Authorization: `Bearer ${token}` } },
        );
        return response.ok()
          ? ((await response.json()) as { stagingAhead?: object })
              .stagingAhead !== undefined
          : false;
      },
      { timeout: timeoutMs, intervals: [1000, 2000, 5000] },
    )
    .toBe(true);
}

async function guestToken(page: Page): Promise<string> {
  const refresh = await page.request.get(
    `${BACKEND_URL}/api/auth/guest/refresh?env=development`,
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  expect(refresh.status(), 'guest sign-in for the backend APIs').toBe(200);
  const { backstageIdentity } = (await refresh.json()) as {
    backstageIdentity: { token: string };
  };
  return backstageIdentity.token;
}

export async function waitForCatalogEntity(
  page: Page,
  ref: { kind: string; namespace: string; name: string },
  timeoutMs = 120_000,
) {
  const token = await guestToken(page);
  await expect
    .poll(
      async () =>
        (
          await page.request.get(
            `${BACKEND_URL}/api/catalog/entities/by-name/${ref.kind}/${ref.namespace}/${ref.name}`,
            {
              headers: { Authorization: `Bearer ${token}` },
            },
          )
        ).status(),
      { timeout: timeoutMs, intervals: [500, 1000, 2000] },
    )
    .toBe(200);
}
