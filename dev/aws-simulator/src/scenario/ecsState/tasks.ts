import { hexFrom } from '@zeroops/simulator-kit';
import { privateIp, ecsArn } from '../ids.ts';
import type { DeploymentModel, TaskModel } from '../world.ts';
import type { EcsStateInput } from './types.ts';

/** Tasks of a deployment: running, pending, or stopped after a failed start. */

const AVAILABILITY_ZONE_SUFFIXES = ['a', 'b', 'c'];
const OUT_OF_MEMORY = 'OutOfMemoryError: Container killed due to memory usage';

function newTask(
  input: EcsStateInput,
  d: DeploymentModel,
  index: number,
  createdAgoMs: number,
): TaskModel {
  const id = hexFrom(`${input.seed}/${input.key}/${d.id}/task/${index}`, 32);
  return {
    id,
    arn: ecsArn(
      input.region,
      input.account,
      `task/${input.cluster.name}/${id}`,
    ),
    deploymentId: d.id,
    taskDefinition: d.taskDefinition,
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    healthStatus: 'HEALTHY',
    createdAgoMs,
    startedAgoMs: createdAgoMs - 40_000,
    container: { lastStatus: 'RUNNING', healthStatus: 'HEALTHY' },
    privateIp: privateIp(`${input.seed}/${input.key}/${id}`),
    availabilityZone: `${input.region}${AVAILABILITY_ZONE_SUFFIXES[index % 3]}`,
  };
}

export function startTasks(
  input: EcsStateInput,
  d: DeploymentModel,
  count: number,
  createdAgoMs: number,
  color: 'b' | 'g',
  targetState: 'healthy' | 'initial' = 'healthy',
): TaskModel[] {
  const tasks: TaskModel[] = [];
  for (let i = 0; i < count; i++) {
    const task = newTask(input, d, i, createdAgoMs - i * 5_000);
    if (input.targetGroups.length > 0 && input.port !== undefined) {
      task.target =
        targetState === 'healthy'
          ? { color, state: 'healthy' }
          : {
              color,
              state: 'initial',
              reason: 'Elb.InitialHealthChecking',
              description: 'Initial health checks in progress',
            };
    }
    tasks.push(task);
  }
  return tasks;
}

export function pendingTasks(
  input: EcsStateInput,
  d: DeploymentModel,
  count: number,
  createdAgoMs: number,
): TaskModel[] {
  const tasks: TaskModel[] = [];
  for (let i = 0; i < count; i++) {
    const task = newTask(input, d, 100 + i, createdAgoMs);
    tasks.push({
      ...task,
      lastStatus: 'PENDING',
      healthStatus: 'UNKNOWN',
      startedAgoMs: undefined,
      container: { lastStatus: 'PENDING', healthStatus: 'UNKNOWN' },
    });
  }
  return tasks;
}

export function failedTask(
  input: EcsStateInput,
  d: DeploymentModel,
  index: number,
  createdAgoMs: number,
): TaskModel {
  const task = newTask(input, d, index, createdAgoMs);
  return {
    ...task,
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    healthStatus: 'UNKNOWN',
    startedAgoMs: createdAgoMs - 30_000,
    stoppingAgoMs: createdAgoMs - 95_000,
    stoppedAgoMs: createdAgoMs - 100_000,
    stopCode: 'EssentialContainerExited',
    stoppedReason: 'Essential container in task exited',
    container: {
      lastStatus: 'STOPPED',
      healthStatus: 'UNKNOWN',
      exitCode: 137,
      reason: OUT_OF_MEMORY,
    },
  };
}
