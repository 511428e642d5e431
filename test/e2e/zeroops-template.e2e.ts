import {
  expect,
  saveScreenshot,
  signInAsGuest,
  test,
  waitForCatalogEntity,
} from './fixtures';

test('the zeroops-service template creates and registers a component through the form', async ({
  page,
}) => {
  // Unique per run: the embedded default keeps scaffolded repositories in .zeroops/.
  const serviceName = `e2e-${Date.now().toString(36).slice(-6)}`;

  await signInAsGuest(page);
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Create', exact: true })
    .click();
  // The innermost element holding both the template's title and a Choose button is its card.
  const template = page
    .locator('div')
    .filter({
      has: page.getByRole('heading', { name: 'ZeroOps service', exact: true }),
    })
    .filter({ has: page.getByRole('button', { name: 'Choose' }) })
    .last();
  await template.getByRole('button', { name: 'Choose' }).click();

  await page.getByRole('textbox', { name: 'Name' }).fill(serviceName);
  // The owner picker lists groups by display name.
  await page.getByRole('textbox', { name: 'Owner' }).click();
  await page
    .getByRole('option', { name: 'Team Checkout', exact: true })
    .click();
  await saveScreenshot(page, 'zeroops-template-form');

  // Repository (local by default), AWS and sizing keep their defaults.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(
    page.getByRole('button', { name: /Where to create the repository/ }),
  ).toContainText('Local git repository');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('textbox', { name: 'Region' })).toHaveValue(
    'us-east-1',
  );
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(
    page.getByRole('spinbutton', { name: 'Monthly budget (USD)' }),
  ).toHaveValue('500');
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(
    page.getByRole('row', { name: `Name ${serviceName}` }),
  ).toBeVisible();
  await expect(
    page.getByRole('row', { name: 'Owner group:default/team-checkout' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Create' }).click();

  const openInCatalog = page.getByRole('link', { name: /Open in catalog/ });
  await expect(openInCatalog).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText(/Estimated monthly cost: \$/)).toBeVisible();
  await saveScreenshot(page, 'zeroops-template-done');
  await waitForCatalogEntity(page, {
    kind: 'component',
    namespace: 'default',
    name: serviceName,
  });
  await openInCatalog.click();

  await expect(page).toHaveURL(
    new RegExp(`/catalog/default/component/${serviceName}`),
  );
  await expect(
    page.getByRole('heading', { name: serviceName }).first(),
  ).toBeVisible();
  // The template wrote the ZeroOps annotation, so the new component gets the ZeroOps cards.
  // Nothing is deployed yet: the ECS service does not exist, which is no outage.
  const environments = page.getByRole('region', {
    name: 'Environments',
    exact: true,
  });
  await expect(
    environments.getByRole('img', {
      name: 'production health: Not deployed yet',
    }),
  ).toBeVisible();
  await expect(
    environments
      .getByRole('row', { name: /^staging/ })
      .getByText(/Push to the staging branch to deploy it/),
  ).toBeVisible();
  await saveScreenshot(page, 'zeroops-template-registered-component');
});
