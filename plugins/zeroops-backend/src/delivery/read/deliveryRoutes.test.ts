import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { createRouter } from '../../service/createRouter';
import { ZeroOpsReadService } from '../../service/ZeroOpsReadService';
import {
  deliveryWorld,
  deployment,
  LIMITED,
  MALLORY,
  NOW,
  SHA_B,
  SHA_C,
} from './__testUtils__/deliveryWorld';

async function setup(options: { enabled?: boolean } = {}) {
  const { delivery, store, authorize } = deliveryWorld(options);
  const router = await createRouter({
    httpAuth: mockServices.httpAuth(),
    reads: {} as ZeroOpsReadService,
    delivery,
    validateResponses: true,
  });
  const app = express().use(router).use(mockErrorHandler());
  const get = (path: string, user = 'user:default/alice') =>
    request(app)
      .get(path)
      .set('authorization', mockCredentials.user.header(user));
  return { get, store, authorize };
}

describe('delivery routes', () => {
  it('shows what each environment runs, what waits for approval and what staging has ahead', async () => {
    const { get } = await setup();
    const res = await get('/entities/component/default/payments/delivery');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: 'component:default/payments',
      repository: 'acme/payments',
      repositoryUrl: 'https://github.com/Acme/Payments',
      stagingAhead: { commits: 3, stagingSha: SHA_C },
      lastSyncedAt: '2025-03-30T12:00:00.000Z',
      demoData: false,
      generatedAt: NOW.toISOString(),
    });
    expect(res.body.environments.map((e: { name: string }) => e.name)).toEqual([
      'production',
      'staging',
      'pr-12',
    ]);
    const [production, staging, pr] = res.body.environments;
    expect(production.current).toMatchObject({ sha: SHA_B, state: 'success' });
    // The failure was followed by a successful re-run: not the environment's problem any more…
    expect(production.lastFailure).toBeUndefined();
    // …but still the service's last failure.
    expect(res.body.lastFailure).toMatchObject({
      sha: SHA_B,
      state: 'failure',
    });
    expect(production.pendingApprovals).toEqual([
      expect.objectContaining({
        reviewUrl: 'https://github.com/Acme/Payments/actions/runs/555',
      }),
    ]);
    expect(staging.current.sha).toBe(SHA_C);
    expect(pr.inProgress.state).toBe('in_progress');
  });

  it('computes DORA over the requested window', async () => {
    const { get } = await setup();
    const res = await get('/entities/component/default/payments/dora?window=7');

    expect(res.status).toBe(200);
    const { dora } = res.body;
    expect(dora.windowDays).toBe(7);
    expect(dora.from).toBe('2025-03-24T00:00:00.000Z');
    // A and B: 2 changes / 7 days.
    expect(dora.deploymentFrequency).toMatchObject({
      samples: 2,
      band: 'high',
      meetsTarget: false,
    });
    expect(dora.deploymentFrequency.value).toBeCloseTo(2 / 7, 10);
    // (40 + 110) / 2 = 75 min.
    expect(dora.leadTime).toMatchObject({ value: 75, band: 'elite' });
    // A and B finished, B failed once.
    expect(dora.changeFailureRate).toMatchObject({ value: 0.5, band: 'low' });
    expect(dora.timeToRestore).toMatchObject({ value: 30, band: 'elite' });
    expect(dora.openIncidents).toBe(0);
    expect(dora.weekly).toEqual([
      {
        weekStart: '2025-03-24',
        deployments: 2,
        leadTimeMinutes: 75,
        changeFailureRate: 0.5,
        timeToRestoreMinutes: 30,
      },
    ]);
  });

  it('defaults to 30 days and refuses other windows', async () => {
    const { get } = await setup();
    const byDefault = await get('/entities/component/default/payments/dora');
    expect(byDefault.status).toBe(200);
    expect(byDefault.body.dora.windowDays).toBe(30);

    for (const window of ['14', 'abc', '']) {
      const res = await get(
        `/entities/component/default/payments/dora?window=${window}`,
      );
      expect({ window, status: res.status }).toEqual({ window, status: 400 });
    }
    const overview = await get('/delivery/overview?window=365');
    expect(overview.status).toBe(400);
  });

  it('names the annotation when the entity has no GitHub repository', async () => {
    const { get } = await setup();
    for (const name of ['legacy', 'gitlabbed']) {
      const res = await get(`/entities/component/default/${name}/delivery`);
      expect(res.status).toBe(404);
      expect(res.body.error.message).toContain('github.com/project-slug');
    }
    const dora = await get('/entities/component/default/legacy/dora');
    expect(dora.status).toBe(404);
  });

  it('answers every route with the config key to set when delivery is disabled, asking no one', async () => {
    const { get, store, authorize } = await setup({ enabled: false });
    for (const path of [
      '/entities/component/default/payments/delivery',
      '/entities/component/default/payments/dora',
      '/delivery/overview',
    ]) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.body.error.message).toContain('zeroops.delivery.enabled');
    }
    expect(authorize).not.toHaveBeenCalled();
    expect(store.calls).toEqual([]);
  });

  it('refuses an entity the caller may not read before reading any record', async () => {
    const { get, store } = await setup();
    // Another user's allowed read first: nothing of it may leak to the next caller.
    expect((await get('/entities/component/default/ledger/dora')).status).toBe(
      200,
    );
    const callsBefore = store.calls.length;

    for (const path of [
      '/entities/component/default/ledger/delivery',
      '/entities/component/default/ledger/dora',
    ]) {
      expect((await get(path, MALLORY)).status).toBe(403);
      expect((await get(path, LIMITED)).status).toBe(403);
    }
    expect(store.calls.length).toBe(callsBefore);
    expect(
      (await get('/entities/component/default/payments/delivery', LIMITED))
        .status,
    ).toBe(200);
  });

  it('lists in the overview only the services the caller may read', async () => {
    const { get } = await setup();
    const denied = await get('/delivery/overview', MALLORY);
    expect(denied.status).toBe(200);
    expect(denied.body).toMatchObject({ services: [], teams: [] });

    const limited = await get('/delivery/overview?window=7', LIMITED);
    expect(
      limited.body.services.map((s: { entityRef: string }) => s.entityRef),
    ).toEqual(['component:default/payments']);
    expect(limited.body.teams).toEqual([
      expect.objectContaining({
        owner: 'group:default/team-checkout',
        services: ['component:default/payments'],
        pendingApprovals: 1,
      }),
    ]);
  });

  it('gives every readable GitHub service and its team DORA over their union', async () => {
    const { get } = await setup();
    const res = await get('/delivery/overview?window=7');

    expect(res.status).toBe(200);
    expect(res.body.windowDays).toBe(7);
    const services = res.body.services;
    expect(services.map((s: { entityRef: string }) => s.entityRef)).toEqual([
      'component:default/ledger',
      'component:default/orders',
      'component:default/payments',
    ]);
    const [ledger, orders, payments] = services;
    expect(payments).toMatchObject({
      owner: 'group:default/team-checkout',
      repository: 'acme/payments',
      production: { sha: SHA_B, deployedAt: '2025-03-25T11:50:00Z' },
      stagingAhead: 3,
      lastFailure: { sha: SHA_B },
    });
    expect(payments.pendingApprovals).toHaveLength(1);
    expect(ledger.dora.leadTime.value).toBe(10);
    // orders has a repository but nothing recorded yet.
    expect(orders.production).toBeUndefined();
    expect(orders.dora.deploymentFrequency.band).toBe('no-data');

    const teams = res.body.teams;
    expect(teams.map((t: { owner: string }) => t.owner)).toEqual([
      'group:default/team-checkout',
      'group:default/team-finance',
    ]);
    // team-checkout = payments ∪ orders = payments' deployments.
    expect(teams[0].services).toEqual([
      'component:default/orders',
      'component:default/payments',
    ]);
    expect(teams[0].dora.leadTime.value).toBe(75);
    expect(teams[0].dora.changeFailureRate.value).toBe(0.5);
    expect(teams[1].dora.deploymentFrequency.samples).toBe(1);
  });

  it('shows empty states for a repository nothing was recorded for', async () => {
    const { get } = await setup();
    const delivery = await get('/entities/component/default/orders/delivery');
    expect(delivery.status).toBe(200);
    expect(delivery.body).toMatchObject({
      repository: 'acme/orders',
      repositoryUrl: 'https://github.com/acme/orders',
      environments: [],
      lastSyncedAt: null,
    });
    const dora = await get('/entities/component/default/orders/dora');
    expect(dora.body.dora.deploymentFrequency).toEqual({
      samples: 0,
      band: 'no-data',
      target: 2,
    });
    expect(dora.body.dora.openIncidents).toBe(0);
  });

  it("reads a repository's history again only when it was synced since", async () => {
    const { get, store } = await setup();
    const reads = () =>
      store.calls.filter(c => c.method === 'doraRecords').length;
    await get('/entities/component/default/payments/dora');
    await get('/entities/component/default/payments/dora?window=90');
    await get('/delivery/overview');
    // The overview read only the repositories not cached yet (ledger, orders).
    expect(reads()).toBe(2);

    store.deployments.push(
      deployment({
        sha: SHA_C,
        state: 'success',
        commitAt: '2025-03-30T09:30:00Z',
        finishedAt: '2025-03-30T10:00:00Z',
      }),
    );
    store.synced.set('acme/payments', '2025-03-30T10:00:01.000Z');
    const res = await get('/entities/component/default/payments/dora?window=7');
    expect(reads()).toBe(3);
    expect(res.body.dora.deploymentFrequency.samples).toBe(3);
  });
});
