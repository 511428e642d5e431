import { screen, within } from '@testing-library/react';
import { getComponentData } from '@backstage/core-plugin-api';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  EntityZeroOpsContent,
  EntityZeroOpsCostCard,
  EntityZeroOpsDeliveryCard,
  EntityZeroOpsDoraCard,
  EntityZeroOpsEnvironmentsCard,
  EntityZeroOpsLocalChangesCard,
  EntityZeroOpsTemplateVersionCard,
  ZeroOpsLocalChangesPage,
  ZeroOpsOverviewPage,
  legacyZeroOpsPlugin,
  zeroopsPlugin,
} from './index';
import { LegacyOverviewPage } from './components/OverviewPage/LegacyOverviewPage';
import { ZeroOpsApi, zeroOpsApiRef } from './api';
import { LocalChangesApi, localChangesApiRef } from './api/LocalChangesClient';
import {
  entityContentRouteRef,
  localChangesRouteRef,
  rootRouteRef,
} from './routes';
import { entity, ordersWorkerEnvironments } from './__testUtils__/fixtures';
import { paymentsCost } from './__testUtils__/costFixtures';
import { overview } from './__testUtils__/overviewFixtures';
import {
  REVIEW_URL,
  deliveryOverview,
  paymentsDelivery,
  paymentsDora,
} from './__testUtils__/deliveryFixtures';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

const api: ZeroOpsApi = {
  getEntityEnvironments: async () => ordersWorkerEnvironments(),
  getEntityCost: async () => paymentsCost(),
  getOverview: async () => overview(),
  getEntityDelivery: async () => paymentsDelivery(),
  getEntityDora: async (_entityRef, windowDays) => paymentsDora(windowDays),
  getDeliveryOverview: async windowDays => deliveryOverview(windowDays),
};

describe('legacy frontend system exports', () => {
  it('is a plugin with the zeroops id and provides the API', () => {
    expect(zeroopsPlugin.getId()).toBe('zeroops');
    expect([...zeroopsPlugin.getApis()].map(factory => factory.api.id)).toEqual(
      ['plugin.zeroops.api', 'plugin.zeroops.local-changes'],
    );
  });

  it('keeps the former name zeroopsPlugin for the same legacy plugin', () => {
    expect(zeroopsPlugin).toBe(legacyZeroOpsPlugin);
  });

  it('mounts the tab and the page on their route refs', () => {
    expect(zeroopsPlugin.routes.root).toBe(rootRouteRef);
    // Routable extensions carry their mount point for the legacy app's route collection.
    const mountPoint = (element: JSX.Element) =>
      getComponentData(element, 'core.mountPoint');
    expect(mountPoint(<ZeroOpsOverviewPage />)).toBe(rootRouteRef);
    expect(mountPoint(<EntityZeroOpsContent />)).toBe(entityContentRouteRef);
    expect(mountPoint(<ZeroOpsLocalChangesPage />)).toBe(localChangesRouteRef);
  });

  it('renders the entity cards in a legacy app', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[zeroOpsApiRef, api]]}>
        <EntityProvider entity={entity('orders-worker')}>
          <EntityZeroOpsEnvironmentsCard />
          <EntityZeroOpsCostCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes },
    );
    expect(
      await screen.findByRole('img', { name: 'staging health: Degraded' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('meter', { name: 'Budget payments-api-monthly' }),
    ).toBeInTheDocument();
  });

  it('renders the delivery and DORA cards in a legacy app', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[zeroOpsApiRef, api]]}>
        <EntityProvider entity={entity('payments-api')}>
          <EntityZeroOpsDeliveryCard />
          <EntityZeroOpsDoraCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes },
    );
    const delivery = await screen.findByRole('region', { name: 'Delivery' });
    expect(
      await within(delivery).findByRole('link', { name: /Review on GitHub/ }),
    ).toHaveAttribute('href', REVIEW_URL);
    const dora = screen.getByRole('region', { name: 'DORA metrics' });
    expect(
      await within(dora).findByRole('group', { name: 'Lead time for changes' }),
    ).toHaveTextContent('42 min');
  });

  it('renders the template version and local changes cards in a legacy app', async () => {
    const localChanges: LocalChangesApi = {
      listLocalChanges: async () => [
        {
          repository: 'orders-worker',
          path: '/repos/orders-worker',
          changes: [],
        },
      ],
    };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [zeroOpsApiRef, api],
          [localChangesApiRef, localChanges],
        ]}
      >
        {/* A service from before template version 2, read from a local repository. */}
        <EntityProvider
          entity={{
            ...entity('orders-worker'),
            metadata: {
              name: 'orders-worker',
              namespace: 'default',
              annotations: {
                'zeroops.io/service-name': 'orders-worker',
                'backstage.io/managed-by-location':
                  'url:file:///repos/orders-worker/catalog-info.yaml',
              },
            },
          }}
        >
          <EntityZeroOpsTemplateVersionCard />
          <EntityZeroOpsLocalChangesCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes },
    );
    expect(
      await screen.findByRole('link', { name: 'Update the repository' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'All local changes' }),
    ).toHaveAttribute('href', '/zeroops/local-changes');
  });

  it('renders the overview page with its own header', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[zeroOpsApiRef, api]]}>
        <LegacyOverviewPage />
      </TestApiProvider>,
      { mountedRoutes },
    );
    expect(
      await screen.findByRole('heading', { name: 'ZeroOps', level: 1 }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('grid', {
        name: 'Health by service and environment',
      }),
    ).toBeInTheDocument();
  });
});
