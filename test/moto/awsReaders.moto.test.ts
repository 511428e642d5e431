/**
 * moto as the independent AWS peer of the simulator: the same world, seeded into both, must
 * yield the same parsed records from the backend's AWS readers. A difference is a simulator
 * or reader bug (or a by-construction difference, normalised explicitly in compareRecords).
 */
import {
  buildWorld,
  signRequest,
  startAwsSimulator,
  type AwsSimulator,
  type ScenarioDocument,
} from '@zeroops/aws-simulator';
import { EntityEnvironment } from '@zeroops/backstage-plugin-zeroops-common';
import { recordToolRun } from '../src';
import { compareRecords } from './compareRecords';
import {
  CONTRACT_ACCOUNT,
  CONTRACT_REGION,
  MOTO_RUNNING_TASKS,
  contractScenario,
} from './contractWorld';
import { MotoServer, startMotoServer } from './motoServer';
import { ReadRecords, readWorld } from './readWorld';
import { seedMoto } from './seedMoto';

/**
 * Operations the readers use that moto 5.2.6 does not implement, so only the simulator's
 * AWS-documentation fixtures cover them (listed in dev/aws-simulator/README.md).
 */
const MOTO_GAPS = [
  'ecs:DescribeServiceDeployments',
  'elasticache:DescribeServerlessCaches',
  'ce:GetCostForecast',
];

jest.setTimeout(600_000);

/** HTTP status of one SigV4-signed request: awsJson with a target, else awsQuery. */
async function signedStatus(
  endpoint: string,
  service: string,
  request: { target?: string; body: string },
): Promise<number> {
  const url = new URL(endpoint);
  const headers = signRequest({
    method: 'POST',
    host: url.host,
    path: '/',
    headers: request.target
      ? {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': request.target,
        }
      : { 'content-type': 'application/x-www-form-urlencoded' },
    body: request.body,
    region: CONTRACT_REGION,
    service,
    accessKeyId: 'probe',
    secretAccessKey: 'probe',
    now: new Date(),
  });
  const response = await fetch(`${endpoint}/`, {
    method: 'POST',
    headers,
    body: request.body,
  });
  await response.arrayBuffer();
  return response.status;
}

const savedEnv = { ...process.env };

async function readSimulator(scenario: ScenarioDocument): Promise<ReadRecords> {
  const simulator: AwsSimulator = await startAwsSimulator({
    scenario,
    port: 0,
  });
  try {
    return await readWorld(simulator.url);
  } finally {
    await simulator.stop();
  }
}

describe('AWS readers: simulator vs moto', () => {
  let moto: MotoServer | undefined;
  let motoRecords: ReadRecords;
  let simulatorRecords: ReadRecords;

  beforeAll(async () => {
    moto = await startMotoServer({
      MOTO_ACCOUNT_ID: CONTRACT_ACCOUNT,
      MOTO_ECS_SERVICE_RUNNING: String(MOTO_RUNNING_TASKS),
    });
    const scenario = contractScenario();
    await seedMoto(moto.url, buildWorld(scenario, { now: new Date() }));
    motoRecords = await readWorld(moto.url, {
      cloudWatchWireProtocol: 'awsQuery',
    });
    simulatorRecords = await readSimulator(scenario);
  });

  afterAll(async () => {
    process.env = savedEnv;
    await moto?.stop();
  });

  it('yields the same parsed environment records from both', () => {
    const comparison = compareRecords(simulatorRecords, motoRecords);
    recordToolRun({
      tool: 'moto',
      scenario: 'AWS readers: simulator vs moto',
      passed: comparison.equal.length,
      failed: comparison.differing.length,
      skipped: MOTO_GAPS.length,
    });
    expect(comparison.differences).toEqual([]);
    // Every read of the world is compared, and each one read something.
    expect(comparison.equal).toEqual([
      'budgets:DescribeBudgets',
      'cloudwatch:DescribeAlarms ALARM',
      'ecs:DescribeServices zeroops-production',
      'ecs:DescribeTaskDefinition ledger-production',
      'ecs:DescribeTaskDefinition shop-production',
      'ecs:ListServices+DescribeServices zeroops-ephemeral',
      'ecs:ListTasks+DescribeTasks STOPPED zeroops-production',
      'elasticloadbalancing:DescribeTargetHealth shop',
      'environments ghost',
      'environments ledger',
      'environments shop',
      'rds:DescribeDBClusters',
    ]);
    expect(
      motoRecords['ecs:DescribeServices zeroops-production'],
    ).toMatchObject({ ok: true, value: { missing: ['ghost'] } });
    expect(
      (motoRecords['environments ghost'] as EntityEnvironment[]).map(
        e => e.health.status,
      ),
    ).toEqual(['not-deployed']);
    expect(motoRecords['cloudwatch:DescribeAlarms ALARM']).toMatchObject({
      ok: true,
      value: [
        { name: 'ledger-production-memory-high' },
        { name: 'shop-production-p99-latency' },
      ],
    });
    expect(motoRecords['environments shop']).toMatchObject([
      {
        name: 'production',
        service: { desiredCount: 2, runningCount: 2 },
        targets: { total: 2, healthy: 2 },
        dataStores: [{ identifier: 'shop-production', available: true }],
      },
      { name: 'pr-7', service: { runningCount: 2 } },
    ]);
    expect(motoRecords['budgets:DescribeBudgets']).toMatchObject([
      { name: 'shop-monthly', service: 'shop', limit: 240 },
    ]);
  });

  it('fails on a field the simulator yields differently (broken fixture)', async () => {
    // One field of the simulator's seed changed: a target of shop fails its health checks.
    const broken = contractScenario();
    broken.services[0].instances.production.unhealthyTargets = 1;
    const comparison = compareRecords(await readSimulator(broken), motoRecords);
    expect(comparison.differing).toEqual([
      'elasticloadbalancing:DescribeTargetHealth shop',
      'environments shop',
    ]);
    expect(
      comparison.differences
        .filter(
          d => d.record === 'elasticloadbalancing:DescribeTargetHealth shop',
        )
        .map(({ path, simulator, moto: fromMoto }) => [
          path,
          simulator,
          fromMoto,
        ]),
    ).toEqual([
      ['value.healthy', 1, 2],
      ['value.unhealthy', 0 + 1, 0],
      ['value.unhealthyReasons.0', expect.any(String), undefined],
    ]);
  });

  it('lists only operations moto really lacks as not compared', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const nextYear = `${Number(today.slice(0, 4)) + 1}-01-01`;
    // Valid requests: an implemented operation would answer them with HTTP 200.
    const probes: Record<string, Promise<number>> = {
      'ecs:DescribeServiceDeployments': signedStatus(moto!.url, 'ecs', {
        target: 'AmazonEC2ContainerServiceV20141113.DescribeServiceDeployments',
        body: JSON.stringify({
          serviceDeploymentArns: [
            `arn:aws:ecs:${CONTRACT_REGION}:${CONTRACT_ACCOUNT}:service-deployment/zeroops-production/shop/x`,
          ],
        }),
      }),
      'elasticache:DescribeServerlessCaches': signedStatus(
        moto!.url,
        'elasticache',
        { body: 'Action=DescribeServerlessCaches&Version=2015-02-02' },
      ),
      'ce:GetCostForecast': signedStatus(moto!.url, 'ce', {
        target: 'AWSInsightsIndexService.GetCostForecast',
        body: JSON.stringify({
          TimePeriod: { Start: today, End: nextYear },
          Metric: 'UNBLENDED_COST',
          Granularity: 'MONTHLY',
        }),
      }),
    };
    const statuses = Object.fromEntries(
      await Promise.all(
        Object.entries(probes).map(async ([name, status]) => [
          name,
          await status,
        ]),
      ),
    );
    // If moto gains one, MOTO_GAPS and the simulator README's list must be updated.
    expect(Object.keys(statuses)).toEqual(MOTO_GAPS);
    for (const status of Object.values(statuses)) {
      expect(status).not.toBe(200);
    }
    // CloudWatch: awsJson1_0 (what the SDK sends) is not served, awsQuery is.
    const json = await signedStatus(moto!.url, 'monitoring', {
      target: 'GraniteServiceVersion20100801.DescribeAlarms',
      body: '{}',
    });
    const query = await signedStatus(moto!.url, 'monitoring', {
      body: 'Action=DescribeAlarms&Version=2010-08-01',
    });
    expect([json, query]).toEqual([404, 200]);
  });
});
