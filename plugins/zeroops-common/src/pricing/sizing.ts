/**
 * How big a service is in each environment. The same sizing drives the generated Terraform
 * (task count, CPU, memory, Aurora capacity) and the cost estimate, so the estimate shown on the
 * template's result page describes the infrastructure that was actually generated.
 */

/** Fargate CPU architecture. @public */
export type CpuArchitecture = 'x86_64' | 'arm64';

/** ECS Fargate tasks of one environment instance. @public */
export interface ComputeSizing {
  /** Tasks running in one instance of the environment. */
  taskCount: number;
  /** vCPU per task (0.25, 0.5, 1, 2, 4, 8 or 16). */
  vcpu: number;
  /** Memory per task in GB; must be a valid Fargate combination with `vcpu`. */
  memoryGb: number;
  architecture: CpuArchitecture;
  /** Hours per month the tasks run: 730 always on, less with scheduled shutdown. */
  runningHoursPerMonth: number;
}

/** Aurora Serverless v2 (PostgreSQL) of one environment instance. @public */
export interface DatabaseSizing {
  /** Minimum capacity; 0 enables auto-pause. */
  minAcu: number;
  maxAcu: number;
  /** Average capacity while the cluster is not paused. */
  averageAcu: number;
  /** Hours per month the cluster is not paused (730 when `minAcu` is above 0). */
  activeHoursPerMonth: number;
  storageGb: number;
  millionIoRequestsPerMonth: number;
}

/** ElastiCache Serverless for Valkey of one environment instance. @public */
export interface CacheSizing {
  /** Average data stored; billed at least at the service minimum (100 MB). */
  averageDataGb: number;
  millionEcpuPerMonth: number;
}

/**
 * The part of the shared platform (foundation template) charged to this service: the platform's
 * fixed costs divided by the number of services that share it.
 * @public
 */
export interface PlatformShareSizing {
  servicesSharing: number;
  loadBalancers: number;
  natGateways: number;
  natProcessedGbPerMonth: number;
  cloudFrontTransferOutGbPerMonth: number;
  cloudFrontMillionRequestsPerMonth: number;
  wafWebAcls: number;
  wafRules: number;
  wafMillionRequestsPerMonth: number;
  hostedZones: number;
}

/** Sizing of one environment of a service. @public */
export interface EnvironmentSizing {
  /** Copies running at once: 1, or the average number of open pull requests for `ephemeral`. */
  concurrentInstances: number;
  compute: ComputeSizing;
  /** Omitted when the service has no database. */
  database?: DatabaseSizing;
  /** Omitted when the service has no cache. */
  cache?: CacheSizing;
  /** Secrets Manager secrets per instance. */
  secrets: number;
  /** Standard-resolution CloudWatch alarms per instance. */
  alarms: number;
  /** Average load balancer capacity units the service consumes while running. */
  loadBalancerCapacityUnits: number;
  platformShare?: PlatformShareSizing;
}

/** Sizing of a service: one entry per environment (`production`, `staging`, `ephemeral`). @public */
export interface ServiceSizing {
  environments: Record<string, EnvironmentSizing>;
}

/** Weekdays 08:00–20:00: the scheduled shutdown used for staging and ephemeral environments. */
const BUSINESS_HOURS_PER_MONTH = 12 * 22;

const sharedPlatform = (
  overrides: Partial<PlatformShareSizing>,
): PlatformShareSizing => ({
  servicesSharing: 4,
  loadBalancers: 1,
  natGateways: 1,
  natProcessedGbPerMonth: 10,
  cloudFrontTransferOutGbPerMonth: 10,
  cloudFrontMillionRequestsPerMonth: 1,
  wafWebAcls: 1,
  wafRules: 4,
  wafMillionRequestsPerMonth: 1,
  hostedZones: 0,
  ...overrides,
});

/**
 * The default sizing of a new service: the seed's "small team" budget (about $500/month for the
 * whole platform). Production runs two tasks so that blue/green and an AZ loss keep it up;
 * staging runs one task during business hours; three pull-request environments are open on
 * average and their Aurora clusters pause when idle. Ephemeral environments live in the staging
 * account and share its load balancer and NAT, which are charged to staging.
 * @public
 */
export const DEFAULT_SERVICE_SIZING: ServiceSizing = {
  environments: {
    production: {
      concurrentInstances: 1,
      compute: {
        taskCount: 2,
        vcpu: 0.5,
        memoryGb: 1,
        architecture: 'x86_64',
        runningHoursPerMonth: 730,
      },
      database: {
        minAcu: 0.5,
        maxAcu: 4,
        averageAcu: 1,
        activeHoursPerMonth: 730,
        storageGb: 20,
        millionIoRequestsPerMonth: 10,
      },
      cache: { averageDataGb: 0.5, millionEcpuPerMonth: 500 },
      secrets: 1,
      alarms: 7,
      loadBalancerCapacityUnits: 1,
      platformShare: sharedPlatform({
        natGateways: 2,
        natProcessedGbPerMonth: 50,
        cloudFrontTransferOutGbPerMonth: 100,
        cloudFrontMillionRequestsPerMonth: 10,
        wafMillionRequestsPerMonth: 10,
        hostedZones: 1,
      }),
    },
    staging: {
      concurrentInstances: 1,
      compute: {
        taskCount: 1,
        vcpu: 0.5,
        memoryGb: 1,
        architecture: 'x86_64',
        runningHoursPerMonth: BUSINESS_HOURS_PER_MONTH,
      },
      database: {
        minAcu: 0,
        maxAcu: 2,
        averageAcu: 0.5,
        activeHoursPerMonth: BUSINESS_HOURS_PER_MONTH,
        storageGb: 5,
        millionIoRequestsPerMonth: 1,
      },
      cache: { averageDataGb: 0.1, millionEcpuPerMonth: 10 },
      secrets: 1,
      alarms: 7,
      loadBalancerCapacityUnits: 0.2,
      platformShare: sharedPlatform({}),
    },
    ephemeral: {
      concurrentInstances: 3,
      compute: {
        taskCount: 1,
        vcpu: 0.25,
        memoryGb: 0.5,
        architecture: 'x86_64',
        runningHoursPerMonth: BUSINESS_HOURS_PER_MONTH,
      },
      database: {
        minAcu: 0,
        maxAcu: 1,
        averageAcu: 0.5,
        activeHoursPerMonth: 4 * 22,
        storageGb: 1,
        millionIoRequestsPerMonth: 0.1,
      },
      cache: { averageDataGb: 0.1, millionEcpuPerMonth: 1 },
      secrets: 1,
      alarms: 2,
      loadBalancerCapacityUnits: 0.05,
    },
  },
};

/** Memory (GB) Fargate accepts for each vCPU size. */
const FARGATE_MEMORY_GB: Record<string, (gb: number) => boolean> = {
  '0.25': gb => [0.5, 1, 2].includes(gb),
  '0.5': gb => Number.isInteger(gb) && gb >= 1 && gb <= 4,
  '1': gb => Number.isInteger(gb) && gb >= 2 && gb <= 8,
  '2': gb => Number.isInteger(gb) && gb >= 4 && gb <= 16,
  '4': gb => Number.isInteger(gb) && gb >= 8 && gb <= 30,
  '8': gb => gb % 4 === 0 && gb >= 16 && gb <= 60,
  '16': gb => gb % 8 === 0 && gb >= 32 && gb <= 120,
};

/**
 * Why a vCPU/memory pair is not a Fargate task size, or undefined when it is.
 * @public
 */
export function explainInvalidFargateSize(
  vcpu: number,
  memoryGb: number,
): string | undefined {
  const accepts = FARGATE_MEMORY_GB[String(vcpu)];
  if (!accepts) {
    return `vCPU must be one of ${Object.keys(FARGATE_MEMORY_GB).join(
      ', ',
    )}; got ${vcpu}`;
  }
  if (!accepts(memoryGb)) {
    return `${memoryGb} GB of memory is not a Fargate size for ${vcpu} vCPU (see "Task CPU and memory" in the ECS documentation)`;
  }
  return undefined;
}

function collectNegativeNumbers(
  value: unknown,
  path: string,
  problems: string[],
): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) {
      problems.push(`${path}: must be a finite number of 0 or more`);
    }
    return;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      collectNegativeNumbers(child, path ? `${path}.${key}` : key, problems);
    }
  }
}

/**
 * Upper bounds of the sizing fields: AWS limits where there is one, otherwise far above what the
 * product is for (a small team's services). They keep absurd input (`1e308` tasks) from reaching
 * the estimate, whose products would overflow to Infinity.
 */
const SIZING_LIMITS: Record<string, [number, string]> = {
  concurrentInstances: [100, 'at most 100 concurrent copies of an environment'],
  'compute.taskCount': [5000, 'ECS runs at most 5000 tasks per service'],
  'database.storageGb': [131072, 'Aurora stores at most 128 TiB'],
  'database.millionIoRequestsPerMonth': [1e6, 'at most 1000000'],
  'cache.millionEcpuPerMonth': [1e7, 'at most 10000000'],
  secrets: [500, 'at most 500 secrets per environment'],
  alarms: [5000, 'CloudWatch allows at most 5000 alarms per region'],
  loadBalancerCapacityUnits: [10000, 'at most 10000 LCU'],
  'platformShare.servicesSharing': [1000, 'at most 1000 services'],
  'platformShare.loadBalancers': [50, 'at most 50'],
  'platformShare.natGateways': [50, 'at most 50'],
  'platformShare.natProcessedGbPerMonth': [1e7, 'at most 10000000 GB'],
  'platformShare.cloudFrontTransferOutGbPerMonth': [1e7, 'at most 10000000 GB'],
  'platformShare.cloudFrontMillionRequestsPerMonth': [1e6, 'at most 1000000'],
  'platformShare.wafWebAcls': [100, 'at most 100'],
  'platformShare.wafRules': [1500, 'at most 1500'],
  'platformShare.wafMillionRequestsPerMonth': [1e6, 'at most 1000000'],
  'platformShare.hostedZones': [
    500,
    'Route 53 allows 500 hosted zones per account',
  ],
};

function valueAt(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (current, key) =>
        current && typeof current === 'object'
          ? (current as Record<string, unknown>)[key]
          : undefined,
      value,
    );
}

/**
 * Problems with an environment's sizing, as `field: rule` sentences; empty when it is valid.
 * Field paths are relative to the environment (`compute.taskCount`).
 * @public
 */
export function explainInvalidEnvironmentSizing(
  sizing: EnvironmentSizing,
): string[] {
  const problems: string[] = [];
  collectNegativeNumbers(sizing, '', problems);
  for (const [field, [max, reason]] of Object.entries(SIZING_LIMITS)) {
    const value = valueAt(sizing, field);
    if (typeof value === 'number' && value > max) {
      problems.push(`${field}: ${value} is too large (${reason})`);
    }
  }
  const { compute, database, cache } = sizing;
  if (!Number.isInteger(sizing.concurrentInstances)) {
    problems.push('concurrentInstances: must be a whole number');
  }
  if (!Number.isInteger(compute.taskCount)) {
    problems.push('compute.taskCount: must be a whole number');
  }
  const fargate = explainInvalidFargateSize(compute.vcpu, compute.memoryGb);
  if (fargate) problems.push(`compute.vcpu/compute.memoryGb: ${fargate}`);
  if (compute.runningHoursPerMonth > 744) {
    problems.push(
      'compute.runningHoursPerMonth: a month has at most 744 hours',
    );
  }
  if (database) {
    if (database.minAcu > database.maxAcu) {
      problems.push('database.minAcu: must not exceed database.maxAcu');
    }
    if (
      database.averageAcu < database.minAcu ||
      database.averageAcu > database.maxAcu
    ) {
      problems.push(
        'database.averageAcu: must lie between database.minAcu and database.maxAcu',
      );
    }
    if (database.minAcu > 0 && database.activeHoursPerMonth < 730) {
      problems.push(
        'database.activeHoursPerMonth: Aurora only pauses when minAcu is 0, so it must be 730 or more',
      );
    }
    if (database.activeHoursPerMonth > 744) {
      problems.push(
        'database.activeHoursPerMonth: a month has at most 744 hours',
      );
    }
    if (database.maxAcu > 256) {
      problems.push('database.maxAcu: Aurora Serverless v2 allows at most 256');
    }
  }
  if (cache && cache.averageDataGb > 5000) {
    problems.push(
      'cache.averageDataGb: ElastiCache Serverless stores at most 5000 GB',
    );
  }
  if (sizing.platformShare && sizing.platformShare.servicesSharing < 1) {
    problems.push('platformShare.servicesSharing: must be at least 1');
  }
  return problems;
}
