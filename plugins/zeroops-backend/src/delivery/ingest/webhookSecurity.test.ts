/**
 * GitHub webhooks through HTTP, as GitHub sends them: the events backend with its GitHub module
 * (signature check), ZeroOps' guard module and the plugin's ingest, on one database.
 */
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { metricsServiceMock } from '@backstage/backend-test-utils/alpha';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DEMO_WEBHOOK_SECRET,
  deploymentPayload,
  deploymentStatusPayload,
  malformedWebhookBody,
  oversizedWebhookBody,
  sendWebhook,
  startGithubSimulator,
  type GithubSimulator,
  type WebhookDelivery,
} from '@zeroops/github-simulator';
import { ZEROOPS_DEPLOYMENT_TASK } from '@zeroops/backstage-plugin-zeroops-common';
import eventsPlugin from '@backstage/plugin-events-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { BackendFeature } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { zeroopsPlugin } from '../../plugin';
import { DeliveryStore } from '../store/DeliveryStore';
import { zeroopsWebhookGuardModule } from './webhookGuardModule';
import { WEBHOOK_METRIC } from './webhookMetric';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const SLUG = 'acme/payments-api';
const MAX_PAYLOAD_BYTES = 256 * 1024;

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    namespace: 'default',
    annotations: {
      'zeroops.io/service-name': 'payments-api',
      'github.com/project-slug': SLUG,
    },
  },
  spec: {
    type: 'service',
    owner: 'group:default/team-checkout',
    lifecycle: 'production',
  },
};

/**
 * The two modules of `@backstage/plugin-events-backend-module-github` (signature validator and
 * event router). Its package entry is a feature loader built on dynamic `import()`, which Jest
 * cannot run without --experimental-vm-modules, so the test loads the same compiled modules by
 * path; the backend (packages/backend) adds the package itself.
 */
function githubModuleFeatures(): BackendFeature[] {
  const root = require
    .resolve('@backstage/plugin-events-backend-module-github/package.json')
    .replace(/package\.json$/, '');
  return ['eventsModuleGithubWebhook', 'eventsModuleGithubEventRouter'].map(
    name =>
      require(`${root}dist/service/${name}.cjs.js`).default as BackendFeature,
  );
}

describe('GitHub webhooks through the events backend', () => {
  let simulator: GithubSimulator;
  let knex: Knex;
  let url: string;
  let stopBackend: () => Promise<void>;
  const outcomes: string[] = [];

  beforeAll(async () => {
    simulator = await startGithubSimulator({
      preset: 'none',
      repositories: {
        [SLUG]: { profile: 'elite', days: 3 },
        'strangers/not-in-catalog': { profile: 'elite', days: 3 },
      },
    });
    knex = await databases.init('SQLITE_3');
    const backend = await startTestBackend({
      features: [
        // As in packages/backend: one events service for every plugin (see there why).
        eventsServiceFactory,
        eventsPlugin,
        ...githubModuleFeatures(),
        zeroopsWebhookGuardModule,
        zeroopsPlugin,
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              github: [
                {
                  host: 'github.com',
                  apiBaseUrl: simulator.url,
                  token: 'test',
                },
              ],
            },
            events: {
              useEventBus: 'never',
              modules: { github: { webhookSecret: DEMO_WEBHOOK_SECRET } },
            },
            zeroops: {
              delivery: {
                enabled: true,
                reconcileInterval: '1h',
                webhooks: { maxPayloadBytes: MAX_PAYLOAD_BYTES },
              },
            },
          },
        }),
        mockServices.database.factory({ knex }),
        catalogServiceMock.factory({ entities: [entity] }),
        metricsServiceMock.mock({
          createCounter: (name: string) => ({
            add: (_value: number, attributes?: Record<string, unknown>) => {
              if (name === WEBHOOK_METRIC)
                outcomes.push(String(attributes?.outcome));
            },
          }),
        }).factory,
      ],
    });
    url = `http://localhost:${backend.server.port()}/api/events/http/github`;
    stopBackend = () => backend.stop();
  });

  afterAll(async () => {
    await stopBackend?.();
    await simulator?.stop();
  });

  beforeEach(() => {
    outcomes.length = 0;
  });

  function statusDelivery(slug = SLUG): WebhookDelivery {
    const [owner, name] = slug.split('/');
    const state = simulator.store.repository(owner, name)!;
    const deployment = state.deployments.find(
      d => d.task === ZEROOPS_DEPLOYMENT_TASK && d.statuses.length > 0,
    )!;
    return deploymentStatusPayload(
      state,
      deployment,
      deployment.statuses[deployment.statuses.length - 1],
      { api: simulator.url, html: 'https://github.com' },
    );
  }

  async function storedDeployments() {
    return new DeliveryStore(knex).reader.listDeployments({
      repositories: [SLUG, 'strangers/not-in-catalog'],
      since: '2000-01-01T00:00:00Z',
    });
  }

  it('rejects a forged signature with 403 before anything is stored, and counts it', async () => {
    const response = await sendWebhook(statusDelivery(), {
      url,
      secret: DEMO_WEBHOOK_SECRET,
      forgeSignature: true,
    });
    const unsigned = await sendWebhook(statusDelivery(), {
      url,
      secret: DEMO_WEBHOOK_SECRET,
      forgeSignature: '',
    });
    expect([response.status, unsigned.status]).toEqual([403, 403]);
    expect(await storedDeployments()).toEqual([]);
    expect(outcomes).toEqual(['forged', 'forged']);
  });

  it('stores a valid delivery once, however often it is replayed', async () => {
    const delivery = statusDelivery();
    const first = await sendWebhook(delivery, {
      url,
      secret: DEMO_WEBHOOK_SECRET,
    });
    const replay = await sendWebhook(delivery, {
      url,
      secret: DEMO_WEBHOOK_SECRET,
      deliveryId: first.deliveryId,
    });
    expect([first.status, replay.status]).toEqual([202, 202]);
    const stored = await storedDeployments();
    const payload = delivery.payload as {
      deployment: {
        id: number;
        sha: string;
        payload: { branch: string; workflow_run_id: number };
      };
      deployment_status: { state: string };
    };
    // The branch and the run come from our deployment payload (GitHub's ref is the SHA).
    expect(
      stored.map(d => [d.deploymentId, d.sha, d.ref, d.state, d.workflowRunId]),
    ).toEqual([
      [
        payload.deployment.id,
        payload.deployment.sha,
        payload.deployment.payload.branch,
        payload.deployment_status.state,
        payload.deployment.payload.workflow_run_id,
      ],
    ]);
    expect(outcomes).toEqual(['stored', 'replayed']);
    expect(
      (await new DeliveryStore(knex).reader.lastSyncedAt([SLUG])).has(SLUG),
    ).toBe(true);
  });

  it('rejects oversized and malformed payloads without storing them, and counts them', async () => {
    const before = await storedDeployments();
    const [owner, name] = SLUG.split('/');
    const state = simulator.store.repository(owner, name)!;
    const fresh = state.deployments
      .filter(d => d.task === ZEROOPS_DEPLOYMENT_TASK)
      .at(-1)!;
    const delivery = deploymentPayload(state, fresh, {
      api: simulator.url,
      html: 'https://github.com',
    });

    const oversized = await sendWebhook(delivery, {
      url,
      secret: DEMO_WEBHOOK_SECRET,
      rawBody: oversizedWebhookBody(delivery, MAX_PAYLOAD_BYTES + 1),
    });
    const notJson = await sendWebhook(delivery, {
      url,
      secret: DEMO_WEBHOOK_SECRET,
      rawBody: malformedWebhookBody(delivery),
    });
    // Signed JSON that lacks what we read (here: the deployment's SHA).
    const incomplete = await sendWebhook(
      {
        event: 'deployment',
        payload: {
          ...delivery.payload,
          deployment: {
            ...(delivery.payload.deployment as object),
            sha: undefined,
          },
        },
      },
      { url, secret: DEMO_WEBHOOK_SECRET },
    );
    expect([oversized.status, notJson.status, incomplete.status]).toEqual([
      413, 400, 202,
    ]);
    expect(await storedDeployments()).toEqual(before);
    expect(outcomes).toEqual(['oversized', 'malformed', 'malformed']);
  });

  it('ignores repositories outside the catalog', async () => {
    const response = await sendWebhook(
      statusDelivery('strangers/not-in-catalog'),
      {
        url,
        secret: DEMO_WEBHOOK_SECRET,
      },
    );
    expect(response.status).toBe(202);
    expect(
      (await storedDeployments()).filter(d => d.repository !== SLUG),
    ).toEqual([]);
    expect(outcomes).toEqual(['ignored']);
  });
});
