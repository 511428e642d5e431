import { ListServicesCommand } from '@aws-sdk/client-ecs';
import { clients } from '../__testUtils__/clients.ts';
import { rawRequest } from '../__testUtils__/rawRequest.ts';
import { useSimulator } from '../__testUtils__/useSimulator.ts';

describe('control API', () => {
  const demo = useSimulator();

  const json = async (method: string, path: string, body?: unknown) => {
    const response = await rawRequest(demo.simulator.url, {
      method,
      path,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: response.status,
      body: response.body ? JSON.parse(response.body) : undefined,
    };
  };

  it('reports health and memory', async () => {
    const { status, body } = await json('GET', '/_simulator/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', scenario: 'demo', seed: 42 });
    expect(body.rssBytes).toBeGreaterThan(0);
  });

  it('sets, reads and clears faults; the SDK sees them', async () => {
    const put = await json('PUT', '/_simulator/faults', {
      faults: [{ service: 'ecs', accessDenied: true }],
    });
    expect(put).toEqual({
      status: 200,
      body: { faults: [{ service: 'ecs', accessDenied: true }] },
    });
    await expect(
      clients
        .ecs(demo.simulator)
        .send(new ListServicesCommand({ cluster: 'zeroops-production' })),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect((await json('GET', '/_simulator/faults')).body.faults).toHaveLength(
      1,
    );
    expect((await json('DELETE', '/_simulator/faults')).status).toBe(204);
    expect((await json('GET', '/_simulator/faults')).body).toEqual({
      faults: [],
    });
  });

  it('rejects invalid fault rules with a helpful message', async () => {
    const bad = await json('PUT', '/_simulator/faults', [{ throttleRate: 2 }]);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/throttleRate must be a number from 0 to 1/);
    const unknown = await json('PUT', '/_simulator/faults', [{ throttle: 1 }]);
    expect(unknown.body.error).toMatch(/throttle is not a fault rule field/);
  });

  it('counts calls per operation and account, and resets', async () => {
    await json('DELETE', '/_simulator/counters');
    const ecs = clients.ecs(demo.simulator);
    await ecs
      .send(new ListServicesCommand({ cluster: 'zeroops-production' }))
      .catch(() => undefined);
    await ecs
      .send(new ListServicesCommand({ cluster: 'zeroops-production' }))
      .catch(() => undefined);
    const { body } = await json('GET', '/_simulator/counters');
    expect(body).toEqual({
      total: 2,
      operations: [
        {
          service: 'ecs',
          operation: 'ListServices',
          account: '999999999999',
          calls: 2,
          throttled: 0,
          serverErrors: 0,
          accessDenied: 0,
          timeouts: 0,
        },
      ],
    });
    expect((await json('DELETE', '/_simulator/counters')).status).toBe(204);
    expect((await json('GET', '/_simulator/counters')).body).toEqual({
      total: 0,
      operations: [],
    });
  });

  it('describes the simulated estate', async () => {
    const { body } = await json('GET', '/_simulator/scenario');
    expect(
      body.environments.map((e: { cluster: string }) => e.cluster),
    ).toEqual(['zeroops-production', 'zeroops-staging', 'zeroops-ephemeral']);
    expect(body.operations).toContain('ecs:DescribeServices');
    const storefront = body.services.find(
      (s: { name: string }) => s.name === 'storefront-web',
    );
    expect(
      storefront.instances.map(
        (i: { ecsServiceName: string }) => i.ecsServiceName,
      ),
    ).toEqual(['storefront-web', 'storefront-web', 'storefront-web-pr-42']);
  });

  it('answers unknown control paths with 404 and the list of endpoints', async () => {
    const { status, body } = await json('GET', '/_simulator/nope');
    expect(status).toBe(404);
    expect(body.endpoints).toContain('GET /_simulator/counters');
  });
});
