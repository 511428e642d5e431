import { LoggerService } from '@backstage/backend-plugin-api';
import {
  EntityEnvironment,
  parseEphemeralEnvironmentName,
} from '@zeroops/backstage-plugin-zeroops-common';
import { ServiceTarget } from '../catalog/serviceTargets';
import { PlatformEnvironment } from '../config/ZeroOpsConfig';
import { annotationTenancyError } from './annotationTenancy';
import {
  assembleEnvironment,
  EnvironmentRecords,
  targetHealthSymptoms,
} from './assemble/assembleEnvironment';
import {
  failedEnvironment,
  locationOf,
  pendingEnvironment,
  rejectedEnvironment,
} from './assemble/environmentPlaceholders';
import { knows } from './assemble/serviceSignals';
import {
  configEnvironmentSupplier,
  ZeroOpsEnvironmentSupplier,
} from './EnvironmentSupplier';
import { AwsEnvironmentReader } from './readers/AwsEnvironmentReader';
import { ClusterLocation, ClusterServicesRecord, Loaded } from './records';
import { RequestDeadline } from './RequestDeadline';
import { RequestReads } from './RequestReads';
import { environmentsOfTarget } from './roster/environmentsOfTarget';
import { RosterBatcher, RosterSource } from './roster/RosterBatcher';
import { clusterKey, RosterBatches } from './roster/rosterBatches';
import { needsTargetHealth, TargetHealthMode } from './targetHealthPolicy';

export type { RosterSource } from './roster/RosterBatcher';

/**
 * `summary` reads only what is shared by all services of a cluster or account (ECS services,
 * alarms, data stores): that is what the overview needs for 50 services at once. `detail` adds
 * what is specific to one service (task definitions, target health, stopped tasks).
 */
export type EnvironmentDetail = 'summary' | 'detail';

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

/** One service instance to read in one environment. */
interface InstanceRead {
  env: PlatformEnvironment;
  instance: string;
  serviceName: string;
  ecsServiceName: string;
  services: Loaded<ClusterServicesRecord>;
  detail: EnvironmentDetail;
  reads: RequestReads;
}

/**
 * Builds the environments of a service: every platform environment in parallel (never one
 * after the other), each with its own error when AWS failed for it, and `pending` when AWS has
 * not answered by the request's deadline (the read goes on into the shared cache).
 *
 * This class only orchestrates: which environments (roster/), which reads (readers/), in what
 * order and under which deadline; the API object is built from the records by assemble/.
 */
export class EnvironmentsService {
  private readonly supplier: ZeroOpsEnvironmentSupplier;
  private readonly roster: RosterBatcher;

  constructor(
    environments: PlatformEnvironment[] | ZeroOpsEnvironmentSupplier,
    private readonly reader: AwsEnvironmentReader,
    roster: RosterSource,
    logger: LoggerService,
    private readonly options: EnvironmentsServiceOptions = DEFAULT_OPTIONS,
  ) {
    this.supplier = Array.isArray(environments)
      ? configEnvironmentSupplier(environments)
      : environments;
    this.roster = new RosterBatcher(roster, logger);
  }

  /**
   * The deadline of a request that starts now (`zeroops.requestDeadline`). The caller starts it
   * before authorizing, so the budget covers the whole request, passes it to every
   * {@link EnvironmentsService.forService} of that request and disposes of it at the end.
   */
  startDeadline(): RequestDeadline {
    return RequestDeadline.after(this.options.requestDeadlineMs);
  }

  /**
   * Without a deadline every environment is waited for; with one, those not read by then are
   * answered as pending. A request that reads several services (the overview) passes one
   * {@link RequestReads} to all of them, so the reads of an account/region or cluster start
   * once per request, not once per service; without it they start once per call.
   */
  async forService(
    target: ServiceTarget,
    detail: EnvironmentDetail,
    deadline?: RequestDeadline,
    reads: RequestReads = new RequestReads(),
  ): Promise<EntityEnvironment[]> {
    const platform = await this.supplier.getEnvironments();
    const rejected =
      target.ecsServiceArn &&
      annotationTenancyError(target.ecsServiceArn, platform);
    if (rejected && target.ecsServiceArn) {
      return [rejectedEnvironment(target.ecsServiceArn, rejected)];
    }
    const environments = environmentsOfTarget(target, platform);
    // Cold: AssumeRole runs while the roster is looked up, not after it.
    for (const env of environments) this.reader.warmCredentials(env.accountId);
    const batches = await this.roster.batches(platform);
    const pending = Promise.all(
      environments.map(env => {
        const read =
          env.kind === 'ephemeral' && !target.ecsServiceArn
            ? this.ephemeral(env, target, detail, reads)
            : this.persistent(env, target, batches, detail, reads).then(e => [
                e,
              ]);
        return deadline
          ? deadline.within(read, () => [
              pendingEnvironment(env, target.serviceName),
            ])
          : read;
      }),
    );
    // Queued behind DescribeServices, whose answer the task definitions wait for.
    for (const env of environments) this.startSharedReads(env, detail, reads);
    return (await pending).flat();
  }

  /**
   * Starts the reads that do not depend on the service's own record (alarms, data stores and
   * stopped tasks of the account or cluster) together with DescribeServices, so that on a cold
   * cache they overlap with it and with the task definitions instead of following them.
   * `compose` joins these reads: once per request (see {@link RequestReads}); across requests,
   * loads are single flight and warm ones are plain cache hits. Failures are values (Loaded),
   * which compose reports.
   */
  private startSharedReads(
    env: PlatformEnvironment,
    detail: EnvironmentDetail,
    reads: RequestReads,
  ) {
    this.accountReads(env, reads);
    if (detail === 'detail') this.stoppedTasks(env, reads);
  }

  /** Alarms, Aurora clusters and Valkey caches of the environment's account/region. */
  private accountReads(env: PlatformEnvironment, reads: RequestReads) {
    const { accountId, region } = env;
    const at = `${accountId}:${region}`;
    return [
      reads.once(`alarms:${at}`, () =>
        this.reader.alarmsInAlarm(accountId, region),
      ),
      reads.once(`aurora:${at}`, () =>
        this.reader.auroraClusters(accountId, region),
      ),
      reads.once(`valkey:${at}`, () =>
        this.reader.valkeyCaches(accountId, region),
      ),
    ] as const;
  }

  private stoppedTasks(env: PlatformEnvironment, reads: RequestReads) {
    const location = locationOf(env);
    return reads.once(`stopped:${clusterKey(location)}`, () =>
      this.reader.stoppedTasks(location),
    );
  }

  /** DescribeServices of one batch (its key names its members, see rosterBatches). */
  private clusterServices(
    location: ClusterLocation,
    names: readonly string[],
    keySuffix: string,
    reads: RequestReads,
  ) {
    return reads.once(`services:${clusterKey(location)}:${keySuffix}`, () =>
      this.reader.clusterServices(location, names, keySuffix),
    );
  }

  private async persistent(
    env: PlatformEnvironment,
    target: ServiceTarget,
    batches: RosterBatches,
    detail: EnvironmentDetail,
    reads: RequestReads,
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
      services = await this.clusterServices(
        location,
        batch.names,
        batch.key,
        reads,
      );
    }
    if (!services || (services.ok && !knows(services.value, ecsServiceName))) {
      // Not (yet) in the roster, e.g. registered in the catalog seconds ago.
      if (!batch) this.roster.refreshSoon();
      services = await this.clusterServices(
        location,
        [ecsServiceName],
        `one:${ecsServiceName}`,
        reads,
      );
    }
    return this.compose({
      env,
      instance: env.name,
      serviceName: target.serviceName,
      ecsServiceName,
      services,
      detail,
      reads,
    });
  }

  private async ephemeral(
    env: PlatformEnvironment,
    target: ServiceTarget,
    detail: EnvironmentDetail,
    reads: RequestReads,
  ): Promise<EntityEnvironment[]> {
    const location = locationOf(env);
    const services = await reads.once(`ephemeral:${clusterKey(location)}`, () =>
      this.reader.ephemeralServices(location),
    );
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
          reads,
        }),
      ),
    );
  }

  /** Reads what one instance's view needs, then assembles it. */
  private async compose(read: InstanceRead): Promise<EntityEnvironment> {
    const {
      env,
      instance,
      serviceName,
      ecsServiceName,
      services,
      detail,
      reads,
    } = read;
    if (!services.ok) {
      return failedEnvironment(
        env,
        instance,
        serviceName,
        services.error,
        services.fetchedAt,
      );
    }
    const record = services.value.services[ecsServiceName];
    const wantDetail = detail === 'detail' && record !== undefined;
    const [alarms, aurora, valkey, stoppedTasks, taskDefinitions] =
      await Promise.all([
        ...this.accountReads(env, reads),
        wantDetail ? this.stoppedTasks(env, reads) : undefined,
        wantDetail ? this.taskDefinitions(env, record.deployments) : undefined,
      ]);
    const records: EnvironmentRecords = {
      env,
      instance,
      serviceName,
      ecsServiceName,
      services: services.value,
      fetchedAt: services.fetchedAt,
      alarms,
      aurora,
      valkey,
      stoppedTasks,
      taskDefinitions,
    };
    if (
      wantDetail &&
      needsTargetHealth({
        mode: this.options.targetHealth,
        service: record,
        ...targetHealthSymptoms(records),
        now: Date.now(),
      })
    ) {
      records.targetHealth = await this.reader.targetHealth(
        env.accountId,
        env.region,
        record.targetGroupArns,
      );
    }
    return assembleEnvironment(records);
  }

  private taskDefinitions(
    env: PlatformEnvironment,
    deployments: ReadonlyArray<{ taskDefinitionArn: string }>,
  ) {
    const arns = [...new Set(deployments.map(d => d.taskDefinitionArn))].filter(
      Boolean,
    );
    return Promise.all(
      arns.map(arn =>
        this.reader.taskDefinition(
          { accountId: env.accountId, region: env.region },
          arn,
        ),
      ),
    );
  }
}
