import {
  AWS_PRICES_US_EAST_1,
  AwsPriceTable,
  HOURS_PER_MONTH,
} from './priceTable';
import {
  EnvironmentSizing,
  ServiceSizing,
  explainInvalidEnvironmentSizing,
} from './sizing';

/** What a line item pays for. @public */
export type CostCategory =
  | 'fargate'
  | 'aurora'
  | 'valkey'
  | 'load-balancer'
  | 'cloudfront'
  | 'nat-gateway'
  | 'waf'
  | 'secrets-manager'
  | 'cloudwatch-alarms'
  | 'route53';

/** One priced quantity of an environment's monthly bill. @public */
export interface CostLineItem {
  category: CostCategory;
  description: string;
  quantity: number;
  unit: string;
  unitPriceUsd: number;
  /** quantity × unit price, rounded to cents. */
  monthlyUsd: number;
}

/** The monthly cost of one environment (all its concurrent instances). @public */
export interface EnvironmentCostEstimate {
  environment: string;
  concurrentInstances: number;
  lineItems: CostLineItem[];
  /** Sum of the line items. */
  monthlyUsd: number;
}

/** A monthly cost estimate of a service. @public */
export interface CostEstimate {
  region: string;
  /** Date of the price table (`YYYY-MM`); show it next to the numbers. */
  priceTableDate: string;
  currency: 'USD';
  environments: EnvironmentCostEstimate[];
  /** Sum over the environments. */
  monthlyUsd: number;
}

const toCents = (usd: number) => Math.round(usd * 100) / 100;
// Quantities are shown, not billed: keep enough precision to recompute the price by hand.
const toQuantity = (value: number) => Math.round(value * 1000) / 1000;

class LineItems {
  readonly items: CostLineItem[] = [];

  add(
    category: CostCategory,
    description: string,
    quantity: number,
    unit: string,
    unitPriceUsd: number,
  ) {
    if (quantity <= 0) return;
    this.items.push({
      category,
      description,
      quantity: toQuantity(quantity),
      unit,
      unitPriceUsd,
      monthlyUsd: toCents(quantity * unitPriceUsd),
    });
  }
}

function estimateEnvironment(
  environment: string,
  sizing: EnvironmentSizing,
  prices: AwsPriceTable,
): EnvironmentCostEstimate {
  const instances = sizing.concurrentInstances;
  const items = new LineItems();
  const { compute, database, cache, platformShare } = sizing;

  const taskHours =
    compute.taskCount * compute.runningHoursPerMonth * instances;
  const fargate = prices.fargate[compute.architecture];
  items.add(
    'fargate',
    `Fargate ${compute.architecture} vCPU (${compute.taskCount} × ${compute.vcpu} vCPU, ${compute.runningHoursPerMonth} h)`,
    taskHours * compute.vcpu,
    'vCPU-hours',
    fargate.vcpuHour,
  );
  items.add(
    'fargate',
    `Fargate ${compute.architecture} memory (${compute.taskCount} × ${compute.memoryGb} GB)`,
    taskHours * compute.memoryGb,
    'GB-hours',
    fargate.gbHour,
  );

  if (database) {
    items.add(
      'aurora',
      `Aurora Serverless v2 capacity (average ${database.averageAcu} ACU, ${database.activeHoursPerMonth} h active)`,
      database.averageAcu * database.activeHoursPerMonth * instances,
      'ACU-hours',
      prices.aurora.acuHour,
    );
    items.add(
      'aurora',
      'Aurora storage',
      database.storageGb * instances,
      'GB-months',
      prices.aurora.storageGbMonth,
    );
    items.add(
      'aurora',
      'Aurora I/O',
      database.millionIoRequestsPerMonth * instances,
      'million requests',
      prices.aurora.ioPerMillionRequests,
    );
  }

  if (cache) {
    // Serverless caches cannot be stopped: they bill every hour of the month.
    const billedGb = Math.max(cache.averageDataGb, prices.valkey.minimumGb);
    items.add(
      'valkey',
      `ElastiCache Serverless for Valkey data stored (${billedGb} GB, always on)`,
      billedGb * HOURS_PER_MONTH * instances,
      'GB-hours',
      prices.valkey.gbHour,
    );
    items.add(
      'valkey',
      'ElastiCache Serverless for Valkey processing',
      cache.millionEcpuPerMonth * instances,
      'million ECPUs',
      prices.valkey.perMillionEcpu,
    );
  }

  items.add(
    'load-balancer',
    `Load balancer capacity used by the service (${sizing.loadBalancerCapacityUnits} LCU)`,
    sizing.loadBalancerCapacityUnits * compute.runningHoursPerMonth * instances,
    'LCU-hours',
    prices.alb.lcuHour,
  );
  items.add(
    'secrets-manager',
    'Secrets Manager secrets',
    sizing.secrets * instances,
    'secret-months',
    prices.secretsManager.secretMonth,
  );
  items.add(
    'cloudwatch-alarms',
    'CloudWatch alarms (standard resolution)',
    sizing.alarms * instances,
    'alarm-months',
    prices.cloudWatch.standardAlarmMonth,
  );

  if (platformShare) {
    const share = 1 / platformShare.servicesSharing;
    const of = `1/${platformShare.servicesSharing} of the shared`;
    items.add(
      'load-balancer',
      `${of} Application Load Balancer hours`,
      platformShare.loadBalancers * HOURS_PER_MONTH * share,
      'ALB-hours',
      prices.alb.hour,
    );
    items.add(
      'nat-gateway',
      `${of} NAT gateway hours`,
      platformShare.natGateways * HOURS_PER_MONTH * share,
      'NAT gateway-hours',
      prices.natGateway.hour,
    );
    items.add(
      'nat-gateway',
      `${of} NAT gateway public IPv4 addresses`,
      platformShare.natGateways * HOURS_PER_MONTH * share,
      'IPv4 address-hours',
      prices.natGateway.publicIpv4Hour,
    );
    items.add(
      'nat-gateway',
      `${of} NAT gateway data processed`,
      platformShare.natProcessedGbPerMonth * share,
      'GB',
      prices.natGateway.perGbProcessed,
    );
    items.add(
      'cloudfront',
      `${of} CloudFront data transfer out`,
      platformShare.cloudFrontTransferOutGbPerMonth * share,
      'GB',
      prices.cloudFront.perGbTransferOut,
    );
    items.add(
      'cloudfront',
      `${of} CloudFront HTTPS requests`,
      platformShare.cloudFrontMillionRequestsPerMonth * 100 * share,
      '10k requests',
      prices.cloudFront.per10kHttpsRequests,
    );
    items.add(
      'waf',
      `${of} WAF web ACLs`,
      platformShare.wafWebAcls * share,
      'web ACL-months',
      prices.waf.webAclMonth,
    );
    items.add(
      'waf',
      `${of} WAF rules`,
      platformShare.wafRules * share,
      'rule-months',
      prices.waf.ruleMonth,
    );
    items.add(
      'waf',
      `${of} WAF requests`,
      platformShare.wafMillionRequestsPerMonth * share,
      'million requests',
      prices.waf.perMillionRequests,
    );
    items.add(
      'route53',
      `${of} Route 53 hosted zones`,
      platformShare.hostedZones * share,
      'zone-months',
      prices.route53.hostedZoneMonth,
    );
  }

  return {
    environment,
    concurrentInstances: instances,
    lineItems: items.items,
    monthlyUsd: toCents(
      items.items.reduce((sum, item) => sum + item.monthlyUsd, 0),
    ),
  };
}

/**
 * The monthly cost of a service per environment, from its sizing and a dated price table.
 * Pure: no I/O, so the frontend, the backend and the scaffolder compute the same numbers.
 * Throws a RangeError naming the field when the sizing is not valid.
 * @public
 */
export function estimateMonthlyCost(
  sizing: ServiceSizing,
  prices: AwsPriceTable = AWS_PRICES_US_EAST_1,
): CostEstimate {
  const environments = Object.entries(sizing.environments).map(
    ([name, environmentSizing]) => {
      const problems = explainInvalidEnvironmentSizing(environmentSizing);
      if (problems.length > 0) {
        throw new RangeError(
          `Invalid sizing of environment "${name}": ${problems.join('; ')}`,
        );
      }
      return estimateEnvironment(name, environmentSizing, prices);
    },
  );
  const monthlyUsd = toCents(
    environments.reduce((sum, env) => sum + env.monthlyUsd, 0),
  );
  // Each field is bounded by validation; this guards the sum of bounded products too.
  if (!Number.isFinite(monthlyUsd)) {
    throw new RangeError(
      'The sizing gives a monthly cost too large to compute; reduce it',
    );
  }
  return {
    region: prices.region,
    priceTableDate: prices.asOf,
    currency: prices.currency,
    environments,
    monthlyUsd,
  };
}
