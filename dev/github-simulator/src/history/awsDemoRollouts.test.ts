// The AWS simulator is the other half of the demo; this test compares the two worlds.
import { buildWorld, loadScenario } from '@zeroops/aws-simulator';
import { serviceDeploymentArn } from '../contract.ts';
import { AWS_DEMO_ROLLOUTS } from './awsDemoRollouts.ts';

describe('AWS_DEMO_ROLLOUTS', () => {
  it('are the rollouts the AWS simulator demo scenario shows in ECS', async () => {
    const world = buildWorld(await loadScenario('demo'), {
      now: new Date('2026-11-18T10:30:00Z'),
    });
    const ecs = world.instances.flatMap(instance =>
      instance.deployments.map(d => ({
        arn: d.serviceDeploymentArn,
        sha: d.taskDefinition.commitSha,
        agoMinutes: Math.round(d.createdAgoMs / 60_000),
      })),
    );
    for (const [service, rollouts] of Object.entries(AWS_DEMO_ROLLOUTS)) {
      for (const [environment, rollout] of Object.entries(rollouts)) {
        const name = environment.replace(/-(previous|failed)$/, '');
        const arn = serviceDeploymentArn(
          service,
          name,
          rollout.serviceDeploymentId,
        );
        expect({
          service,
          environment,
          ecs: ecs.find(d => d.arn === arn),
        }).toEqual({
          service,
          environment,
          ecs: { arn, sha: rollout.sha, agoMinutes: rollout.agoMinutes },
        });
      }
    }
  });
});
