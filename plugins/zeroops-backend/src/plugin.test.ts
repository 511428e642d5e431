import { mockCredentials } from '@backstage/backend-test-utils';
import {
  EntityCostResponse,
  EntityEnvironment,
  EntityEnvironmentsResponse,
  OverviewResponse,
} from '@zeroops/backstage-plugin-zeroops-common';
import request from 'supertest';
import { asUser, useSimulatedBackend } from './__testUtils__/simulatedBackend';
import { USERS } from './__testUtils__/testBackend';

jest.setTimeout(60_000);

const ENV_PATH = '/api/zeroops/entities/component/default';

describe('zeroops backend against the AWS simulator', () => {
  const zeroops = useSimulatedBackend({ sharedBackend: {} });

  async function environments(name: string, user = USERS.alice) {
    const res = await request(zeroops.backend.server)
      .get(`${ENV_PATH}/${name}/environments`)
      .set(asUser(user));
    expect(res.status).toBe(200);
    return res.body as EntityEnvironmentsResponse;
  }

  function byName(body: EntityEnvironmentsResponse, name: string) {
    const env = body.environments.find(e => e.name === name);
    expect(env).toBeDefined();
    return env as EntityEnvironment;
  }

  describe('GET /entities/:kind/:namespace/:name/environments', () => {
    it('returns every environment of payments-api with health, deployment and links', async () => {
      const body = await environments('payments-api');
      expect(body.entityRef).toBe('component:default/payments-api');
      expect(body.demoData).toBe(true);
      expect(body.environments.map(e => e.name)).toEqual([
        'production',
        'staging',
        'pr-7',
      ]);

      const production = byName(body, 'production');
      expect(production.error).toBeUndefined();
      expect(production.health).toEqual({ status: 'healthy', reasons: [] });
      expect(production.service).toMatchObject({
        status: 'ACTIVE',
        desiredCount: 3,
        runningCount: 3,
      });
      const primary = production.deployment?.primary;
      expect(primary).toMatchObject({
        status: 'PRIMARY',
        rolloutState: 'COMPLETED',
        taskDefinitionFamily: 'payments-api-production',
      });
      expect(primary?.commitSha).toMatch(/^[0-9a-f]{40}$/);
      expect(primary?.image).toContain(`payments-api:${primary?.commitSha}`);
      // Steady and without symptoms: target health is not read (on-symptom mode).
      expect(production.targets).toBeUndefined();
      expect(
        production.dataStores.map(d => [d.kind, d.identifier, d.available]),
      ).toEqual([
        ['aurora', 'payments-api-production', true],
        ['valkey', 'payments-api-production', true],
      ]);
      expect(production.links.logGroup).toBe('/ecs/payments-api/production');
      expect(production.links.logs).toContain(
        'cloudwatch/home?region=us-east-1',
      );
      expect(production.links.console).toContain(
        '/ecs/v2/clusters/zeroops-production/services/payments-api/',
      );
      expect(production.events.length).toBeGreaterThan(0);

      const staging = byName(body, 'staging');
      expect(staging.health.status).toBe('degraded');
      expect(staging.alarms).toEqual([
        expect.objectContaining({
          name: 'payments-api-staging-p99-latency',
          signal: 'p99-latency',
          state: 'ALARM',
        }),
      ]);
      expect(staging.health.reasons.map(r => r.code)).toContain('alarm');

      const pr = byName(body, 'pr-7');
      expect(pr).toMatchObject({
        kind: 'ephemeral',
        platformEnvironment: 'ephemeral',
        pullRequest: 7,
        location: {
          ecsServiceName: 'payments-api-pr-7',
          cluster: 'zeroops-ephemeral',
        },
      });
      expect(pr.service?.createdAt).toBeDefined();
    });

    it('shows a blue/green deployment in progress with its stage', async () => {
      const production = byName(
        await environments('storefront-web'),
        'production',
      );
      expect(production.deployment?.strategy).toBe('BLUE_GREEN');
      expect(production.deployment?.primary).toMatchObject({
        rolloutState: 'IN_PROGRESS',
        strategy: 'BLUE_GREEN',
        blueGreenStage: expect.any(String),
      });
      expect(production.health.reasons.map(r => r.code)).toContain(
        'rollout-in-progress',
      );
      // A deployment shifting traffic: target health of both colours is read.
      expect(production.targets?.targetGroupName).toMatch(
        /storefront-web-prod-[bg]/,
      );
      expect(production.targets?.total).toBeGreaterThan(0);
    });

    it('shows the circuit-breaker rollback and the crashed tasks', async () => {
      const staging = byName(await environments('orders-worker'), 'staging');
      expect(staging.health.status).toBe('degraded');
      expect(staging.health.reasons.map(r => r.code)).toContain(
        'circuit-breaker-rollback',
      );
      expect(staging.deployment?.lastFailed).toMatchObject({
        rolloutState: 'FAILED',
        rolloutStateReason: expect.stringMatching(/circuit breaker/i),
      });
      expect(staging.stoppedTasks.length).toBeGreaterThan(0);
      expect(staging.stoppedTasks[0]).toMatchObject({
        stopCode: expect.any(String),
        stoppedReason: expect.any(String),
      });
      expect(
        staging.stoppedTasks.flatMap(t => t.containers.map(c => c.exitCode)),
      ).toContain(137);
    });

    it('reads entities annotated for the AWS ECS plugin', async () => {
      const body = await environments('legacy-payments');
      expect(body.serviceName).toBe('payments-api');
      expect(body.environments.map(e => e.name)).toEqual(['production']);
      expect(body.environments[0].health.status).toBe('healthy');
    });

    it('answers 404 naming the missing annotation', async () => {
      const res = await request(zeroops.backend.server)
        .get(`${ENV_PATH}/no-annotations/environments`)
        .set(asUser(USERS.alice));
      expect(res.status).toBe(404);
      expect(res.body.error.message).toContain(
        'missing the zeroops.io/service-name annotation',
      );
    });

    it('answers 404 for an unknown entity', async () => {
      const res = await request(zeroops.backend.server)
        .get(`${ENV_PATH}/does-not-exist/environments`)
        .set(asUser(USERS.alice));
      expect(res.status).toBe(404);
    });

    it('answers 401 without credentials', async () => {
      const res = await request(zeroops.backend.server)
        .get(`${ENV_PATH}/payments-api/environments`)
        .set({ Authorization: mockCredentials.none.header() });
      expect(res.status).toBe(401);
    });
  });

  describe('authorization', () => {
    it('gives a denied user 403 and no data, even with the entry cached', async () => {
      // Alice warms the cache for payments-api.
      await environments('payments-api');
      zeroops.simulator.resetCounters();
      for (const path of ['environments', 'cost']) {
        const res = await request(zeroops.backend.server)
          .get(`${ENV_PATH}/payments-api/${path}`)
          .set(asUser(USERS.mallory));
        expect(res.status).toBe(403);
        expect(res.body.error.name).toBe('NotAllowedError');
        expect(JSON.stringify(res.body)).not.toContain(
          'payments-api-production',
        );
        expect(res.body.environments).toBeUndefined();
        expect(res.body.monthToDate).toBeUndefined();
      }
      expect(zeroops.simulator.counters().total).toBe(0);
    });

    it('requires zeroops.cost.read for cost but not for health', async () => {
      await environments('payments-api', USERS.noCost);
      const res = await request(zeroops.backend.server)
        .get(`${ENV_PATH}/payments-api/cost`)
        .set(asUser(USERS.noCost));
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain('zeroops.cost.read');
    });
  });

  describe('GET /entities/:kind/:namespace/:name/cost', () => {
    it('serves the snapshot of the scheduled refresh without calling Cost Explorer', async () => {
      zeroops.simulator.resetCounters();
      const responses = await Promise.all(
        Array.from({ length: 10 }, () =>
          request(zeroops.backend.server)
            .get(`${ENV_PATH}/payments-api/cost`)
            .set(asUser(USERS.alice)),
        ),
      );
      expect(zeroops.simulator.callCount({ service: 'ce' })).toBe(0);
      const cost = responses[0].body as EntityCostResponse;
      expect(responses[0].status).toBe(200);
      expect(cost.lastRefreshedAt).not.toBeNull();
      expect(cost.currency).toBe('USD');
      expect(cost.months).toHaveLength(6);
      expect(cost.months[5].partial).toBe(true);
      expect(cost.months.slice(0, 5).every(m => m.amount > 0)).toBe(true);
      expect(cost.days).toHaveLength(30);
      expect(cost.monthToDate).toBeGreaterThan(0);
      expect(cost.forecast.amount).toBeGreaterThanOrEqual(cost.monthToDate);
      expect(cost.environments.map(e => e.environment).slice(0, 2)).toEqual([
        'production',
        'staging',
      ]);
      expect(cost.environments.map(e => e.environment)).toContain('pr-7');
      expect(cost.budget).toMatchObject({
        name: 'payments-api-monthly',
        status: 'at-risk',
      });
      expect(cost.budget?.consumedPercent).toBeCloseTo(80, 0);
    });
  });

  describe('GET /overview', () => {
    it('lists every readable service with health, PR environments and cost', async () => {
      const res = await request(zeroops.backend.server)
        .get('/api/zeroops/overview')
        .set(asUser(USERS.alice));
      expect(res.status).toBe(200);
      const body = res.body as OverviewResponse;
      expect(body.costVisible).toBe(true);
      expect(body.services.map(s => s.entityRef)).toEqual([
        'component:default/legacy-payments',
        'component:default/orders-worker',
        'component:default/payments-api',
        'component:default/storefront-web',
      ]);
      const storefront = body.services.find(
        s => s.serviceName === 'storefront-web',
      );
      // Without a repository annotation there is nothing to link to.
      expect(
        body.services.find(s => s.serviceName === 'orders-worker')
          ?.repositoryUrl,
      ).toBeUndefined();
      expect(storefront?.environments.map(e => e.name)).toEqual([
        'production',
        'staging',
      ]);
      expect(storefront?.repositoryUrl).toBe(
        'https://github.com/zeroops-demo/storefront-web',
      );
      expect(storefront?.ephemeral).toEqual([
        expect.objectContaining({
          name: 'pr-42',
          pullRequest: 42,
          pullRequestUrl:
            'https://github.com/zeroops-demo/storefront-web/pull/42',
          ageHours: expect.any(Number),
          monthToDate: expect.any(Number),
        }),
      ]);
      expect(storefront?.ephemeral[0].ageHours).toBeGreaterThanOrEqual(49);
      expect(storefront?.cost?.monthToDate).toBeGreaterThan(0);
      expect(body.totals?.monthToDate).toBeGreaterThan(0);
    });

    it('lists only the entities the catalog returns for the caller, without cost when not allowed', async () => {
      const limited = await request(zeroops.backend.server)
        .get('/api/zeroops/overview')
        .set(asUser(USERS.limited));
      expect(
        (limited.body as OverviewResponse).services.map(s => s.serviceName),
      ).toEqual(['payments-api']);
      const noCost = await request(zeroops.backend.server)
        .get('/api/zeroops/overview')
        .set(asUser(USERS.noCost));
      const body = noCost.body as OverviewResponse;
      expect(body.costVisible).toBe(false);
      expect(body.totals).toBeUndefined();
      expect(body.services.every(s => s.cost === undefined)).toBe(true);
      expect(
        body.services
          .flatMap(s => s.ephemeral)
          .every(e => e.monthToDate === undefined),
      ).toBe(true);
    });
  });

  describe('actions', () => {
    it('answers "is payments healthy in production?"', async () => {
      const res = await request(zeroops.backend.server)
        .post(
          '/api/zeroops/.backstage/actions/v1/actions/zeroops:get-service-health/invoke',
        )
        .set(asUser(USERS.alice))
        .send({ service: 'payments', environment: 'production' });
      expect(res.status).toBe(200);
      expect(res.body.output).toMatchObject({
        entityRef: 'component:default/payments-api',
        environments: [{ name: 'production', health: 'healthy' }],
      });
    });

    it('applies the same authorization', async () => {
      const res = await request(zeroops.backend.server)
        .post(
          '/api/zeroops/.backstage/actions/v1/actions/zeroops:get-service-cost/invoke',
        )
        .set(asUser(USERS.noCost))
        .send({ service: 'payments-api' });
      expect(res.status).toBe(403);
    });
  });
});
