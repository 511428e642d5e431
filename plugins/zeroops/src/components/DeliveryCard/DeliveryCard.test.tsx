import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { EntityDeliveryResponse } from '@zeroops/backstage-plugin-zeroops-common';
import { DeliveryCard } from './DeliveryCard';
import {
  renderWithZeroOps,
  setupZeroOpsServer,
} from '../../__testUtils__/testApp';
import {
  answerError,
  entityResourceUrl,
  neverAnswer,
} from '../../__testUtils__/handlers';
import { entity } from '../../__testUtils__/fixtures';
import {
  FAILED_SHA,
  PRODUCTION_SHA,
  REVIEW_URL,
  emptyDelivery,
  paymentsDelivery,
} from '../../__testUtils__/deliveryFixtures';

const server = setupZeroOpsServer();
const DELIVERY_URL = entityResourceUrl('delivery');
const REPOSITORY_URL = 'https://github.com/zeroops-demo/payments-api';

function serve(body: EntityDeliveryResponse) {
  server.use(http.get(DELIVERY_URL, () => HttpResponse.json(body)));
}

function serveError(status: number, name: string, message: string) {
  server.use(answerError(DELIVERY_URL, status, name, message));
}

async function renderCard() {
  renderWithZeroOps(<DeliveryCard />, { entity: entity('payments-api') });
  return screen.findByRole('region', { name: 'Delivery' });
}

describe('DeliveryCard', () => {
  it('shows a loading state until the backend answers', async () => {
    server.use(neverAnswer(DELIVERY_URL));
    renderWithZeroOps(<DeliveryCard />, { entity: entity('payments-api') });
    expect(
      await screen.findByLabelText('Loading delivery'),
    ).toBeInTheDocument();
  });

  it('puts the deployment waiting for approval first, with the link to review it on GitHub', async () => {
    serve(paymentsDelivery());
    const card = await renderCard();

    const alert = await within(card).findByRole('group', {
      name: 'production deployment waiting for approval',
    });
    expect(alert).toHaveTextContent(
      'production deployment of f00dbab is waiting for approval',
    );
    expect(alert).toHaveTextContent('Waiting 2 h ago');
    expect(alert).toHaveTextContent(
      'Can approve: zeroops-demo/team-checkout, carol',
    );
    const review = within(alert).getByRole('link', {
      name: /Review on GitHub/,
    });
    expect(review).toHaveAttribute('href', REVIEW_URL);
    expect(review).toHaveAttribute('target', '_blank');
    expect(within(card).getByText('Demo data')).toBeInTheDocument();
    expect(
      within(card).getByText(/Synced from GitHub 15 min ago/),
    ).toBeInTheDocument();
  });

  it('shows what each environment runs: commit, ref, when, who and the workflow run', async () => {
    serve(paymentsDelivery());
    const card = await renderCard();
    const table = await within(card).findByRole('grid', {
      name: 'Deployments by environment',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map(row => within(row).getByRole('rowheader').textContent),
    ).toEqual(['production', 'staging', 'pr-12']);

    const production = rows[0];
    expect(
      within(production).getByRole('link', { name: /a1b2c3d/ }),
    ).toHaveAttribute('href', `${REPOSITORY_URL}/commit/${PRODUCTION_SHA}`);
    expect(production).toHaveTextContent('main');
    expect(production).toHaveTextContent('25 h ago by alice');
    expect(
      within(production).getByRole('link', { name: /Run 8001/ }),
    ).toHaveAttribute('href', `${REPOSITORY_URL}/actions/runs/8001`);
    expect(production).toHaveTextContent('Waiting for approval f00dbab');

    expect(rows[1]).toHaveTextContent(/Rolling out 5ca1ab1.* since 6 min ago/);
    expect(rows[2]).toHaveTextContent('feature/refunds');
    expect(rows[2]).toHaveTextContent('by erin');
  });

  it('links the commits staging is ahead of production to the comparison', async () => {
    serve(paymentsDelivery());
    const card = await renderCard();
    const ahead = await within(card).findByRole('group', {
      name: 'Staging ahead',
    });
    expect(ahead).toHaveTextContent('Staging is 3 commits ahead of production');
    expect(
      within(ahead).getByRole('link', { name: /Compare on GitHub/ }),
    ).toHaveAttribute(
      'href',
      expect.stringMatching(/\/compare\/a1b2c3d4e5.+\.\.\.f00dbabe01.+$/),
    );
  });

  it('shows the last failure with the reason AWS rolled it back', async () => {
    serve(paymentsDelivery());
    const card = await renderCard();
    const failure = await within(card).findByRole('group', {
      name: 'Last failure',
    });
    expect(failure).toHaveTextContent(
      'Rolled back by AWS (ECS deployment circuit breaker: tasks failed to start)',
    );
    expect(failure).toHaveTextContent('in production');
    expect(failure).toHaveTextContent('deployed by bob');
    expect(
      within(failure).getByRole('link', { name: /deadbee/ }),
    ).toHaveAttribute('href', `${REPOSITORY_URL}/commit/${FAILED_SHA}`);
    expect(
      within(failure).getByRole('link', { name: /Workflow run/ }),
    ).toHaveAttribute('href', `${REPOSITORY_URL}/actions/runs/7990`);
  });

  it('explains a repository with no deployment recorded and never synced', async () => {
    serve(emptyDelivery());
    const card = await renderCard();
    expect(
      await within(card).findByText(/No deployments recorded for/),
    ).toBeInTheDocument();
    expect(
      within(card).getByRole('link', { name: /zeroops-demo\/payments-api/ }),
    ).toHaveAttribute('href', REPOSITORY_URL);
    expect(within(card).getByText(/Not synced from GitHub yet/)).toBeVisible();
    expect(within(card).queryByRole('grid')).not.toBeInTheDocument();
  });

  it('tells what to set up, not an error, when the backend has no repository or delivery is off', async () => {
    serveError(
      400,
      'InputError',
      'component:default/payments-api has no GitHub repository.',
    );
    const card = await renderCard();
    expect(
      await within(card).findByText('Delivery data is not set up'),
    ).toBeInTheDocument();
    expect(card).toHaveTextContent(
      'component:default/payments-api has no GitHub repository.',
    );
    expect(card).toHaveTextContent('github.com/project-slug');
    expect(card).toHaveTextContent('zeroops.delivery.enabled: true');
    expect(within(card).queryByText(/Could not load/)).not.toBeInTheDocument();
  });

  it('says so without asking the backend when the entity has no GitHub repository', async () => {
    renderWithZeroOps(<DeliveryCard />, {
      entity: entity('payments-api', {
        'zeroops.io/service-name': 'payments-api',
      }),
    });
    expect(
      await screen.findByText('Delivery data is not set up'),
    ).toBeInTheDocument();
  });

  it('shows permission denied on a 403 and the error on a 500', async () => {
    serveError(403, 'NotAllowedError', 'Unauthorized');
    const { unmount } = renderWithZeroOps(<DeliveryCard />, {
      entity: entity('payments-api'),
    });
    expect(await screen.findByText('Permission denied')).toBeInTheDocument();
    unmount();

    serveError(500, 'Error', 'database is down');
    renderWithZeroOps(<DeliveryCard />, { entity: entity('payments-api') });
    expect(
      await screen.findByText('Could not load the delivery state'),
    ).toBeInTheDocument();
    expect(screen.getByText(/database is down/)).toBeInTheDocument();
  });
});
