import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { EntityEnvironmentsResponse } from '@zeroops/backstage-plugin-zeroops-common';
import { EnvironmentsCard } from './EnvironmentsCard';
import {
  ZEROOPS_BASE_URL,
  renderWithZeroOps,
  setupZeroOpsServer,
} from '../../__testUtils__/testApp';
import { answerError, neverAnswer } from '../../__testUtils__/handlers';
import {
  entity,
  environment,
  ordersWorkerEnvironments,
  pendingEnvironment,
  storefrontEnvironments,
} from '../../__testUtils__/fixtures';

const server = setupZeroOpsServer();

function serve(name: string, body: EntityEnvironmentsResponse) {
  server.use(
    http.get(
      `${ZEROOPS_BASE_URL}/entities/component/default/${name}/environments`,
      () => HttpResponse.json(body),
    ),
  );
}

function row(name: string) {
  return screen.getByRole('row', { name: new RegExp(`^${name}\\b`) });
}

describe('EnvironmentsCard', () => {
  it('shows a loading state until the backend answers', async () => {
    server.use(neverAnswer(`${ZEROOPS_BASE_URL}/entities/*`));
    renderWithZeroOps(<EnvironmentsCard />, { entity: entity('payments-api') });
    expect(
      await screen.findByLabelText('Loading environments'),
    ).toBeInTheDocument();
  });

  it('shows every environment healthy with what is deployed', async () => {
    serve('payments-api', {
      ...storefrontEnvironments(),
      environments: [
        environment({ name: 'production' }),
        environment({ name: 'staging' }),
      ],
      demoData: false,
    });
    renderWithZeroOps(<EnvironmentsCard />, { entity: entity('payments-api') });

    expect(
      await screen.findByRole('img', { name: 'production health: Healthy' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'staging health: Healthy' }),
    ).toBeInTheDocument();
    const production = row('production');
    expect(within(production).getByText('3/3')).toBeInTheDocument();
    expect(
      within(production).getByRole('link', { name: /c0ffee1/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/zeroops-demo/payments-api/commit/c0ffee1234567890c0ffee1234567890c0ffee12',
    );
    expect(within(production).getByText('No rollout')).toBeInTheDocument();
    expect(screen.queryByText('Demo data')).not.toBeInTheDocument();
  });

  it('shows the blue/green rollout in progress with its stage and the PR environment under staging', async () => {
    serve('storefront-web', storefrontEnvironments());
    renderWithZeroOps(<EnvironmentsCard />, {
      entity: entity('storefront-web'),
    });

    const production = await screen.findByRole('row', { name: /^production/ });
    expect(
      within(production).getByText('Blue/green stage: test traffic shift', {
        exact: false,
      }),
    ).toBeInTheDocument();
    expect(within(production).getByText(/Rolling out/)).toBeInTheDocument();
    // The old revision serves traffic until the shift completes.
    expect(
      within(production).getByRole('link', { name: /1ff1f26/ }),
    ).toBeInTheDocument();
    expect(
      within(production).getByRole('link', { name: /12a8f1a/ }),
    ).toBeInTheDocument();

    const rows = screen.getAllByRole('row').map(r => r.textContent);
    const staging = rows.findIndex(text => text?.startsWith('staging'));
    expect(rows[staging + 1]).toMatch(/pr-42/);
    const pr = row('pr-42');
    expect(within(pr).getByRole('link', { name: /PR #42/ })).toHaveAttribute(
      'href',
      'https://github.com/zeroops-demo/storefront-web/pull/42',
    );
    expect(within(pr).getByText(/2 d old/)).toBeInTheDocument();
    expect(screen.getByText('Demo data')).toBeInTheDocument();
  });

  it('shows a degraded environment with its reasons on keyboard focus', async () => {
    serve('orders-worker', ordersWorkerEnvironments());
    renderWithZeroOps(<EnvironmentsCard />, {
      entity: entity('orders-worker'),
    });

    const badge = await screen.findByRole('img', {
      name: 'staging health: Degraded',
    });
    expect(
      within(row('staging')).getByText('Rolled back: orders-worker-staging:41'),
    ).toBeInTheDocument();

    // Keyboard users tab into the table and reach the badge with the arrow keys.
    const user = userEvent.setup();
    const table = screen.getByRole('grid', { name: 'Environments' });
    while (!table.contains(document.activeElement)) await user.tab();
    for (let i = 0; i < 12 && document.activeElement !== badge; i++) {
      const current = document.activeElement;
      const inStaging = row('staging').contains(current);
      await user.keyboard(inStaging ? '{ArrowRight}' : '{ArrowDown}');
    }
    expect(badge).toHaveFocus();
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'rolled back by the deployment circuit breaker',
    );
  });

  it('shows a service nothing was deployed to yet as not deployed, with the next step, never as down', async () => {
    const notDeployed = (name: string) =>
      environment({
        name,
        health: {
          status: 'not-deployed',
          reasons: [
            {
              code: 'service-missing',
              severity: 'not-deployed',
              message:
                'Not deployed yet: there is no ECS service in this environment',
            },
          ],
        },
        service: undefined,
        deployment: undefined,
        events: [],
      });
    serve('inventory-api', {
      entityRef: 'component:default/inventory-api',
      serviceName: 'inventory-api',
      environments: [notDeployed('production'), notDeployed('staging')],
      demoData: false,
      generatedAt: new Date().toISOString(),
    });
    renderWithZeroOps(<EnvironmentsCard />, {
      entity: entity('inventory-api'),
    });

    const badge = await screen.findByRole('img', {
      name: 'staging health: Not deployed yet',
    });
    expect(badge).toHaveAttribute('data-health', 'not-deployed');
    expect(screen.queryByText('Down')).not.toBeInTheDocument();
    const staging = row('staging');
    expect(
      within(staging).getByText(/Push to the staging branch to deploy it/),
    ).toBeInTheDocument();
    expect(
      within(staging).getByRole('link', { name: /deploy-staging\.yml/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/zeroops-demo/inventory-api/actions/workflows/deploy-staging.yml',
    );
    expect(
      within(row('production')).getByRole('link', {
        name: /deploy-production\.yml/,
      }),
    ).toBeInTheDocument();
  });

  it('shows an environment AWS could not be read for in its own row only', async () => {
    const response = storefrontEnvironments();
    response.environments[1] = environment({
      name: 'staging',
      health: {
        status: 'unknown',
        reasons: [
          { code: 'data-unavailable', severity: 'info', message: 'denied' },
        ],
      },
      service: undefined,
      deployment: undefined,
      error: {
        code: 'access-denied',
        source: 'credentials',
        message: 'AccessDenied: not authorized to perform sts:AssumeRole',
        hint: 'Allow the backend to assume zeroops-backstage-readonly in 222222222222',
      },
    });
    serve('storefront-web', response);
    renderWithZeroOps(<EnvironmentsCard />, {
      entity: entity('storefront-web'),
    });

    const staging = await screen.findByRole('row', { name: /^staging/ });
    expect(
      within(staging).getByRole('img', { name: 'staging health: Unknown' }),
    ).toBeInTheDocument();
    expect(within(staging).getByRole('alert')).toHaveTextContent(
      'AccessDenied: not authorized to perform sts:AssumeRole',
    );
    expect(within(staging).getByText(/Allow the backend/)).toBeInTheDocument();
    // The other environments still show.
    expect(
      within(row('production')).getByText(/Rolling out/),
    ).toBeInTheDocument();
    expect(within(row('pr-42')).getByText('1/1')).toBeInTheDocument();
  });

  it('says so when no environment is configured', async () => {
    serve('payments-api', { ...storefrontEnvironments(), environments: [] });
    renderWithZeroOps(<EnvironmentsCard />, { entity: entity('payments-api') });
    expect(
      await screen.findByText(/No environments are configured/),
    ).toBeInTheDocument();
  });

  it('shows permission denied instead of failing on a 403', async () => {
    server.use(
      answerError(
        `${ZEROOPS_BASE_URL}/entities/*`,
        403,
        'NotAllowedError',
        'Unauthorized',
      ),
    );
    renderWithZeroOps(<EnvironmentsCard />, { entity: entity('payments-api') });
    expect(await screen.findByText('Permission denied')).toBeInTheDocument();
    expect(
      screen.getByText(/not allowed to see the environments/),
    ).toBeInTheDocument();
  });

  it('shows the backend error message on other failures', async () => {
    server.use(
      answerError(
        `${ZEROOPS_BASE_URL}/entities/*`,
        500,
        'Error',
        'Database is not reachable',
      ),
    );
    renderWithZeroOps(<EnvironmentsCard />, { entity: entity('payments-api') });
    expect(
      await screen.findByText('Could not load the environments'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Database is not reachable/)).toBeInTheDocument();
  });

  it('explains the annotation, without calling the backend, for an entity without it', async () => {
    const requests = jest.fn();
    server.use(
      http.get(`${ZEROOPS_BASE_URL}/*`, () => {
        requests();
        return HttpResponse.json({});
      }),
    );
    renderWithZeroOps(<EnvironmentsCard />, {
      entity: entity('legacy-app', {}),
    });
    expect(
      await screen.findByText('zeroops.io/service-name', { exact: false }),
    ).toBeInTheDocument();
    await waitFor(() => expect(requests).not.toHaveBeenCalled());
  });
  it('shows an environment AWS has not answered for as still reading, and asks again until it arrives', async () => {
    const answers: EntityEnvironmentsResponse[] = [
      {
        ...storefrontEnvironments(),
        environments: [
          environment({ name: 'production' }),
          pendingEnvironment('staging'),
        ],
      },
      {
        ...storefrontEnvironments(),
        environments: [
          environment({ name: 'production' }),
          environment({ name: 'staging' }),
        ],
      },
    ];
    let requests = 0;
    server.use(
      http.get(
        `${ZEROOPS_BASE_URL}/entities/component/default/payments-api/environments`,
        () =>
          HttpResponse.json(answers[Math.min(requests++, answers.length - 1)]),
      ),
    );
    renderWithZeroOps(<EnvironmentsCard />, { entity: entity('payments-api') });

    expect(
      await screen.findByRole('img', { name: 'staging health: Still reading' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: 'production health: Healthy' }),
    ).toBeInTheDocument();
    expect(
      within(row('staging')).getByText('Reading AWS…'),
    ).toBeInTheDocument();

    // Re-polled within seconds (not the 30 s refresh), and the answer replaces the placeholder.
    expect(
      await screen.findByRole(
        'img',
        { name: 'staging health: Healthy' },
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    expect(requests).toBe(2);
    expect(screen.queryByText('Reading AWS…')).not.toBeInTheDocument();
  }, 30_000);
});
