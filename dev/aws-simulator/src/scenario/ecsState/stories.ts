import { MS_PER_MINUTE } from '../../time.ts';
import type { DeploymentModel, TaskDefinitionModel } from '../world.ts';
import { baseDeployment, completedDeployment } from './deployments.ts';
import { failedTask, pendingTasks, startTasks } from './tasks.ts';
import { narrateCompletedDeployment, taskList, Timeline } from './Timeline.ts';
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

/** One completed deployment, its tasks running and healthy. */
export function steadyStory({
  input,
  timeline,
  revision,
  deployment,
  lastDeployAgo,
}: StoryContext): EcsState {
  const td = revision(0, lastDeployAgo + MS_PER_MINUTE);
  const d = completedDeployment(
    input,
    deployment('current'),
    td,
    lastDeployAgo,
    'PRIMARY',
  );
  const tasks = startTasks(
    input,
    d,
    input.desiredCount,
    lastDeployAgo - MS_PER_MINUTE,
    'b',
  );
  narrateCompletedDeployment(timeline, input, d, tasks, lastDeployAgo);
  return {
    taskDefinitions: [td],
    deployments: [d],
    tasks,
    events: timeline.sorted(),
  };
}

/** A blue/green deployment shifting test traffic to the new revision. */
export function blueGreenInProgressStory({
  input,
  timeline,
  revision,
  deployment,
  lastDeployAgo,
}: StoryContext): EcsState {
  const oldTd = revision(0, lastDeployAgo + MS_PER_MINUTE);
  const newAgo = 12 * MS_PER_MINUTE;
  const newTd = revision(1, newAgo + MS_PER_MINUTE);
  const old = completedDeployment(
    input,
    deployment('previous'),
    oldTd,
    lastDeployAgo,
    'ACTIVE',
  );
  const oldTasks = startTasks(
    input,
    old,
    input.desiredCount,
    lastDeployAgo - MS_PER_MINUTE,
    'b',
  );
  narrateCompletedDeployment(
    timeline,
    input,
    old,
    oldTasks,
    lastDeployAgo,
    newAgo,
  );
  const current: DeploymentModel = {
    ...baseDeployment(input, deployment('current'), newTd, newAgo, 'PRIMARY'),
    runningCount: input.desiredCount,
    updatedAgoMs: 4 * MS_PER_MINUTE,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: `ECS deployment ${deployment('current')} in progress.`,
    serviceDeploymentStatus: 'IN_PROGRESS',
    lifecycleStage: 'TEST_TRAFFIC_SHIFT',
  };
  const newTasks = startTasks(
    input,
    current,
    input.desiredCount,
    9 * MS_PER_MINUTE,
    'g',
  );
  timeline.add(
    newAgo,
    `(deployment ${current.id}) deployment started: blue/green to ${newTd.family}:${newTd.revision}.`,
  );
  timeline.add(
    9 * MS_PER_MINUTE,
    `has started ${newTasks.length} tasks: ${taskList(newTasks)}.`,
  );
  const green = input.targetGroups.find(tg => tg.color === 'g');
  if (green) {
    timeline.add(
      6 * MS_PER_MINUTE,
      `registered ${newTasks.length} targets in (target-group ${green.arn})`,
    );
  }
  timeline.add(
    4 * MS_PER_MINUTE,
    `(deployment ${current.id}) test traffic shifted to the new revision; waiting before production traffic shift.`,
  );
  return {
    taskDefinitions: [oldTd, newTd],
    deployments: [current, old],
    tasks: [...newTasks, ...oldTasks],
    events: timeline.sorted(),
  };
}

/** A rolling update halfway: new tasks running or pending next to old ones. */
export function rollingInProgressStory({
  input,
  timeline,
  revision,
  deployment,
  lastDeployAgo,
}: StoryContext): EcsState {
  const oldTd = revision(0, lastDeployAgo + MS_PER_MINUTE);
  const newAgo = 5 * MS_PER_MINUTE;
  const newTd = revision(1, newAgo + MS_PER_MINUTE);
  const newRunning = Math.floor(input.desiredCount / 2);
  const newPending = Math.min(1, input.desiredCount - newRunning);
  const oldRunning = input.desiredCount - newRunning;
  const old: DeploymentModel = {
    ...completedDeployment(
      input,
      deployment('previous'),
      oldTd,
      lastDeployAgo,
      'ACTIVE',
    ),
    desiredCount: oldRunning,
    runningCount: oldRunning,
  };
  const oldTasks = startTasks(
    input,
    old,
    oldRunning,
    lastDeployAgo - MS_PER_MINUTE,
    'b',
  );
  narrateCompletedDeployment(
    timeline,
    input,
    old,
    oldTasks,
    lastDeployAgo,
    newAgo,
  );
  const current: DeploymentModel = {
    ...baseDeployment(input, deployment('current'), newTd, newAgo, 'PRIMARY'),
    runningCount: newRunning,
    pendingCount: newPending,
    updatedAgoMs: MS_PER_MINUTE,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: `ECS deployment ${deployment('current')} in progress.`,
    serviceDeploymentStatus: 'IN_PROGRESS',
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
  if (started.length > 0) {
    timeline.add(
      3 * MS_PER_MINUTE,
      `has started ${started.length} tasks: ${taskList(started)}.`,
    );
  }
  return {
    taskDefinitions: [oldTd, newTd],
    deployments: [current, old],
    tasks: [...started, ...pending, ...oldTasks],
    events: timeline.sorted(),
  };
}

/** A revision whose tasks failed to start, rolled back by the circuit breaker. */
export function circuitBreakerRollbackStory({
  input,
  timeline,
  revision,
  deployment,
  lastDeployAgo,
}: StoryContext): EcsState {
  const goodTd = revision(0, lastDeployAgo + MS_PER_MINUTE);
  const badAgo = 48 * MS_PER_MINUTE;
  const badTd = revision(1, badAgo + MS_PER_MINUTE);
  const good = completedDeployment(
    input,
    deployment('previous'),
    goodTd,
    lastDeployAgo,
    'ACTIVE',
  );
  narrateCompletedDeployment(
    timeline,
    input,
    good,
    startTasks(
      input,
      good,
      input.desiredCount,
      lastDeployAgo - MS_PER_MINUTE,
      'b',
    ),
    lastDeployAgo,
    badAgo,
  );
  const rollbackAgo = 36 * MS_PER_MINUTE;
  const failed: DeploymentModel = {
    ...baseDeployment(input, deployment('failed'), badTd, badAgo, 'ACTIVE'),
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
      toServiceRevisionArn: good.serviceRevisionArn,
    },
  };
  const failedTasks = [47, 43, 39].map((minutesAgo, i) =>
    failedTask(input, failed, i, minutesAgo * MS_PER_MINUTE),
  );
  for (const task of failedTasks) {
    timeline.add(task.createdAgoMs, `has started 1 tasks: (task ${task.id}).`);
    timeline.add(
      task.stoppedAgoMs! - 10_000,
      `(task ${task.id}) stopped: essential container app exited with code 137.`,
    );
  }
  timeline.add(
    badAgo,
    `(deployment ${failed.id}) deployment started: rolling update to ${badTd.family}:${badTd.revision}.`,
  );
  timeline.add(
    rollbackAgo + 60_000,
    `(deployment ${failed.id}) deployment failed: tasks failed to start.`,
  );
  const rollbackId = deployment('rollback');
  timeline.add(rollbackAgo, `rolling back to deployment ${good.id}.`);
  const rollback: DeploymentModel = {
    ...completedDeployment(input, rollbackId, goodTd, rollbackAgo, 'PRIMARY'),
    finishedAgoMs: 33 * MS_PER_MINUTE,
  };
  const running = startTasks(
    input,
    rollback,
    input.desiredCount,
    34 * MS_PER_MINUTE,
    'b',
  );
  timeline.add(
    34 * MS_PER_MINUTE,
    `has started ${running.length} tasks: ${taskList(running)}.`,
  );
  timeline.add(
    33 * MS_PER_MINUTE,
    `(deployment ${rollbackId}) deployment completed.`,
  );
  timeline.steadyStates(32 * MS_PER_MINUTE, 30 * MS_PER_MINUTE);
  return {
    taskDefinitions: [goodTd, badTd],
    deployments: [rollback, failed],
    tasks: [...running, ...failedTasks],
    events: timeline.sorted(),
  };
}
