import type {
  ServiceDeployment,
  ServiceDeploymentBrief,
} from '@aws-sdk/client-ecs';
import type { DeploymentModel, InstanceModel } from '../../scenario/world.ts';
import { at, deploymentConfiguration } from './renderEcs.ts';

/** Service deployments as ListServiceDeployments and DescribeServiceDeployments return them. */

export function renderServiceDeployment(
  d: DeploymentModel,
  instance: InstanceModel,
  now: Date,
): ServiceDeployment {
  const previous = instance.deployments.find(
    other =>
      other !== d &&
      other.createdAgoMs > d.createdAgoMs &&
      other.runningCount > 0,
  );
  return {
    serviceDeploymentArn: d.serviceDeploymentArn,
    serviceArn: instance.serviceArn,
    clusterArn: instance.cluster.arn,
    createdAt: at(now, d.createdAgoMs),
    startedAt: at(now, d.createdAgoMs - 2_000),
    finishedAt:
      d.finishedAgoMs === undefined ? undefined : at(now, d.finishedAgoMs),
    updatedAt: at(now, d.updatedAgoMs),
    sourceServiceRevisions: previous
      ? [
          {
            arn: previous.serviceRevisionArn,
            requestedTaskCount: previous.desiredCount,
            runningTaskCount: previous.runningCount,
            pendingTaskCount: previous.pendingCount,
          },
        ]
      : [],
    targetServiceRevision: {
      arn: d.serviceRevisionArn,
      requestedTaskCount: d.desiredCount,
      runningTaskCount: d.runningCount,
      pendingTaskCount: d.pendingCount,
    },
    status: d.serviceDeploymentStatus,
    statusReason: d.rollback?.reason,
    lifecycleStage: d.lifecycleStage,
    deploymentConfiguration: deploymentConfiguration(instance),
    rollback: d.rollback
      ? {
          reason: d.rollback.reason,
          startedAt: at(now, d.rollback.startedAgoMs),
          serviceRevisionArn: d.rollback.toServiceRevisionArn,
        }
      : undefined,
    deploymentCircuitBreaker: {
      status: d.circuitBreakerTriggered ? 'TRIGGERED' : 'MONITORING_COMPLETE',
      failureCount: d.failedTasks,
      threshold: 3,
    },
    alarms: {
      status:
        d.serviceDeploymentStatus === 'IN_PROGRESS'
          ? 'MONITORING'
          : 'MONITORING_COMPLETE',
      alarmNames: deploymentConfiguration(instance).alarms?.alarmNames ?? [],
      triggeredAlarmNames: [],
    },
  };
}

export function renderServiceDeploymentBrief(
  d: DeploymentModel,
  instance: InstanceModel,
  now: Date,
): ServiceDeploymentBrief {
  return {
    serviceDeploymentArn: d.serviceDeploymentArn,
    serviceArn: instance.serviceArn,
    clusterArn: instance.cluster.arn,
    startedAt: at(now, d.createdAgoMs - 2_000),
    createdAt: at(now, d.createdAgoMs),
    finishedAt:
      d.finishedAgoMs === undefined ? undefined : at(now, d.finishedAgoMs),
    targetServiceRevisionArn: d.serviceRevisionArn,
    status: d.serviceDeploymentStatus,
    statusReason: d.rollback?.reason,
  };
}
