import { LoggerService } from '@backstage/backend-plugin-api';
import {
  EntityEnvironment,
  EnvironmentError,
  HealthSignal,
  parseEphemeralEnvironmentName,
  rollUpHealth,
  TargetHealthSummary,
} from '@zeroops/backstage-plugin-zeroops-common';
import { ServiceTarget } from '../catalog/serviceTargets';
import { PlatformEnvironment } from '../config/ZeroOpsConfig';
import { AwsEnvironmentReader } from './AwsEnvironmentReader';
import { annotationTenancyError } from './annotationTenancy';
import {
  failedEnvironment,
  locationOf,
  pendingEnvironment,
  rejectedEnvironment,
} from './environmentPlaceholders';
import { RequestDeadline } from './RequestDeadline';
import {
  alarmsOfService,
  dataStoresOfService,
  dedupeErrors,
  knows,
} from './serviceSignals';
import { buildRosterBatches, clusterKey, RosterBatches } from './rosterBatches';
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

/** Settings of {@link EnvironmentsService}. */
export interface EnvironmentsServiceOptions {
  targetHealth: TargetHealthMode;
  /** Budget of one request; see {@link EnvironmentsService.startDeadline}. */
  requestDeadlineMs: number;
}

const DEFAULT_OPTIONS: EnvironmentsServiceOptions = {
  targetHealth: 'on-symptom',
  requestDeadlineMs: 1_500,
};

/**
 * Builds the environments of a service: every configured environment in parallel (never one
 * after the other), each with its own error when AWS failed for it, and `pending` when AWS has
 * not answered by the request's deadline (the read goes on into the shared cache).
 */
export class EnvironmentsService {
  private rosterCache = new WeakMap<ServiceTarget[], RosterBatches>();

  constructor(
    private readonly environments: PlatformEnvironment[],
    private readonly reader: AwsEnvironmentReader,
    private readonly roster: RosterSource,
    private readonly logger: LoggerService,
    private readonly options: EnvironmentsServiceOptions = DEFAULT_OPTIONS,
  ) {}

  /**
   * The deadline of a request that starts now (`zeroops.requestDeadline`). The caller starts it
   * before authorizing, so the budget covers the whole request, passes it to every
   * {@link EnvironmentsService.forService} of that request and disposes of it at the end.
   */
  startDeadline(): RequestDeadline {
    return RequestDeadline.after(this.options.requestDeadlineMs);
  }

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

  /**
   * Without a deadline every environment is waited for; with one, those not read by then are
   * answered as pending.
   */
  async forService(
    target: ServiceTarget,
    detail: EnvironmentDetail,
    deadline?: RequestDeadline,
  ): Promise<EntityEnvironment[]> {
    const rejected =
      target.ecsServiceArn &&
      annotationTenancyError(target.ecsServiceArn, this.environments);
    if (rejected && target.ecsServiceArn) {
      return [rejectedEnvironment(target.ecsServiceArn, rejected)];
    }
    const environments = this.environmentsFor(target);
    // Cold: AssumeRole runs while the roster is looked up, not after it.
    for (const env of environments) this.reader.warmCredentials(env.accountId);
    const batches = await this.rosterBatches();
    const pending = Promise.all(
      environments.map(env => {
        const read =
          env.kind === 'ephemeral' && !target.ecsServiceArn
            ? this.ephemeral(env, target, detail)
            : this.persistent(env, target, batches, detail).then(e => [e]);
        return deadline
          ? deadline.within(read, () => [
              pendingEnvironment(env, target.serviceName),
            ])
          : read;
      }),
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
      return [
        failedEnvironment(
          env,
          env.name,
          target.serviceName,
          services.error,
          services.fetchedAt,
        ),
      ];
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
    if (!services.ok) {
      return failedEnvironment(
        env,
        instance,
        serviceName,
        services.error,
        services.fetchedAt,
      );
    }

    const location = locationOf(env);
    const record = services.value.services[ecsServiceName];
    const partialErrors: EnvironmentError[] = [];
    // A failed read is not an empty one: the roll-up must know what it could not see.
    const unreadable = new Set<HealthSignal>();
    const unwrap = <T>(
      loaded: Loaded<T>,
      signal: HealthSignal,
    ): T | undefined => {
      if (loaded.ok) return loaded.value;
      partialErrors.push(loaded.error);
      unreadable.add(signal);
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

    const readAlarms = unwrap(alarms, 'alarms');
    const serviceAlarms = alarmsOfService(
      readAlarms ?? [],
      serviceName,
      instance,
    );
    const dataStores = dataStoresOfService(
      [
        ...(unwrap(aurora, 'database')?.stores ?? []),
        ...(unwrap(valkey, 'cache')?.stores ?? []),
      ],
      serviceName,
      instance,
    );
    const taskDefinitionMap = new Map<string, TaskDefinitionRecord>();
    for (const loaded of taskDefinitions ?? []) {
      const value = unwrap(loaded, 'task-definition');
      if (value) taskDefinitionMap.set(value.taskDefinitionArn, value);
    }
    const readStopped = stopped ? unwrap(stopped, 'stopped-tasks') : [];
    const stoppedOfService = (readStopped ?? []).filter(
      task => task.serviceName === ecsServiceName,
    );
    const stoppedTasks = stoppedOfService
      .slice(0, MAX_STOPPED_TASKS)
      .map(({ serviceName: _omit, ...task }) => task);

    let targetSummary: TargetHealthSummary | undefined;
    if (
      wantDetail &&
      needsTargetHealth({
        mode: this.options.targetHealth,
        service: record,
        alarms: readAlarms && serviceAlarms,
        stoppedTasks: readStopped && stoppedOfService,
        now: Date.now(),
      })
    ) {
      const targets = await this.reader.targetHealth(
        env.accountId,
        env.region,
        record.targetGroupArns,
      );
      targetSummary = unwrap(targets, 'target-health') ?? undefined;
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
        unreadable: [...unreadable],
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
    const batches = buildRosterBatches(targets, target =>
      this.environmentsFor(target),
    );
    this.rosterCache.set(targets, batches);
    return batches;
  }
}
