import { expect, saveScreenshot, signInAsGuest, test } from './fixtures';

test('the ZeroOps overview shows health per service and environment, cost and PR environments', async ({
  page,
}) => {
  await signInAsGuest(page);
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    nav.getByRole('link', { name: 'ZeroOps', exact: true }),
  ).toBeVisible();
  await nav.getByRole('link', { name: 'ZeroOps', exact: true }).click();
  await expect(page).toHaveURL(/\/zeroops$/);

  const matrix = page.getByRole('grid', {
    name: 'Health by service and environment',
  });
  // Services scaffolded by other tests may be listed too.
  for (const service of ['Orders worker', 'Payments API', 'Storefront']) {
    await expect(
      matrix.getByRole('rowheader', { name: service, exact: true }),
    ).toBeVisible();
  }
  await expect(
    matrix.getByRole('img', { name: 'orders-worker in staging: Degraded' }),
  ).toBeVisible();
  await expect(
    matrix.getByRole('img', { name: 'payments-api in staging: Degraded' }),
  ).toBeVisible();
  await expect(
    matrix.getByRole('img', { name: 'storefront-web in production: Healthy' }),
  ).toBeVisible();
  await expect(page.getByText('Demo data').first()).toBeVisible();

  const cost = page.getByRole('grid', { name: 'Cost per service this month' });
  await expect(
    cost
      .getByRole('row', { name: /^Payments API/ })
      .getByRole('meter', { name: 'Budget payments-api-monthly' }),
  ).toHaveAttribute('aria-valuenow', '80');

  const ephemeral = page.getByRole('grid', {
    name: 'Pull-request environments',
  });
  await expect(ephemeral).toContainText('pr-42 (PR #42)');
  await expect(ephemeral).toContainText('pr-7 (PR #7)');
  await saveScreenshot(page, 'zeroops-overview');

  // Filters by system and owner.
  await page.getByRole('button', { name: /System/ }).click();
  await page.getByRole('option', { name: 'checkout' }).click();
  await expect(matrix.getByRole('rowheader')).toHaveText([
    'Orders worker',
    'Payments API',
    'Storefront',
  ]);

  // Rows lead to the entity pages.
  await matrix.getByRole('link', { name: 'Payments API' }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/payments-api/);
});
