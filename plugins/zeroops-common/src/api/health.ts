import type { components } from './generated/openapi';

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
export type HealthStatus = components['schemas']['HealthStatus'];

/**
 * Why an environment is not healthy. Each code is produced by exactly one roll-up rule
 * (see `healthRules` in this package), so the frontend can document and filter them.
 *
 * @public
 */
export type HealthReasonCode = components['schemas']['HealthReasonCode'];

/**
 * The effect of a reason on the roll-up: `info` is shown but does not lower the status;
 * `unknown` (something that could reveal a problem was not read) turns a status that would be
 * `healthy` into `unknown` and leaves the others as they are; `not-deployed` (no ECS service
 * yet) makes the status `not-deployed` unless a `degraded` or `down` reason was also found.
 *
 * @public
 */
export type HealthReasonSeverity =
  components['schemas']['HealthReason']['severity'];

/**
 * One finding of the health roll-up.
 *
 * @public
 */
export type HealthReason = components['schemas']['HealthReason'];

/**
 * Health of an environment instance with the reasons behind it.
 *
 * @public
 */
export type EnvironmentHealth = components['schemas']['EnvironmentHealth'];
