import {
  commitShaFromImage,
  Deployment,
  DeploymentState,
} from '@zeroops/backstage-plugin-zeroops-common';
import { EcsServiceRecord, TaskDefinitionRecord } from '../records';

function newestFirst(a: Deployment, b: Deployment): number {
  return (b.updatedAt ?? b.startedAt).localeCompare(a.updatedAt ?? a.startedAt);
}

/**
 * What is deployed and what is changing, from the deployments ECS reports for the service:
 *
 * - primary: the `PRIMARY` deployment (the newest; it serves traffic or is becoming it);
 * - in flight: other deployments still running tasks that did not fail (the old revision
 *   during a rolling update, or the other colour during blue/green);
 * - last failed: the newest deployment whose rollout FAILED (circuit breaker or alarms),
 *   which ECS keeps listing while it rolls back.
 *
 * Image and commit come from the task definitions when they were read.
 */
export function buildDeploymentState(
  service: EcsServiceRecord,
  taskDefinitions: ReadonlyMap<string, TaskDefinitionRecord>,
): DeploymentState {
  const enrich = (deployment: Deployment): Deployment => {
    const taskDefinition = taskDefinitions.get(deployment.taskDefinitionArn);
    if (!taskDefinition?.image) return deployment;
    return {
      ...deployment,
      image: taskDefinition.image,
      commitSha: commitShaFromImage(taskDefinition.image),
    };
  };
  const deployments = [...service.deployments].sort(newestFirst);
  const primary = deployments.find(d => d.status === 'PRIMARY');
  const lastFailed = deployments.find(d => d.rolloutState === 'FAILED');
  const inFlight = deployments.filter(
    d =>
      d !== primary &&
      d.status === 'ACTIVE' &&
      d.rolloutState !== 'FAILED' &&
      d.runningCount + d.pendingCount + d.desiredCount > 0,
  );
  return {
    strategy: service.strategy,
    primary: primary ? enrich(primary) : undefined,
    inFlight: inFlight.map(enrich),
    lastFailed:
      lastFailed && lastFailed !== primary ? enrich(lastFailed) : undefined,
  };
}
