import {
  DBClusterNotFoundFault,
  DescribeDBClustersCommand,
} from '@aws-sdk/client-rds';
import { assumeRoleIn, clients } from '../__testUtils__/clients.ts';
import { useSimulator } from '../__testUtils__/useSimulator.ts';

describe('RDS DescribeDBClusters through @aws-sdk/client-rds', () => {
  const demo = useSimulator();

  it('describes an Aurora Serverless v2 cluster with members and tags', async () => {
    const rds = clients.rds(demo.simulator, {
      credentials: await assumeRoleIn(demo.simulator, '111111111111'),
    });
    const out = await rds.send(
      new DescribeDBClustersCommand({
        DBClusterIdentifier: 'payments-api-production',
      }),
    );
    expect(out.DBClusters).toHaveLength(1);
    const [cluster] = out.DBClusters!;
    expect(cluster).toMatchObject({
      DBClusterIdentifier: 'payments-api-production',
      DBClusterArn:
        'arn:aws:rds:us-east-1:111111111111:cluster:payments-api-production',
      Status: 'available',
      Engine: 'aurora-postgresql',
      DeletionProtection: true,
      BackupRetentionPeriod: 35,
      StorageEncrypted: true,
      ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 16 },
    });
    expect(cluster.AvailabilityZones).toEqual([
      'us-east-1a',
      'us-east-1b',
      'us-east-1c',
    ]);
    expect(cluster.DBClusterMembers).toEqual([
      expect.objectContaining({
        DBInstanceIdentifier: 'payments-api-production-1',
        IsClusterWriter: true,
      }),
      expect.objectContaining({
        DBInstanceIdentifier: 'payments-api-production-2',
        IsClusterWriter: false,
      }),
    ]);
    expect(cluster.TagList).toEqual([
      { Key: 'zeroops:service', Value: 'payments-api' },
      { Key: 'zeroops:environment', Value: 'production' },
    ]);
    expect(cluster.ClusterCreateTime).toBeInstanceOf(Date);
  });

  it('lists clusters with a Filters parameter and pages with Marker', async () => {
    const rds = clients.rds(demo.simulator, {
      credentials: await assumeRoleIn(demo.simulator, '222222222222'),
    });
    const all = await rds.send(new DescribeDBClustersCommand({}));
    expect(all.DBClusters!.map(c => c.DBClusterIdentifier)).toEqual([
      'orders-worker-staging',
      'payments-api-pr-7',
      'payments-api-staging',
    ]);
    const staging = all.DBClusters!.find(
      c => c.DBClusterIdentifier === 'payments-api-staging',
    )!;
    expect(staging.ServerlessV2ScalingConfiguration).toEqual({
      MinCapacity: 0,
      MaxCapacity: 4,
      SecondsUntilAutoPause: 300,
    });
    const filtered = await rds.send(
      new DescribeDBClustersCommand({
        Filters: [
          {
            Name: 'db-cluster-id',
            Values: ['orders-worker-staging', 'payments-api-pr-7'],
          },
        ],
      }),
    );
    expect(filtered.DBClusters!.map(c => c.DBClusterIdentifier)).toEqual([
      'orders-worker-staging',
      'payments-api-pr-7',
    ]);
  });

  it('answers DBClusterNotFoundFault for an unknown cluster', async () => {
    await expect(
      clients
        .rds(demo.simulator)
        .send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'nope' })),
    ).rejects.toBeInstanceOf(DBClusterNotFoundFault);
  });
});
