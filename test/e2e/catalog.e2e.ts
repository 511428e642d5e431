import { expect, saveScreenshot, signInAsGuest, test } from './fixtures';

test('the catalog shows the example services after guest sign-in', async ({
  page,
}) => {
  await signInAsGuest(page);

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    nav.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();

  // The catalog table shows entity titles.
  for (const title of ['Payments API', 'Storefront', 'Orders worker']) {
    await expect(
      page.getByRole('link', { name: title, exact: true }),
    ).toBeVisible();
  }
  await saveScreenshot(page, 'catalog');
});
