/**
 * Exports for apps on the legacy frontend system (`createApp` from @backstage/app-defaults with
 * an `EntityPage.tsx`). New-system apps use the package's default export instead.
 */
import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { ZeroOpsClient, zeroOpsApiRef } from './api';
import {
  LocalChangesClient,
  localChangesApiRef,
} from './api/LocalChangesClient';
import {
  entityContentRouteRef,
  localChangesRouteRef,
  rootRouteRef,
} from './routes';

/**
 * The ZeroOps plugin for the legacy frontend system. The new frontend system's plugin is the
 * package's default export (`zeroOpsPlugin`).
 *
 * @public
 */
export const legacyZeroOpsPlugin = createPlugin({
  id: 'zeroops',
  apis: [
    createApiFactory({
      api: zeroOpsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ZeroOpsClient({ discoveryApi, fetchApi }),
    }),
    createApiFactory({
      api: localChangesApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new LocalChangesClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/**
 * The legacy frontend system's plugin under its former name, which differed from the new
 * frontend system's `zeroOpsPlugin` only in case.
 *
 * @public
 * @deprecated Use {@link legacyZeroOpsPlugin}; this name is kept so existing legacy apps compile.
 */
export const zeroopsPlugin = legacyZeroOpsPlugin;

/**
 * Environments card for the entity overview (legacy frontend system).
 *
 * @public
 */
export const EntityZeroOpsEnvironmentsCard: () => JSX.Element =
  legacyZeroOpsPlugin.provide(
    createComponentExtension({
      name: 'EntityZeroOpsEnvironmentsCard',
      component: {
        lazy: () =>
          import('./components/EnvironmentsCard/EnvironmentsCard').then(
            m => m.EnvironmentsCard,
          ),
      },
    }),
  );

/**
 * Cost card for the entity overview (legacy frontend system).
 *
 * @public
 */
export const EntityZeroOpsCostCard: () => JSX.Element =
  legacyZeroOpsPlugin.provide(
    createComponentExtension({
      name: 'EntityZeroOpsCostCard',
      component: {
        lazy: () =>
          import('./components/CostCard/CostCard').then(m => m.CostCard),
      },
    }),
  );

/**
 * Delivery card for the entity overview (legacy frontend system): what each environment runs
 * according to GitHub, deployments waiting for approval, the last failure. Show it for
 * `isZeroOpsDeliveryAvailable` entities.
 *
 * @public
 */
export const EntityZeroOpsDeliveryCard: () => JSX.Element =
  legacyZeroOpsPlugin.provide(
    createComponentExtension({
      name: 'EntityZeroOpsDeliveryCard',
      component: {
        lazy: () =>
          import('./components/DeliveryCard/DeliveryCard').then(
            m => m.DeliveryCard,
          ),
      },
    }),
  );

/**
 * DORA metrics card for the entity overview (legacy frontend system). Show it for
 * `isZeroOpsDeliveryAvailable` entities.
 *
 * @public
 */
export const EntityZeroOpsDoraCard: () => JSX.Element =
  legacyZeroOpsPlugin.provide(
    createComponentExtension({
      name: 'EntityZeroOpsDoraCard',
      component: {
        lazy: () =>
          import('./components/DoraCard/DoraCard').then(m => m.DoraCard),
      },
    }),
  );

/**
 * The ZeroOps entity tab (legacy frontend system), for an `EntityLayout.Route`.
 *
 * @public
 */
export const EntityZeroOpsContent: () => JSX.Element =
  legacyZeroOpsPlugin.provide(
    createRoutableExtension({
      name: 'EntityZeroOpsContent',
      component: () =>
        import('./components/ZeroOpsContent/ZeroOpsContent').then(
          m => m.ZeroOpsContent,
        ),
      mountPoint: entityContentRouteRef,
    }),
  );

/**
 * The overview page (legacy frontend system), for a `<Route path="/zeroops">`.
 *
 * @public
 */
export const ZeroOpsOverviewPage: () => JSX.Element =
  legacyZeroOpsPlugin.provide(
    createRoutableExtension({
      name: 'ZeroOpsOverviewPage',
      component: () =>
        import('./components/OverviewPage/LegacyOverviewPage').then(
          m => m.LegacyOverviewPage,
        ),
      mountPoint: rootRouteRef,
    }),
  );

/**
 * Template version notice for the entity overview (legacy frontend system): a ZeroOps service
 * behind the current template version, with a link to the update template. Show it for
 * `hasTemplateVersionNotice` entities.
 *
 * @public
 */
export const EntityZeroOpsTemplateVersionCard: () => JSX.Element | null =
  legacyZeroOpsPlugin.provide(
    createComponentExtension({
      name: 'EntityZeroOpsTemplateVersionCard',
      component: {
        lazy: () =>
          import(
            './components/TemplateVersionNotice/TemplateVersionNotice'
          ).then(m => m.TemplateVersionNotice),
      },
    }),
  );

/**
 * Local changes card for the entity overview (legacy frontend system): the change requests
 * templates opened in the entity's local repository (embedded default). Show it for
 * `isLocalRepositoryEntity` entities.
 *
 * @public
 */
export const EntityZeroOpsLocalChangesCard: () => JSX.Element =
  legacyZeroOpsPlugin.provide(
    createComponentExtension({
      name: 'EntityZeroOpsLocalChangesCard',
      component: {
        lazy: () =>
          import('./components/LocalChanges/LocalChangesCard').then(
            m => m.LocalChangesCard,
          ),
      },
    }),
  );

/**
 * The local changes page (legacy frontend system), for a
 * `<Route path="/zeroops/local-changes/*">`: the path the change-request action links to.
 *
 * @public
 */
export const ZeroOpsLocalChangesPage: () => JSX.Element =
  legacyZeroOpsPlugin.provide(
    createRoutableExtension({
      name: 'ZeroOpsLocalChangesPage',
      component: () =>
        import('./components/LocalChanges/LocalChangesPage').then(
          m => m.LocalChangesPage,
        ),
      mountPoint: localChangesRouteRef,
    }),
  );
