import { unitHash } from '@zeroops/simulator-kit';
import { MS_PER_DAY, MS_PER_MINUTE } from '../time.ts';
import { taskDefinition } from './ecsState/deployments.ts';
import {
  blueGreenInProgressStory,
  circuitBreakerRollbackStory,
  rollingInProgressStory,
  steadyStory,
  type StoryContext,
} from './ecsState/stories.ts';
import { Timeline } from './ecsState/Timeline.ts';
import type { EcsState, EcsStateInput } from './ecsState/types.ts';
import { deploymentId } from './ids.ts';

export type { EcsState, EcsStateInput } from './ecsState/types.ts';

/**
 * The ECS side of one environment instance: task definition revisions, deployments, tasks
 * and service events, laid out on a timeline that tells the instance's deployment story.
 */
export function buildEcsState(input: EcsStateInput): EcsState {
  const { seed, key, createdAgoMs } = input;
  const timeline = new Timeline(input);
  const baseRevision = 3 + Math.floor(unitHash(`${seed}/${key}/revision`) * 40);
  const context: StoryContext = {
    input,
    timeline,
    revision: (offset, registeredAgoMs) =>
      taskDefinition(input, baseRevision + offset, registeredAgoMs),
    deployment: tag => deploymentId(`${seed}/${key}/deployment/${tag}`),
    // When the current revision went out: hours to days ago, never before the service existed.
    lastDeployAgo: Math.min(
      createdAgoMs - 2 * MS_PER_MINUTE,
      MS_PER_DAY * (1 + unitHash(`${seed}/${key}/deployed`) * 8),
    ),
  };
  timeline.add(createdAgoMs, 'was created.');

  switch (input.story) {
    case 'steady':
      return steadyStory(context);
    case 'blue-green-in-progress':
      return blueGreenInProgressStory(context);
    case 'rolling-in-progress':
      return rollingInProgressStory(context);
    case 'circuit-breaker-rollback':
      return circuitBreakerRollbackStory(context);
    default:
      throw new Error(`Unknown deployment story ${String(input.story)}`);
  }
}
