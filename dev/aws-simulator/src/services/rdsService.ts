import type { DBCluster, DBClusterMessage } from '@aws-sdk/client-rds';
import { AwsError } from '../protocols/AwsError.ts';
import type { DatabaseModel, InstanceModel } from '../scenario/world.ts';
import { at } from './ecs/renderEcs.ts';
import { pageOf } from './pagination.ts';
import {
  ParamError,
  objectList,
  optionalInteger,
  optionalString,
} from './params.ts';
import { regionalInstances } from './regionalInstances.ts';
import { xmlServiceErrors } from './serviceErrors.ts';
import type {
  RequestContext,
  RequestParams,
  ServiceDefinition,
} from './types.ts';

/** Amazon RDS DescribeDBClusters (awsQuery, version 2014-10-31): Aurora Serverless v2. */

function renderCluster(
  db: DatabaseModel,
  instance: InstanceModel,
  now: Date,
): DBCluster {
  const members = [
    { DBInstanceIdentifier: db.writerInstance, IsClusterWriter: true },
    ...db.readerInstances.map(id => ({
      DBInstanceIdentifier: id,
      IsClusterWriter: false,
    })),
  ].map(m => ({
    ...m,
    DBClusterParameterGroupStatus: 'in-sync',
    PromotionTier: 1,
  }));
  return {
    AllocatedStorage: 1,
    AvailabilityZones: ['a', 'b', 'c'].map(z => `${instance.region}${z}`),
    BackupRetentionPeriod: db.backupRetentionDays,
    DatabaseName: instance.service.name.replace(/-/g, '_'),
    DBClusterIdentifier: db.identifier,
    DBClusterParameterGroup: 'default.aurora-postgresql16',
    DBSubnetGroup: `zeroops-${instance.environment.name}`,
    Status: 'available',
    EarliestRestorableTime: at(
      now,
      Math.min(db.createdAgoMs, db.backupRetentionDays * 86_400_000),
    ),
    Endpoint: db.endpoint,
    ReaderEndpoint: db.readerEndpoint,
    CustomEndpoints: [],
    MultiAZ: db.readerInstances.length > 0,
    Engine: 'aurora-postgresql',
    EngineVersion: db.engineVersion,
    LatestRestorableTime: at(now, 5 * 60_000),
    Port: 5432,
    MasterUsername: 'zeroops',
    PreferredBackupWindow: '03:00-04:00',
    PreferredMaintenanceWindow: 'sun:04:30-sun:05:30',
    ReadReplicaIdentifiers: [],
    DBClusterMembers: members,
    VpcSecurityGroups: [
      { VpcSecurityGroupId: db.securityGroupId, Status: 'active' },
    ],
    HostedZoneId: 'Z2R2ITUGPM61AM',
    StorageEncrypted: true,
    KmsKeyId: db.kmsKeyId,
    DbClusterResourceId: db.resourceId,
    DBClusterArn: db.arn,
    AssociatedRoles: [],
    IAMDatabaseAuthenticationEnabled: true,
    ClusterCreateTime: at(now, db.createdAgoMs),
    EnabledCloudwatchLogsExports: ['postgresql'],
    EngineMode: 'provisioned',
    DeletionProtection: db.deletionProtection,
    HttpEndpointEnabled: false,
    CopyTagsToSnapshot: true,
    CrossAccountClone: false,
    DomainMemberships: [],
    TagList: [
      { Key: 'zeroops:service', Value: instance.service.name },
      { Key: 'zeroops:environment', Value: instance.name },
    ],
    AutoMinorVersionUpgrade: true,
    NetworkType: 'IPV4',
    StorageType: 'aurora',
    ServerlessV2ScalingConfiguration: {
      MinCapacity: db.minCapacity,
      MaxCapacity: db.maxCapacity,
      SecondsUntilAutoPause: db.secondsUntilAutoPause,
    },
    DatabaseInsightsMode: 'standard',
    PerformanceInsightsEnabled: false,
  };
}

function describeDbClusters(
  params: RequestParams,
  context: RequestContext,
): DBClusterMessage {
  const identifier = optionalString(params, 'DBClusterIdentifier');
  const maxRecords = optionalInteger(params, 'MaxRecords', 20, 100) ?? 100;
  const filters = objectList(params, 'Filters') ?? [];
  const idFilter = new Set<string>();
  const engineFilter = new Set<string>();
  for (const filter of filters) {
    const values = Array.isArray(filter.Values)
      ? filter.Values.map(String)
      : [];
    if (filter.Name === 'db-cluster-id') values.forEach(v => idFilter.add(v));
    else if (filter.Name === 'engine') values.forEach(v => engineFilter.add(v));
    else
      throw new ParamError(`Unrecognized filter name: ${String(filter.Name)}`);
  }
  const clusters = regionalInstances(context)
    .filter(i => i.database)
    .map(i => ({ db: i.database!, instance: i }))
    .filter(
      ({ db }) =>
        (identifier === undefined ||
          db.identifier === identifier ||
          db.arn === identifier) &&
        (idFilter.size === 0 ||
          idFilter.has(db.identifier) ||
          idFilter.has(db.arn)) &&
        (engineFilter.size === 0 || engineFilter.has('aurora-postgresql')),
    )
    .sort((a, b) => a.db.identifier.localeCompare(b.db.identifier));
  if (identifier !== undefined && clusters.length === 0) {
    throw new AwsError({
      code: 'DBClusterNotFoundFault',
      status: 404,
      message: `DBCluster ${identifier} not found.`,
    });
  }
  const { page, nextToken } = pageOf(clusters, {
    params,
    tokenParam: 'Marker',
    pageSize: maxRecords,
  });
  return {
    DBClusters: page.map(({ db, instance }) =>
      renderCluster(db, instance, context.now),
    ),
    Marker: nextToken,
  };
}

export const rdsService: ServiceDefinition = {
  signingName: 'rds',
  displayName: 'Amazon RDS',
  protocol: 'awsQuery',
  xmlNamespace: 'http://rds.amazonaws.com/doc/2014-10-31/',
  operations: { DescribeDBClusters: describeDbClusters },
  xmlItemNames: {
    DescribeDBClusters: {
      DBClusters: 'DBCluster',
      AvailabilityZones: 'AvailabilityZone',
      DBClusterMembers: 'DBClusterMember',
      VpcSecurityGroups: 'VpcSecurityGroupMembership',
      TagList: 'Tag',
      AssociatedRoles: 'DBClusterRole',
      ReadReplicaIdentifiers: 'ReadReplicaIdentifier',
      DomainMemberships: 'DomainMembership',
    },
  },
  errors: xmlServiceErrors({
    accessDeniedMessage:
      'User is not authorized to perform: rds:DescribeDBClusters',
    validationCode: 'InvalidParameterValue',
  }),
};
