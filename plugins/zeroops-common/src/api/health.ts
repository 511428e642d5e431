/**
 * Health of one environment instance, rolled up from ECS, ELB, CloudWatch and the data stores.
 *
 * `unknown` means AWS could not be read (see the environment's `error`), or a signal that could
 * reveal a problem could not be read (a reason of severity `unknown` says which): never
 * "probably fine".
 *
 * `not-deployed` means ECS answered that the environment has no such service (DescribeServices
 * reports it MISSING): nothing was deployed there yet, which is neither healthy nor down.
 *
 * @public
 */
export type HealthStatus =
  | 'healthy'
  | 'degraded'
  | 'down'
  | 'not-deployed'
  | 'unknown';

/**
 * Why an environment is not healthy. Each code is produced by exactly one roll-up rule
 * (see `healthRules` in this package), so the frontend can document and filter them.
 *
 * @public
 */
export type HealthReasonCode =
  | 'service-missing'
  | 'service-inactive'
  | 'no-running-tasks'
  | 'tasks-below-desired'
  | 'scaled-to-zero'
  | 'rollout-in-progress'
  | 'rollout-failed'
  | 'circuit-breaker-rollback'
  | 'alarm'
  | 'unhealthy-targets'
  | 'database-unavailable'
  | 'cache-unavailable'
  | 'data-unavailable'
  | 'alarms-unreadable'
  | 'target-health-unreadable'
  | 'database-unreadable'
  | 'cache-unreadable';

/**
 * The effect of a reason on the roll-up: `info` is shown but does not lower the status;
 * `unknown` (something that could reveal a problem was not read) turns a status that would be
 * `healthy` into `unknown` and leaves the others as they are; `not-deployed` (no ECS service
 * yet) makes the status `not-deployed` unless a `degraded` or `down` reason was also found.
 *
 * @public
 */
export type HealthReasonSeverity =
  | 'info'
  | 'unknown'
  | 'not-deployed'
  | 'degraded'
  | 'down';

/** @public */
export interface HealthReason {
  code: HealthReasonCode;
  severity: HealthReasonSeverity;
  /** One sentence a developer can act on, e.g. "1 of 3 tasks running". */
  message: string;
  /** The AWS resource the reason is about (alarm name, target group, cluster id), when any. */
  resource?: string;
}

/** @public */
export interface EnvironmentHealth {
  status: HealthStatus;
  /** Every reason found, worst first; empty when healthy. */
  reasons: HealthReason[];
}
