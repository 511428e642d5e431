import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AwsDataSource,
  TargetHealthSummary,
} from '@zeroops/backstage-plugin-zeroops-common';
import { AwsClients, ClientKind, ClientOf } from '../../aws/AwsClients';
import { SharedReadCache } from '../../cache/SharedReadCache';
import {
  AlarmRecord,
  ClusterLocation,
  ClusterServicesRecord,
  DataStoresRecord,
  Loaded,
  StoppedTaskRecord,
  TaskDefinitionRecord,
} from '../records';
import { describeAlarmsInAlarm } from './alarms';
import { AwsReadContext, cachedAwsRead } from './cachedAwsRead';
import { describeAuroraClusters, describeValkeyCaches } from './dataStores';
import { describeServices } from './ecsServices';
import { listEphemeralServiceNames } from './ephemeralServices';
import { servicesAtRest } from './servicesAtRest';
import { readStoppedTasks } from './stoppedTasks';
import { describeTargetHealth } from './targetHealth';
import { describeTaskDefinition } from './taskDefinitions';

type AccountRegion = Omit<ClusterLocation, 'cluster'>;

/** Task definitions never change once registered. */
const TASK_DEFINITION_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Every AWS read behind the environment views, each cached per account/region/cluster (not
 * per entity, not per user) in {@link SharedReadCache}. This class owns the cache keys and
 * TTLs; the calls themselves are in one file per signal next to it.
 *
 * | key | AWS calls per TTL |
 * | --- | --- |
 * | 10 services of a persistent cluster's roster | one DescribeServices (per resting TTL when all 10 are at rest) |
 * | services of an ephemeral cluster | ⌈n/100⌉ ListServices + ⌈n/10⌉ DescribeServices |
 * | stopped tasks of a cluster | ListTasks (≤3 pages) + DescribeTasks per 100 |
 * | alarms in ALARM of an account/region | DescribeAlarms (pages of 100) |
 * | Aurora clusters / Valkey caches of an account/region | one paginated Describe each |
 * | target health of a target group | DescribeTargetHealth |
 * | task definition (immutable, 24 h) | DescribeTaskDefinition |
 *
 * Failures are cached as results too (see {@link cachedAwsRead}).
 */
export class AwsEnvironmentReader {
  constructor(
    private readonly clients: AwsClients,
    private readonly cache: SharedReadCache,
    private readonly options: {
      ttlMs: number;
      /** TTL of a DescribeServices batch whose services are all at rest; see servicesAtRest. */
      restingTtlMs?: number;
      logger: LoggerService;
    },
  ) {}

  /** See {@link AwsClients.warmCredentials}. */
  warmCredentials(accountId: string): void {
    this.clients.warmCredentials(accountId);
  }

  /** DescribeServices for the given names, 10 per call, all calls in parallel. */
  clusterServices(
    location: ClusterLocation,
    names: readonly string[],
    keySuffix: string,
  ): Promise<Loaded<ClusterServicesRecord>> {
    const { ttlMs, restingTtlMs = ttlMs } = this.options;
    return this.cachedCall(
      {
        key: `ecs-services:${locationKey(location)}:${keySuffix}`,
        location,
        client: 'ecs',
        action: 'ecs:DescribeServices',
      },
      ecs =>
        describeServices(ecs, location.cluster, names, this.options.logger),
      record => (servicesAtRest(record) ? restingTtlMs : ttlMs),
    );
  }

  /**
   * The pull-request services (`<service>-pr-<n>`) of an ephemeral cluster. One ListServices
   * walk per cluster per TTL serves every catalog service: listing per service would cost one
   * paginated walk each, and the PR numbers are not known in advance.
   */
  ephemeralServices(
    location: ClusterLocation,
  ): Promise<Loaded<ClusterServicesRecord>> {
    return this.cachedCall(
      {
        key: `ecs-ephemeral:${locationKey(location)}`,
        location,
        client: 'ecs',
        action: 'ecs:ListServices',
      },
      async ecs => {
        const names = await listEphemeralServiceNames(ecs, location.cluster);
        return describeServices(
          ecs,
          location.cluster,
          names,
          this.options.logger,
        );
      },
    );
  }

  /** Stopped tasks of the whole cluster, newest first (ECS keeps them about an hour). */
  stoppedTasks(
    location: ClusterLocation,
  ): Promise<Loaded<StoppedTaskRecord[]>> {
    return this.cachedCall(
      {
        key: `ecs-stopped:${locationKey(location)}`,
        location,
        client: 'ecs',
        action: 'ecs:ListTasks',
      },
      ecs => readStoppedTasks(ecs, location.cluster),
    );
  }

  taskDefinition(
    location: AccountRegion,
    taskDefinitionArn: string,
  ): Promise<Loaded<TaskDefinitionRecord>> {
    return this.cachedCall(
      {
        key: `ecs-taskdef:${taskDefinitionArn}`,
        location,
        client: 'ecs',
        action: 'ecs:DescribeTaskDefinition',
      },
      ecs => describeTaskDefinition(ecs, taskDefinitionArn),
      TASK_DEFINITION_TTL_MS,
    );
  }

  /** CloudWatch alarms in ALARM of an account/region; rules filter them per service. */
  alarmsInAlarm(
    accountId: string,
    region: string,
  ): Promise<Loaded<AlarmRecord[]>> {
    return this.cachedCall(
      {
        key: `cw-alarms:${accountId}:${region}`,
        location: { accountId, region },
        client: 'cloudwatch',
        action: 'cloudwatch:DescribeAlarms',
      },
      describeAlarmsInAlarm,
    );
  }

  /** Aurora clusters of an account/region (all of them: one paginated call). */
  auroraClusters(
    accountId: string,
    region: string,
  ): Promise<Loaded<DataStoresRecord>> {
    return this.cachedCall(
      {
        key: `rds-clusters:${accountId}:${region}`,
        location: { accountId, region },
        client: 'rds',
        action: 'rds:DescribeDBClusters',
      },
      describeAuroraClusters,
    );
  }

  /** ElastiCache serverless caches of an account/region (one paginated call). */
  valkeyCaches(
    accountId: string,
    region: string,
  ): Promise<Loaded<DataStoresRecord>> {
    return this.cachedCall(
      {
        key: `elasticache-serverless:${accountId}:${region}`,
        location: { accountId, region },
        client: 'elasticache',
        action: 'elasticache:DescribeServerlessCaches',
      },
      describeValkeyCaches,
    );
  }

  /** Target health of the service's target groups (blue/green: both colours). */
  targetHealth(
    accountId: string,
    region: string,
    targetGroupArns: readonly string[],
  ): Promise<Loaded<TargetHealthSummary | null>> {
    const sorted = [...targetGroupArns].sort();
    return this.cachedCall(
      {
        key: `elb-targets:${accountId}:${region}:${sorted.join(',')}`,
        location: { accountId, region },
        client: 'elbv2',
        action: 'elasticloadbalancing:DescribeTargetHealth',
      },
      elbv2 => describeTargetHealth(elbv2, sorted),
    );
  }

  /**
   * One cached read with a client of the location's account and region; a failure is reported
   * with the client as its source and `action` as the IAM action to grant.
   */
  private cachedCall<K extends ClientKind & AwsDataSource, T>(
    read: { key: string; location: AccountRegion; client: K; action: string },
    call: (client: ClientOf<K>) => Promise<T>,
    ttlMs?: number | ((value: T) => number),
  ): Promise<Loaded<T>> {
    const { key, client, action } = read;
    const { accountId, region } = read.location;
    return this.cached(
      key,
      { source: client, action, accountId, region },
      async () => call(await this.clients.get(client, accountId, region)),
      ttlMs,
    );
  }

  private cached<T>(
    key: string,
    ctx: AwsReadContext,
    load: () => Promise<T>,
    ttlMs?: number | ((value: T) => number),
  ): Promise<Loaded<T>> {
    return cachedAwsRead(
      {
        cache: this.cache,
        logger: this.options.logger,
        ttlMs: this.options.ttlMs,
      },
      key,
      ctx,
      load,
      ttlMs,
    );
  }
}

function locationKey(location: ClusterLocation): string {
  return `${location.accountId}:${location.region}:${location.cluster}`;
}
