import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { RiCloudLine } from '@remixicon/react';
import { ZeroOpsClient, zeroOpsApiRef } from './api';
import {
  LocalChangesClient,
  localChangesApiRef,
} from './api/LocalChangesClient';
import { LOCAL_CHANGES_UI_PATH } from '@zeroops/backstage-plugin-zeroops-common';
import { isLocalRepositoryEntity } from './lib/localRepositoryLocation';
import { isZeroOpsAvailable } from './lib/isZeroOpsAvailable';
import { isZeroOpsEnvironmentsAvailable } from './lib/isZeroOpsEnvironmentsAvailable';
import { isZeroOpsDeliveryAvailable } from './lib/isZeroOpsDeliveryAvailable';
import { hasTemplateVersionNotice } from './lib/hasTemplateVersionNotice';
import { rootRouteRef } from './routes';

/** The HTTP client of the backend plugin, available to every extension as `zeroOpsApiRef`. */
export const zeroOpsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: zeroOpsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ZeroOpsClient({ discoveryApi, fetchApi }),
    }),
});

/** The client of the local change records (the embedded default's local repositories). */
export const zeroOpsLocalChangesApi = ApiBlueprint.make({
  name: 'local-changes',
  params: defineParams =>
    defineParams({
      api: localChangesApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new LocalChangesClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * `entity-card:zeroops/local-changes` on the entity overview of entities read from a local
 * repository: the change requests templates opened there.
 */
export const zeroOpsLocalChangesCard = EntityCardBlueprint.make({
  name: 'local-changes',
  params: {
    type: 'content',
    filter: isLocalRepositoryEntity,
    loader: () =>
      import('./components/LocalChanges/LocalChangesCard').then(m => (
        <m.LocalChangesCard />
      )),
  },
});

/** `page:zeroops/local-changes`: every local change request, linked from the card and tasks. */
export const zeroOpsLocalChangesPage = PageBlueprint.make({
  name: 'local-changes',
  params: {
    path: LOCAL_CHANGES_UI_PATH,
    title: 'Local changes',
    loader: () =>
      import('./components/LocalChanges/LocalChangesPage').then(m => (
        <m.LocalChangesPage />
      )),
  },
});

/**
 * `entity-card:zeroops/environments` on the entity overview of annotated entities, except the
 * platform's own entity (cost only).
 */
export const zeroOpsEnvironmentsCard = EntityCardBlueprint.make({
  name: 'environments',
  params: {
    type: 'content',
    filter: isZeroOpsEnvironmentsAvailable,
    loader: () =>
      import('./components/EnvironmentsCard/EnvironmentsCard').then(m => (
        <m.EnvironmentsCard />
      )),
  },
});

/** `entity-card:zeroops/cost` on the entity overview of annotated entities. */
export const zeroOpsCostCard = EntityCardBlueprint.make({
  name: 'cost',
  params: {
    type: 'content',
    filter: isZeroOpsAvailable,
    loader: () =>
      import('./components/CostCard/CostCard').then(m => <m.CostCard />),
  },
});

/**
 * `entity-card:zeroops/delivery` on the entity overview of ZeroOps services with a GitHub
 * repository: what each environment runs, approvals waiting, the last failure.
 */
export const zeroOpsDeliveryCard = EntityCardBlueprint.make({
  name: 'delivery',
  params: {
    type: 'content',
    filter: isZeroOpsDeliveryAvailable,
    loader: () =>
      import('./components/DeliveryCard/DeliveryCard').then(m => (
        <m.DeliveryCard />
      )),
  },
});

/** `entity-card:zeroops/dora` on the entity overview of ZeroOps services with a GitHub repository. */
export const zeroOpsDoraCard = EntityCardBlueprint.make({
  name: 'dora',
  params: {
    type: 'content',
    filter: isZeroOpsDeliveryAvailable,
    loader: () =>
      import('./components/DoraCard/DoraCard').then(m => <m.DoraCard />),
  },
});

/**
 * `entity-card:zeroops/template-version` on the entity overview of ZeroOps services behind the
 * current template version: links the update template.
 */
export const zeroOpsTemplateVersionCard = EntityCardBlueprint.make({
  name: 'template-version',
  params: {
    type: 'info',
    filter: hasTemplateVersionNotice,
    loader: () =>
      import('./components/TemplateVersionNotice/TemplateVersionNotice').then(
        m => <m.TemplateVersionNotice />,
      ),
  },
});

/** `entity-content:zeroops`: the ZeroOps tab of annotated entities. */
export const zeroOpsEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'zeroops',
    title: 'ZeroOps',
    filter: isZeroOpsAvailable,
    loader: () =>
      import('./components/ZeroOpsContent/ZeroOpsContent').then(m => (
        <m.ZeroOpsContent />
      )),
  },
});

/** `page:zeroops`: the overview page at `/zeroops`, listed in the navigation. */
export const zeroOpsOverviewPage = PageBlueprint.make({
  params: {
    path: '/zeroops',
    title: 'ZeroOps',
    icon: <RiCloudLine />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('./components/OverviewPage/OverviewPage').then(m => (
        <m.OverviewPage />
      )),
  },
});

/**
 * The ZeroOps plugin for the new frontend system: environments, cost, delivery and DORA cards on
 * the entity overview, a ZeroOps entity tab and the `/zeroops` overview page.
 *
 * @public
 */
export const zeroOpsPlugin = createFrontendPlugin({
  pluginId: 'zeroops',
  title: 'ZeroOps',
  icon: <RiCloudLine />,
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
  extensions: [
    zeroOpsApi,
    zeroOpsEnvironmentsCard,
    zeroOpsCostCard,
    zeroOpsDeliveryCard,
    zeroOpsDoraCard,
    zeroOpsTemplateVersionCard,
    zeroOpsEntityContent,
    zeroOpsOverviewPage,
    zeroOpsLocalChangesApi,
    zeroOpsLocalChangesCard,
    zeroOpsLocalChangesPage,
  ],
});
