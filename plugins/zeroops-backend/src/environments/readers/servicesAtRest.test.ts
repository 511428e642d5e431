import { mockServices } from '@backstage/backend-test-utils';
import { Service } from '@aws-sdk/client-ecs';
import { AwsClients } from '../../aws/AwsClients';
import { SharedReadCache } from '../../cache/SharedReadCache';
import { AwsEnvironmentReader } from './AwsEnvironmentReader';
import { servicesAtRest } from './servicesAtRest';

const NOW = Date.parse('2026-12-06T12:00:00Z');

function ecsService(
  name: string,
  state: { running?: number; rollout?: 'IN_PROGRESS' | 'COMPLETED' } = {},
): Service {
  const running = state.running ?? 2;
  return {
    serviceName: name,
    serviceArn: `arn:aws:ecs:us-east-1:111111111111:service/zeroops-production/${name}`,
    status: 'ACTIVE',
    desiredCount: 2,
    runningCount: running,
    pendingCount: 0,
    launchType: 'FARGATE',
    deployments: [
      {
        id: `ecs-svc/${name}`,
        status: 'PRIMARY',
        taskDefinition: `arn:aws:ecs:us-east-1:111111111111:task-definition/${name}-production:3`,
        desiredCount: 2,
        runningCount: running,
        pendingCount: 0,
        failedTasks: 0,
        rolloutState: state.rollout ?? 'COMPLETED',
        createdAt: new Date(NOW - 86_400_000),
        updatedAt: new Date(NOW - 86_400_000),
      },
    ],
    events: [],
    loadBalancers: [],
  };
}

/** An ECS client that answers DescribeServices from `services` and counts the calls. */
function fakeEcs(services: () => Service[]) {
  const calls = { describeServices: 0 };
  const clients = {
    get: async () => ({
      send: async (command: { input: { services?: string[] } }) => {
        calls.describeServices += 1;
        const wanted = new Set(command.input.services);
        return {
          services: services().filter(s => wanted.has(s.serviceName ?? '')),
          failures: [],
        };
      },
    }),
  } as unknown as AwsClients;
  return { clients, calls };
}

describe('services at rest', () => {
  const location = {
    accountId: '111111111111',
    region: 'us-east-1',
    cluster: 'zeroops-production',
  };

  function setUp(services: () => Service[]) {
    let now = NOW;
    const { clients, calls } = fakeEcs(services);
    const reader = new AwsEnvironmentReader(
      clients,
      new SharedReadCache(
        mockServices.cache.mock({ get: async () => undefined }),
        {
          now: () => now,
        },
      ),
      {
        ttlMs: 15_000,
        restingTtlMs: 60_000,
        logger: mockServices.logger.mock(),
      },
    );
    const read = () =>
      reader.clusterServices(location, ['api', 'worker'], 'batch-0');
    return {
      calls,
      read,
      advance: (ms: number) => {
        now += ms;
      },
    };
  }

  it('re-reads a batch at rest after the resting TTL, not after the TTL', async () => {
    const { calls, read, advance } = setUp(() => [
      ecsService('api'),
      ecsService('worker'),
    ]);
    expect((await read()).ok).toBe(true);
    expect(calls.describeServices).toBe(1);

    advance(16_000); // past ttl: a batch not at rest would be read again here
    await read();
    await new Promise(resolve => setImmediate(resolve));
    expect(calls.describeServices).toBe(1);

    advance(45_000); // past restingTtl
    await read(); // served stale once while one background read refreshes it
    await new Promise(resolve => setImmediate(resolve));
    expect(calls.describeServices).toBe(2);
  });

  it('keeps the TTL for a batch with a deployment in progress or a task missing', async () => {
    let api = ecsService('api', { rollout: 'IN_PROGRESS' });
    const { calls, read, advance } = setUp(() => [api, ecsService('worker')]);
    await read();
    advance(16_000);
    await read();
    await new Promise(resolve => setImmediate(resolve));
    expect(calls.describeServices).toBe(2);

    // Rolled out, but one task short of the desired count: still not at rest.
    api = ecsService('api', { running: 1 });
    advance(16_000);
    await read();
    await new Promise(resolve => setImmediate(resolve));
    expect(calls.describeServices).toBe(3);
  });

  it('is false for a service ECS reports missing, true for active, rolled-out, full services', () => {
    const atRest = {
      serviceName: 'api',
      serviceArn: 'arn',
      status: 'ACTIVE',
      desiredCount: 1,
      runningCount: 1,
      pendingCount: 0,
      strategy: 'ROLLING' as const,
      deployments: [],
      events: [],
      targetGroupArns: [],
    };
    const deployment = {
      id: 'ecs-svc/1',
      status: 'PRIMARY' as const,
      taskDefinitionArn: 'td',
      taskDefinitionFamily: 'api',
      taskDefinitionRevision: 1,
      startedAt: '2026-12-01T00:00:00Z',
      rolloutState: 'COMPLETED' as const,
      desiredCount: 1,
      runningCount: 1,
      pendingCount: 0,
      failedTasks: 0,
      strategy: 'ROLLING' as const,
    };
    const record = (overrides: object, missing: string[] = []) => ({
      services: {
        api: { ...atRest, deployments: [deployment], ...overrides },
      },
      missing,
    });
    expect(servicesAtRest(record({}))).toBe(true);
    expect(servicesAtRest(record({}, ['worker']))).toBe(false);
    expect(servicesAtRest(record({ pendingCount: 1 }))).toBe(false);
    expect(servicesAtRest(record({ status: 'DRAINING' }))).toBe(false);
    expect(
      servicesAtRest(
        record({
          deployments: [deployment, { ...deployment, status: 'ACTIVE' }],
        }),
      ),
    ).toBe(false);
    expect(
      servicesAtRest(
        record({ deployments: [{ ...deployment, failedTasks: 2 }] }),
      ),
    ).toBe(false);
  });
});
