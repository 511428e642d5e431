import { MS_PER_MINUTE } from '../../time.ts';
import type {
  DeploymentModel,
  TaskDefinitionModel,
  TaskModel,
} from '../world.ts';
import {
  completedDeployment,
  inProgressDeployment,
  startedDeployment,
} from './deployments.ts';
import { failedTask, pendingTasks, startTasks } from './tasks.ts';
import { narrateCompletedDeployment, Timeline } from './Timeline.ts';
import type { EcsState, EcsStateInput } from './types.ts';

/**
 * One function per deployment story: the deployments, tasks and events that tell it. Each
 * starts from the instance's creation event already on the timeline.
 */

export interface StoryContext {
  input: EcsStateInput;
  timeline: Timeline;
  /** The task definition `offset` revisions after the instance's base revision. */
  revision(offset: number, registeredAgoMs: number): TaskDefinitionModel;
  /** The deployment id of a deployment tag (`current`, `previous`, …). */
  deployment(tag: string): string;
  /** When the revision before any in-flight change went out. */
  lastDeployAgo: number;
}

interface RolledOut {
  td: TaskDefinitionModel;
  deployment: DeploymentModel;
  tasks: TaskModel[];
}

/**
 * The base revision's deployment, completed `lastDeployAgo`: its `count` tasks running on the
 * blue side and its events told until a newer deployment superseded it `supersededAgoMs` ago.
 * While nothing superseded it (0) it is the `current`, PRIMARY deployment, afterwards the
 * `previous`, ACTIVE one.
 */
function lastCompletedDeployment(
  { input, timeline, revision, deployment, lastDeployAgo }: StoryContext,
  supersededAgoMs = 0,
  count = input.desiredCount,
): RolledOut {
  const current = supersededAgoMs === 0;
  const td = revision(0, lastDeployAgo + MS_PER_MINUTE);
  const d: DeploymentModel = {
    ...completedDeployment(input, {
      id: deployment(current ? 'current' : 'previous'),
      td,
      createdAgoMs: lastDeployAgo,
      status: current ? 'PRIMARY' : 'ACTIVE',
    }),
    desiredCount: count,
    runningCount: count,
  };
  const tasks = startTasks(input, d, count, lastDeployAgo - MS_PER_MINUTE, 'b');
  narrateCompletedDeployment(
    timeline,
    input,
    d,
    tasks,
    lastDeployAgo,
    supersededAgoMs,
  );
  return { td, deployment: d, tasks };
}

/** The next revision, rolling out since `startedAgoMs` as the current, PRIMARY deployment. */
function nextRevisionDeployment(
  { input, revision, deployment }: StoryContext,
  startedAgoMs: number,
): Omit<RolledOut, 'tasks'> {
  const td = revision(1, startedAgoMs + MS_PER_MINUTE);
  return {
    td,
    deployment: inProgressDeployment(input, {
      id: deployment('current'),
      td,
      createdAgoMs: startedAgoMs,
      status: 'PRIMARY',
    }),
  };
}

/** One completed deployment, its tasks running and healthy. */
export function steadyStory(context: StoryContext): EcsState {
  const { td, deployment, tasks } = lastCompletedDeployment(context);
  return {
    taskDefinitions: [td],
    deployments: [deployment],
    tasks,
    events: context.timeline.sorted(),
  };
}

/** A blue/green deployment shifting test traffic to the new revision. */
export function blueGreenInProgressStory(context: StoryContext): EcsState {
  const { input, timeline } = context;
  const newAgo = 12 * MS_PER_MINUTE;
  const old = lastCompletedDeployment(context, newAgo);
  const next = nextRevisionDeployment(context, newAgo);
  const current: DeploymentModel = {
    ...next.deployment,
    runningCount: input.desiredCount,
    updatedAgoMs: 4 * MS_PER_MINUTE,
    lifecycleStage: 'TEST_TRAFFIC_SHIFT',
  };
  const newTasks = startTasks(
    input,
    current,
    input.desiredCount,
    9 * MS_PER_MINUTE,
    'g',
  );
  timeline.deploymentStarted(newAgo, current, 'blue/green');
  timeline.tasksStarted(9 * MS_PER_MINUTE, newTasks);
  const green = input.targetGroups.find(tg => tg.color === 'g');
  if (green) {
    timeline.targetsRegistered(6 * MS_PER_MINUTE, newTasks.length, green);
  }
  timeline.add(
    4 * MS_PER_MINUTE,
    `(deployment ${current.id}) test traffic shifted to the new revision; waiting before production traffic shift.`,
  );
  return {
    taskDefinitions: [old.td, next.td],
    deployments: [current, old.deployment],
    tasks: [...newTasks, ...old.tasks],
    events: timeline.sorted(),
  };
}

/** A rolling update halfway: new tasks running or pending next to old ones. */
export function rollingInProgressStory(context: StoryContext): EcsState {
  const { input, timeline } = context;
  const newAgo = 5 * MS_PER_MINUTE;
  const newRunning = Math.floor(input.desiredCount / 2);
  const newPending = Math.min(1, input.desiredCount - newRunning);
  const old = lastCompletedDeployment(
    context,
    newAgo,
    input.desiredCount - newRunning,
  );
  const next = nextRevisionDeployment(context, newAgo);
  const current: DeploymentModel = {
    ...next.deployment,
    runningCount: newRunning,
    pendingCount: newPending,
    updatedAgoMs: MS_PER_MINUTE,
  };
  const started = startTasks(
    input,
    current,
    newRunning,
    3 * MS_PER_MINUTE,
    'b',
    'initial',
  );
  const pending = pendingTasks(input, current, newPending, MS_PER_MINUTE);
  if (started.length > 0) timeline.tasksStarted(3 * MS_PER_MINUTE, started);
  return {
    taskDefinitions: [old.td, next.td],
    deployments: [current, old.deployment],
    tasks: [...started, ...pending, ...old.tasks],
    events: timeline.sorted(),
  };
}

/** A revision whose tasks failed to start, rolled back by the circuit breaker. */
export function circuitBreakerRollbackStory(context: StoryContext): EcsState {
  const { input, timeline, revision, deployment } = context;
  const badAgo = 48 * MS_PER_MINUTE;
  const good = lastCompletedDeployment(context, badAgo);
  const badTd = revision(1, badAgo + MS_PER_MINUTE);
  const rollbackAgo = 36 * MS_PER_MINUTE;
  const failed: DeploymentModel = {
    ...startedDeployment(input, {
      id: deployment('failed'),
      td: badTd,
      createdAgoMs: badAgo,
      status: 'ACTIVE',
    }),
    desiredCount: 0,
    failedTasks: 3,
    updatedAgoMs: rollbackAgo + MS_PER_MINUTE,
    rolloutState: 'FAILED',
    rolloutStateReason:
      'ECS deployment circuit breaker: tasks failed to start.',
    serviceDeploymentStatus: 'ROLLBACK_SUCCESSFUL',
    finishedAgoMs: 33 * MS_PER_MINUTE,
    circuitBreakerTriggered: true,
    rollback: {
      reason: 'ECS deployment circuit breaker: tasks failed to start.',
      startedAgoMs: rollbackAgo,
      toServiceRevisionArn: good.deployment.serviceRevisionArn,
    },
  };
  const failedTasks = [47, 43, 39].map((minutesAgo, i) =>
    failedTask(input, failed, i, minutesAgo * MS_PER_MINUTE),
  );
  for (const task of failedTasks) {
    timeline.tasksStarted(task.createdAgoMs, [task]);
    timeline.add(
      task.stoppedAgoMs! - 10_000,
      `(task ${task.id}) stopped: essential container app exited with code 137.`,
    );
  }
  timeline.deploymentStarted(badAgo, failed, 'rolling update');
  timeline.add(
    rollbackAgo + 60_000,
    `(deployment ${failed.id}) deployment failed: tasks failed to start.`,
  );
  const rollbackId = deployment('rollback');
  timeline.add(
    rollbackAgo,
    `rolling back to deployment ${good.deployment.id}.`,
  );
  const rollback: DeploymentModel = {
    ...completedDeployment(input, {
      id: rollbackId,
      td: good.td,
      createdAgoMs: rollbackAgo,
      status: 'PRIMARY',
    }),
    finishedAgoMs: 33 * MS_PER_MINUTE,
  };
  const running = startTasks(
    input,
    rollback,
    input.desiredCount,
    34 * MS_PER_MINUTE,
    'b',
  );
  timeline.tasksStarted(34 * MS_PER_MINUTE, running);
  timeline.deploymentCompleted(33 * MS_PER_MINUTE, rollbackId);
  timeline.steadyStates(32 * MS_PER_MINUTE, 30 * MS_PER_MINUTE);
  return {
    taskDefinitions: [good.td, badTd],
    deployments: [rollback, failed],
    tasks: [...running, ...failedTasks],
    events: timeline.sorted(),
  };
}
