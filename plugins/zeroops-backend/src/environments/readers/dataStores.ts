import { DescribeServerlessCachesCommand } from '@aws-sdk/client-elasticache';
import { DescribeDBClustersCommand } from '@aws-sdk/client-rds';
import { DataStoreStatus } from '@zeroops/backstage-plugin-zeroops-common';
import { ClientOf } from '../../aws/AwsClients';
import { collectPages } from '../../aws/paginate';
import { DataStoresRecord } from '../records';

/** A cluster or cache as the health rules read it: usable only in the `available` state. */
function dataStoreStatus(
  kind: DataStoreStatus['kind'],
  identifier: string | undefined,
  status: string | undefined,
): DataStoreStatus {
  return {
    kind,
    identifier: identifier ?? '',
    status: status ?? 'unknown',
    available: status === 'available',
  };
}

/** Aurora clusters of an account/region (all of them: one paginated call). */
export async function describeAuroraClusters(
  rds: ClientOf<'rds'>,
): Promise<DataStoresRecord> {
  const stores = await collectPages<DataStoreStatus>(async Marker => {
    const page = await rds.send(
      new DescribeDBClustersCommand({ MaxRecords: 100, Marker }),
    );
    return {
      items: (page.DBClusters ?? []).map(cluster =>
        dataStoreStatus('aurora', cluster.DBClusterIdentifier, cluster.Status),
      ),
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
      items: (page.ServerlessCaches ?? []).map(cache =>
        dataStoreStatus('valkey', cache.ServerlessCacheName, cache.Status),
      ),
      nextToken: page.NextToken,
    };
  });
  return { stores };
}
