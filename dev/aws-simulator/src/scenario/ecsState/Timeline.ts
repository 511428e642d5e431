import { unitHash } from '@zeroops/simulator-kit';
import { uuidFrom } from '../../random.ts';
import { MS_PER_HOUR, MS_PER_MINUTE } from '../../time.ts';
import type {
  DeploymentModel,
  ServiceEventModel,
  TargetGroupModel,
  TaskModel,
} from '../world.ts';
import type { EcsStateInput } from './types.ts';

/** The service events of an instance, newest first, as DescribeServices returns them. */
export class Timeline {
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

  // The events ECS writes while deploying, in its own words.

  tasksStarted(agoMs: number, tasks: TaskModel[]): void {
    const list = tasks.map(t => `(task ${t.id})`).join(' ');
    this.add(agoMs, `has started ${tasks.length} tasks: ${list}.`);
  }

  targetsRegistered(
    agoMs: number,
    count: number,
    group: TargetGroupModel,
  ): void {
    this.add(
      agoMs,
      `registered ${count} targets in (target-group ${group.arn})`,
    );
  }

  deploymentStarted(
    agoMs: number,
    d: DeploymentModel,
    kind: 'blue/green' | 'rolling update',
  ): void {
    const { family, revision } = d.taskDefinition;
    this.add(
      agoMs,
      `(deployment ${d.id}) deployment started: ${kind} to ${family}:${revision}.`,
    );
  }

  deploymentCompleted(agoMs: number, deploymentId: string): void {
    this.add(agoMs, `(deployment ${deploymentId}) deployment completed.`);
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

/**
 * Events of a deployment that completed `deployedAgoMs` ago; steady-state events follow it
 * until it was superseded (`supersededAgoMs`, 0 when it is still current).
 */
export function narrateCompletedDeployment(
  timeline: Timeline,
  input: EcsStateInput,
  d: DeploymentModel,
  tasks: TaskModel[],
  deployedAgoMs: number,
  supersededAgoMs = 0,
): void {
  if (tasks.length > 0) {
    timeline.tasksStarted(deployedAgoMs - 2 * MS_PER_MINUTE, tasks);
  }
  const tg = input.targetGroups.find(t => t.color === 'b');
  if (tg && tasks.length > 0) {
    timeline.targetsRegistered(
      deployedAgoMs - 3 * MS_PER_MINUTE,
      tasks.length,
      tg,
    );
  }
  timeline.deploymentCompleted(deployedAgoMs - 4 * MS_PER_MINUTE, d.id);
  const firstSteady = deployedAgoMs - 5 * MS_PER_MINUTE;
  const latestSteady =
    supersededAgoMs +
    MS_PER_MINUTE +
    unitHash(`${input.seed}/${input.key}/steady`) * 6 * MS_PER_HOUR;
  timeline.steadyStates(firstSteady, Math.min(firstSteady, latestSteady));
}
