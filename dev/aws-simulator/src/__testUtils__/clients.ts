import { BudgetsClient } from '@aws-sdk/client-budgets';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { RDSClient } from '@aws-sdk/client-rds';
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsSimulator } from '../startAwsSimulator.ts';

/** Official SDK clients pointed at a running simulator, as production code would build them. */

export const BASE_CREDENTIALS = {
  accessKeyId: 'simulator',
  secretAccessKey: 'simulator',
};

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface ClientOptions {
  credentials?: Credentials;
  region?: string;
  maxAttempts?: number;
  requestTimeoutMs?: number;
}

function config(simulator: AwsSimulator, options: ClientOptions = {}) {
  return {
    endpoint: simulator.url,
    region: options.region ?? 'us-east-1',
    credentials: options.credentials ?? BASE_CREDENTIALS,
    maxAttempts: options.maxAttempts,
    // Current @smithy/node-http-handler only warns on requestTimeout unless told to throw.
    requestHandler:
      options.requestTimeoutMs !== undefined
        ? {
            requestTimeout: options.requestTimeoutMs,
            throwOnRequestTimeout: true,
          }
        : undefined,
  };
}

export const clients = {
  ecs: (s: AwsSimulator, o?: ClientOptions) => new ECSClient(config(s, o)),
  elbv2: (s: AwsSimulator, o?: ClientOptions) =>
    new ElasticLoadBalancingV2Client(config(s, o)),
  cloudwatch: (s: AwsSimulator, o?: ClientOptions) =>
    new CloudWatchClient(config(s, o)),
  rds: (s: AwsSimulator, o?: ClientOptions) => new RDSClient(config(s, o)),
  tagging: (s: AwsSimulator, o?: ClientOptions) =>
    new ResourceGroupsTaggingAPIClient(config(s, o)),
  elasticache: (s: AwsSimulator, o?: ClientOptions) =>
    new ElastiCacheClient(config(s, o)),
  cloudfront: (s: AwsSimulator, o?: ClientOptions) =>
    new CloudFrontClient(config(s, o)),
  costExplorer: (s: AwsSimulator, o?: ClientOptions) =>
    new CostExplorerClient(config(s, o)),
  budgets: (s: AwsSimulator, o?: ClientOptions) =>
    new BudgetsClient(config(s, o)),
  sts: (s: AwsSimulator, o?: ClientOptions) => new STSClient(config(s, o)),
};

/** Temporary credentials of the ZeroOps read-only role in an account, via the simulated STS. */
export async function assumeRoleIn(
  simulator: AwsSimulator,
  account: string,
): Promise<Credentials> {
  const response = await clients.sts(simulator).send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${account}:role/zeroops-backstage-readonly`,
      RoleSessionName: 'zeroops-test',
    }),
  );
  const c = response.Credentials!;
  return {
    accessKeyId: c.AccessKeyId!,
    secretAccessKey: c.SecretAccessKey!,
    sessionToken: c.SessionToken,
  };
}

/** A fixed instant so that date-dependent assertions do not flake around midnight. */
export const FIXED_NOW = new Date('2026-11-18T10:30:00.000Z');
