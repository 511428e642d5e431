/*
 * The reference for the cold phase of the benchmark: the AWS round trips one environment
 * needs when nothing is cached, made directly with the SDK against the same simulator, for
 * the data an environment card shows: AssumeRole; then DescribeServices (the service's batch)
 * together with the alarms in ALARM, the Aurora clusters, the Valkey caches and the stopped
 * tasks; then DescribeTaskDefinition of the primary deployment. A backend that fans out over
 * the environments in parallel answers a cold request in about the slowest environment's
 * chain; one that reads them one after another needs the sum.
 */
import {
  CloudWatchClient,
  DescribeAlarmsCommand,
} from '@aws-sdk/client-cloudwatch';
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListTasksCommand,
} from '@aws-sdk/client-ecs';
import {
  DescribeServerlessCachesCommand,
  ElastiCacheClient,
} from '@aws-sdk/client-elasticache';
import { DescribeDBClustersCommand, RDSClient } from '@aws-sdk/client-rds';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { percentile } from './openLoopLoad';

export interface ReferenceEnvironment {
  accountId: string;
  region: string;
  cluster: string;
}

export interface RoundTripReference {
  trials: number;
  /** Per trial: the slowest environment's chain, sorted ascending (ms). */
  slowestEnvironment: number[];
  /** Per trial: the chains one after another (sum), sorted ascending (ms). */
  serial: number[];
}

async function oneEnvironment(
  endpoint: string,
  env: ReferenceEnvironment,
  roleName: string,
  services: string[],
): Promise<number> {
  const started = performance.now();
  // Fresh clients: nothing cached, as in a backend that has not read this account yet.
  const sts = new STSClient({
    endpoint,
    region: env.region,
    credentials: { accessKeyId: 'simulator', secretAccessKey: 'simulator' },
  });
  const { Credentials } = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${env.accountId}:role/${roleName}`,
      RoleSessionName: 'zeroops-bench-reference',
    }),
  );
  const config = {
    endpoint,
    region: env.region,
    credentials: {
      accessKeyId: Credentials?.AccessKeyId ?? '',
      secretAccessKey: Credentials?.SecretAccessKey ?? '',
      sessionToken: Credentials?.SessionToken,
    },
  };
  const ecs = new ECSClient(config);
  const cloudwatch = new CloudWatchClient(config);
  const rds = new RDSClient(config);
  const elasticache = new ElastiCacheClient(config);
  const [described] = await Promise.all([
    ecs.send(new DescribeServicesCommand({ cluster: env.cluster, services })),
    cloudwatch.send(new DescribeAlarmsCommand({ StateValue: 'ALARM' })),
    rds.send(new DescribeDBClustersCommand({})),
    elasticache.send(new DescribeServerlessCachesCommand({})),
    ecs.send(
      new ListTasksCommand({ cluster: env.cluster, desiredStatus: 'STOPPED' }),
    ),
  ]);
  const taskDefinition = described.services?.[0]?.taskDefinition;
  if (!taskDefinition) {
    throw new Error(`${services[0]} not found in ${env.cluster}`);
  }
  await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition }));
  for (const client of [sts, ecs, cloudwatch, rds, elasticache]) {
    client.destroy();
  }
  return performance.now() - started;
}

/** Runs `trials` cold chains for every environment at once; batches are of 10 services. */
export async function measureRoundTrips(options: {
  endpoint: string;
  environments: ReferenceEnvironment[];
  roleName: string;
  serviceNames: string[];
  trials: number;
}): Promise<RoundTripReference> {
  const slowest: number[] = [];
  const serial: number[] = [];
  for (let trial = 0; trial < options.trials; trial++) {
    const first = (trial * 10) % options.serviceNames.length;
    const batch = options.serviceNames.slice(first, first + 10);
    const chains = await Promise.all(
      options.environments.map(env =>
        oneEnvironment(options.endpoint, env, options.roleName, batch),
      ),
    );
    slowest.push(Math.max(...chains));
    serial.push(chains.reduce((sum, ms) => sum + ms, 0));
  }
  return {
    trials: options.trials,
    slowestEnvironment: slowest.sort((a, b) => a - b),
    serial: serial.sort((a, b) => a - b),
  };
}

export function describeReference(reference: RoundTripReference): string {
  const fmt = (values: number[]) =>
    `p50 ${percentile(values, 50).toFixed(0)} / p99 ${percentile(
      values,
      99,
    ).toFixed(0)} ms`;
  return [
    `Reference, ${reference.trials} trials of the AWS calls a cold environment needs, made directly with the SDK`,
    `(AssumeRole → DescribeServices ∥ alarms ∥ Aurora ∥ Valkey ∥ stopped tasks → DescribeTaskDefinition):`,
    `  slowest single environment     ${fmt(reference.slowestEnvironment)}`,
    `  all environments one by one    ${fmt(reference.serial)}`,
  ].join('\n');
}
