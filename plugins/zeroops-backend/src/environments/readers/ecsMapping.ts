/**
 * Pure mapping from AWS SDK shapes to the cached records: no I/O, tested on its own.
 */
import {
  Deployment as SdkDeployment,
  Service as SdkService,
  Task as SdkTask,
  TaskDefinition as SdkTaskDefinition,
} from '@aws-sdk/client-ecs';
import {
  APP_CONTAINER_NAME,
  Deployment,
  DeploymentStrategy,
  RolloutState,
} from '@zeroops/backstage-plugin-zeroops-common';
import {
  EcsServiceRecord,
  MAX_EVENTS,
  StoppedTaskRecord,
  TaskDefinitionRecord,
} from '../records';

function iso(date: Date | undefined): string | undefined {
  return date ? date.toISOString() : undefined;
}

/** `arn:aws:ecs:us-east-1:111:task-definition/payments-api-production:42` → family and 42. */
export function parseTaskDefinitionArn(arn: string): {
  family: string;
  revision: number;
} {
  const resource = arn.slice(arn.lastIndexOf('/') + 1);
  const colon = resource.lastIndexOf(':');
  if (colon < 0) return { family: resource, revision: 0 };
  return {
    family: resource.slice(0, colon),
    revision: Number(resource.slice(colon + 1)) || 0,
  };
}

/** The last path segment of an ARN: the service name, task id, ... */
export function arnResourceName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** ROLLING unless the service uses ECS native blue/green or a CodeDeploy controller. */
export function deploymentStrategyOf(service: SdkService): DeploymentStrategy {
  if (service.deploymentConfiguration?.strategy === 'BLUE_GREEN') {
    return 'BLUE_GREEN';
  }
  if (service.deploymentController?.type === 'CODE_DEPLOY') return 'BLUE_GREEN';
  return 'ROLLING';
}

function mapDeployment(
  deployment: SdkDeployment,
  strategy: DeploymentStrategy,
): Deployment {
  const taskDefinitionArn = deployment.taskDefinition ?? '';
  const { family, revision } = parseTaskDefinitionArn(taskDefinitionArn);
  const status = (deployment.status ?? 'ACTIVE').toUpperCase();
  return {
    id: deployment.id ?? '',
    status:
      status === 'PRIMARY' || status === 'INACTIVE'
        ? status
        : ('ACTIVE' as const),
    taskDefinitionArn,
    taskDefinitionFamily: family,
    taskDefinitionRevision: revision,
    startedAt: iso(deployment.createdAt) ?? new Date(0).toISOString(),
    updatedAt: iso(deployment.updatedAt),
    rolloutState: deployment.rolloutState as RolloutState | undefined,
    rolloutStateReason: deployment.rolloutStateReason,
    desiredCount: deployment.desiredCount ?? 0,
    runningCount: deployment.runningCount ?? 0,
    pendingCount: deployment.pendingCount ?? 0,
    failedTasks: deployment.failedTasks ?? 0,
    strategy,
  };
}

/** Reduces a DescribeServices entry to what the API needs. */
export function toServiceRecord(service: SdkService): EcsServiceRecord {
  const strategy = deploymentStrategyOf(service);
  const targetGroupArns: string[] = [];
  for (const lb of service.loadBalancers ?? []) {
    if (lb.targetGroupArn) targetGroupArns.push(lb.targetGroupArn);
    const alternate = lb.advancedConfiguration?.alternateTargetGroupArn;
    if (alternate) targetGroupArns.push(alternate);
  }
  return {
    serviceName: service.serviceName ?? '',
    serviceArn: service.serviceArn ?? '',
    status: service.status ?? 'UNKNOWN',
    desiredCount: service.desiredCount ?? 0,
    runningCount: service.runningCount ?? 0,
    pendingCount: service.pendingCount ?? 0,
    launchType: service.launchType,
    createdAt: iso(service.createdAt),
    strategy,
    deployments: (service.deployments ?? []).map(d =>
      mapDeployment(d, strategy),
    ),
    events: (service.events ?? [])
      .map(event => ({
        id: event.id ?? '',
        createdAt: iso(event.createdAt) ?? new Date(0).toISOString(),
        message: event.message ?? '',
      }))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, MAX_EVENTS),
    targetGroupArns: [...new Set(targetGroupArns)],
    currentServiceDeployment: service.currentServiceDeployment,
  };
}

/** Image and log configuration of the `app` container (or the first one). */
export function toTaskDefinitionRecord(
  taskDefinition: SdkTaskDefinition,
): TaskDefinitionRecord {
  const arn = taskDefinition.taskDefinitionArn ?? '';
  const { family, revision } = parseTaskDefinitionArn(arn);
  const containers = taskDefinition.containerDefinitions ?? [];
  const app =
    containers.find(c => c.name === APP_CONTAINER_NAME) ?? containers[0];
  const log = app?.logConfiguration;
  return {
    taskDefinitionArn: arn,
    family: taskDefinition.family ?? family,
    revision: taskDefinition.revision ?? revision,
    image: app?.image,
    logDriver: log?.logDriver,
    logGroup: log?.options?.['awslogs-group'],
    logRegion: log?.options?.['awslogs-region'],
    logStreamPrefix: log?.options?.['awslogs-stream-prefix'],
  };
}

/** A stopped task with its exit codes; `group` (`service:<name>`) names the service. */
export function toStoppedTaskRecord(task: SdkTask): StoppedTaskRecord {
  const taskArn = task.taskArn ?? '';
  const taskDefinitionArn = task.taskDefinitionArn;
  const group = task.group ?? '';
  return {
    taskArn,
    taskId: arnResourceName(taskArn),
    taskDefinitionArn,
    taskDefinitionRevision: taskDefinitionArn
      ? parseTaskDefinitionArn(taskDefinitionArn).revision
      : undefined,
    stopCode: task.stopCode,
    stoppedReason: task.stoppedReason,
    startedAt: iso(task.startedAt),
    stoppedAt: iso(task.stoppedAt ?? task.executionStoppedAt),
    containers: (task.containers ?? []).map(container => ({
      name: container.name ?? '',
      exitCode: container.exitCode,
      reason: container.reason,
      image: container.image,
    })),
    serviceName: group.startsWith('service:')
      ? group.slice('service:'.length)
      : undefined,
  };
}
