import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { OverviewResponse } from '@zeroops/backstage-plugin-zeroops-common';
import { OverviewPage } from './OverviewPage';
import {
  ZEROOPS_BASE_URL,
  errorBody,
  renderWithZeroOps,
  setupZeroOpsServer,
} from '../../__testUtils__/testApp';
import { overview } from '../../__testUtils__/overviewFixtures';

const server = setupZeroOpsServer();

function serve(body: OverviewResponse) {
  server.use(
    http.get(`${ZEROOPS_BASE_URL}/overview`, () => HttpResponse.json(body)),
  );
}

describe('OverviewPage', () => {
  // The Delivery section has its own tests (DeliveryTeams.test.tsx); here delivery is switched off.
  beforeEach(() =>
    server.use(
      http.get(`${ZEROOPS_BASE_URL}/delivery/overview`, () =>
        HttpResponse.json(
          errorBody('NotFoundError', 'Delivery is not enabled', 404),
          { status: 404 },
        ),
      ),
    ),
  );

  it('shows the services × environments health matrix', async () => {
    serve(overview());
    renderWithZeroOps(<OverviewPage />);

    const matrix = await screen.findByRole('grid', {
      name: 'Health by service and environment',
    });
    const headers = within(matrix)
      .getAllByRole('columnheader')
      .map(h => h.textContent);
    expect(headers).toEqual([
      'Service',
      'production',
      'staging',
      'Pull requests',
    ]);
    expect(
      within(matrix).getByRole('img', {
        name: 'orders-worker in staging: Degraded',
      }),
    ).toBeInTheDocument();
    expect(
      within(matrix).getByRole('img', {
        name: 'billing-batch in production: Unknown',
      }),
    ).toBeInTheDocument();
    expect(
      within(matrix).getByRole('link', { name: 'Payments API' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-api');
    expect(screen.getByText('Demo data')).toBeInTheDocument();
  });

  it('shows cost per service with the budget state and the pull-request environments', async () => {
    serve(overview());
    renderWithZeroOps(<OverviewPage />);

    const cost = await screen.findByRole('grid', {
      name: 'Cost per service this month',
    });
    const payments = within(cost).getByRole('row', { name: /^Payments API/ });
    expect(payments).toHaveTextContent('$164.29');
    expect(payments).toHaveTextContent('$188.00');
    expect(
      within(payments).getByRole('meter', {
        name: 'Budget payments-api-monthly',
      }),
    ).toHaveAttribute('aria-valuenow', '80');
    expect(
      within(cost).getByRole('row', { name: /^Orders worker/ }),
    ).toHaveTextContent('no budget');
    expect(screen.getByText(/All listed services/)).toHaveTextContent(
      '$248.07 so far, forecast $284.05',
    );

    const ephemeral = screen.getByRole('grid', {
      name: 'Pull-request environments',
    });
    const rows = within(ephemeral).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent('pr-7 (PR #7)');
    expect(
      within(rows[1]).getByRole('link', { name: /pr-7 \(PR #7\)/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/zeroops-demo/payments-api/pull/7',
    );
    expect(rows[1]).toHaveTextContent('5 h');
    expect(rows[1]).toHaveTextContent('$0.94');
  });

  it('filters by owner and by system', async () => {
    serve(overview());
    renderWithZeroOps(<OverviewPage />);
    const matrix = await screen.findByRole('grid', {
      name: 'Health by service and environment',
    });
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: /Owner/ }));
    await user.click(
      await screen.findByRole('option', { name: 'team-finance' }),
    );
    expect(
      within(matrix)
        .getAllByRole('rowheader')
        .map(cell => cell.textContent),
    ).toEqual(['Billing batch']);

    await user.click(screen.getByRole('button', { name: /Owner/ }));
    await user.click(await screen.findByRole('option', { name: 'All owners' }));
    await user.click(screen.getByRole('button', { name: /System/ }));
    await user.click(await screen.findByRole('option', { name: 'checkout' }));
    expect(
      within(matrix)
        .getAllByRole('rowheader')
        .map(cell => cell.textContent),
    ).toEqual(['Orders worker', 'Payments API']);
  });

  it('lists each system once, by entity ref, under its catalog title', async () => {
    const body = overview();
    // A service registered by the template, in the same system as the examples.
    body.services.push({
      ...body.services[0],
      entityRef: 'component:default/inventory-api',
      title: 'Inventory API',
      serviceName: 'inventory-api',
      system: 'system:default/checkout',
    });
    serve(body);
    renderWithZeroOps(<OverviewPage />, {
      catalogEntities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'System',
          metadata: {
            name: 'checkout',
            namespace: 'default',
            title: 'Checkout',
          },
          spec: { owner: 'group:default/team-checkout' },
        },
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Group',
          metadata: { name: 'team-finance', namespace: 'default' },
          spec: { type: 'team', profile: { displayName: 'Team Finance' } },
        },
      ],
    });
    const matrix = await screen.findByRole('grid', {
      name: 'Health by service and environment',
    });
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: /System/ }));
    // billing has no System entity with a title: its name is shown.
    expect(
      (await screen.findAllByRole('option')).map(o => o.textContent),
    ).toEqual(['All systems', 'billing', 'Checkout']);
    await user.click(screen.getByRole('option', { name: 'Checkout' }));
    expect(
      within(matrix)
        .getAllByRole('rowheader')
        .map(cell => cell.textContent),
    ).toEqual(['Orders worker', 'Payments API', 'Inventory API']);

    await user.click(screen.getByRole('button', { name: /Owner/ }));
    expect(
      await screen.findByRole('option', { name: 'Team Finance' }),
    ).toBeInTheDocument();
  });

  it('hides cost from a caller without zeroops.cost.read', async () => {
    const { services, ...rest } = overview();
    serve({
      ...rest,
      services: services.map(({ cost: _cost, ...service }) => ({
        ...service,
        ephemeral: service.ephemeral.map(({ monthToDate: _m, ...e }) => e),
      })),
      costVisible: false,
      totals: undefined,
    });
    renderWithZeroOps(<OverviewPage />);

    expect(await screen.findByText('Permission denied')).toBeInTheDocument();
    expect(
      screen.queryByRole('grid', { name: 'Cost per service this month' }),
    ).not.toBeInTheDocument();
    const ephemeral = screen.getByRole('grid', {
      name: 'Pull-request environments',
    });
    expect(
      within(ephemeral)
        .getAllByRole('columnheader')
        .map(h => h.textContent),
    ).not.toContain('Cost this month');
  });

  it('explains how services appear when there are none', async () => {
    serve({ ...overview(), services: [], totals: undefined });
    renderWithZeroOps(<OverviewPage />);
    expect(
      await screen.findByText('No ZeroOps services yet'),
    ).toBeInTheDocument();
  });

  it('shows the error when the overview cannot be loaded', async () => {
    server.use(
      http.get(`${ZEROOPS_BASE_URL}/overview`, () =>
        HttpResponse.json(errorBody('Error', 'Catalog unavailable', 503), {
          status: 503,
        }),
      ),
    );
    renderWithZeroOps(<OverviewPage />);
    expect(
      await screen.findByText('Could not load the overview'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Catalog unavailable/)).toBeInTheDocument();
  });
  it('shows environments AWS has not answered for as still reading and asks again until they arrive', async () => {
    const complete = overview();
    const partial: OverviewResponse = {
      ...complete,
      services: complete.services.map(service =>
        service.serviceName === 'orders-worker'
          ? {
              ...service,
              environments: service.environments.map(e =>
                e.name === 'staging'
                  ? {
                      ...e,
                      health: 'unknown' as const,
                      reasons: ['data-unavailable' as const],
                      pending: true,
                    }
                  : e,
              ),
            }
          : service,
      ),
    };
    let requests = 0;
    server.use(
      http.get(`${ZEROOPS_BASE_URL}/overview`, () =>
        HttpResponse.json(requests++ === 0 ? partial : complete),
      ),
    );
    renderWithZeroOps(<OverviewPage />);

    const matrix = await screen.findByRole('grid', {
      name: 'Health by service and environment',
    });
    expect(
      within(matrix).getByRole('img', {
        name: 'orders-worker in staging: Still reading',
      }),
    ).toBeInTheDocument();
    expect(
      within(matrix).getByRole('img', {
        name: 'orders-worker in production: Healthy',
      }),
    ).toBeInTheDocument();

    expect(
      await within(matrix).findByRole(
        'img',
        { name: 'orders-worker in staging: Degraded' },
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    expect(requests).toBe(2);
  }, 30_000);
});
