import { Deployment } from '@zeroops/backstage-plugin-zeroops-common';
import { buildDeploymentState } from './deploymentState';
import { EcsServiceRecord, TaskDefinitionRecord } from '../records';

const SHA = 'a'.repeat(40);
const TD =
  'arn:aws:ecs:us-east-1:111111111111:task-definition/payments-api-production';

const deployment = (overrides: Partial<Deployment>): Deployment => ({
  id: 'ecs-svc/1',
  status: 'PRIMARY',
  taskDefinitionArn: `${TD}:2`,
  taskDefinitionFamily: 'payments-api-production',
  taskDefinitionRevision: 2,
  startedAt: '2025-01-02T00:00:00.000Z',
  rolloutState: 'COMPLETED',
  desiredCount: 2,
  runningCount: 2,
  pendingCount: 0,
  failedTasks: 0,
  strategy: 'ROLLING',
  ...overrides,
});

const service = (deployments: Deployment[]): EcsServiceRecord => ({
  serviceName: 'payments-api',
  serviceArn: 'arn',
  status: 'ACTIVE',
  desiredCount: 2,
  runningCount: 2,
  pendingCount: 0,
  strategy: 'ROLLING',
  deployments,
  events: [],
  targetGroupArns: [],
});

const taskDefinitions = new Map<string, TaskDefinitionRecord>([
  [
    `${TD}:2`,
    {
      taskDefinitionArn: `${TD}:2`,
      family: 'payments-api-production',
      revision: 2,
      image: `111111111111.dkr.ecr.us-east-1.amazonaws.com/payments-api:${SHA}`,
    },
  ],
]);

describe('buildDeploymentState', () => {
  it('enriches the primary deployment with image and commit', () => {
    const state = buildDeploymentState(
      service([deployment({})]),
      taskDefinitions,
    );
    expect(state.primary).toMatchObject({
      taskDefinitionRevision: 2,
      image: `111111111111.dkr.ecr.us-east-1.amazonaws.com/payments-api:${SHA}`,
      commitSha: SHA,
    });
    expect(state.inFlight).toEqual([]);
    expect(state.lastFailed).toBeUndefined();
  });

  it('separates the old revision still running during a rolling update', () => {
    const state = buildDeploymentState(
      service([
        deployment({
          id: 'ecs-svc/2',
          taskDefinitionArn: `${TD}:3`,
          taskDefinitionRevision: 3,
          rolloutState: 'IN_PROGRESS',
          startedAt: '2025-01-03T00:00:00.000Z',
          runningCount: 1,
        }),
        deployment({ status: 'ACTIVE', runningCount: 1 }),
      ]),
      taskDefinitions,
    );
    expect(state.primary?.id).toBe('ecs-svc/2');
    expect(state.primary?.commitSha).toBeUndefined();
    expect(state.inFlight.map(d => d.id)).toEqual(['ecs-svc/1']);
    expect(state.inFlight[0].commitSha).toBe(SHA);
  });

  it('reports the failed deployment ECS is rolling back from', () => {
    const state = buildDeploymentState(
      service([
        deployment({ id: 'ecs-svc/1', startedAt: '2025-01-01T00:00:00.000Z' }),
        deployment({
          id: 'ecs-svc/9',
          status: 'ACTIVE',
          rolloutState: 'FAILED',
          rolloutStateReason:
            'ECS deployment circuit breaker: tasks failed to start.',
          startedAt: '2025-01-05T00:00:00.000Z',
          runningCount: 0,
          desiredCount: 0,
        }),
      ]),
      taskDefinitions,
    );
    expect(state.lastFailed?.id).toBe('ecs-svc/9');
    expect(state.inFlight).toEqual([]);
  });
});
