import {
  CloudWatchServiceException,
  DescribeAlarmsCommand,
  InternalServiceFault,
} from '@aws-sdk/client-cloudwatch';
import {
  GetCostAndUsageCommand,
  LimitExceededException,
} from '@aws-sdk/client-cost-explorer';
import {
  AccessDeniedException,
  DescribeServicesCommand,
  ListServicesCommand,
  ServerException,
} from '@aws-sdk/client-ecs';
import {
  DescribeDBClustersCommand,
  RDSServiceException,
} from '@aws-sdk/client-rds';
import {
  GetCallerIdentityCommand,
  STSServiceException,
} from '@aws-sdk/client-sts';
import { ThrottlingException } from '@aws-sdk/client-budgets';
import { DescribeBudgetsCommand } from '@aws-sdk/client-budgets';
import { assumeRoleIn, clients } from '../__testUtils__/clients.ts';
import { failureOf } from '../__testUtils__/failureOf.ts';
import { startAwsSimulator } from '../startAwsSimulator.ts';
import { useSimulator } from '../__testUtils__/useSimulator.ts';

const PRODUCTION = '111111111111';
const STAGING = '222222222222';
const describeServices = new DescribeServicesCommand({
  cluster: 'zeroops-production',
  services: ['payments-api'],
});

describe('fault injection as seen by the AWS SDK', () => {
  const demo = useSimulator();

  afterEach(() => {
    demo.simulator.clearFaults();
    demo.simulator.resetCounters();
  });

  it('throttles one operation of one account: the standard retry strategy retries, then surfaces ThrottlingException', async () => {
    const production = await assumeRoleIn(demo.simulator, PRODUCTION);
    demo.simulator.resetCounters();
    demo.simulator.setFaults([
      {
        service: 'ecs',
        operation: 'DescribeServices',
        account: PRODUCTION,
        throttleRate: 1,
      },
    ]);
    const ecs = clients.ecs(demo.simulator, { credentials: production });
    const error = await failureOf(ecs.send(describeServices));
    expect(error.name).toBe('ThrottlingException');
    expect(error).toMatchObject({
      $metadata: { httpStatusCode: 400, attempts: 3 },
    });
    expect(demo.simulator.counters().operations).toEqual([
      expect.objectContaining({
        service: 'ecs',
        operation: 'DescribeServices',
        account: PRODUCTION,
        calls: 3,
        throttled: 3,
      }),
    ]);
    // Other operations and other accounts are untouched.
    await expect(
      ecs.send(new ListServicesCommand({ cluster: 'zeroops-production' })),
    ).resolves.toHaveProperty('serviceArns');
    const staging = clients.ecs(demo.simulator, {
      credentials: await assumeRoleIn(demo.simulator, STAGING),
    });
    await expect(
      staging.send(
        new DescribeServicesCommand({
          cluster: 'zeroops-staging',
          services: ['payments-api'],
        }),
      ),
    ).resolves.toHaveProperty('services');
  });

  it("uses each service's own throttling error", async () => {
    demo.simulator.setFaults([{ throttleRate: 1 }]);
    const ce = await failureOf(
      clients.costExplorer(demo.simulator, { maxAttempts: 2 }).send(
        new GetCostAndUsageCommand({
          TimePeriod: { Start: '2026-11-01', End: '2026-11-02' },
          Granularity: 'DAILY',
          Metrics: ['UnblendedCost'],
        }),
      ),
    );
    expect(ce).toBeInstanceOf(LimitExceededException);

    const budgets = await failureOf(
      clients
        .budgets(demo.simulator, { maxAttempts: 1 })
        .send(new DescribeBudgetsCommand({ AccountId: '999999999999' })),
    );
    expect(budgets).toBeInstanceOf(ThrottlingException);

    const rds = await failureOf(
      clients
        .rds(demo.simulator, { maxAttempts: 2 })
        .send(new DescribeDBClustersCommand({})),
    );
    expect(rds).toBeInstanceOf(RDSServiceException);
    expect(rds.name).toBe('Throttling');

    const cloudwatch = await failureOf(
      clients
        .cloudwatch(demo.simulator, { maxAttempts: 2 })
        .send(new DescribeAlarmsCommand({})),
    );
    expect(cloudwatch).toBeInstanceOf(CloudWatchServiceException);
    expect(cloudwatch.name).toBe('Throttling');

    // Every attempt was counted and throttled: the SDK retried each one once.
    const counts = demo.simulator.counters().operations;
    for (const operation of [
      'GetCostAndUsage',
      'DescribeDBClusters',
      'DescribeAlarms',
    ]) {
      expect(counts.find(c => c.operation === operation)).toMatchObject({
        calls: 2,
        throttled: 2,
      });
    }
    expect(counts.find(c => c.operation === 'DescribeBudgets')).toMatchObject({
      calls: 1,
    });
  });

  it('answers 5xx with the modeled server error, retried as transient', async () => {
    demo.simulator.setFaults([{ serverErrorRate: 1 }]);
    const ecs = await failureOf(
      clients
        .ecs(demo.simulator, { maxAttempts: 2 })
        .send(new ListServicesCommand({ cluster: 'zeroops-production' })),
    );
    expect(ecs).toBeInstanceOf(ServerException);
    expect(ecs).toMatchObject({
      $fault: 'server',
      $metadata: { httpStatusCode: 500 },
    });

    const cloudwatch = await failureOf(
      clients
        .cloudwatch(demo.simulator, { maxAttempts: 1 })
        .send(new DescribeAlarmsCommand({})),
    );
    expect(cloudwatch).toBeInstanceOf(InternalServiceFault);

    demo.simulator.setFaults([{ serverErrorRate: 1, serverErrorStatus: 503 }]);
    const sts = await failureOf(
      clients
        .sts(demo.simulator, { maxAttempts: 1 })
        .send(new GetCallerIdentityCommand({})),
    );
    expect(sts).toBeInstanceOf(STSServiceException);
    expect(sts).toMatchObject({
      name: 'ServiceUnavailable',
      $metadata: { httpStatusCode: 503 },
    });
    expect(demo.simulator.callCount({ operation: 'ListServices' })).toBe(2);
  });

  it('denies one account with the modeled access denied error and no retry', async () => {
    const staging = await assumeRoleIn(demo.simulator, STAGING);
    demo.simulator.resetCounters();
    demo.simulator.setFaults([{ account: STAGING, accessDenied: true }]);
    const ecs = await failureOf(
      clients
        .ecs(demo.simulator, { credentials: staging })
        .send(new ListServicesCommand({ cluster: 'zeroops-staging' })),
    );
    expect(ecs).toBeInstanceOf(AccessDeniedException);
    // Like AWS, the message names the calling principal: the assumed role's session.
    expect((ecs as Error).message).toMatch(
      new RegExp(
        `^User: arn:aws:sts::${STAGING}:assumed-role/[^ ]+ is not authorized to perform`,
      ),
    );
    expect(demo.simulator.counters().operations).toEqual([
      expect.objectContaining({ account: STAGING, calls: 1, accessDenied: 1 }),
    ]);
    const rds = await failureOf(
      clients
        .rds(demo.simulator, { credentials: staging })
        .send(new DescribeDBClustersCommand({})),
    );
    expect(rds).toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
    // The production account still works.
    const production = clients.ecs(demo.simulator, {
      credentials: await assumeRoleIn(demo.simulator, PRODUCTION),
    });
    await expect(
      production.send(
        new ListServicesCommand({ cluster: 'zeroops-production' }),
      ),
    ).resolves.toHaveProperty('serviceArns');
  });

  it('holds the connection past the client timeout, which surfaces as a TimeoutError', async () => {
    demo.simulator.setFaults([
      { operation: 'ListServices', timeoutRate: 1, timeoutHoldMs: 5_000 },
    ]);
    const started = Date.now();
    const error = await failureOf(
      clients
        .ecs(demo.simulator, { maxAttempts: 2, requestTimeoutMs: 300 })
        .send(new ListServicesCommand({ cluster: 'zeroops-production' })),
    );
    expect(error.name).toBe('TimeoutError');
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(demo.simulator.counters().operations).toEqual([
      expect.objectContaining({
        operation: 'ListServices',
        calls: 2,
        timeouts: 2,
      }),
    ]);
  });

  it('adds latency with jitter', async () => {
    demo.simulator.setFaults([
      { service: 'sts', latencyMs: 150, jitterMs: 50 },
    ]);
    const sts = clients.sts(demo.simulator);
    const durations: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await sts.send(new GetCallerIdentityCommand({}));
      durations.push(performance.now() - started);
    }
    for (const duration of durations) {
      expect(duration).toBeGreaterThanOrEqual(99);
      expect(duration).toBeLessThan(600);
    }
    expect(Math.max(...durations) - Math.min(...durations)).toBeGreaterThan(5);
  });

  it('starts with the faults of the scenario', async () => {
    const faulty = await startAwsSimulator({
      scenario: {
        name: 'faulty',
        accounts: [{ id: '111111111111' }],
        defaultAccount: '111111111111',
        environments: [
          { name: 'production', kind: 'persistent', account: '111111111111' },
        ],
        services: [],
        faults: [{ service: 'ecs', accessDenied: true }],
      },
    });
    try {
      await expect(
        clients
          .ecs(faulty)
          .send(new ListServicesCommand({ cluster: 'zeroops-production' })),
      ).rejects.toBeInstanceOf(AccessDeniedException);
      expect(faulty.faults()).toEqual([{ service: 'ecs', accessDenied: true }]);
    } finally {
      await faulty.stop();
    }
  });
});
