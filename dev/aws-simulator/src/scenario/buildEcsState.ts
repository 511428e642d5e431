import { hexId, unitHash, uuidFrom } from '../random.ts';
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../time.ts';
import { deploymentId, ecsArn, numericId, privateIp } from './ids.ts';
import type { DeploymentStory } from './types.ts';
import type {
  ClusterModel,
  DeploymentModel,
  ServiceEventModel,
  TargetGroupModel,
  TaskDefinitionModel,
  TaskModel,
} from './world.ts';

/**
 * The ECS side of one environment instance: task definition revisions, deployments, tasks
 * and service events, laid out on a timeline that tells the instance's deployment story.
 */

export interface EcsStateInput {
  seed: number;
  key: string;
  serviceName: string;
  /** Environment instance name (`production`, `pr-7`). */
  instanceName: string;
  ecsServiceName: string;
  account: string;
  region: string;
  cluster: ClusterModel;
  cpu: number;
  memory: number;
  port?: number;
  desiredCount: number;
  story: DeploymentStory;
  strategy: 'ROLLING' | 'BLUE_GREEN';
  createdAgoMs: number;
  targetGroups: TargetGroupModel[];
}

export interface EcsState {
  taskDefinitions: TaskDefinitionModel[];
  deployments: DeploymentModel[];
  tasks: TaskModel[];
  events: ServiceEventModel[];
}

const AVAILABILITY_ZONE_SUFFIXES = ['a', 'b', 'c'];
const OUT_OF_MEMORY = 'OutOfMemoryError: Container killed due to memory usage';

class Timeline {
  readonly events: ServiceEventModel[] = [];
  readonly #input: EcsStateInput;

  constructor(input: EcsStateInput) {
    this.#input = input;
  }

  add(agoMs: number, message: string): void {
    const { seed, key, ecsServiceName } = this.#input;
    this.events.push({
      id: uuidFrom(`${seed}/${key}/event/${this.events.length}/${message}`),
      agoMs,
      message: `(service ${ecsServiceName}) ${message}`,
    });
  }

  /** ECS repeats "steady state" about every six hours while nothing changes. */
  steadyStates(fromAgoMs: number, untilAgoMs: number): void {
    const maxEvents = 6;
    let at = untilAgoMs;
    for (let i = 0; i < maxEvents && at <= fromAgoMs; i++) {
      this.add(at, 'has reached a steady state.');
      at += 6 * MS_PER_HOUR;
    }
  }

  sorted(): ServiceEventModel[] {
    return [...this.events].sort((a, b) => a.agoMs - b.agoMs).slice(0, 100);
  }
}

export function buildEcsState(input: EcsStateInput): EcsState {
  const { seed, key, createdAgoMs } = input;
  const timeline = new Timeline(input);
  const baseRevision = 3 + Math.floor(unitHash(`${seed}/${key}/revision`) * 40);
  const revision = (offset: number, registeredAgoMs: number) =>
    taskDefinition(input, baseRevision + offset, registeredAgoMs);
  const deployment = (tag: string) =>
    deploymentId(`${seed}/${key}/deployment/${tag}`);
  // When the current revision went out: hours to days ago, never before the service existed.
  const lastDeployAgo = Math.min(
    createdAgoMs - 2 * MS_PER_MINUTE,
    MS_PER_DAY * (1 + unitHash(`${seed}/${key}/deployed`) * 8),
  );
  timeline.add(createdAgoMs, 'was created.');

  switch (input.story) {
    case 'steady': {
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
    case 'blue-green-in-progress': {
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
        ...baseDeployment(
          input,
          deployment('current'),
          newTd,
          newAgo,
          'PRIMARY',
        ),
        runningCount: input.desiredCount,
        updatedAgoMs: 4 * MS_PER_MINUTE,
        rolloutState: 'IN_PROGRESS',
        rolloutStateReason: `ECS deployment ${deployment(
          'current',
        )} in progress.`,
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
    case 'rolling-in-progress': {
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
        ...baseDeployment(
          input,
          deployment('current'),
          newTd,
          newAgo,
          'PRIMARY',
        ),
        runningCount: newRunning,
        pendingCount: newPending,
        updatedAgoMs: MS_PER_MINUTE,
        rolloutState: 'IN_PROGRESS',
        rolloutStateReason: `ECS deployment ${deployment(
          'current',
        )} in progress.`,
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
    case 'circuit-breaker-rollback': {
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
        timeline.add(
          task.createdAgoMs,
          `has started 1 tasks: (task ${task.id}).`,
        );
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
        ...completedDeployment(
          input,
          rollbackId,
          goodTd,
          rollbackAgo,
          'PRIMARY',
        ),
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
    default:
      throw new Error(`Unknown deployment story ${String(input.story)}`);
  }
}

function taskDefinition(
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

function baseDeployment(
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

function completedDeployment(
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

/**
 * Events of a deployment that completed `deployedAgoMs` ago; steady-state events follow it
 * until it was superseded (`supersededAgoMs`, 0 when it is still current).
 */
function narrateCompletedDeployment(
  timeline: Timeline,
  input: EcsStateInput,
  d: DeploymentModel,
  tasks: TaskModel[],
  deployedAgoMs: number,
  supersededAgoMs = 0,
): void {
  if (tasks.length > 0) {
    timeline.add(
      deployedAgoMs - 2 * MS_PER_MINUTE,
      `has started ${tasks.length} tasks: ${taskList(tasks)}.`,
    );
  }
  const tg = input.targetGroups.find(t => t.color === 'b');
  if (tg && tasks.length > 0) {
    timeline.add(
      deployedAgoMs - 3 * MS_PER_MINUTE,
      `registered ${tasks.length} targets in (target-group ${tg.arn})`,
    );
  }
  timeline.add(
    deployedAgoMs - 4 * MS_PER_MINUTE,
    `(deployment ${d.id}) deployment completed.`,
  );
  const firstSteady = deployedAgoMs - 5 * MS_PER_MINUTE;
  const latestSteady =
    supersededAgoMs +
    MS_PER_MINUTE +
    unitHash(`${input.seed}/${input.key}/steady`) * 6 * MS_PER_HOUR;
  timeline.steadyStates(firstSteady, Math.min(firstSteady, latestSteady));
}

function taskList(tasks: TaskModel[]): string {
  return tasks.map(t => `(task ${t.id})`).join(' ');
}

function newTask(
  input: EcsStateInput,
  d: DeploymentModel,
  index: number,
  createdAgoMs: number,
): TaskModel {
  const id = hexId(`${input.seed}/${input.key}/${d.id}/task/${index}`, 32);
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

function startTasks(
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

function pendingTasks(
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

function failedTask(
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
