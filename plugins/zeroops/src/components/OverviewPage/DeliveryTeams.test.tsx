import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { DeliveryTeams } from './DeliveryTeams';
import { OverviewPage } from './OverviewPage';
import {
  ZEROOPS_BASE_URL,
  errorBody,
  renderWithZeroOps,
  setupZeroOpsServer,
} from '../../__testUtils__/testApp';
import { overview } from '../../__testUtils__/overviewFixtures';
import {
  REVIEW_URL,
  deliveryOverview,
} from '../../__testUtils__/deliveryFixtures';

const server = setupZeroOpsServer();
const DELIVERY_OVERVIEW_URL = `${ZEROOPS_BASE_URL}/delivery/overview`;

function serve() {
  const windows: string[] = [];
  server.use(
    http.get(DELIVERY_OVERVIEW_URL, ({ request }) => {
      const window = new URL(request.url).searchParams.get('window') ?? '';
      windows.push(window);
      return HttpResponse.json(deliveryOverview(Number(window) as 7 | 30 | 90));
    }),
  );
  return windows;
}

describe('DeliveryTeams', () => {
  it('lists teams with their DORA bands, those with approvals waiting first', async () => {
    serve();
    renderWithZeroOps(<DeliveryTeams />);
    const checkout = await screen.findByRole('button', {
      name: /^team-checkout/,
    });
    expect(checkout).toHaveTextContent('2 services');
    expect(checkout).toHaveTextContent(
      'FrequencyEliteLead timeEliteFailure rateHighRestoreElite',
    );
    expect(checkout).toHaveTextContent('1 waiting for approval');
    expect(checkout).toHaveAttribute('aria-expanded', 'false');

    const fulfilment = screen.getByRole('button', {
      name: /^team-fulfilment/,
    });
    expect(fulfilment).toHaveTextContent('FrequencyHigh');
    expect(fulfilment).toHaveTextContent('nothing waiting for approval');
    expect(
      screen.getAllByRole('button', { name: /^team-/ }).map(b => b.id),
    ).toEqual([checkout.id, fulfilment.id]);
  });

  it('expands a team to its services, with the review link and the entity page link', async () => {
    serve();
    renderWithZeroOps(<DeliveryTeams />);
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole('button', { name: /^team-checkout/ }),
    );

    const services = await screen.findByRole('grid', {
      name: 'Delivery of team-checkout services',
    });
    const payments = within(services).getByRole('row', {
      name: /^Payments API/,
    });
    expect(payments).toHaveTextContent('a1b2c3d');
    expect(payments).toHaveTextContent('3 commits');
    expect(payments).toHaveTextContent(
      'Rolled back by AWS (ECS deployment circuit breaker: tasks failed to start) in production',
    );
    expect(
      within(payments).getByRole('link', { name: /Review on GitHub/ }),
    ).toHaveAttribute('href', REVIEW_URL);
    expect(
      within(payments).getByRole('link', { name: 'Payments API' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-api');

    const storefront = within(services).getByRole('row', {
      name: /^Storefront/,
    });
    expect(
      within(storefront).queryByRole('link', { name: /Review on GitHub/ }),
    ).not.toBeInTheDocument();
  });

  it('loads the chosen window again when the window changes', async () => {
    const windows = serve();
    renderWithZeroOps(<DeliveryTeams />);
    await screen.findByRole('button', { name: /^team-checkout/ });
    expect(screen.getByText(/over the last 30 days/)).toBeInTheDocument();

    await userEvent
      .setup()
      .click(screen.getByRole('radio', { name: '7 days' }));
    expect(await screen.findByText(/over the last 7 days/)).toBeInTheDocument();
    await screen.findByRole('button', { name: /^team-checkout/ });
    expect(windows).toEqual(['30', '7']);
  });

  it('keeps to the owner chosen in the overview filter', async () => {
    serve();
    renderWithZeroOps(<DeliveryTeams owner="group:default/team-fulfilment" />);
    expect(
      await screen.findByRole('button', { name: /^team-fulfilment/ }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /^team-checkout/ }),
    ).not.toBeInTheDocument();
  });

  it('explains the setup when delivery is off, and when no service has delivery data', async () => {
    server.use(
      http.get(DELIVERY_OVERVIEW_URL, () =>
        HttpResponse.json(
          errorBody('NotFoundError', 'Delivery is not enabled', 404),
          { status: 404 },
        ),
      ),
    );
    const { unmount } = renderWithZeroOps(<DeliveryTeams />);
    expect(
      await screen.findByText('Delivery data is not set up'),
    ).toBeInTheDocument();
    unmount();

    server.use(
      http.get(DELIVERY_OVERVIEW_URL, () =>
        HttpResponse.json({ ...deliveryOverview(), services: [], teams: [] }),
      ),
    );
    renderWithZeroOps(<DeliveryTeams />);
    expect(
      await screen.findByText(/No service has delivery data yet/),
    ).toBeInTheDocument();
  });

  it('comes first on the overview page, above the health matrix', async () => {
    serve();
    server.use(
      http.get(`${ZEROOPS_BASE_URL}/overview`, () =>
        HttpResponse.json(overview()),
      ),
    );
    renderWithZeroOps(<OverviewPage />);
    await screen.findByRole('button', { name: /^team-checkout/ });
    expect(
      screen
        .getAllByRole('heading', { level: 2 })
        .map(heading => heading.textContent),
    ).toEqual([
      'Delivery',
      'Health by environment',
      'Cost this month',
      'Pull-request environments',
    ]);
  });
});
