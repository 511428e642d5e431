import type { World } from './world.ts';

/**
 * What a test or a user needs to know to point clients at the simulated estate: accounts,
 * clusters and, per environment instance, the names and ids of its resources.
 */

/** @public */
export interface InstanceSummary {
  name: string;
  platformEnvironment: string;
  pullRequest?: number;
  account: string;
  region: string;
  cluster: string;
  ecsServiceName: string;
  serviceArn: string;
  story: string;
  strategy: string;
  desiredCount: number;
  taskDefinitionFamily: string;
  logGroup: string;
  targetGroups: { name: string; arn: string }[];
  alarms: { name: string; state: string }[];
  auroraClusterId?: string;
  serverlessCacheName?: string;
  cloudFrontDistributionId?: string;
}

/** @public */
export interface ScenarioSummary {
  name: string;
  description?: string;
  seed: number;
  region: string;
  defaultAccount: string;
  costAccount: string;
  accounts: { id: string; name?: string }[];
  environments: {
    name: string;
    kind: string;
    account: string;
    region: string;
    cluster: string;
    clusterArn: string;
  }[];
  services: { name: string; type: string; instances: InstanceSummary[] }[];
  budgets: { name: string; service?: string }[];
  operations: string[];
}

export function summarizeWorld(
  world: World,
  operations: string[],
): ScenarioSummary {
  const services = new Map<string, ScenarioSummary['services'][number]>();
  for (const instance of world.instances) {
    let entry = services.get(instance.service.name);
    if (!entry) {
      entry = {
        name: instance.service.name,
        type: instance.service.type,
        instances: [],
      };
      services.set(instance.service.name, entry);
    }
    const primary = instance.deployments.find(d => d.status === 'PRIMARY');
    entry.instances.push({
      name: instance.name,
      platformEnvironment: instance.environment.name,
      pullRequest: instance.pullRequest,
      account: instance.account,
      region: instance.region,
      cluster: instance.cluster.name,
      ecsServiceName: instance.ecsServiceName,
      serviceArn: instance.serviceArn,
      story: instance.story,
      strategy: instance.strategy,
      desiredCount: instance.desiredCount,
      taskDefinitionFamily: primary?.taskDefinition.family ?? '',
      logGroup: primary?.taskDefinition.logGroup ?? '',
      targetGroups: instance.targetGroups.map(tg => ({
        name: tg.name,
        arn: tg.arn,
      })),
      alarms: instance.alarms.map(a => ({ name: a.name, state: a.state })),
      auroraClusterId: instance.database?.identifier,
      serverlessCacheName: instance.cache?.name,
      cloudFrontDistributionId: instance.distribution?.id,
    });
  }
  return {
    name: world.name,
    description: world.description,
    seed: world.seed,
    region: world.region,
    defaultAccount: world.defaultAccount,
    costAccount: world.costAccount,
    accounts: world.accounts,
    environments: world.clusters.map(c => ({
      name: c.environment.name,
      kind: c.environment.kind,
      account: c.account,
      region: c.region,
      cluster: c.name,
      clusterArn: c.arn,
    })),
    services: [...services.values()],
    budgets: world.budgets.map(b => ({ name: b.name, service: b.service })),
    operations,
  };
}
