import { hexId } from '../../random.ts';
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
  const commitSha = hexId(`${input.seed}/${input.key}/commit/${revision}`, 40);
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

export function baseDeployment(
  input: EcsStateInput,
  id: string,
  td: TaskDefinitionModel,
  createdAgoMs: number,
  status: 'PRIMARY' | 'ACTIVE',
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
      `service-deployment/${cluster.name}/${ecsServiceName}/${hexId(
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

export function completedDeployment(
  input: EcsStateInput,
  id: string,
  td: TaskDefinitionModel,
  createdAgoMs: number,
  status: 'PRIMARY' | 'ACTIVE',
): DeploymentModel {
  return {
    ...baseDeployment(input, id, td, createdAgoMs, status),
    runningCount: input.desiredCount,
    updatedAgoMs: createdAgoMs - 4 * MS_PER_MINUTE,
    rolloutState: 'COMPLETED',
    rolloutStateReason: `ECS deployment ${id} completed.`,
    serviceDeploymentStatus: 'SUCCESSFUL',
    finishedAgoMs: createdAgoMs - 4 * MS_PER_MINUTE,
  };
}
