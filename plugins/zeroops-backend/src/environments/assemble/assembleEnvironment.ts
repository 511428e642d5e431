import {
  EntityEnvironment,
  EnvironmentError,
  HealthSignal,
  parseEphemeralEnvironmentName,
  rollUpHealth,
} from '@zeroops/backstage-plugin-zeroops-common';
import { PlatformEnvironment } from '../../config/ZeroOpsConfig';
import {
  AlarmRecord,
  ClusterServicesRecord,
  DataStoresRecord,
  Loaded,
  MAX_STOPPED_TASKS,
  StoppedTaskRecord,
  TargetHealthSummary,
  TaskDefinitionRecord,
} from '../records';
import { buildDeploymentState } from './deploymentState';
import { locationOf } from './environmentPlaceholders';
import { buildEnvironmentLinks } from './links';
import {
  alarmsOfService,
  dataStoresOfService,
  dedupeErrors,
} from './serviceSignals';

/** Everything read from AWS for one service instance in one platform environment. */
export interface EnvironmentRecords {
  env: PlatformEnvironment;
  /** The environment's name, or the pull request's (`pr-42`) in an ephemeral cluster. */
  instance: string;
  /** The catalog service. */
  serviceName: string;
  /** Its ECS service in this environment. */
  ecsServiceName: string;
  /** The DescribeServices answer that holds (or lacks) the service. */
  services: ClusterServicesRecord;
  fetchedAt: string;
  alarms: Loaded<AlarmRecord[]>;
  aurora: Loaded<DataStoresRecord>;
  valkey: Loaded<DataStoresRecord>;
  /** Read for a detail view of a service that exists; absent otherwise. */
  stoppedTasks?: Loaded<StoppedTaskRecord[]>;
  taskDefinitions?: Loaded<TaskDefinitionRecord>[];
  targetHealth?: Loaded<TargetHealthSummary | null>;
}

/**
 * The symptoms that decide whether target health is worth reading (needsTargetHealth):
 * the service's alarms and stopped tasks, `undefined` when they could not be read.
 */
export function targetHealthSymptoms(records: EnvironmentRecords): {
  alarms: ReturnType<typeof alarmsOfService> | undefined;
  stoppedTasks: StoppedTaskRecord[] | undefined;
} {
  const { alarms } = records;
  return {
    alarms: alarms.ok ? serviceAlarmsOf(records, alarms.value) : undefined,
    stoppedTasks: stoppedTasksOf(records),
  };
}

/**
 * The API's environment of one service instance, built from its records without I/O. A
 * failed read is not an empty one: it becomes a partial error and an unreadable signal of
 * the health roll-up, never a healthy-looking gap.
 */
export function assembleEnvironment(
  records: EnvironmentRecords,
): EntityEnvironment {
  const { env, instance, ecsServiceName } = records;
  const location = locationOf(env);
  const record = records.services.services[ecsServiceName];
  const partialErrors: EnvironmentError[] = [];
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

  // The order of the unwraps is the order of the partial errors.
  const serviceAlarms = serviceAlarmsOf(
    records,
    unwrap(records.alarms, 'alarms') ?? [],
  );
  const dataStores = dataStoresOfService(
    [unwrap(records.aurora, 'database'), unwrap(records.valkey, 'cache')],
    records.serviceName,
    instance,
  );
  const taskDefinitionMap = new Map<string, TaskDefinitionRecord>();
  for (const loaded of records.taskDefinitions ?? []) {
    const value = unwrap(loaded, 'task-definition');
    if (value) taskDefinitionMap.set(value.taskDefinitionArn, value);
  }
  if (records.stoppedTasks) unwrap(records.stoppedTasks, 'stopped-tasks');
  const stoppedTasks = (stoppedTasksOf(records) ?? [])
    .slice(0, MAX_STOPPED_TASKS)
    .map(({ serviceName: _omit, ...task }) => task);
  const targets = records.targetHealth
    ? unwrap(records.targetHealth, 'target-health') ?? undefined
    : undefined;

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
      targets,
      dataStores,
      unreadable: [...unreadable],
    }),
    service,
    deployment,
    events: record?.events ?? [],
    stoppedTasks,
    alarms: serviceAlarms,
    targets,
    dataStores,
    links: buildEnvironmentLinks({
      region: env.region,
      cluster: env.cluster,
      ecsServiceName,
      taskDefinition: primaryTaskDefinition,
    }),
    partialErrors: dedupeErrors(partialErrors),
    fetchedAt: records.fetchedAt,
  };
}

function serviceAlarmsOf(records: EnvironmentRecords, alarms: AlarmRecord[]) {
  return alarmsOfService(alarms, records.serviceName, records.instance);
}

/** The service's stopped tasks; [] when not read, undefined when the read failed. */
function stoppedTasksOf(
  records: EnvironmentRecords,
): StoppedTaskRecord[] | undefined {
  const { stoppedTasks } = records;
  if (!stoppedTasks) return [];
  if (!stoppedTasks.ok) return undefined;
  return stoppedTasks.value.filter(
    task => task.serviceName === records.ecsServiceName,
  );
}
