import { Locator } from '@playwright/test';
import {
  expect,
  saveScreenshot,
  signInAsGuest,
  test,
  waitForDeliverySync,
} from './fixtures';

/**
 * The workflow run page of a payments-api run, where GitHub's reviewers approve a deployment.
 * The GitHub simulator writes github.com page links like GitHub does; the test only reads the
 * link and never leaves the app.
 */
const PAYMENTS_RUN_URL =
  /^https:\/\/github\.com\/zeroops-demo\/payments-api\/actions\/runs\/\d+$/;

const METRICS = [
  'Deployment frequency',
  'Lead time for changes',
  'Change failure rate',
  'Time to restore',
];

/** A DORA metric shows a computed figure with its unit and band, not the "—" of no data. */
async function expectComputedMetric(dora: Locator, name: string) {
  const metric = dora.getByRole('group', { name, exact: true });
  await expect(metric.getByTestId('dora-value')).toHaveText(
    /^\d+(\.\d+)? (per (day|week|month)|min|h|d|%)$/,
  );
  await expect(metric.locator('[data-band]')).not.toHaveAttribute(
    'data-band',
    'no-data',
  );
  await expect(metric).toContainText(
    /Target (at least|under) .+: . (met|missed)/,
  );
  await expect(metric).toContainText(/based on \d+ /);
}

test('the overview team view leads to the payments API approval waiting on GitHub and its delivery cards', async ({
  page,
}) => {
  // Waiting for the first reconciliation of a freshly started product can take minutes.
  test.slow();
  await signInAsGuest(page);
  await waitForDeliverySync(page, {
    kind: 'component',
    namespace: 'default',
    name: 'payments-api',
  });
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'ZeroOps', exact: true })
    .click();
  await expect(page).toHaveURL(/\/zeroops$/);

  // The team view: one row per owning team with its bands and approvals waiting.
  const delivery = page.getByRole('region', { name: 'Delivery', exact: true });
  const checkout = delivery.getByRole('button', { name: /^team-checkout/ });
  await expect(checkout).toContainText('1 waiting for approval');
  await expect(checkout).toContainText(/Frequency\s*(Elite|High|Medium|Low)/);
  await expect(delivery.getByText('Demo data')).toBeVisible();
  await checkout.click();
  await expect(checkout).toHaveAttribute('aria-expanded', 'true');

  const services = delivery.getByRole('grid', {
    name: 'Delivery of team-checkout services',
  });
  const payments = services.getByRole('row', { name: /^Payments API/ });
  await expect(payments).toContainText('3 commits');
  const review = payments.getByRole('link', { name: /Review on GitHub/ });
  await expect(review).toHaveAttribute('href', PAYMENTS_RUN_URL);
  await expect(review).toHaveAttribute('target', '_blank');
  const reviewUrl = (await review.getAttribute('href')) ?? '';
  await saveScreenshot(page, 'zeroops-delivery-team-view');

  // The service's entity page: the same approval, what runs where, and the DORA metrics.
  await payments
    .getByRole('link', { name: 'Payments API', exact: true })
    .click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/payments-api/);

  const deliveryCard = page.getByRole('region', {
    name: 'Delivery',
    exact: true,
  });
  const approval = deliveryCard.getByRole('group', {
    name: 'production deployment waiting for approval',
  });
  await expect(
    approval.getByRole('link', { name: /Review on GitHub/ }),
  ).toHaveAttribute('href', reviewUrl);
  const environments = deliveryCard.getByRole('grid', {
    name: 'Deployments by environment',
  });
  for (const environment of ['production', 'staging']) {
    const row = environments.getByRole('row', {
      name: new RegExp(`^${environment}\\b`),
    });
    await expect(
      row.getByRole('link', { name: /^[0-9a-f]{7}\b/ }).first(),
    ).toHaveAttribute(
      'href',
      /^https:\/\/github\.com\/zeroops-demo\/payments-api\/commit\/[0-9a-f]{40}$/,
    );
    await expect(row.getByRole('link', { name: /^Run \d+/ })).toHaveAttribute(
      'href',
      PAYMENTS_RUN_URL,
    );
  }
  await expect(
    deliveryCard.getByRole('group', { name: 'Staging ahead' }),
  ).toContainText('Staging is 3 commits ahead of production');
  await expect(deliveryCard).toContainText('Synced from GitHub');

  const dora = page.getByRole('region', { name: 'DORA metrics', exact: true });
  for (const name of METRICS) {
    await expectComputedMetric(dora, name);
  }
  await expect(dora.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await saveScreenshot(page, 'zeroops-delivery-payments-api');

  // The window selector reads the metrics again over 90 days.
  await dora.getByRole('radio', { name: '90 days' }).click();
  await expect(dora.getByRole('radio', { name: '90 days' })).toBeChecked();
  await expectComputedMetric(dora, 'Deployment frequency');
});
