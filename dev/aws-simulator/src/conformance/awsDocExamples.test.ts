import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DescribeBudgetsCommand } from '@aws-sdk/client-budgets';
import { GetDistributionCommand } from '@aws-sdk/client-cloudfront';
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import {
  GetCostAndUsageCommand,
  GetCostForecastCommand,
} from '@aws-sdk/client-cost-explorer';
import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListServicesCommand,
  ListTasksCommand,
} from '@aws-sdk/client-ecs';
import { DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { DescribeServerlessCachesCommand } from '@aws-sdk/client-elasticache';
import { DescribeDBClustersCommand } from '@aws-sdk/client-rds';
import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
} from '@aws-sdk/client-sts';
import {
  type Credentials,
  FIXED_NOW,
  assumeRoleIn,
  clients,
} from '../__testUtils__/clients.ts';
import { structureMismatches } from '../__testUtils__/compareStructure.ts';
import { type AwsSimulator, startAwsSimulator } from '../startAwsSimulator.ts';
import { loadScenario } from '../scenario/loadScenario.ts';
import { simulatedOperations } from '../services/registry.ts';

/**
 * Cross-checks the simulator's answers, as deserialized by the official SDK clients, against
 * example responses from the AWS documentation (fixtures/, each with its source URL).
 *
 * `example` fixtures: every field of the documented example must be present in the
 * simulator's answer with the same type, except the listed `knownDifferences`.
 * `response-syntax` fixtures (operations whose documentation has no example): every field of
 * the simulator's answer must exist in the documented response syntax with the same type.
 */

interface Fixture {
  operation: string;
  kind: 'example' | 'response-syntax';
  source: string;
  sourceUrl: string;
  response: unknown;
  knownDifferences?: Record<string, string>;
}

const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const fixtures: Fixture[] = readdirSync(fixturesDir)
  .filter(f => f.endsWith('.json'))
  .map(f => JSON.parse(readFileSync(`${fixturesDir}${f}`, 'utf8')));

const PRODUCTION = '111111111111';

type Call = (s: AwsSimulator, production: Credentials) => Promise<object>;

const calls: Record<string, Call> = {
  'ecs:DescribeClusters': (s, credentials) =>
    clients
      .ecs(s, { credentials })
      .send(new DescribeClustersCommand({ clusters: ['zeroops-production'] })),
  'ecs:ListServices': (s, credentials) =>
    clients
      .ecs(s, { credentials })
      .send(new ListServicesCommand({ cluster: 'zeroops-production' })),
  'ecs:DescribeServices': (s, credentials) =>
    clients.ecs(s, { credentials }).send(
      new DescribeServicesCommand({
        cluster: 'zeroops-production',
        services: ['payments-api', 'storefront-web', 'orders-worker'],
      }),
    ),
  'ecs:DescribeTaskDefinition': (s, credentials) =>
    clients.ecs(s, { credentials }).send(
      new DescribeTaskDefinitionCommand({
        taskDefinition: 'payments-api-production',
      }),
    ),
  'ecs:ListTasks': (s, credentials) =>
    clients
      .ecs(s, { credentials })
      .send(new ListTasksCommand({ cluster: 'zeroops-production' })),
  'ecs:DescribeTasks': async (s, credentials) => {
    const ecs = clients.ecs(s, { credentials });
    const { taskArns } = await ecs.send(
      new ListTasksCommand({ cluster: 'zeroops-production' }),
    );
    return ecs.send(
      new DescribeTasksCommand({
        cluster: 'zeroops-production',
        tasks: taskArns,
      }),
    );
  },
  'elasticloadbalancing:DescribeTargetHealth': (s, credentials) => {
    const arn = s
      .scenario()
      .services.find(x => x.name === 'payments-api')!
      .instances.find(i => i.name === 'production')!.targetGroups[0].arn;
    return clients
      .elbv2(s, { credentials })
      .send(new DescribeTargetHealthCommand({ TargetGroupArn: arn }));
  },
  'monitoring:DescribeAlarms': (s, credentials) =>
    clients.cloudwatch(s, { credentials }).send(
      new DescribeAlarmsCommand({
        AlarmNamePrefix: 'payments-api-production-',
      }),
    ),
  'rds:DescribeDBClusters': (s, credentials) =>
    clients.rds(s, { credentials }).send(
      new DescribeDBClustersCommand({
        DBClusterIdentifier: 'payments-api-production',
      }),
    ),
  'elasticache:DescribeServerlessCaches': (s, credentials) =>
    clients
      .elasticache(s, { credentials })
      .send(new DescribeServerlessCachesCommand({})),
  'cloudfront:GetDistribution': (s, credentials) => {
    const id = s
      .scenario()
      .services.find(x => x.name === 'storefront-web')!
      .instances.find(i => i.name === 'production')!.cloudFrontDistributionId!;
    return clients
      .cloudfront(s, { credentials })
      .send(new GetDistributionCommand({ Id: id }));
  },
  'ce:GetCostAndUsage': s =>
    clients.costExplorer(s).send(
      new GetCostAndUsageCommand({
        TimePeriod: { Start: '2026-09-01', End: '2026-10-01' },
        Granularity: 'MONTHLY',
        Metrics: ['BlendedCost', 'UnblendedCost', 'UsageQuantity'],
        GroupBy: [
          { Type: 'DIMENSION', Key: 'SERVICE' },
          { Type: 'TAG', Key: 'zeroops:environment' },
        ],
      }),
    ),
  'ce:GetCostForecast': s =>
    clients.costExplorer(s).send(
      new GetCostForecastCommand({
        TimePeriod: { Start: '2026-11-18', End: '2026-12-01' },
        Metric: 'UNBLENDED_COST',
        Granularity: 'MONTHLY',
        PredictionIntervalLevel: 80,
      }),
    ),
  'budgets:DescribeBudgets': s =>
    clients
      .budgets(s)
      .send(new DescribeBudgetsCommand({ AccountId: '999999999999' })),
  'sts:AssumeRole': s =>
    clients.sts(s).send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${PRODUCTION}:role/zeroops-backstage-readonly`,
        RoleSessionName: 'conformance',
      }),
    ),
  'sts:GetCallerIdentity': (s, credentials) =>
    clients.sts(s, { credentials }).send(new GetCallerIdentityCommand({})),
};

describe('responses match the AWS documentation examples', () => {
  let simulator: AwsSimulator;
  let production: Credentials;

  beforeAll(async () => {
    // The demo, plus one production target failing health checks: AWS documents Reason and
    // Description on targets that are not healthy, and the example shows one.
    const scenario = await loadScenario('demo');
    scenario.services.find(
      s => s.name === 'payments-api',
    )!.instances.production.unhealthyTargets = 1;
    simulator = await startAwsSimulator({ scenario, now: () => FIXED_NOW });
    production = await assumeRoleIn(simulator, PRODUCTION);
  });
  afterAll(() => simulator.stop());

  it('has a documentation fixture with its source for every operation the issue lists', () => {
    const required = [
      'ecs:DescribeClusters',
      'ecs:ListServices',
      'ecs:DescribeServices',
      'ecs:DescribeTaskDefinition',
      'ecs:ListTasks',
      'ecs:DescribeTasks',
      'elasticloadbalancing:DescribeTargetHealth',
      'monitoring:DescribeAlarms',
      'rds:DescribeDBClusters',
      'elasticache:DescribeServerlessCaches',
      'cloudfront:GetDistribution',
      'ce:GetCostAndUsage',
      'ce:GetCostForecast',
      'budgets:DescribeBudgets',
      'sts:AssumeRole',
      'sts:GetCallerIdentity',
    ];
    expect(fixtures.map(f => f.operation).sort()).toEqual([...required].sort());
    for (const fixture of fixtures) {
      expect(fixture.sourceUrl).toMatch(
        /^https:\/\/(docs\.aws\.amazon\.com|awscli\.amazonaws\.com)\//,
      );
      expect(simulatedOperations()).toContain(fixture.operation);
    }
  });

  it.each(fixtures.map(f => [f.operation, f] as const))(
    '%s has the documented structure',
    async (operation, fixture) => {
      const ours = await calls[operation](simulator, production);
      const ignore = new Set(Object.keys(fixture.knownDifferences ?? {}));
      const mismatches =
        fixture.kind === 'example'
          ? structureMismatches(fixture.response, ours, ignore)
          : structureMismatches(
              ours,
              fixture.response,
              new Set(['$metadata']),
            ).map(m => `not in the documented response syntax: ${m}`);
      expect(mismatches).toEqual([]);
    },
  );
});
