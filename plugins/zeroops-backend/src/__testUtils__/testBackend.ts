/**
 * Test harness: the plugin in a Backstage test backend, reading the AWS simulator through the
 * real AWS SDK (AWS_ENDPOINT_URL), with a catalog and a permission policy the tests control.
 */
import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import { startAwsSimulator, type AwsSimulator } from '@zeroops/aws-simulator';
import knexFactory from 'knex';
import { zeroopsPlugin } from '../plugin';
import { componentEntity } from './componentEntity';

/** Users the test permission policy knows. */
export const USERS = {
  /** May read everything. */
  alice: 'user:default/alice',
  /** Denied catalog.entity.read on every entity. */
  mallory: 'user:default/mallory',
  /** May read entities but not cost. */
  noCost: 'user:default/no-cost',
  /** The catalog returns only payments-api to this user. */
  limited: 'user:default/limited',
};

function component(
  name: string,
  annotations: Record<string, string>,
  spec: JsonObject = {},
): Entity {
  return componentEntity(name, annotations, {
    type: 'service',
    owner: 'group:default/team-checkout',
    ...spec,
  });
}

export const ENTITIES: Entity[] = [
  component(
    'payments-api',
    { 'zeroops.io/service-name': 'payments-api' },
    { system: 'checkout' },
  ),
  component('storefront-web', {
    'zeroops.io/service-name': 'storefront-web',
    'github.com/project-slug': 'zeroops-demo/storefront-web',
  }),
  component('orders-worker', { 'zeroops.io/service-name': 'orders-worker' }),
  component('legacy-payments', {
    'aws.amazon.com/amazon-ecs-service-arn':
      'arn:aws:ecs:us-east-1:111111111111:service/zeroops-production/payments-api',
  }),
  component('no-annotations', {}),
];

export function zeroopsConfig(overrides: JsonObject = {}): JsonObject {
  return {
    zeroops: {
      environments: [
        {
          name: 'production',
          kind: 'persistent',
          accountId: '111111111111',
          region: 'us-east-1',
        },
        {
          name: 'staging',
          kind: 'persistent',
          accountId: '222222222222',
          region: 'us-east-1',
        },
        {
          name: 'ephemeral',
          kind: 'ephemeral',
          accountId: '222222222222',
          region: 'us-east-1',
        },
      ],
      costExplorer: { accountId: '999999999999' },
      cache: { ttl: '15s' },
      aws: { maxAttempts: 2, requestTimeout: '3s' },
      // Tests assert complete answers, which a loaded CI machine must not turn into `pending`
      // ones; the deadline's own tests (plugin.deadline.test.ts) set it short.
      requestDeadline: '60s',
      demoData: true,
      ...overrides,
    },
    aws: { accountDefaults: { roleName: 'zeroops-backstage-readonly' } },
  };
}

/** Points the AWS SDK at the simulator the way an operator would: environment variables. */
export async function startSimulatorForSdk(
  scenario: Parameters<typeof startAwsSimulator>[0] = { scenario: 'demo' },
): Promise<AwsSimulator> {
  const simulator = await startAwsSimulator({ port: 0, ...scenario });
  process.env.AWS_ENDPOINT_URL = simulator.url;
  process.env.AWS_ACCESS_KEY_ID = 'simulator';
  process.env.AWS_SECRET_ACCESS_KEY = 'simulator';
  process.env.AWS_REGION = 'us-east-1';
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  return simulator;
}

function principalOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as { userEntityRef?: string };
  return principal.userEntityRef;
}

/** The permission policy of the tests, applied to the plugin's authorize calls. */
const permissions: PermissionsService = {
  async authorize(requests, { credentials }) {
    const user = principalOf(credentials);
    return requests.map(request => {
      if (user === USERS.mallory) return { result: AuthorizeResult.DENY };
      if (
        user === USERS.noCost &&
        request.permission.name === 'zeroops.cost.read'
      ) {
        return { result: AuthorizeResult.DENY };
      }
      if (
        isResourcePermission(request.permission) &&
        !('resourceRef' in request)
      ) {
        throw new Error('resource permission authorized without resourceRef');
      }
      return { result: AuthorizeResult.ALLOW };
    });
  },
  async authorizeConditional(requests) {
    return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
  },
};

/** A catalog that, like the real one, filters what a user may read. */
function catalogFactory(entities: Entity[]) {
  const catalog = catalogServiceMock({ entities });
  const getEntities = catalog.getEntities.bind(catalog);
  catalog.getEntities = async (request, options) => {
    const response = await getEntities(request, options);
    const user =
      options && 'credentials' in options
        ? principalOf(options.credentials)
        : undefined;
    if (user === USERS.mallory) return { items: [] };
    if (user === USERS.limited) {
      return {
        items: response.items.filter(e => e.metadata.name === 'payments-api'),
      };
    }
    return response;
  };
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog,
  });
}

export async function startZeroOpsBackend(
  options: {
    config?: JsonObject;
    entities?: Entity[];
    extraFeatures?: Parameters<typeof startTestBackend>[0]['features'];
  } = {},
) {
  // Backstage deliberately leaves SQLite connections open on shutdown; their pool's reaping
  // timer would then keep the Jest worker alive. Own the connection, and close it on stop.
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  const backend = await startTestBackend({
    features: [
      mockServices.database.factory({ knex }),
      zeroopsPlugin,
      mockServices.rootConfig.factory({
        data: options.config ?? zeroopsConfig(),
      }),
      catalogFactory(options.entities ?? ENTITIES),
      createServiceFactory({
        service: coreServices.permissions,
        deps: {},
        factory: () => permissions,
      }),
      ...(options.extraFeatures ?? []),
    ],
  });
  const stop = backend.stop.bind(backend);
  return Object.assign(backend, {
    async stop() {
      await stop();
      await knex.destroy();
    },
  });
}
