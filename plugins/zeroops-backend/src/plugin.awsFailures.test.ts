import { EntityEnvironmentsResponse } from '@zeroops/backstage-plugin-zeroops-common';
import {
  environmentsPath,
  useSimulatedBackend,
} from './__testUtils__/simulatedBackend';
import { zeroopsConfig } from './__testUtils__/testBackend';

jest.setTimeout(60_000);

describe('zeroops backend when AWS fails for one environment', () => {
  // A fresh backend per test: nothing cached from the previous one.
  const zeroops = useSimulatedBackend();

  beforeEach(async () => {
    await zeroops.start({
      config: zeroopsConfig({ costExplorer: undefined as never }),
    });
  });

  const read = (name: string) =>
    zeroops.read<EntityEnvironmentsResponse>(environmentsPath(name));

  it('shows the other environments when one account denies access', async () => {
    zeroops.simulator.setFaults([
      { account: '222222222222', accessDenied: true },
    ]);
    const body = await read('payments-api');
    const production = body.environments.find(e => e.name === 'production');
    expect(production?.error).toBeUndefined();
    expect(production?.health.status).toBe('healthy');
    const staging = body.environments.find(e => e.name === 'staging');
    expect(staging?.health.status).toBe('unknown');
    expect(staging?.error).toMatchObject({
      code: 'access-denied',
      source: expect.any(String),
      hint: expect.stringContaining('222222222222'),
    });
    const ephemeral = body.environments.find(
      e => e.platformEnvironment === 'ephemeral',
    );
    expect(ephemeral?.error?.code).toBe('access-denied');
  });

  it('shows a throttled environment as throttled after the SDK retries', async () => {
    zeroops.simulator.setFaults([
      { account: '111111111111', service: 'ecs', throttleRate: 1 },
    ]);
    const body = await read('orders-worker');
    const production = body.environments.find(e => e.name === 'production');
    expect(production?.error).toMatchObject({
      code: 'throttled',
      source: 'ecs',
      awsErrorName: expect.stringMatching(/Throttl/),
    });
    expect(
      body.environments.find(e => e.name === 'staging')?.error,
    ).toBeUndefined();
    // maxAttempts 2: one retry, then the error is cached like a result, so further views do
    // not turn into more AWS calls.
    expect(
      zeroops.simulator.callCount({
        account: '111111111111',
        operation: 'DescribeServices',
      }),
    ).toBe(2);
    await read('orders-worker');
    await read('payments-api');
    expect(
      zeroops.simulator.callCount({
        account: '111111111111',
        operation: 'DescribeServices',
      }),
    ).toBe(2);
  });

  it('turns a hung AWS call into a timeout for that environment only', async () => {
    await zeroops.start({
      config: zeroopsConfig({
        costExplorer: undefined as never,
        aws: { maxAttempts: 1, requestTimeout: '500ms' },
      }),
    });
    // The simulator holds the ECS calls of production far beyond the test's own timeout: the
    // read can only finish if the SDK gives up after requestTimeout.
    zeroops.simulator.setFaults([
      {
        account: '111111111111',
        service: 'ecs',
        timeoutRate: 1,
        timeoutHoldMs: 60_000,
      },
    ]);
    const body = await read('payments-api');
    expect(
      body.environments.find(e => e.name === 'production')?.error,
    ).toMatchObject({ code: 'timeout', source: 'ecs' });
    expect(
      body.environments.find(e => e.name === 'staging')?.error,
    ).toBeUndefined();
  }, 20_000);

  it('reports a secondary source failure without hiding the ECS data', async () => {
    zeroops.simulator.setFaults([
      { service: 'monitoring', accessDenied: true },
    ]);
    const body = await read('payments-api');
    const production = body.environments.find(e => e.name === 'production');
    expect(production?.error).toBeUndefined();
    expect(production?.deployment?.primary).toBeDefined();
    expect(production?.partialErrors).toEqual([
      expect.objectContaining({ code: 'access-denied', source: 'cloudwatch' }),
    ]);
  });

  it('reads target health on every refresh with health.targetHealth: always', async () => {
    await zeroops.start({
      config: zeroopsConfig({
        costExplorer: undefined as never,
        health: { targetHealth: 'always' },
      }),
    });
    const production = (await read('payments-api')).environments.find(
      e => e.name === 'production',
    );
    expect(production?.targets).toMatchObject({
      unhealthy: 0,
      targetGroupName: expect.stringContaining('payments-api-prod-'),
    });
    expect(production?.targets?.healthy).toBeGreaterThan(0);
    expect(production?.health.status).toBe('healthy');
  });

  it('reads each environment in parallel, batching DescribeServices per cluster', async () => {
    zeroops.simulator.setFaults([{ latencyMs: 150 }]);
    const started = Date.now();
    const reads = await Promise.all(
      ['payments-api', 'storefront-web', 'orders-worker']
        .flatMap(name => [name, name, name])
        .map(name => read(name)),
    );
    const elapsed = Date.now() - started;
    expect(reads).toHaveLength(9);
    // 3 catalog services in one DescribeServices per persistent cluster, one for the PR
    // services of the ephemeral cluster, whatever the number of concurrent views.
    expect(zeroops.simulator.callCount({ operation: 'DescribeServices' })).toBe(
      3,
    );
    expect(zeroops.simulator.callCount({ operation: 'ListServices' })).toBe(1);
    // Serial reads would take (environments × calls) × 150 ms; parallel ones about
    // the longest chain: credentials, describe, then task definitions/target health.
    expect(elapsed).toBeLessThan(2_000);
  });
});
