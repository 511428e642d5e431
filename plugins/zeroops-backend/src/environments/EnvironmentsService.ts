import { createHash } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ALARM_SIGNALS,
  AlarmSummary,
  alarmNamePrefix,
  DataStoreStatus,
  dataStoreIdentifier,
  EntityEnvironment,
  EnvironmentError,
  parseEphemeralEnvironmentName,
  rollUpHealth,
  TargetHealthSummary,
  unknownHealth,
} from '@zeroops/backstage-plugin-zeroops-common';
import { chunk } from '../aws/paginate';
import { EcsServiceArn, ServiceTarget } from '../catalog/serviceTargets';
import { PlatformEnvironment } from '../config/ZeroOpsConfig';
import {
  AwsEnvironmentReader,
  ClusterLocation,
  DESCRIBE_SERVICES_BATCH,
} from './AwsEnvironmentReader';
import { annotationTenancyError } from './annotationTenancy';
import { buildDeploymentState } from './deploymentState';
import { buildEnvironmentLinks } from './links';
import { needsTargetHealth, TargetHealthMode } from './targetHealthPolicy';
import {
  ClusterServicesRecord,
  EcsServiceRecord,
  Loaded,
  MAX_STOPPED_TASKS,
  TaskDefinitionRecord,
} from './records';

/**
 * `summary` reads only what is shared by all services of a cluster or account (ECS services,
 * alarms, data stores): that is what the overview needs for 50 services at once. `detail` adds
 * what is specific to one service (task definitions, target health, stopped tasks).
 */
export type EnvironmentDetail = 'summary' | 'detail';

/** Supplies the service names to describe together in each cluster. */
export interface RosterSource {
  rosterTargets(): Promise<ServiceTarget[]>;
  /** A service was not in the roster: reload it early. */
  refreshSoon(): void;
}

const KNOWN_SIGNALS = new Set<string>(ALARM_SIGNALS);

/** Ten services of one cluster's roster that are described together, and their cache key. */
interface RosterBatch {
  names: string[];
  key: string;
}

/** Per cluster key: service name → the batch it is described in. */
type RosterBatches = Map<string, Map<string, RosterBatch>>;

/**
 * Builds the environments of a service: every configured environment in parallel (never one
 * after the other), each with its own error when AWS failed for it.
 */
export class EnvironmentsService {
  private rosterCache = new WeakMap<ServiceTarget[], RosterBatches>();

  constructor(
    private readonly environments: PlatformEnvironment[],
    private readonly reader: AwsEnvironmentReader,
    private readonly roster: RosterSource,
    private readonly logger: LoggerService,
    private readonly options: { targetHealth: TargetHealthMode } = {
      targetHealth: 'on-symptom',
    },
  ) {}

  /** The configured environments the target lives in. */
  environmentsFor(target: ServiceTarget): PlatformEnvironment[] {
    const arn = target.ecsServiceArn;
    if (!arn) return this.environments;
    // Outside the configured accounts and regions: nothing is read (see annotationTenancy).
    if (annotationTenancyError(arn, this.environments)) return [];
    const configured = this.environments.find(
      env =>
        env.accountId === arn.accountId &&
        env.region === arn.region &&
        env.cluster === arn.cluster,
    );
    return [
      configured ?? {
        name: arn.cluster,
        kind: 'persistent',
        accountId: arn.accountId,
        region: arn.region,
        cluster: arn.cluster,
      },
    ];
  }

  async forService(
    target: ServiceTarget,
    detail: EnvironmentDetail,
  ): Promise<EntityEnvironment[]> {
    const rejected =
      target.ecsServiceArn &&
      annotationTenancyError(target.ecsServiceArn, this.environments);
    if (rejected && target.ecsServiceArn) {
      return [this.rejected(target.ecsServiceArn, rejected)];
    }
    const environments = this.environmentsFor(target);
    // Cold: AssumeRole runs while the roster is looked up, not after it.
    for (const env of environments) this.reader.warmCredentials(env.accountId);
    const batches = await this.rosterBatches();
    const pending = Promise.all(
      environments.map(env =>
        env.kind === 'ephemeral' && !target.ecsServiceArn
          ? this.ephemeral(env, target, detail)
          : this.persistent(env, target, batches, detail).then(e => [e]),
      ),
    );
    // Queued behind DescribeServices, whose answer the task definitions wait for.
    for (const env of environments) this.startSharedReads(env, detail);
    return (await pending).flat();
  }

  /**
   * Starts the reads that do not depend on the service's own record (alarms, data stores and
   * stopped tasks of the account or cluster) together with DescribeServices, so that on a cold
   * cache they overlap with it and with the task definitions instead of following them.
   * `compose` joins these reads: loads are single flight, and warm ones are plain cache hits.
   */
  private startSharedReads(
    env: PlatformEnvironment,
    detail: EnvironmentDetail,
  ) {
    const reads: Promise<unknown>[] = [
      this.reader.alarmsInAlarm(env.accountId, env.region),
      this.reader.auroraClusters(env.accountId, env.region),
      this.reader.valkeyCaches(env.accountId, env.region),
    ];
    if (detail === 'detail')
      reads.push(this.reader.stoppedTasks(locationOf(env)));
    // Failures are values (Loaded); compose reports them. Nothing may reject unobserved.
    for (const read of reads) read.catch(() => undefined);
  }

  private async persistent(
    env: PlatformEnvironment,
    target: ServiceTarget,
    batches: RosterBatches,
    detail: EnvironmentDetail,
  ): Promise<EntityEnvironment> {
    const location = locationOf(env);
    const ecsServiceName =
      target.ecsServiceArn?.serviceName ?? target.serviceName;
    // The service is described together with the nine roster neighbours of its batch: one
    // DescribeServices per 10 services and TTL however many of them are viewed, and a cold
    // view only waits for (and parses) its own batch, not the whole cluster.
    const batch = batches.get(clusterKey(location))?.get(ecsServiceName);
    let services: Loaded<ClusterServicesRecord> | undefined;
    if (batch) {
      services = await this.reader.clusterServices(
        location,
        batch.names,
        batch.key,
      );
    }
    if (!services || (services.ok && !knows(services.value, ecsServiceName))) {
      // Not (yet) in the roster, e.g. registered in the catalog seconds ago.
      if (!batch) this.roster.refreshSoon();
      services = await this.reader.clusterServices(
        location,
        [ecsServiceName],
        `one:${ecsServiceName}`,
      );
    }
    return this.compose({
      env,
      instance: env.name,
      serviceName: target.serviceName,
      ecsServiceName,
      services,
      detail,
    });
  }

  private async ephemeral(
    env: PlatformEnvironment,
    target: ServiceTarget,
    detail: EnvironmentDetail,
  ): Promise<EntityEnvironment[]> {
    const services = await this.reader.ephemeralServices(locationOf(env));
    if (!services.ok) {
      return [this.failed(env, env.name, target.serviceName, services)];
    }
    const prefix = `${target.serviceName}-`;
    const instances = Object.keys(services.value.services)
      .filter(name => name.startsWith(prefix))
      .map(name => ({
        name,
        instance: name.slice(prefix.length),
        pr: parseEphemeralEnvironmentName(name.slice(prefix.length)),
      }))
      .filter(i => i.pr !== undefined)
      .sort((a, b) => (a.pr ?? 0) - (b.pr ?? 0));
    return Promise.all(
      instances.map(i =>
        this.compose({
          env,
          instance: i.instance,
          serviceName: target.serviceName,
          ecsServiceName: i.name,
          services,
          detail,
        }),
      ),
    );
  }

  private async compose(options: {
    env: PlatformEnvironment;
    instance: string;
    serviceName: string;
    ecsServiceName: string;
    services: Loaded<ClusterServicesRecord>;
    detail: EnvironmentDetail;
  }): Promise<EntityEnvironment> {
    const { env, instance, serviceName, ecsServiceName, services, detail } =
      options;
    if (!services.ok) return this.failed(env, instance, serviceName, services);

    const location = locationOf(env);
    const record = services.value.services[ecsServiceName];
    const partialErrors: EnvironmentError[] = [];
    const unwrap = <T>(loaded: Loaded<T>): T | undefined => {
      if (loaded.ok) return loaded.value;
      partialErrors.push(loaded.error);
      return undefined;
    };

    const wantDetail = detail === 'detail' && record !== undefined;
    const [alarms, aurora, valkey, stopped, taskDefinitions] =
      await Promise.all([
        this.reader.alarmsInAlarm(env.accountId, env.region),
        this.reader.auroraClusters(env.accountId, env.region),
        this.reader.valkeyCaches(env.accountId, env.region),
        wantDetail ? this.reader.stoppedTasks(location) : undefined,
        wantDetail ? this.taskDefinitions(env, record) : undefined,
      ]);

    const prefix = alarmNamePrefix(serviceName, instance);
    const serviceAlarms: AlarmSummary[] = (unwrap(alarms) ?? [])
      .filter(alarm => alarm.name.startsWith(prefix))
      .map(alarm => {
        const signal = alarm.name.slice(prefix.length);
        return {
          name: alarm.name,
          signal: KNOWN_SIGNALS.has(signal) ? signal : undefined,
          state: 'ALARM' as const,
          reason: alarm.reason,
          since: alarm.since,
        };
      });
    const storeId = dataStoreIdentifier(serviceName, instance);
    const dataStores: DataStoreStatus[] = [
      ...(unwrap(aurora)?.stores ?? []),
      ...(unwrap(valkey)?.stores ?? []),
    ].filter(store => store.identifier === storeId);
    const taskDefinitionMap = new Map<string, TaskDefinitionRecord>();
    for (const loaded of taskDefinitions ?? []) {
      const value = unwrap(loaded);
      if (value) taskDefinitionMap.set(value.taskDefinitionArn, value);
    }
    const stoppedOfService = stopped
      ? (unwrap(stopped) ?? []).filter(
          task => task.serviceName === ecsServiceName,
        )
      : [];
    const stoppedTasks = stoppedOfService
      .slice(0, MAX_STOPPED_TASKS)
      .map(({ serviceName: _omit, ...task }) => task);

    let targetSummary: TargetHealthSummary | undefined;
    if (
      wantDetail &&
      needsTargetHealth({
        mode: this.options.targetHealth,
        service: record,
        alarms: serviceAlarms,
        stoppedTasks: stoppedOfService,
        now: Date.now(),
      })
    ) {
      const targets = await this.reader.targetHealth(
        env.accountId,
        env.region,
        record.targetGroupArns,
      );
      targetSummary = unwrap(targets) ?? undefined;
    }

    const service = record
      ? {
          status: record.status,
          desiredCount: record.desiredCount,
          runningCount: record.runningCount,
          pendingCount: record.pendingCount,
          launchType: record.launchType,
          createdAt: record.createdAt,
        }
      : undefined;
    const deployment = record
      ? buildDeploymentState(record, taskDefinitionMap)
      : undefined;
    const primaryTaskDefinition = deployment?.primary
      ? taskDefinitionMap.get(deployment.primary.taskDefinitionArn)
      : undefined;

    return {
      name: instance,
      platformEnvironment: env.name,
      kind: env.kind,
      pullRequest: parseEphemeralEnvironmentName(instance),
      location: { ...location, ecsServiceName },
      health: rollUpHealth({
        service,
        deployment,
        alarms: serviceAlarms,
        targets: targetSummary,
        dataStores,
      }),
      service,
      deployment,
      events: record?.events ?? [],
      stoppedTasks,
      alarms: serviceAlarms,
      targets: targetSummary,
      dataStores,
      links: buildEnvironmentLinks({
        region: env.region,
        cluster: env.cluster,
        ecsServiceName,
        taskDefinition: primaryTaskDefinition,
      }),
      partialErrors: dedupeErrors(partialErrors),
      fetchedAt: services.fetchedAt,
    };
  }

  private taskDefinitions(
    env: PlatformEnvironment,
    record: EcsServiceRecord,
  ): Promise<Loaded<TaskDefinitionRecord>[]> {
    const arns = [
      ...new Set(record.deployments.map(d => d.taskDefinitionArn)),
    ].filter(Boolean);
    return Promise.all(
      arns.map(arn =>
        this.reader.taskDefinition(
          { accountId: env.accountId, region: env.region },
          arn,
        ),
      ),
    );
  }

  private failed(
    env: PlatformEnvironment,
    instance: string,
    serviceName: string,
    loaded: Extract<Loaded<unknown>, { ok: false }>,
  ): EntityEnvironment {
    const ecsServiceName =
      env.kind === 'ephemeral' ? `${serviceName}-pr-*` : serviceName;
    return {
      name: instance,
      platformEnvironment: env.name,
      kind: env.kind,
      location: { ...locationOf(env), ecsServiceName },
      health: unknownHealth(loaded.error.message),
      events: [],
      stoppedTasks: [],
      alarms: [],
      dataStores: [],
      links: buildEnvironmentLinks({
        region: env.region,
        cluster: env.cluster,
        ecsServiceName: serviceName,
      }),
      error: loaded.error,
      partialErrors: [],
      fetchedAt: loaded.fetchedAt,
    };
  }

  /** An annotation outside the configured estate: its error, without any AWS call. */
  private rejected(
    arn: EcsServiceArn,
    error: EnvironmentError,
  ): EntityEnvironment {
    const location = {
      accountId: arn.accountId,
      region: arn.region,
      cluster: arn.cluster,
    };
    return {
      name: arn.cluster,
      platformEnvironment: arn.cluster,
      kind: 'persistent',
      location: { ...location, ecsServiceName: arn.serviceName },
      health: unknownHealth(error.message),
      events: [],
      stoppedTasks: [],
      alarms: [],
      dataStores: [],
      links: buildEnvironmentLinks({
        region: arn.region,
        cluster: arn.cluster,
        ecsServiceName: arn.serviceName,
      }),
      error,
      partialErrors: [],
      fetchedAt: new Date().toISOString(),
    };
  }

  /** The roster's DescribeServices batches per cluster, computed once per roster list. */
  private async rosterBatches(): Promise<RosterBatches> {
    let targets: ServiceTarget[];
    try {
      targets = await this.roster.rosterTargets();
    } catch (error) {
      // Without the catalog roster every service is still read, just not batched.
      this.logger.warn(`ZeroOps: could not list catalog services: ${error}`);
      return new Map();
    }
    const cached = this.rosterCache.get(targets);
    if (cached) return cached;
    const namesByCluster = new Map<string, Set<string>>();
    for (const target of targets) {
      for (const env of this.environmentsFor(target)) {
        if (env.kind === 'ephemeral' && !target.ecsServiceArn) continue;
        const key = clusterKey(locationOf(env));
        const names = namesByCluster.get(key) ?? new Set<string>();
        names.add(target.ecsServiceArn?.serviceName ?? target.serviceName);
        namesByCluster.set(key, names);
      }
    }
    const result: RosterBatches = new Map();
    for (const [cluster, nameSet] of namesByCluster) {
      const byName = new Map<string, RosterBatch>();
      for (const batchNames of chunk(
        [...nameSet].sort(),
        DESCRIBE_SERVICES_BATCH,
      )) {
        // Named by its members, so a changed roster never reuses a batch it no longer has.
        const batch = {
          names: batchNames,
          key: `roster:${createHash('sha256')
            .update(batchNames.join('\n'))
            .digest('hex')
            .slice(0, 16)}`,
        };
        for (const name of batchNames) byName.set(name, batch);
      }
      result.set(cluster, byName);
    }
    this.rosterCache.set(targets, result);
    return result;
  }
}

function locationOf(env: PlatformEnvironment): ClusterLocation {
  return { accountId: env.accountId, region: env.region, cluster: env.cluster };
}

function clusterKey(location: ClusterLocation): string {
  return `${location.accountId}:${location.region}:${location.cluster}`;
}

function knows(record: ClusterServicesRecord, name: string): boolean {
  return name in record.services || record.missing.includes(name);
}

function dedupeErrors(errors: EnvironmentError[]): EnvironmentError[] {
  const seen = new Set<string>();
  return errors.filter(error => {
    const key = `${error.source}:${error.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
