import type { components } from './generated/openapi';

/**
 * `persistent` environments (production, staging) hold one ECS service per catalog service;
 * an `ephemeral` environment holds one ECS service per pull request (`<service>-pr-<n>`).
 *
 * @public
 */
export type EnvironmentKind =
  components['schemas']['EntityEnvironment']['kind'];

/**
 * Where an environment instance lives in AWS.
 *
 * @public
 */
export type EnvironmentLocation = components['schemas']['EnvironmentLocation'];

/** @public */
export type EnvironmentLinks = components['schemas']['EnvironmentLinks'];

/**
 * Counts of the ECS service itself.
 *
 * @public
 */
export type ServiceSummary = components['schemas']['ServiceSummary'];

/**
 * A CloudWatch alarm of the service that is in ALARM.
 *
 * @public
 */
export type AlarmSummary = components['schemas']['AlarmSummary'];

/**
 * Target health of the target group that serves production traffic.
 *
 * @public
 */
export type TargetHealthSummary = components['schemas']['TargetHealthSummary'];

/**
 * Aurora cluster or ElastiCache serverless cache of the service.
 *
 * @public
 */
export type DataStoreStatus = components['schemas']['DataStoreStatus'];

/**
 * One environment instance of a catalog entity: `production`, `staging` or `pr-<n>`.
 *
 * When `error` is set, AWS could not be read for this environment: `health.status` is
 * `unknown` and the AWS-derived fields are absent. `partialErrors` lists secondary sources
 * (alarms, target health, data stores) that failed while the ECS data was read.
 *
 * When `pending` is set, AWS did not answer within the request's deadline: `health.status` is
 * `unknown`, the AWS-derived fields are absent, and the read goes on in the backend, so asking
 * again shortly returns the environment complete (or with its `error`).
 *
 * @public
 */
export type EntityEnvironment = components['schemas']['EntityEnvironment'];

/**
 * `GET /entities/{kind}/{namespace}/{name}/environments`
 *
 * @public
 */
export type EntityEnvironmentsResponse =
  components['schemas']['EntityEnvironmentsResponse'];
