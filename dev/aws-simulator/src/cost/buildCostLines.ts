import { unitHash } from '@zeroops/simulator-kit';
import type { InstanceModel } from '../scenario/world.ts';
import type { ScenarioCost, ScenarioEnvironment } from '../scenario/types.ts';
import { MS_PER_DAY } from '../time.ts';
import { type CostLine, ENVIRONMENT_TAG, SERVICE_TAG } from './costModel.ts';

/**
 * Turns the resources of the world into cost lines: per environment instance, one line per
 * AWS service it uses (split by typical weights), plus shared per-environment networking
 * that carries no service tag, plus closed pull-request environments of the past.
 */

const FARGATE = 'Amazon Elastic Container Service';
const ELB = 'Amazon Elastic Load Balancing';
const RDS = 'Amazon Relational Database Service';
const ELASTICACHE = 'Amazon ElastiCache';
const CLOUDFRONT = 'Amazon CloudFront';
const WAF = 'AWS WAF';
const CLOUDWATCH = 'AmazonCloudWatch';
const SECRETS = 'AWS Secrets Manager';
const NAT = 'EC2 - Other';
const VPC = 'Amazon Virtual Private Cloud';

/** Default monthly cost of an ephemeral environment when the scenario does not say. */
export const DEFAULT_EPHEMERAL_MONTHLY_COST = 20;

type ServiceFlags = Pick<
  InstanceModel['service'],
  'type' | 'database' | 'cache' | 'cdn'
>;

function awsServiceWeights(service: ServiceFlags, persistent: boolean) {
  const weights: [string, number][] = [
    [FARGATE, 0.45],
    [CLOUDWATCH, 0.03],
    [SECRETS, 0.02],
  ];
  if (service.type !== 'worker') weights.push([ELB, 0.1]);
  if (service.database) weights.push([RDS, 0.25]);
  if (service.cache) weights.push([ELASTICACHE, 0.12]);
  if (service.cdn && persistent) {
    weights.push([CLOUDFRONT, 0.05], [WAF, 0.03]);
  }
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  return weights.map(([name, w]) => [name, w / total] as const);
}

function linesFor(options: {
  key: string;
  service: ServiceFlags & { name: string };
  environmentTag: string;
  persistent: boolean;
  account: string;
  region: string;
  monthly: number;
  production: boolean;
  activeFromDaysAgo?: number;
  activeUntilDaysAgo?: number;
}): CostLine[] {
  return awsServiceWeights(options.service, options.persistent).map(
    ([awsService, weight]) => ({
      key: `${options.key}/${awsService}`,
      account: options.account,
      region: options.region,
      awsService,
      tags: {
        [SERVICE_TAG]: options.service.name,
        [ENVIRONMENT_TAG]: options.environmentTag,
      },
      monthlyAtAnchor: options.monthly * weight,
      weekendFactor: options.production ? 0.92 : 0.55,
      activeFromDaysAgo: options.activeFromDaysAgo,
      activeUntilDaysAgo: options.activeUntilDaysAgo,
    }),
  );
}

export function buildCostLines(options: {
  seed: number;
  instances: InstanceModel[];
  environments: ScenarioEnvironment[];
  region: string;
  cost: ScenarioCost;
}): CostLine[] {
  const { seed, instances, environments, cost } = options;
  const lines: CostLine[] = [];

  for (const instance of instances) {
    const ephemeral = instance.environment.kind === 'ephemeral';
    lines.push(
      ...linesFor({
        key: instance.key,
        service: instance.service,
        environmentTag: instance.name,
        persistent: !ephemeral,
        account: instance.account,
        region: instance.region,
        monthly: instance.monthlyCost,
        production: instance.name === 'production',
        activeFromDaysAgo: ephemeral
          ? Math.floor(instance.createdAgoMs / MS_PER_DAY)
          : undefined,
      }),
    );
  }

  for (const [envName, monthly] of Object.entries(cost.shared ?? {})) {
    const env = environments.find(e => e.name === envName);
    if (!env || monthly <= 0) continue;
    for (const [awsService, share] of [
      [NAT, 0.8],
      [VPC, 0.2],
    ] as const) {
      lines.push({
        key: `shared/${envName}/${awsService}`,
        account: env.account,
        region: env.region ?? options.region,
        awsService,
        tags: { [ENVIRONMENT_TAG]: envName },
        monthlyAtAnchor: monthly * share,
        weekendFactor: 1,
      });
    }
  }

  const ephemeralEnv = environments.find(e => e.kind === 'ephemeral');
  const closed = cost.closedPullRequests ?? 0;
  const services = [
    ...new Map(instances.map(i => [i.service.name, i])).values(),
  ];
  if (ephemeralEnv && closed > 0 && services.length > 0) {
    const livePrs = new Set(
      instances
        .filter(i => i.pullRequest !== undefined)
        .map(i => i.pullRequest),
    );
    let prNumber = 1;
    for (let k = 0; k < closed; k++) {
      while (livePrs.has(prNumber)) prNumber++;
      const owner = services[k % services.length];
      const lifetime =
        1 + Math.floor(unitHash(`${seed}/closed-pr/${k}/life`) * 6);
      const startDaysAgo =
        lifetime +
        2 +
        Math.floor(unitHash(`${seed}/closed-pr/${k}/start`) * 165);
      const liveTwin = instances.find(
        i =>
          i.service.name === owner.service.name && i.pullRequest !== undefined,
      );
      lines.push(
        ...linesFor({
          key: `closed/${owner.service.name}/pr-${prNumber}`,
          service: owner.service,
          environmentTag: `pr-${prNumber}`,
          persistent: false,
          account: ephemeralEnv.account,
          region: ephemeralEnv.region ?? options.region,
          monthly:
            (liveTwin?.monthlyCost ?? DEFAULT_EPHEMERAL_MONTHLY_COST) *
            (0.8 + 0.4 * unitHash(`${seed}/closed-pr/${k}/cost`)),
          production: false,
          activeFromDaysAgo: startDaysAgo,
          activeUntilDaysAgo: startDaysAgo - lifetime,
        }),
      );
      prNumber++;
    }
  }
  return lines;
}
