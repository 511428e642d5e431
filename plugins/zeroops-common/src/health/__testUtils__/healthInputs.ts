/** Health inputs of a healthy rolling service, and builders to vary them, for the rule tests. */
import { Deployment, DeploymentState } from '../../api/deployments';
import { HealthInputs } from '../rules';

export const service = (
  overrides: Partial<NonNullable<HealthInputs['service']>> = {},
) => ({
  status: 'ACTIVE',
  desiredCount: 2,
  runningCount: 2,
  pendingCount: 0,
  ...overrides,
});

export const deployment = (
  overrides: Partial<Deployment> = {},
): Deployment => ({
  id: 'ecs-svc/1',
  status: 'PRIMARY',
  taskDefinitionArn:
    'arn:aws:ecs:us-east-1:111111111111:task-definition/payments-api-production:7',
  taskDefinitionFamily: 'payments-api-production',
  taskDefinitionRevision: 7,
  startedAt: '2025-01-01T00:00:00.000Z',
  rolloutState: 'COMPLETED',
  desiredCount: 2,
  runningCount: 2,
  pendingCount: 0,
  failedTasks: 0,
  strategy: 'ROLLING',
  ...overrides,
});

export const state = (
  overrides: Partial<DeploymentState> = {},
): DeploymentState => ({
  strategy: 'ROLLING',
  primary: deployment(),
  inFlight: [],
  ...overrides,
});

export const healthy: HealthInputs = {
  service: service(),
  deployment: state(),
  alarms: [],
  dataStores: [],
};
