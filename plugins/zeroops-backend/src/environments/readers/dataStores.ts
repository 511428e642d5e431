import { DescribeServerlessCachesCommand } from '@aws-sdk/client-elasticache';
import { DescribeDBClustersCommand } from '@aws-sdk/client-rds';
import { DataStoreStatus } from '@zeroops/backstage-plugin-zeroops-common';
import { ClientOf } from '../../aws/AwsClients';
import { collectPages } from '../../aws/paginate';
import { DataStoresRecord } from '../records';

/** Aurora clusters of an account/region (all of them: one paginated call). */
export async function describeAuroraClusters(
  rds: ClientOf<'rds'>,
): Promise<DataStoresRecord> {
  const stores = await collectPages<DataStoreStatus>(async Marker => {
    const page = await rds.send(
      new DescribeDBClustersCommand({ MaxRecords: 100, Marker }),
    );
    return {
      items: (page.DBClusters ?? []).map(cluster => ({
        kind: 'aurora' as const,
        identifier: cluster.DBClusterIdentifier ?? '',
        status: cluster.Status ?? 'unknown',
        available: cluster.Status === 'available',
      })),
      nextToken: page.Marker,
    };
  });
  return { stores };
}

/** ElastiCache serverless caches of an account/region (one paginated call). */
export async function describeValkeyCaches(
  elasticache: ClientOf<'elasticache'>,
): Promise<DataStoresRecord> {
  const stores = await collectPages<DataStoreStatus>(async NextToken => {
    const page = await elasticache.send(
      new DescribeServerlessCachesCommand({ MaxResults: 100, NextToken }),
    );
    return {
      items: (page.ServerlessCaches ?? []).map(cache => ({
        kind: 'valkey' as const,
        identifier: cache.ServerlessCacheName ?? '',
        status: cache.Status ?? 'unknown',
        available: cache.Status === 'available',
      })),
      nextToken: page.NextToken,
    };
  });
  return { stores };
}
