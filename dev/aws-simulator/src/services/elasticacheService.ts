import type {
  DescribeServerlessCachesResponse,
  ServerlessCache,
} from '@aws-sdk/client-elasticache';
import { AwsError } from '../protocols/AwsError.ts';
import type { CacheModel, InstanceModel } from '../scenario/world.ts';
import { at } from './ecs/renderEcs.ts';
import { pageOf } from './pagination.ts';
import { optionalInteger, optionalString } from './params.ts';
import { regionalInstances } from './regionalInstances.ts';
import { xmlServiceErrors } from './serviceErrors.ts';
import type {
  RequestContext,
  RequestParams,
  ServiceDefinition,
} from './types.ts';

/** Amazon ElastiCache DescribeServerlessCaches (awsQuery, version 2015-02-02): Valkey. */

function renderCache(
  cache: CacheModel,
  instance: InstanceModel,
  now: Date,
): ServerlessCache {
  return {
    ServerlessCacheName: cache.name,
    Description: `Valkey cache of ${instance.service.name} in ${instance.name}`,
    CreateTime: at(now, cache.createdAgoMs),
    Status: 'available',
    Engine: 'valkey',
    MajorEngineVersion: '8',
    FullEngineVersion: '8.0',
    CacheUsageLimits: {
      DataStorage: { Maximum: cache.maxStorageGb, Unit: 'GB' },
      ECPUPerSecond: { Maximum: cache.maxEcpuPerSecond },
    },
    KmsKeyId: cache.kmsKeyId,
    SecurityGroupIds: [cache.securityGroupId],
    Endpoint: { Address: cache.endpoint, Port: 6379 },
    ReaderEndpoint: { Address: cache.readerEndpoint, Port: 6380 },
    ARN: cache.arn,
    SubnetIds: cache.subnetIds,
    SnapshotRetentionLimit: cache.snapshotRetentionLimit,
    DailySnapshotTime: '04:00',
    NetworkType: 'ipv4',
  };
}

function describeServerlessCaches(
  params: RequestParams,
  context: RequestContext,
): DescribeServerlessCachesResponse {
  const name = optionalString(params, 'ServerlessCacheName');
  const maxResults = optionalInteger(params, 'MaxResults', 1, 100) ?? 50;
  const caches = regionalInstances(context)
    .filter(i => i.cache)
    .map(i => ({ cache: i.cache!, instance: i }))
    .filter(({ cache }) => name === undefined || cache.name === name)
    .sort((a, b) => a.cache.name.localeCompare(b.cache.name));
  if (name !== undefined && caches.length === 0) {
    throw new AwsError({
      code: 'ServerlessCacheNotFoundFault',
      status: 404,
      message: `Serverless cache ${name} not found.`,
    });
  }
  const { page, nextToken } = pageOf(caches, {
    params,
    tokenParam: 'NextToken',
    pageSize: maxResults,
  });
  return {
    ServerlessCaches: page.map(({ cache, instance }) =>
      renderCache(cache, instance, context.now),
    ),
    NextToken: nextToken,
  };
}

export const elasticacheService: ServiceDefinition = {
  signingName: 'elasticache',
  displayName: 'Amazon ElastiCache',
  protocol: 'awsQuery',
  xmlNamespace: 'http://elasticache.amazonaws.com/doc/2015-02-02/',
  operations: { DescribeServerlessCaches: describeServerlessCaches },
  xmlItemNames: {
    DescribeServerlessCaches: {
      SecurityGroupIds: 'SecurityGroupId',
      SubnetIds: 'SubnetId',
    },
  },
  errors: xmlServiceErrors({
    accessDeniedMessage:
      'User is not authorized to perform: elasticache:DescribeServerlessCaches',
    validationCode: 'InvalidParameterValue',
  }),
};
