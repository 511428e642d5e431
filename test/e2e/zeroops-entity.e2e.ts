import { Page } from '@playwright/test';
import { expect, saveScreenshot, signInAsGuest, test } from './fixtures';

/**
 * Opens a service from the catalog table, navigating inside the app (a reload would sign the
 * guest out); resolves with the time of the click on the service.
 */
async function openFromCatalog(page: Page, title: string): Promise<number> {
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Catalog', exact: true })
    .click();
  const link = page.getByRole('link', { name: title, exact: true });
  await expect(link).toBeVisible();
  const clickedAt = Date.now();
  await link.click();
  return clickedAt;
}

async function openZeroOpsTab(page: Page) {
  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: 'ZeroOps', exact: true })
    .click();
}

function environmentsCard(page: Page) {
  return page.getByRole('region', { name: 'Environments', exact: true });
}

function costCard(page: Page) {
  return page.getByRole('region', { name: 'Cost', exact: true });
}

test.describe('ZeroOps on the entity page', () => {
  test.beforeEach(async ({ page }) => {
    await signInAsGuest(page);
    // Signed in once the navigation shows (the nav element itself has no box of its own).
    await expect(
      page
        .getByRole('navigation', { name: 'sidebar nav' })
        .getByRole('link', { name: 'Catalog', exact: true }),
    ).toBeVisible();
  });

  test('the storefront shows its blue/green rollout in progress, its PR environment and its cost', async ({
    page,
  }, testInfo) => {
    const clickedAt = await openFromCatalog(page, 'Storefront');

    const card = environmentsCard(page);
    const production = card.getByRole('row', { name: /^production/ });
    await expect(production).toContainText('Rolling out');
    await expect(production).toContainText(
      'Blue/green stage: test traffic shift',
    );
    const navigationToData = Date.now() - clickedAt;
    testInfo.annotations.push({
      type: 'navigation-to-data-ms',
      description: String(navigationToData),
    });
    console.log(
      `[zeroops] catalog click → environments data on the entity page: ${navigationToData} ms`,
    );

    await expect(
      card.getByRole('img', { name: 'production health: Healthy' }),
    ).toBeVisible();
    const pr = card.getByRole('row', { name: /^pr-42\b/ });
    await expect(pr).toContainText('PR #42');
    await expect(pr.getByRole('link', { name: /PR #42/ })).toHaveAttribute(
      'href',
      'https://github.com/zeroops-demo/storefront-web/pull/42',
    );
    await expect(card.getByText('Demo data')).toBeVisible();

    const cost = costCard(page);
    await expect(
      cost.getByRole('group', { name: 'Month to date' }),
    ).toContainText('$');
    await expect(
      cost.getByRole('group', { name: 'Run-rate forecast' }),
    ).toContainText('$');
    await expect(
      cost.getByRole('table', { name: 'Cost per month by environment' }),
    ).toBeAttached();
    await expect(cost.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await saveScreenshot(page, 'zeroops-entity-storefront-overview');

    await openZeroOpsTab(page);
    const productionDetail = page.getByRole('region', {
      name: 'production',
      exact: true,
    });
    await expect(
      productionDetail.getByRole('row', { name: /^Primary/ }),
    ).toContainText('blue/green stage test traffic shift');
    await expect(
      productionDetail.getByRole('link', { name: /AWS console/ }),
    ).toHaveAttribute('href', /console\.aws\.amazon\.com\/ecs/);
    await saveScreenshot(page, 'zeroops-entity-storefront-tab');
  });

  test('the orders worker shows the circuit-breaker rollback in staging with its reason and a fix', async ({
    page,
  }) => {
    await openFromCatalog(page, 'Orders worker');

    const staging = environmentsCard(page).getByRole('row', {
      name: /^staging/,
    });
    await expect(staging).toContainText('Rolled back: orders-worker-staging:');
    await expect(staging).toContainText(
      'ECS deployment circuit breaker: tasks failed to start.',
    );
    await expect(
      staging.getByRole('img', { name: 'staging health: Degraded' }),
    ).toBeVisible();
    await saveScreenshot(page, 'zeroops-entity-orders-worker-overview');

    await openZeroOpsTab(page);
    const detail = page.getByRole('region', { name: 'staging', exact: true });
    await expect(
      detail.getByRole('row', { name: /^Last failed/ }),
    ).toContainText('ECS deployment circuit breaker: tasks failed to start.');
    await expect(
      detail.getByRole('region', { name: 'Proposed fixes' }),
    ).toContainText('Tasks ran out of memory');
    await expect(
      detail.getByRole('grid', { name: 'Stopped tasks in staging' }),
    ).toContainText('exit code 137');
    await saveScreenshot(page, 'zeroops-entity-orders-worker-tab');
  });

  test('the payments API cost card shows its budget at 80 % against the thresholds', async ({
    page,
  }) => {
    await openFromCatalog(page, 'Payments API');
    const cost = costCard(page);
    const meter = cost.getByRole('meter', {
      name: 'Budget payments-api-monthly',
    });
    await expect(meter).toHaveAttribute('aria-valuenow', '80');
    for (const threshold of ['50 %', '80 %', '95 %']) {
      await expect(cost.getByText(threshold, { exact: true })).toBeVisible();
    }
    await expect(cost.getByText('At risk')).toBeVisible();
    await expect(cost).toContainText('Cost Explorer data refreshed');

    // The staging p99 latency alarm shows as the reason of the degraded health.
    const staging = environmentsCard(page).getByRole('row', {
      name: /^staging/,
    });
    const badge = staging.getByRole('img', {
      name: 'staging health: Degraded',
    });
    await badge.hover();
    await expect(page.getByRole('tooltip')).toContainText(
      'payments-api-staging-p99-latency',
    );
    await saveScreenshot(page, 'zeroops-entity-payments-api-cost');
  });

  test('an entity without the annotation has no ZeroOps cards or tab', async ({
    page,
  }) => {
    await openFromCatalog(page, 'Orders worker');
    await expect(environmentsCard(page)).toBeVisible();
    await page
      .getByRole('main')
      .getByRole('link', { name: 'checkout', exact: true })
      .first()
      .click();
    await expect(page).toHaveURL(/\/catalog\/default\/system\/checkout/);
    await expect(
      page.getByRole('heading', { name: 'checkout', exact: true }),
    ).toBeVisible();
    await expect(environmentsCard(page)).toHaveCount(0);
    await expect(costCard(page)).toHaveCount(0);
    await expect(
      page
        .getByRole('navigation', { name: 'Content navigation' })
        .getByRole('link', { name: 'ZeroOps' }),
    ).toHaveCount(0);
  });
});
