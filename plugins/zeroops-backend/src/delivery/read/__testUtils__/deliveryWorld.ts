/**
 * A small delivery world for the read service's tests: five services (three on GitHub, one with
 * no repository, one on GitLab), a hand-computed production history, a permission policy and a
 * catalog that filters what each user may read.
 */
import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { DeliveryDeployment } from '@zeroops/backstage-plugin-zeroops-common';
import { CatalogServiceIndex } from '../../../catalog/CatalogServiceIndex';
import { EntityResolver } from '../../../service/EntityResolver';
import { DeliveryReadService } from '../DeliveryReadService';
import { InMemoryDeliveryRecords } from './InMemoryDeliveryRecords';
import { componentEntity } from '../../../__testUtils__/componentEntity';

/** Monday: the 7-day window is the week of 2025-03-24. */
export const NOW = new Date('2025-03-31T00:00:00Z');
export const MALLORY = 'user:default/mallory';
/** May read payments only. */
export const LIMITED = 'user:default/limited';

function service(
  name: string,
  annotations: Record<string, string>,
  owner: string,
): Entity {
  return componentEntity(
    name,
    { 'zeroops.io/service-name': name, ...annotations },
    { type: 'service', owner },
  );
}

const ENTITIES = [
  service(
    'payments',
    { 'github.com/project-slug': 'Acme/Payments' },
    'team-checkout',
  ),
  service(
    'orders',
    {
      'backstage.io/source-location':
        'url:https://github.com/acme/orders/tree/main/',
    },
    'group:default/team-checkout',
  ),
  service(
    'ledger',
    { 'github.com/project-slug': 'acme/ledger' },
    'team-finance',
  ),
  service('legacy', {}, 'team-finance'),
  service(
    'gitlabbed',
    {
      'backstage.io/source-location': 'url:https://gitlab.com/acme/gitlabbed/',
    },
    'team-finance',
  ),
];

let nextId = 1;
export function deployment(
  fields: Pick<DeliveryDeployment, 'sha' | 'state' | 'finishedAt'> &
    Partial<DeliveryDeployment>,
): DeliveryDeployment {
  const finished = Date.parse(fields.finishedAt ?? '2025-03-29T12:00:00Z');
  const createdAt = new Date(finished - 5 * 60_000).toISOString();
  return {
    repository: 'acme/payments',
    deploymentId: nextId++,
    environment: 'production',
    ref: 'main',
    createdAt,
    updatedAt: fields.finishedAt ?? createdAt,
    ...fields,
  };
}

export const SHA_A = 'a'.repeat(40);
export const SHA_B = 'b'.repeat(40);
export const SHA_C = 'c'.repeat(40);

function records() {
  const store = new InMemoryDeliveryRecords();
  store.deployments = [
    // Lead 09:40 − 09:00 = 40 min.
    deployment({
      sha: SHA_A,
      state: 'success',
      firstCommitAt: '2025-03-24T09:00:00Z',
      finishedAt: '2025-03-24T09:40:00Z',
    }),
    // Fails at 11:20, re-run succeeds at 11:50: lead 110 min, restored after 30 min.
    deployment({
      sha: SHA_B,
      state: 'failure',
      firstCommitAt: '2025-03-25T10:00:00Z',
      finishedAt: '2025-03-25T11:20:00Z',
    }),
    deployment({
      sha: SHA_B,
      state: 'success',
      firstCommitAt: '2025-03-25T10:00:00Z',
      finishedAt: '2025-03-25T11:50:00Z',
    }),
    deployment({
      sha: SHA_C,
      state: 'success',
      environment: 'staging',
      commitAt: '2025-03-28T09:30:00Z',
      finishedAt: '2025-03-28T10:00:00Z',
    }),
    deployment({
      sha: SHA_C,
      state: 'in_progress',
      environment: 'pr-12',
      finishedAt: undefined,
      createdAt: '2025-03-30T08:00:00Z',
      updatedAt: '2025-03-30T08:01:00Z',
    }),
    // ledger: lead 10 min.
    deployment({
      repository: 'acme/ledger',
      sha: SHA_A,
      state: 'success',
      commitAt: '2025-03-26T09:50:00Z',
      finishedAt: '2025-03-26T10:00:00Z',
    }),
  ];
  store.approvals = [
    {
      repository: 'acme/payments',
      environment: 'production',
      workflowRunId: 555,
      reviewUrl: 'https://github.com/Acme/Payments/actions/runs/555',
      sha: SHA_C,
      waitingSince: '2025-03-30T09:00:00Z',
      reviewers: ['team-checkout-leads'],
    },
  ];
  store.staging.set('acme/payments', {
    productionSha: SHA_B,
    stagingSha: SHA_C,
    commits: 3,
    compareUrl: `https://github.com/Acme/Payments/compare/${SHA_B}...${SHA_C}`,
    comparedAt: '2025-03-30T09:00:00Z',
  });
  store.synced.set('acme/payments', '2025-03-30T12:00:00.000Z');
  return store;
}

function userOf(credentials: BackstageCredentials) {
  return (credentials.principal as { userEntityRef?: string }).userEntityRef;
}

export function deliveryWorld(options: { enabled?: boolean } = {}) {
  const store = records();
  const authorize = jest.fn<
    ReturnType<PermissionsService['authorize']>,
    Parameters<PermissionsService['authorize']>
  >(async (requests, { credentials }) =>
    requests.map(r => {
      const user = userOf(credentials);
      const resourceRef = 'resourceRef' in r ? r.resourceRef : undefined;
      const allowed =
        user !== MALLORY &&
        (user !== LIMITED || resourceRef === 'component:default/payments');
      return {
        result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      };
    }),
  );
  const permissions: PermissionsService = {
    authorize,
    authorizeConditional: async () => [],
  };
  // Like the real catalog, it returns only what the caller may read.
  const catalog = catalogServiceMock({ entities: ENTITIES });
  const getEntities = catalog.getEntities.bind(catalog);
  catalog.getEntities = async (req, opts) => {
    const response = await getEntities(req, opts);
    const user =
      opts && 'credentials' in opts ? userOf(opts.credentials) : undefined;
    if (user === MALLORY) return { items: [] };
    if (user === LIMITED) {
      return {
        items: response.items.filter(e => e.metadata.name === 'payments'),
      };
    }
    return response;
  };
  const auth = mockServices.auth();
  const delivery = new DeliveryReadService({
    enabled: options.enabled ?? true,
    permissions,
    entities: new EntityResolver(catalog, auth),
    index: new CatalogServiceIndex(catalog, auth),
    records: store,
    demoData: false,
    now: () => NOW,
  });
  return { delivery, store, authorize };
}
