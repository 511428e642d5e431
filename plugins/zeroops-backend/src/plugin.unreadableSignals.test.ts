import { type FaultRule } from '@zeroops/aws-simulator';
import {
  EntityEnvironment,
  EntityEnvironmentsResponse,
  OverviewResponse,
} from '@zeroops/backstage-plugin-zeroops-common';
import {
  environmentsPath,
  useSimulatedBackend,
} from './__testUtils__/simulatedBackend';
import { zeroopsConfig } from './__testUtils__/testBackend';

jest.setTimeout(60_000);

const STAGING_ACCOUNT = '222222222222';

/**
 * The demo's staging payments-api has its p99 latency alarm firing. With only one secondary
 * read denied, the ECS data is all there, so a roll-up that took "not read" for "nothing
 * wrong" would call it healthy.
 */
describe('honest roll-up when a signal cannot be read', () => {
  const zeroops = useSimulatedBackend();

  async function start(faults: FaultRule[]) {
    zeroops.simulator.setFaults(faults);
    await zeroops.start({
      config: zeroopsConfig({ costExplorer: undefined as never }),
    });
  }

  const get = <T>(path: string) => zeroops.read<T>(path);

  async function staging(name: string): Promise<EntityEnvironment> {
    const body = await get<EntityEnvironmentsResponse>(environmentsPath(name));
    const env = body.environments.find(e => e.name === 'staging');
    expect(env).toBeDefined();
    return env!;
  }

  it('with its alarm firing and only DescribeAlarms denied, staging is not healthy', async () => {
    await start([
      {
        service: 'monitoring',
        operation: 'DescribeAlarms',
        account: STAGING_ACCOUNT,
        accessDenied: true,
      },
    ]);
    const env = await staging('payments-api');
    expect(env.error).toBeUndefined();
    expect(env.service?.runningCount).toBeGreaterThan(0);
    expect(env.health.status).toBe('unknown');
    expect(env.health.reasons).toContainEqual(
      expect.objectContaining({
        code: 'alarms-unreadable',
        severity: 'unknown',
      }),
    );
    expect(env.partialErrors).toEqual([
      expect.objectContaining({
        code: 'access-denied',
        source: 'cloudwatch',
        message: expect.stringContaining('cloudwatch:DescribeAlarms'),
      }),
    ]);
    // An unhealthy-hosts alarm could be among the unread ones: target health is read instead.
    expect(
      zeroops.simulator.callCount({
        account: STAGING_ACCOUNT,
        operation: 'DescribeTargetHealth',
      }),
    ).toBeGreaterThan(0);

    // The overview says so too, with the reason code the frontend labels.
    const overview = await get<OverviewResponse>('/overview');
    const payments = overview.services.find(
      s => s.entityRef === 'component:default/payments-api',
    );
    expect(
      payments?.environments.find(e => e.name === 'staging'),
    ).toMatchObject({ health: 'unknown', reasons: ['alarms-unreadable'] });
    // The account whose alarms were read keeps its verdict.
    expect(
      payments?.environments.find(e => e.name === 'production')?.health,
    ).toBe('healthy');
  });

  it('keeps a problem proven by what was read: orders-worker stays degraded', async () => {
    await start([
      {
        service: 'monitoring',
        operation: 'DescribeAlarms',
        accessDenied: true,
      },
    ]);
    const env = await staging('orders-worker');
    expect(env.health.status).toBe('degraded');
    expect(env.health.reasons.map(r => r.code)).toEqual(
      expect.arrayContaining(['circuit-breaker-rollback', 'alarms-unreadable']),
    );
  });

  it.each([
    ['rds', 'DescribeDBClusters', 'database-unreadable'],
    ['elasticache', 'DescribeServerlessCaches', 'cache-unreadable'],
  ])(
    'with %s:%s denied the environment is unknown (%s)',
    async (service, operation, code) => {
      await start([{ service, operation, accessDenied: true }]);
      const body = await get<EntityEnvironmentsResponse>(
        environmentsPath('payments-api'),
      );
      const production = body.environments.find(e => e.name === 'production');
      expect(production?.health.status).toBe('unknown');
      expect(production?.health.reasons.map(r => r.code)).toEqual([code]);
    },
  );

  it('an unreadable task definition costs details, not the verdict', async () => {
    await start([
      {
        service: 'ecs',
        operation: 'DescribeTaskDefinition',
        accessDenied: true,
      },
    ]);
    const body = await get<EntityEnvironmentsResponse>(
      environmentsPath('payments-api'),
    );
    const production = body.environments.find(e => e.name === 'production');
    expect(production?.health).toEqual({ status: 'healthy', reasons: [] });
    expect(production?.deployment?.primary?.image).toBeUndefined();
    expect(production?.partialErrors).toEqual([
      expect.objectContaining({
        source: 'ecs',
        message: expect.stringContaining('ecs:DescribeTaskDefinition'),
      }),
    ]);
  });
});
