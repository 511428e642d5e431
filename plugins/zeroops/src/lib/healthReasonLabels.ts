import {
  EnvironmentErrorCode,
  HealthReasonCode,
} from '@zeroops/backstage-plugin-zeroops-common';

/**
 * Short wording of each roll-up rule's reason code, for the overview where only codes are sent
 * (the entity cards show the backend's full sentences).
 */
export const HEALTH_REASON_LABELS: Record<HealthReasonCode, string> = {
  'service-missing': 'Not deployed yet: no ECS service in this environment',
  'service-inactive': 'ECS service not active',
  'no-running-tasks': 'No running tasks',
  'tasks-below-desired': 'Fewer tasks than desired',
  'scaled-to-zero': 'Scaled to zero',
  'rollout-in-progress': 'Rollout in progress',
  'rollout-failed': 'Rollout failed',
  'circuit-breaker-rollback': 'Rolled back by the circuit breaker',
  alarm: 'CloudWatch alarm in ALARM',
  'unhealthy-targets': 'Unhealthy load balancer targets',
  'database-unavailable': 'Database unavailable',
  'cache-unavailable': 'Cache unavailable',
  'data-unavailable': 'AWS data unavailable',
  'alarms-unreadable': 'Alarms could not be read',
  'target-health-unreadable': 'Target health could not be read',
  'database-unreadable': 'Database status could not be read',
  'cache-unreadable': 'Cache status could not be read',
};

export const ENVIRONMENT_ERROR_LABELS: Record<EnvironmentErrorCode, string> = {
  throttled: 'AWS throttled the requests',
  'access-denied': 'Access denied by AWS',
  'not-found': 'Not found in AWS',
  timeout: 'AWS did not answer in time',
  unavailable: 'AWS unavailable',
  configuration: 'Configuration problem',
  unknown: 'Unknown AWS error',
};
