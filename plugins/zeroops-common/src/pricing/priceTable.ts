/**
 * AWS list prices the cost estimator uses. They are a dated snapshot, not live prices: every
 * estimate carries `asOf` so a reader can tell how old the numbers are, and the table is
 * replaced as a whole when it is refreshed (see the README of this package for the sources).
 */

/** Hours in an average month (365 × 24 / 12), the convention of the AWS pricing calculator. @public */
export const HOURS_PER_MONTH = 730;

/** Fargate on-demand prices of one CPU architecture. @public */
export interface FargatePrices {
  /** USD per vCPU-hour. */
  vcpuHour: number;
  /** USD per GB of memory per hour. */
  gbHour: number;
}

/** A dated table of AWS list prices for one region. @public */
export interface AwsPriceTable {
  /** The AWS region the prices apply to. */
  region: string;
  /** When the prices were collected (`YYYY-MM`); shown next to every estimate. */
  asOf: string;
  /** Where the prices come from, so a reader can check them. */
  source: string;
  currency: 'USD';
  fargate: {
    x86_64: FargatePrices;
    arm64: FargatePrices;
  };
  /** Aurora Serverless v2 (standard storage configuration). */
  aurora: {
    acuHour: number;
    storageGbMonth: number;
    ioPerMillionRequests: number;
  };
  /** ElastiCache Serverless for Valkey. */
  valkey: {
    gbHour: number;
    /** Data stored is billed at least at this size. */
    minimumGb: number;
    perMillionEcpu: number;
  };
  alb: {
    hour: number;
    lcuHour: number;
  };
  cloudFront: {
    /** First 10 TB, North America. */
    perGbTransferOut: number;
    per10kHttpsRequests: number;
  };
  natGateway: {
    hour: number;
    perGbProcessed: number;
    publicIpv4Hour: number;
  };
  waf: {
    webAclMonth: number;
    ruleMonth: number;
    perMillionRequests: number;
  };
  secretsManager: {
    secretMonth: number;
    per10kApiCalls: number;
  };
  cloudWatch: {
    standardAlarmMonth: number;
    highResolutionAlarmMonth: number;
    compositeAlarmMonth: number;
  };
  route53: {
    hostedZoneMonth: number;
  };
}

/**
 * us-east-1 list prices collected 2026-11 (shared/reference/aws-prices-us-east-1.md). Free tiers
 * are not subtracted: they are per account, not per service. @public
 */
export const AWS_PRICES_US_EAST_1: AwsPriceTable = {
  region: 'us-east-1',
  asOf: '2026-11',
  source:
    'AWS pricing pages and the write-ups listed in shared/reference/aws-prices-us-east-1.md (collected 2026-11)',
  currency: 'USD',
  fargate: {
    x86_64: { vcpuHour: 0.04048, gbHour: 0.004445 },
    arm64: { vcpuHour: 0.03238, gbHour: 0.00356 },
  },
  aurora: { acuHour: 0.12, storageGbMonth: 0.1, ioPerMillionRequests: 0.2 },
  valkey: { gbHour: 0.084, minimumGb: 0.1, perMillionEcpu: 0.0023 },
  alb: { hour: 0.0225, lcuHour: 0.008 },
  cloudFront: { perGbTransferOut: 0.085, per10kHttpsRequests: 0.01 },
  natGateway: { hour: 0.045, perGbProcessed: 0.045, publicIpv4Hour: 0.005 },
  waf: { webAclMonth: 5, ruleMonth: 1, perMillionRequests: 0.6 },
  secretsManager: { secretMonth: 0.4, per10kApiCalls: 0.05 },
  cloudWatch: {
    standardAlarmMonth: 0.1,
    highResolutionAlarmMonth: 0.3,
    compositeAlarmMonth: 0.5,
  },
  route53: { hostedZoneMonth: 0.5 },
};

/**
 * The dated price tables the estimator knows, by region. A region is listed only when every
 * price of its table comes from a dated source; prices are never derived from another region's
 * (regional prices differ by service, not by a common factor). @public
 */
export const AWS_PRICE_TABLES: Readonly<Record<string, AwsPriceTable>> = {
  'us-east-1': AWS_PRICES_US_EAST_1,
};

/**
 * The price table of a region, or a RangeError naming the regions that have one: an estimate
 * from another region's prices would look precise and be wrong. @public
 */
export function priceTableForRegion(region: string): AwsPriceTable {
  const table = Object.prototype.hasOwnProperty.call(AWS_PRICE_TABLES, region)
    ? AWS_PRICE_TABLES[region]
    : undefined;
  if (!table) {
    throw new RangeError(
      `No dated AWS price table for region "${region}"; prices are available for ${Object.keys(
        AWS_PRICE_TABLES,
      ).join(', ')}`,
    );
  }
  return table;
}
