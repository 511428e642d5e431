import { unitHash } from '@zeroops/simulator-kit';
import { buildCostLines } from '../cost/buildCostLines.ts';
import { CostModel } from '../cost/costModel.ts';
import {
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  startOfUtcDay,
} from '../time.ts';
import { buildAlarms } from './buildAlarms.ts';
import {
  buildCache,
  buildDatabase,
  buildDistribution,
} from './buildDataStores.ts';
import { buildEcsState } from './buildEcsState.ts';
import { generatedServices } from './generateScenario.ts';
import {
  ecsArn,
  loadBalancerArn,
  numericId,
  securityGroupId,
  subnetId,
  targetGroupArn,
} from './ids.ts';
import type {
  DeploymentStory,
  ScenarioDocument,
  ScenarioEnvironment,
  ScenarioInstance,
  ScenarioService,
} from './types.ts';
import type {
  ClusterModel,
  InstanceModel,
  TargetGroupModel,
  TaskDefinitionModel,
  World,
} from './world.ts';

/**
 * Resolves a scenario into the world: defaults applied, generated services appended, and
 * every resource built. Only the seed and the start time are inputs, so two simulators
 * started with the same scenario and seed serve the same data.
 */

const EPHEMERAL_INSTANCE = /^pr-([1-9][0-9]{0,4})$/;
const DEFAULT_SEED = 20251126;
const DEFAULT_MONTHLY_COST = { production: 100, persistent: 30, ephemeral: 20 };

export interface BuildWorldOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  now: Date;
}

function clusterOf(env: ScenarioEnvironment, region: string): ClusterModel {
  const name = env.cluster ?? `zeroops-${env.name}`;
  const envRegion = env.region ?? region;
  return {
    account: env.account,
    region: envRegion,
    name,
    arn: ecsArn(envRegion, env.account, `cluster/${name}`),
    environment: env,
  };
}

function costClass(
  production: boolean,
  ephemeral: boolean,
): keyof typeof DEFAULT_MONTHLY_COST {
  if (production) return 'production';
  return ephemeral ? 'ephemeral' : 'persistent';
}

function minimumAge(story: DeploymentStory): number {
  // A story needs room on its timeline: the rollback story starts 48 minutes ago after an
  // older completed deployment.
  return story === 'steady' ? 30 * MS_PER_MINUTE : 3 * MS_PER_HOUR;
}

function buildInstance(options: {
  seed: number;
  region: string;
  service: ScenarioService;
  instanceName: string;
  spec: ScenarioInstance;
  environments: ScenarioEnvironment[];
  clusters: ClusterModel[];
}): { instance: InstanceModel; taskDefinitions: TaskDefinitionModel[] } {
  const { seed, service, instanceName, spec, environments, clusters } = options;
  const prMatch = EPHEMERAL_INSTANCE.exec(instanceName);
  const environment = prMatch
    ? environments.find(e => e.kind === 'ephemeral')!
    : environments.find(e => e.name === instanceName)!;
  const cluster = clusters.find(c => c.environment === environment)!;
  const { account, region } = cluster;
  const key = `${service.name}/${instanceName}`;
  const production = instanceName === 'production';
  const ephemeral = environment.kind === 'ephemeral';
  const ecsServiceName = ephemeral
    ? `${service.name}-${instanceName}`
    : service.name;
  const loadBalanced = service.type !== 'worker';
  const story = spec.deployment ?? 'steady';
  const port = loadBalanced ? service.port ?? 8080 : undefined;

  const createdAgoMs = Math.max(
    minimumAge(story),
    spec.createdHoursAgo !== undefined
      ? spec.createdHoursAgo * MS_PER_HOUR
      : (120 + unitHash(`${seed}/${key}/created`) * 300) * MS_PER_DAY,
  );

  const envKey = `${seed}/${account}/${environment.name}`;
  const subnets = ['a', 'b', 'c'].map(az => subnetId(`${envKey}/${az}`));
  const sg = securityGroupId(`${seed}/${key}`);
  const lbName = `zeroops-${environment.name}`;
  const lbArn = loadBalanced
    ? loadBalancerArn(region, account, lbName, seed)
    : undefined;
  const targetGroups: TargetGroupModel[] =
    loadBalanced && port !== undefined
      ? (['b', 'g'] as const).map(color => {
          const name = `${service.name}-${environmentShortName(
            instanceName,
          )}-${color}`;
          return {
            name,
            arn: targetGroupArn(region, account, name, seed),
            color,
            port,
          };
        })
      : [];

  const desiredCount = spec.desiredCount ?? (production ? 2 : 1);
  const strategy =
    spec.strategy ?? (production && loadBalanced ? 'BLUE_GREEN' : 'ROLLING');
  const ecs = buildEcsState({
    seed,
    key,
    serviceName: service.name,
    instanceName,
    ecsServiceName,
    account,
    region,
    cluster,
    cpu: service.cpu ?? 512,
    memory: service.memory ?? 1024,
    port,
    desiredCount,
    story,
    strategy,
    createdAgoMs,
    targetGroups,
  });

  let unhealthy = spec.unhealthyTargets ?? 0;
  for (const task of ecs.tasks) {
    if (unhealthy > 0 && task.target && task.lastStatus === 'RUNNING') {
      task.target = {
        ...task.target,
        state: 'unhealthy',
        reason: 'Target.ResponseCodeMismatch',
        description: 'Health checks failed with these codes: [502]',
      };
      unhealthy--;
    }
  }

  const storeInput = {
    seed,
    key,
    identifier: `${service.name}-${instanceName}`,
    account,
    region,
    production,
    createdAgoMs,
    securityGroupId: sg,
    subnetIds: subnets,
  };
  const lbDnsName = lbArn
    ? `${lbName}-${numericId(
        `${envKey}/lb-dns`,
        10,
      )}.${region}.elb.amazonaws.com`
    : undefined;

  const instance: InstanceModel = {
    key,
    service: {
      name: service.name,
      type: service.type,
      cpu: service.cpu ?? 512,
      memory: service.memory ?? 1024,
      port: port ?? 0,
      database: service.database,
      cache: service.cache,
      cdn: service.cdn,
    },
    name: instanceName,
    environment,
    pullRequest: prMatch ? Number(prMatch[1]) : undefined,
    account,
    region,
    cluster,
    ecsServiceName,
    serviceArn: ecsArn(
      region,
      account,
      `service/${cluster.name}/${ecsServiceName}`,
    ),
    createdAgoMs,
    desiredCount,
    strategy,
    story,
    deployments: ecs.deployments,
    tasks: ecs.tasks,
    events: ecs.events,
    loadBalancerArn: lbArn,
    loadBalancerDnsName: lbDnsName,
    targetGroups,
    alarms: buildAlarms({
      seed,
      key,
      serviceName: service.name,
      instanceName,
      platformEnvironment: environment.name,
      account,
      region,
      clusterName: cluster.name,
      ecsServiceName,
      loadBalanced,
      database: service.database === true,
      loadBalancerArn: lbArn,
      targetGroups,
      states: spec.alarms ?? {},
      createdAgoMs,
    }),
    database: service.database ? buildDatabase(storeInput) : undefined,
    cache: service.cache ? buildCache(storeInput) : undefined,
    distribution:
      service.cdn && !ephemeral && lbDnsName
        ? buildDistribution({
            ...storeInput,
            serviceName: service.name,
            instanceName,
            originDomainName: lbDnsName,
            overrideId: spec.distributionId,
          })
        : undefined,
    subnets,
    securityGroupId: sg,
    monthlyCost:
      spec.monthlyCost ??
      DEFAULT_MONTHLY_COST[costClass(production, ephemeral)] *
        (0.7 + 0.6 * unitHash(`${seed}/${key}/cost`)),
  };
  return { instance, taskDefinitions: ecs.taskDefinitions };
}

/**
 * The naming contract's short environment form for names with little room (target groups
 * have 32 characters): `prod`, `stg`, `pr-<n>` unchanged. Mirrors `environmentShortName` of
 * zeroops-common, which the simulator cannot import at run time (its sources are run as a
 * copy inside this package); buildWorld.test checks both agree.
 */
function environmentShortName(instanceName: string): string {
  if (instanceName === 'production') return 'prod';
  if (instanceName === 'staging') return 'stg';
  return instanceName;
}

export function buildWorld(
  scenario: ScenarioDocument,
  options: BuildWorldOptions,
): World {
  const seed = options.seed ?? scenario.seed ?? DEFAULT_SEED;
  const region = scenario.region ?? 'us-east-1';
  const clusters = scenario.environments.map(env => clusterOf(env, region));
  const services = [
    ...scenario.services,
    ...(scenario.generated
      ? generatedServices(
          scenario.generated.services,
          scenario.generated.environments,
          seed,
        ).filter(g => !scenario.services.some(s => s.name === g.name))
      : []),
  ];

  const instances: InstanceModel[] = [];
  const taskDefinitions: TaskDefinitionModel[] = [];
  for (const service of services) {
    for (const [instanceName, spec] of Object.entries(service.instances)) {
      const built = buildInstance({
        seed,
        region,
        service,
        instanceName,
        spec,
        environments: scenario.environments,
        clusters,
      });
      instances.push(built.instance);
      taskDefinitions.push(...built.taskDefinitions);
    }
  }

  const costAccount = scenario.costAccount ?? scenario.defaultAccount;
  const cost = scenario.cost ?? {};
  const costModel = new CostModel(
    buildCostLines({
      seed,
      instances,
      environments: scenario.environments,
      region,
      cost,
    }),
    {
      seed,
      monthlyGrowth: cost.monthlyGrowth ?? 0.05,
      noise: cost.noise ?? 0.08,
      historyMonths: cost.months ?? 6,
      pageSize: cost.pageSize ?? 500,
      anchor: startOfUtcDay(options.now),
    },
  );

  return {
    name: scenario.name,
    description: scenario.description,
    seed,
    region,
    accounts: scenario.accounts,
    defaultAccount: scenario.defaultAccount,
    costAccount,
    environments: scenario.environments,
    clusters,
    instances,
    taskDefinitions,
    budgets: (scenario.budgets ?? []).map(budget => ({
      name: budget.name,
      account: costAccount,
      service: budget.service,
      limit: budget.limit,
      consumedPercent: budget.consumedPercent,
      createdAgoMs:
        (90 + unitHash(`${seed}/budget/${budget.name}`) * 200) * MS_PER_DAY,
    })),
    cost: costModel,
  };
}
