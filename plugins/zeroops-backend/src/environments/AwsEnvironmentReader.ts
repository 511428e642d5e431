import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import {
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListServicesCommand,
  ListTasksCommand,
} from '@aws-sdk/client-ecs';
import { DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { DescribeServerlessCachesCommand } from '@aws-sdk/client-elasticache';
import { DescribeDBClustersCommand } from '@aws-sdk/client-rds';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  AwsDataSource,
  DataStoreStatus,
  parseEphemeralEnvironmentName,
  TargetHealthSummary,
} from '@zeroops/backstage-plugin-zeroops-common';
import { AwsClients } from '../aws/AwsClients';
import {
  awsFailureOf,
  classifyAwsError,
  namingAction,
} from '../aws/classifyAwsError';
import { chunk, collectPages } from '../aws/paginate';
import { servicesAtRest } from './servicesAtRest';
import { SharedReadCache } from '../cache/SharedReadCache';
import {
  arnResourceName,
  toServiceRecord,
  toStoppedTaskRecord,
  toTaskDefinitionRecord,
} from './ecsMapping';
import {
  AlarmRecord,
  ClusterServicesRecord,
  DataStoresRecord,
  Loaded,
  StoppedTaskRecord,
  TaskDefinitionRecord,
} from './records';

/** Where a cluster lives. */
export interface ClusterLocation {
  accountId: string;
  region: string;
  cluster: string;
}

/** ECS limits per call. */
export const DESCRIBE_SERVICES_BATCH = 10;
const DESCRIBE_SERVICE_DEPLOYMENTS_BATCH = 20;
const DESCRIBE_TASKS_BATCH = 100;
/** Stopped tasks are listed cluster-wide; more than this many pages means a crash loop. */
const STOPPED_TASK_PAGES = 3;
/** Task definitions never change once registered. */
const TASK_DEFINITION_TTL_MS = 24 * 60 * 60 * 1000;
const CACHE_KEY_VERSION = 'v1';

/**
 * Every AWS read behind the environment views, each cached per account/region/cluster (not
 * per entity, not per user) in {@link SharedReadCache}:
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
 * Failures are cached as results too (with a shorter TTL), so a throttled or denied account
 * does not turn every page view into another AWS call.
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
    return this.cached(
      `ecs-services:${this.locationKey(location)}:${keySuffix}`,
      this.ctx(location, 'ecs', 'ecs:DescribeServices'),
      () => this.describeServices(location, names),
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
    return this.cached(
      `ecs-ephemeral:${this.locationKey(location)}`,
      this.ctx(location, 'ecs', 'ecs:ListServices'),
      async () => {
        const ecs = await this.clients.get(
          'ecs',
          location.accountId,
          location.region,
        );
        const arns = await collectPages(async nextToken => {
          const page = await ecs.send(
            new ListServicesCommand({
              cluster: location.cluster,
              maxResults: 100,
              nextToken,
            }),
          );
          return { items: page.serviceArns ?? [], nextToken: page.nextToken };
        });
        const names = arns
          .map(arnResourceName)
          .filter(name => {
            const dash = name.lastIndexOf('-pr-');
            return (
              dash > 0 &&
              parseEphemeralEnvironmentName(name.slice(dash + 1)) !== undefined
            );
          })
          .sort();
        return this.describeServices(location, names);
      },
    );
  }

  /** Stopped tasks of the whole cluster, newest first (ECS keeps them about an hour). */
  stoppedTasks(
    location: ClusterLocation,
  ): Promise<Loaded<StoppedTaskRecord[]>> {
    return this.cached(
      `ecs-stopped:${this.locationKey(location)}`,
      this.ctx(location, 'ecs', 'ecs:ListTasks'),
      async () => {
        const ecs = await this.clients.get(
          'ecs',
          location.accountId,
          location.region,
        );
        const taskArns: string[] = [];
        let nextToken: string | undefined;
        for (let page = 0; page < STOPPED_TASK_PAGES; page++) {
          const result = await ecs.send(
            new ListTasksCommand({
              cluster: location.cluster,
              desiredStatus: 'STOPPED',
              maxResults: 100,
              nextToken,
            }),
          );
          taskArns.push(...(result.taskArns ?? []));
          nextToken = result.nextToken;
          if (!nextToken) break;
        }
        const described = await Promise.all(
          chunk(taskArns, DESCRIBE_TASKS_BATCH).map(tasks =>
            namingAction(
              'ecs:DescribeTasks',
              ecs.send(
                new DescribeTasksCommand({ cluster: location.cluster, tasks }),
              ),
            ),
          ),
        );
        return described
          .flatMap(result => result.tasks ?? [])
          .map(toStoppedTaskRecord)
          .sort((a, b) => (b.stoppedAt ?? '').localeCompare(a.stoppedAt ?? ''));
      },
    );
  }

  taskDefinition(
    location: Omit<ClusterLocation, 'cluster'>,
    taskDefinitionArn: string,
  ): Promise<Loaded<TaskDefinitionRecord>> {
    return this.cached(
      `ecs-taskdef:${taskDefinitionArn}`,
      {
        source: 'ecs',
        action: 'ecs:DescribeTaskDefinition',
        accountId: location.accountId,
        region: location.region,
      },
      async () => {
        const ecs = await this.clients.get(
          'ecs',
          location.accountId,
          location.region,
        );
        const result = await ecs.send(
          new DescribeTaskDefinitionCommand({
            taskDefinition: taskDefinitionArn,
          }),
        );
        if (!result.taskDefinition) {
          throw Object.assign(new Error('No task definition returned'), {
            name: 'ResourceNotFoundException',
          });
        }
        return toTaskDefinitionRecord(result.taskDefinition);
      },
      TASK_DEFINITION_TTL_MS,
    );
  }

  /** CloudWatch alarms in ALARM of an account/region; rules filter them per service. */
  alarmsInAlarm(
    accountId: string,
    region: string,
  ): Promise<Loaded<AlarmRecord[]>> {
    return this.cached(
      `cw-alarms:${accountId}:${region}`,
      {
        source: 'cloudwatch',
        action: 'cloudwatch:DescribeAlarms',
        accountId,
        region,
      },
      async () => {
        const cloudwatch = await this.clients.get(
          'cloudwatch',
          accountId,
          region,
        );
        return collectPages<AlarmRecord>(async NextToken => {
          const page = await cloudwatch.send(
            new DescribeAlarmsCommand({
              StateValue: 'ALARM',
              AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
              MaxRecords: 100,
              NextToken,
            }),
          );
          const alarms = [
            ...(page.MetricAlarms ?? []),
            ...(page.CompositeAlarms ?? []),
          ];
          return {
            items: alarms.map(alarm => ({
              name: alarm.AlarmName ?? '',
              reason: alarm.StateReason,
              since: alarm.StateUpdatedTimestamp?.toISOString(),
            })),
            nextToken: page.NextToken,
          };
        });
      },
    );
  }

  /** Aurora clusters of an account/region (all of them: one paginated call). */
  auroraClusters(
    accountId: string,
    region: string,
  ): Promise<Loaded<DataStoresRecord>> {
    return this.cached(
      `rds-clusters:${accountId}:${region}`,
      { source: 'rds', action: 'rds:DescribeDBClusters', accountId, region },
      async () => {
        const rds = await this.clients.get('rds', accountId, region);
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
      },
    );
  }

  /** ElastiCache serverless caches of an account/region (one paginated call). */
  valkeyCaches(
    accountId: string,
    region: string,
  ): Promise<Loaded<DataStoresRecord>> {
    return this.cached(
      `elasticache-serverless:${accountId}:${region}`,
      {
        source: 'elasticache',
        action: 'elasticache:DescribeServerlessCaches',
        accountId,
        region,
      },
      async () => {
        const elasticache = await this.clients.get(
          'elasticache',
          accountId,
          region,
        );
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
      },
    );
  }

  /** Target health of the service's target groups (blue/green: both colours). */
  targetHealth(
    accountId: string,
    region: string,
    targetGroupArns: readonly string[],
  ): Promise<Loaded<TargetHealthSummary | null>> {
    const sorted = [...targetGroupArns].sort();
    return this.cached(
      `elb-targets:${accountId}:${region}:${sorted.join(',')}`,
      {
        source: 'elbv2',
        action: 'elasticloadbalancing:DescribeTargetHealth',
        accountId,
        region,
      },
      async () => {
        const elb = await this.clients.get('elbv2', accountId, region);
        const groups = await Promise.all(
          sorted.map(async arn => {
            const result = await elb.send(
              new DescribeTargetHealthCommand({ TargetGroupArn: arn }),
            );
            return { arn, targets: result.TargetHealthDescriptions ?? [] };
          }),
        );
        // The colour that has targets registered serves traffic; during a blue/green shift
        // both have targets and both count.
        const serving = groups.filter(g => g.targets.length > 0);
        if (serving.length === 0) return null;
        const summary: TargetHealthSummary = {
          targetGroupArn: serving[0].arn,
          targetGroupName: serving
            .map(g => targetGroupNameOf(g.arn))
            .join(', '),
          total: 0,
          healthy: 0,
          unhealthy: 0,
          other: 0,
          unhealthyReasons: [],
        };
        const reasons = new Set<string>();
        for (const target of serving.flatMap(g => g.targets)) {
          summary.total++;
          const state = target.TargetHealth?.State;
          if (state === 'healthy') summary.healthy++;
          else if (state === 'unhealthy') {
            summary.unhealthy++;
            const reason =
              target.TargetHealth?.Description ?? target.TargetHealth?.Reason;
            if (reason) reasons.add(reason);
          } else summary.other++;
        }
        summary.unhealthyReasons = [...reasons];
        return summary;
      },
    );
  }

  private async describeServices(
    location: ClusterLocation,
    names: readonly string[],
  ): Promise<ClusterServicesRecord> {
    const ecs = await this.clients.get(
      'ecs',
      location.accountId,
      location.region,
    );
    const results = await Promise.all(
      chunk(names, DESCRIBE_SERVICES_BATCH).map(services =>
        // Also called after ListServices: a throttled describe must not be reported as the list.
        namingAction(
          'ecs:DescribeServices',
          ecs.send(
            new DescribeServicesCommand({
              cluster: location.cluster,
              services,
            }),
          ),
        ),
      ),
    );
    const record: ClusterServicesRecord = { services: {}, missing: [] };
    for (const result of results) {
      for (const service of result.services ?? []) {
        const mapped = toServiceRecord(service);
        record.services[mapped.serviceName] = mapped;
      }
      for (const failure of result.failures ?? []) {
        if (failure.arn) record.missing.push(arnResourceName(failure.arn));
      }
    }
    await this.addBlueGreenStages(location, record);
    return record;
  }

  /**
   * The lifecycle stage of an ECS native blue/green deployment is only in
   * DescribeServiceDeployments (20 per call); it is read only for services with a blue/green
   * rollout in progress. The stage is decoration: if the call fails, the rest stands.
   */
  private async addBlueGreenStages(
    location: ClusterLocation,
    record: ClusterServicesRecord,
  ): Promise<void> {
    const inProgress = Object.values(record.services).filter(
      s =>
        s.strategy === 'BLUE_GREEN' &&
        s.currentServiceDeployment &&
        s.deployments.some(
          d => d.status === 'PRIMARY' && d.rolloutState === 'IN_PROGRESS',
        ),
    );
    if (inProgress.length === 0) return;
    try {
      const ecs = await this.clients.get(
        'ecs',
        location.accountId,
        location.region,
      );
      const arns = inProgress.map(s => s.currentServiceDeployment as string);
      const results = await Promise.all(
        chunk(arns, DESCRIBE_SERVICE_DEPLOYMENTS_BATCH).map(
          serviceDeploymentArns =>
            ecs.send(
              new DescribeServiceDeploymentsCommand({ serviceDeploymentArns }),
            ),
        ),
      );
      const stageByArn = new Map<string, string>();
      for (const deployment of results.flatMap(
        r => r.serviceDeployments ?? [],
      )) {
        if (deployment.serviceDeploymentArn && deployment.lifecycleStage) {
          stageByArn.set(
            deployment.serviceDeploymentArn,
            deployment.lifecycleStage,
          );
        }
      }
      for (const service of inProgress) {
        const stage = stageByArn.get(
          service.currentServiceDeployment as string,
        );
        const primary = service.deployments.find(d => d.status === 'PRIMARY');
        if (stage && primary) primary.blueGreenStage = stage;
      }
    } catch (error) {
      this.options.logger.debug(
        `DescribeServiceDeployments failed for ${location.cluster}: ${error}`,
      );
    }
  }

  private cached<T>(
    key: string,
    ctx: {
      source: AwsDataSource;
      action: string;
      accountId: string;
      region: string;
    },
    load: () => Promise<T>,
    ttlMs: number | ((value: T) => number) = this.options.ttlMs,
  ): Promise<Loaded<T>> {
    const ttlOf = (value: T) =>
      typeof ttlMs === 'function' ? ttlMs(value) : ttlMs;
    const errorTtlMs = Math.min(
      typeof ttlMs === 'function' ? this.options.ttlMs : ttlMs,
      this.options.ttlMs,
    );
    return this.cache.read<Loaded<T>>(
      `${CACHE_KEY_VERSION}:${key}`,
      async () => {
        const fetchedAt = new Date().toISOString();
        try {
          return { ok: true, value: await load(), fetchedAt } as Loaded<T>;
        } catch (error) {
          const classified = classifyAwsError(error, ctx);
          // The log keeps AWS's own text (with the principal) for operators; readers get
          // the classified message, which never names it.
          const failure = awsFailureOf(error);
          this.options.logger.warn(
            `ZeroOps: ${classified.message} (account ${ctx.accountId}, ${
              ctx.region
            }; AWS said: ${
              failure instanceof Error ? failure.message : failure
            })`,
          );
          return { ok: false, error: classified, fetchedAt };
        }
      },
      { ttlMs: loaded => (loaded.ok ? ttlOf(loaded.value) : errorTtlMs) },
    );
  }

  private ctx(
    location: ClusterLocation,
    source: AwsDataSource,
    action: string,
  ) {
    return {
      source,
      action,
      accountId: location.accountId,
      region: location.region,
    };
  }

  private locationKey(location: ClusterLocation): string {
    return `${location.accountId}:${location.region}:${location.cluster}`;
  }
}

/** `arn:...:targetgroup/payments-api-production-b/0123` → `payments-api-production-b` */
function targetGroupNameOf(arn: string): string {
  const parts = arn.split('/');
  return parts.length >= 2 ? parts[parts.length - 2] : arn;
}
