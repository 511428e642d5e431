import { Browser, Page } from '@playwright/test';
import {
  expect,
  recordBrowserErrors,
  test,
  waitForCatalogEntity,
} from './fixtures';

/**
 * The first look at the product (issue 16): `make start` serves the built frontend through the
 * backend, so a first visit shows the catalog in under 3 s and reloading a service's page shows
 * it again in under 1.5 s. Both are measured with the page's own clock (performance.now(), from
 * the start of the navigation) up to the moment the content is visible, not to network idle, on
 * a backend that has served the pages once (the figures are what a user sees, not the first
 * request's JIT). The budgets apply to the best of several tries, each in a browser that has
 * never seen the app: load on a shared machine (other processes, the backend's start-up backfill
 * from GitHub) only ever adds time, so the best try is what the product itself takes, while a
 * product that is slow every time (the dev server's bundle took 7-11 s) still fails. Every figure
 * is printed.
 */
const FIRST_LOAD_BUDGET_MS = 3_000;
const ENTITY_RELOAD_BUDGET_MS = 1_500;
const TRIES = 5;

const PAYMENTS_API = {
  kind: 'component',
  namespace: 'default',
  name: 'payments-api',
};
const PAYMENTS_API_PATH = '/catalog/default/component/payments-api';

/** Milliseconds since the current document's navigation started. */
function sinceNavigationStart(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function summary(values: number[]) {
  return {
    tries: values.map(Math.round),
    best: Math.round(Math.min(...values)),
    median: Math.round(median(values)),
  };
}

/** The catalog page shows the example services (the landing page after sign-in). */
async function catalogContentVisible(page: Page) {
  await page
    .getByRole('link', { name: 'Payments API', exact: true })
    .waitFor({ state: 'visible' });
}

/** The service page shows the service: its title and its About card. */
async function entityContentVisible(page: Page) {
  await page
    .getByRole('heading', { name: 'Payments API', exact: true })
    .waitFor({ state: 'visible' });
  await page.getByText('About', { exact: true }).first().waitFor();
}

/**
 * A first visit in a browser that has never seen the app (own cache, own storage): the guest
 * clicks Enter as soon as the sign-in page shows; measured until the catalog lists the services.
 */
async function firstLoad(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = recordBrowserErrors(page);
  await page.goto('/', { waitUntil: 'commit' });
  await page.getByRole('button', { name: 'Enter' }).click();
  await catalogContentVisible(page);
  const ms = await sinceNavigationStart(page);
  return { page, context, errors, ms };
}

test('the catalog shows within 3 s of a first visit and a service page within 1.5 s of a reload', async ({
  browser,
  page,
}, testInfo) => {
  await waitForCatalogEntity(page, PAYMENTS_API);

  // Warm the server: one complete visit, not timed.
  const warmUp = await firstLoad(browser);
  await warmUp.page.goto(PAYMENTS_API_PATH);
  await entityContentVisible(warmUp.page);
  await warmUp.context.close();

  const firstLoads: number[] = [];
  const reloads: number[] = [];
  const errors: string[] = [];
  for (let i = 0; i < TRIES; i++) {
    const visit = await firstLoad(browser);
    firstLoads.push(visit.ms);
    await visit.page.goto(PAYMENTS_API_PATH);
    await entityContentVisible(visit.page);
    await visit.page.reload({ waitUntil: 'commit' });
    await entityContentVisible(visit.page);
    reloads.push(await sinceNavigationStart(visit.page));
    errors.push(...visit.errors);
    await visit.context.close();
  }

  const figures = {
    'first load to catalog content (ms)': summary(firstLoads),
    'service page reload to content (ms)': summary(reloads),
  };
  console.log(`[zeroops] first look: ${JSON.stringify(figures)}`);
  testInfo.annotations.push(
    { type: 'first-load-ms', description: JSON.stringify(summary(firstLoads)) },
    { type: 'entity-reload-ms', description: JSON.stringify(summary(reloads)) },
  );

  expect(errors, 'browser console errors').toEqual([]);
  expect(Math.min(...firstLoads), 'best first load (ms)').toBeLessThan(
    FIRST_LOAD_BUDGET_MS,
  );
  expect(Math.min(...reloads), 'best service page reload (ms)').toBeLessThan(
    ENTITY_RELOAD_BUDGET_MS,
  );
});
