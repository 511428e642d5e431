/**
 * Resource naming shared by the Terraform modules, the generated infrastructure, the AWS
 * simulator's scenarios and the backend plugin. Because every party derives names the same way,
 * the backend never needs discovery calls (ListServices, tag lookups) to find a service's
 * resources: one catalog annotation is enough.
 */

/**
 * Longest service name, so that `<service>-pr-<5 digits>-g` fits an ALB target group name (32).
 *
 * @public
 */
export const MAX_SERVICE_NAME_LENGTH = 20;

/**
 * Longest environment instance name: `production`, `staging` or an ephemeral `pr-<n>`.
 *
 * @public
 */
export const MAX_ENVIRONMENT_NAME_LENGTH = 8;

const SERVICE_NAME_PATTERN = /^[a-z](?:[a-z0-9-]*[a-z0-9])?$/;
const EPHEMERAL_NAME_PATTERN = /^pr-([1-9][0-9]{0,4})$/;

/** Why a service name is not acceptable, or undefined when it is. @public */
export function explainInvalidServiceName(name: string): string | undefined {
  if (name.length === 0) return 'must not be empty';
  if (name.length > MAX_SERVICE_NAME_LENGTH) {
    return `must be at most ${MAX_SERVICE_NAME_LENGTH} characters so that "<name>-pr-<n>-g" fits an ALB target group name (32 characters); "${name}" has ${name.length}`;
  }
  if (!SERVICE_NAME_PATTERN.test(name)) {
    return 'must be a lowercase DNS label: letters a-z, digits and hyphens, starting with a letter and not ending with a hyphen';
  }
  if (name.includes('--')) return 'must not contain two hyphens in a row';
  return undefined;
}

/** The ephemeral environment instance name for a pull request. @public */
export function ephemeralEnvironmentName(pullRequestNumber: number): string {
  if (
    !Number.isInteger(pullRequestNumber) ||
    pullRequestNumber < 1 ||
    pullRequestNumber > 99999
  ) {
    throw new Error(
      `pull request number must be an integer from 1 to 99999, got ${pullRequestNumber}`,
    );
  }
  return `pr-${pullRequestNumber}`;
}

/** The pull request number of an ephemeral instance name (`pr-12` → 12), else undefined. @public */
export function parseEphemeralEnvironmentName(
  name: string,
): number | undefined {
  const match = EPHEMERAL_NAME_PATTERN.exec(name);
  return match ? Number(match[1]) : undefined;
}

/**
 * ECS service name: the service itself in persistent environments, `<service>-pr-<n>` in the
 * shared ephemeral cluster. @public
 */
export function ecsServiceName(
  service: string,
  environmentInstance: string,
): string {
  return parseEphemeralEnvironmentName(environmentInstance) === undefined
    ? service
    : `${service}-${environmentInstance}`;
}

/** Prefix of the CloudWatch alarms the monitoring module creates: `<service>-<environment>-`. @public */
export function alarmNamePrefix(
  service: string,
  environmentInstance: string,
): string {
  return `${service}-${environmentInstance}-`;
}

/** Aurora cluster identifier and ElastiCache serverless cache name of a service. @public */
export function dataStoreIdentifier(
  service: string,
  environmentInstance: string,
): string {
  return `${service}-${environmentInstance}`;
}

/** Cost-allocation tag keys carried by every resource (Terraform `default_tags`). @public */
export const COST_ALLOCATION_TAGS = {
  service: 'zeroops:service',
  environment: 'zeroops:environment',
} as const;

/** Name of the container that runs the service in every task definition. @public */
export const APP_CONTAINER_NAME = 'app';

/** Signals of the CloudWatch alarms the monitoring module creates per service and environment. @public */
export const ALARM_SIGNALS = [
  'alb-5xx',
  'p99-latency',
  'unhealthy-hosts',
  'cpu-high',
  'memory-high',
  'aurora-acu-high',
  'aurora-connections-high',
] as const;

/** A signal of {@link ALARM_SIGNALS}. @public */
export type AlarmSignal = (typeof ALARM_SIGNALS)[number];

/** Blue and green ALB target group names: `<service>-<env>-b` and `<service>-<env>-g`. @public */
export function targetGroupNames(
  service: string,
  environmentInstance: string,
): { blue: string; green: string } {
  return {
    blue: `${service}-${environmentInstance}-b`,
    green: `${service}-${environmentInstance}-g`,
  };
}

/** CloudWatch Logs group of a service's containers: `/ecs/<service>/<env>`. @public */
export function logGroupName(
  service: string,
  environmentInstance: string,
): string {
  return `/ecs/${service}/${environmentInstance}`;
}

/** ECS task definition family: `<service>-<env>`. @public */
export function taskDefinitionFamily(
  service: string,
  environmentInstance: string,
): string {
  return `${service}-${environmentInstance}`;
}
