import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { EntityEnvironmentsResponse } from '@zeroops/backstage-plugin-zeroops-common';
import { ZeroOpsContent } from './ZeroOpsContent';
import {
  ZEROOPS_BASE_URL,
  errorBody,
  renderWithZeroOps,
  setupZeroOpsServer,
} from '../../__testUtils__/testApp';
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

function environmentRegion(name: RegExp) {
  return screen.getByRole('region', { name });
}

describe('ZeroOpsContent', () => {
  it('shows the failed deployment with the circuit breaker reason, stopped tasks and a fix', async () => {
    serve('orders-worker', ordersWorkerEnvironments());
    renderWithZeroOps(<ZeroOpsContent />, { entity: entity('orders-worker') });

    await screen.findByRole('region', { name: /^staging$/ });
    const staging = environmentRegion(/^staging$/);

    const deployments = within(staging).getByRole('grid', {
      name: 'Deployments in staging',
    });
    const failed = within(deployments).getByRole('row', {
      name: /^Last failed/,
    });
    expect(failed).toHaveTextContent('orders-worker-staging:41');
    expect(failed).toHaveTextContent(
      'ECS deployment circuit breaker: tasks failed to start.',
    );
    expect(
      within(deployments).getByRole('row', { name: /^Primary/ }),
    ).toHaveTextContent('orders-worker-staging:40');

    const stopped = within(staging).getByRole('grid', {
      name: 'Stopped tasks in staging',
    });
    expect(within(stopped).getAllByRole('row')).toHaveLength(3);
    expect(stopped).toHaveTextContent(
      'app: exit code 137 — OutOfMemoryError: Container killed due to memory usage',
    );
    expect(stopped).toHaveTextContent('EssentialContainerExited');

    const fixes = within(staging).getByRole('region', {
      name: 'Proposed fixes',
    });
    expect(fixes).toHaveTextContent('Tasks ran out of memory');
    expect(fixes).toHaveTextContent('2 stopped tasks of revision 41');

    expect(
      within(staging).getByRole('region', { name: 'Recent service events' }),
    ).toHaveTextContent('deployment failed: tasks failed to start.');

    expect(
      within(staging).getByRole('link', { name: /AWS console/ }),
    ).toHaveAttribute(
      'href',
      expect.stringContaining(
        'console.aws.amazon.com/ecs/v2/clusters/zeroops-staging',
      ),
    );
    expect(
      within(staging).getByRole('link', { name: /CloudWatch Logs/ }),
    ).toHaveAttribute('href', expect.stringContaining('cloudwatch'));

    // Production is healthy: no fixes proposed there.
    const production = environmentRegion(/^production$/);
    expect(
      within(production).queryByRole('region', { name: 'Proposed fixes' }),
    ).not.toBeInTheDocument();
  });

  it('shows the blue/green stage and the pull-request environment with its link', async () => {
    serve('storefront-web', storefrontEnvironments());
    renderWithZeroOps(<ZeroOpsContent />, {
      entity: entity('storefront-web'),
    });

    const production = await screen.findByRole('region', {
      name: /^production$/,
    });
    const primary = within(production).getByRole('row', { name: /^Primary/ });
    expect(primary).toHaveTextContent(
      'in progress · blue/green stage test traffic shift',
    );
    expect(
      within(production).getByRole('row', { name: /^Active/ }),
    ).toHaveTextContent('storefront-web-production:13');

    const pr = environmentRegion(/^pr-42 \(pull request #42, 2 d old\)$/);
    expect(
      within(pr).getByRole('link', { name: /Pull request/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/zeroops-demo/storefront-web/pull/42',
    );
  });

  it('shows an environment that could not be read with its hint, and the others', async () => {
    const response = ordersWorkerEnvironments();
    response.environments[0] = environment({
      name: 'production',
      health: { status: 'unknown', reasons: [] },
      service: undefined,
      deployment: undefined,
      events: [],
      error: {
        code: 'throttled',
        source: 'ecs',
        message: 'ThrottlingException: Rate exceeded',
        hint: 'Retried automatically; raise zeroops.cache.ttl if it persists',
      },
    });
    serve('orders-worker', response);
    renderWithZeroOps(<ZeroOpsContent />, { entity: entity('orders-worker') });

    const production = await screen.findByRole('region', {
      name: /^production$/,
    });
    expect(production).toHaveTextContent(
      'AWS could not be read for production',
    );
    expect(production).toHaveTextContent('ThrottlingException: Rate exceeded');
    expect(production).toHaveTextContent('raise zeroops.cache.ttl');
    expect(environmentRegion(/^staging$/)).toHaveTextContent(
      'Tasks ran out of memory',
    );
  });

  it('shows permission denied on a 403', async () => {
    server.use(
      http.get(`${ZEROOPS_BASE_URL}/entities/*`, () =>
        HttpResponse.json(errorBody('NotAllowedError', 'Unauthorized', 403), {
          status: 403,
        }),
      ),
    );
    renderWithZeroOps(<ZeroOpsContent />, { entity: entity('orders-worker') });
    expect(await screen.findByText('Permission denied')).toBeInTheDocument();
  });

  it('explains the annotation the backend asks for on a 404', async () => {
    server.use(
      http.get(`${ZEROOPS_BASE_URL}/entities/*`, () =>
        HttpResponse.json(
          errorBody(
            'NotFoundError',
            'Entity component:default/orders-worker is missing the zeroops.io/service-name annotation',
            404,
            'annotation-missing',
          ),
          { status: 404 },
        ),
      ),
    );
    renderWithZeroOps(<ZeroOpsContent />, { entity: entity('orders-worker') });
    expect(
      await screen.findByText('zeroops.io/service-name', { exact: false }),
    ).toBeInTheDocument();
  });
  it('says which environment is still being read and shows it once the backend has it', async () => {
    let requests = 0;
    server.use(
      http.get(
        `${ZEROOPS_BASE_URL}/entities/component/default/payments-api/environments`,
        () =>
          HttpResponse.json({
            ...storefrontEnvironments(),
            environments: [
              environment({ name: 'production' }),
              requests++ === 0
                ? pendingEnvironment('staging')
                : environment({ name: 'staging' }),
            ],
          }),
      ),
    );
    renderWithZeroOps(<ZeroOpsContent />, { entity: entity('payments-api') });

    await screen.findByRole('region', { name: /^staging$/ });
    const staging = environmentRegion(/^staging$/);
    expect(
      within(staging).getByText('Still reading AWS for staging'),
    ).toBeInTheDocument();
    expect(
      within(staging).getByRole('img', {
        name: 'staging health: Still reading',
      }),
    ).toBeInTheDocument();
    expect(
      within(environmentRegion(/^production$/)).getByRole('grid', {
        name: 'Deployments in production',
      }),
    ).toBeInTheDocument();

    expect(
      await within(staging).findByRole(
        'grid',
        { name: 'Deployments in staging' },
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    expect(
      within(staging).queryByText('Still reading AWS for staging'),
    ).not.toBeInTheDocument();
  }, 30_000);
});
