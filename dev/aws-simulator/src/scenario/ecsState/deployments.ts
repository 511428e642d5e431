import { hexFrom } from '@zeroops/simulator-kit';
import { MS_PER_MINUTE } from '../../time.ts';
import { ecsArn, numericId } from '../ids.ts';
import type { DeploymentModel, TaskDefinitionModel } from '../world.ts';
import type { EcsStateInput } from './types.ts';

/** Task definition revisions and deployments of an instance. */

export function taskDefinition(
  input: EcsStateInput,
  revision: number,
  registeredAgoMs: number,
): TaskDefinitionModel {
  const family = `${input.serviceName}-${input.instanceName}`;
  const commitSha = hexFrom(
    `${input.seed}/${input.key}/commit/${revision}`,
    40,
  );
  return {
    account: input.account,
    region: input.region,
    family,
    revision,
    arn: ecsArn(
      input.region,
      input.account,
      `task-definition/${family}:${revision}`,
    ),
    image: `${input.account}.dkr.ecr.${input.region}.amazonaws.com/${input.serviceName}:${commitSha}`,
    commitSha,
    cpu: input.cpu,
    memory: input.memory,
    containerPort: input.port,
    logGroup: `/ecs/${input.serviceName}/${input.instanceName}`,
    registeredAgoMs,
    executionRoleArn: `arn:aws:iam::${input.account}:role/${family}-execution`,
    taskRoleArn: `arn:aws:iam::${input.account}:role/${family}-task`,
    environmentName: input.instanceName,
    serviceName: input.serviceName,
  };
}

/** Which deployment of which revision started when, and whether it is the service's primary. */
export interface DeploymentStart {
  id: string;
  td: TaskDefinitionModel;
  createdAgoMs: number;
  status: 'PRIMARY' | 'ACTIVE';
}

/** A deployment just started: nothing running yet, rollout in progress. */
export function startedDeployment(
  input: EcsStateInput,
  { id, td, createdAgoMs, status }: DeploymentStart,
): DeploymentModel {
  const { region, account, cluster, ecsServiceName, seed, key } = input;
  return {
    id,
    status,
    taskDefinition: td,
    desiredCount: input.desiredCount,
    runningCount: 0,
    pendingCount: 0,
    failedTasks: 0,
    createdAgoMs,
    updatedAgoMs: createdAgoMs,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: '',
    serviceDeploymentArn: ecsArn(
      region,
      account,
      `service-deployment/${cluster.name}/${ecsServiceName}/${hexFrom(
        `${seed}/${key}/${id}/sd`,
        22,
      )}`,
    ),
    serviceRevisionArn: ecsArn(
      region,
      account,
      `service-revision/${cluster.name}/${ecsServiceName}/${numericId(
        `${seed}/${key}/${id}/rev`,
      )}`,
    ),
    serviceDeploymentStatus: 'IN_PROGRESS',
    circuitBreakerTriggered: false,
  };
}

/** A deployment rolling out; the story sets its counts and how far it got. */
export function inProgressDeployment(
  input: EcsStateInput,
  start: DeploymentStart,
): DeploymentModel {
  return {
    ...startedDeployment(input, start),
    rolloutStateReason: `ECS deployment ${start.id} in progress.`,
  };
}

/** A deployment that finished four minutes after it started, every task running. */
export function completedDeployment(
  input: EcsStateInput,
  start: DeploymentStart,
): DeploymentModel {
  const finishedAgoMs = start.createdAgoMs - 4 * MS_PER_MINUTE;
  return {
    ...startedDeployment(input, start),
    runningCount: input.desiredCount,
    updatedAgoMs: finishedAgoMs,
    rolloutState: 'COMPLETED',
    rolloutStateReason: `ECS deployment ${start.id} completed.`,
    serviceDeploymentStatus: 'SUCCESSFUL',
    finishedAgoMs,
  };
}
