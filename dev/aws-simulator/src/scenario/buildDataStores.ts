import { hexFrom, unitHash } from '@zeroops/simulator-kit';
import { MS_PER_DAY } from '../time.ts';
import { distributionId, lowerAlnumId, upperAlnumId } from './ids.ts';
import type { CacheModel, DatabaseModel, DistributionModel } from './world.ts';

/**
 * Aurora Serverless v2 clusters, ElastiCache Serverless caches and CloudFront distributions of
 * an environment instance, configured the way the ZeroOps Terraform modules configure them:
 * cheap and pausable outside production, protected and long-retained in production.
 */

export interface DataStoreInput {
  seed: number;
  key: string;
  /** `<service>-<instance>`: the Aurora cluster id and cache name. */
  identifier: string;
  account: string;
  region: string;
  production: boolean;
  createdAgoMs: number;
  securityGroupId: string;
  subnetIds: string[];
}

function kmsKeyArn(input: DataStoreInput, purpose: string): string {
  const id = hexFrom(`${input.seed}/${input.account}/kms/${purpose}`, 32);
  return `arn:aws:kms:${input.region}:${input.account}:key/${id.slice(
    0,
    8,
  )}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(
    20,
  )}`;
}

/** The short region code ElastiCache uses in endpoints (`us-east-1` → `use1`). */
function regionCode(region: string): string {
  const [area, direction, number] = region.split('-');
  return `${area}${direction?.[0] ?? ''}${number ?? ''}`;
}

export function buildDatabase(input: DataStoreInput): DatabaseModel {
  const { identifier, region, account, production } = input;
  const clusterHash = lowerAlnumId(`${input.seed}/${account}/rds-endpoint`, 12);
  return {
    identifier,
    arn: `arn:aws:rds:${region}:${account}:cluster:${identifier}`,
    resourceId: `cluster-${upperAlnumId(
      `${input.seed}/${input.key}/rds-resource`,
      26,
    )}`,
    endpoint: `${identifier}.cluster-${clusterHash}.${region}.rds.amazonaws.com`,
    readerEndpoint: `${identifier}.cluster-ro-${clusterHash}.${region}.rds.amazonaws.com`,
    engineVersion: '16.6',
    minCapacity: production ? 0.5 : 0,
    maxCapacity: production ? 16 : 4,
    secondsUntilAutoPause: production ? undefined : 300,
    writerInstance: `${identifier}-1`,
    readerInstances: production ? [`${identifier}-2`] : [],
    createdAgoMs: input.createdAgoMs,
    deletionProtection: production,
    backupRetentionDays: production ? 35 : 1,
    kmsKeyId: kmsKeyArn(input, 'rds'),
    securityGroupId: input.securityGroupId,
  };
}

export function buildCache(input: DataStoreInput): CacheModel {
  const { identifier, region, account, production } = input;
  const suffix = lowerAlnumId(`${input.seed}/${input.key}/cache`, 6);
  const host = `${identifier}-${suffix}.serverless.${regionCode(
    region,
  )}.cache.amazonaws.com`;
  return {
    name: identifier,
    arn: `arn:aws:elasticache:${region}:${account}:serverlesscache:${identifier}`,
    endpoint: host,
    readerEndpoint: host,
    createdAgoMs: input.createdAgoMs,
    maxStorageGb: production ? 10 : 1,
    maxEcpuPerSecond: production ? 15000 : 1000,
    snapshotRetentionLimit: production ? 7 : 0,
    kmsKeyId: kmsKeyArn(input, 'elasticache'),
    securityGroupId: input.securityGroupId,
    subnetIds: input.subnetIds,
  };
}

export function buildDistribution(
  input: DataStoreInput & {
    serviceName: string;
    instanceName: string;
    originDomainName: string;
    overrideId?: string;
  },
): DistributionModel {
  const id = input.overrideId ?? distributionId(`${input.seed}/${input.key}`);
  const alias =
    input.instanceName === 'production'
      ? `${input.serviceName}.zeroops.example`
      : `${input.serviceName}.${input.instanceName}.zeroops.example`;
  const certificate = hexFrom(`${input.seed}/${input.key}/acm`, 32);
  const webAcl = hexFrom(`${input.seed}/${input.key}/waf`, 32);
  return {
    id,
    arn: `arn:aws:cloudfront::${input.account}:distribution/${id}`,
    domainName: `d${lowerAlnumId(
      `${input.seed}/${input.key}/cf-domain`,
      13,
    )}.cloudfront.net`,
    alias,
    originDomainName: input.originDomainName,
    lastModifiedAgoMs: Math.min(
      input.createdAgoMs,
      (2 + unitHash(`${input.seed}/${input.key}/cf-modified`) * 30) *
        MS_PER_DAY,
    ),
    etag: upperAlnumId(`${input.seed}/${input.key}/cf-etag`, 14),
    // CloudFront certificates always live in us-east-1.
    certificateArn: `arn:aws:acm:us-east-1:${
      input.account
    }:certificate/${certificate.slice(0, 8)}-${certificate.slice(
      8,
      12,
    )}-${certificate.slice(12, 16)}-${certificate.slice(
      16,
      20,
    )}-${certificate.slice(20)}`,
    webAclArn: `arn:aws:wafv2:us-east-1:${
      input.account
    }:global/webacl/zeroops-${input.instanceName}/${webAcl.slice(
      0,
      8,
    )}-${webAcl.slice(8, 12)}-${webAcl.slice(12, 16)}-${webAcl.slice(
      16,
      20,
    )}-${webAcl.slice(20)}`,
  };
}
