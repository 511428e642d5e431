import type { AwsNameLimitKey } from './limits';
import {
  environmentShortName,
  parseEphemeralEnvironmentName,
} from './environments';

/**
 * Every AWS name derived from a service and an environment instance. The Terraform modules, the
 * generated infrastructure, the simulator's scenarios and the backend derive names the same
 * way, so the backend finds a service's resources from one catalog annotation, without
 * discovery calls.
 */

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

/**
 * `<service>-<environment>`: task definition family, data stores, alarm and secret prefixes and
 * the prefix of most per-service resources. @public
 */
export function serviceEnvironmentName(
  service: string,
  environmentInstance: string,
): string {
  return `${service}-${environmentInstance}`;
}

/** Prefix of the CloudWatch alarms the monitoring module creates: `<service>-<environment>-`. @public */
export function alarmNamePrefix(
  service: string,
  environmentInstance: string,
): string {
  return `${serviceEnvironmentName(service, environmentInstance)}-`;
}

/** Aurora cluster identifier and ElastiCache serverless cache name of a service. @public */
export function dataStoreIdentifier(
  service: string,
  environmentInstance: string,
): string {
  return serviceEnvironmentName(service, environmentInstance);
}

/**
 * Blue and green target group names: `<service>-<env short>-b` and `-g`, with `prod`/`stg` for
 * the persistent environments because target group names are limited to 32 characters.
 * @public
 */
export function targetGroupNames(
  service: string,
  environmentInstance: string,
): { blue: string; green: string } {
  const base = `${service}-${environmentShortName(environmentInstance)}`;
  return { blue: `${base}-b`, green: `${base}-g` };
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
  return serviceEnvironmentName(service, environmentInstance);
}

/** Secrets Manager name of one of a service's secrets: `<service>/<env>/<key>`. @public */
export function secretName(
  service: string,
  environmentInstance: string,
  key: string,
): string {
  return `${service}/${environmentInstance}/${key}`;
}

/** IAM role GitHub Actions assumes to deploy a service: `<service>-github-<environment>`. @public */
export function deployRoleName(service: string, environment: string): string {
  return `${service}-github-${environment}`;
}

/** One AWS name the modules derive from a service and environment, with its AWS limit. @public */
export interface NameForm {
  /** Which AWS limit applies. */
  readonly limit: AwsNameLimitKey;
  /** Where the name is made and what it looks like, for messages and the README table. */
  readonly form: string;
  /** The name for a service, an environment instance and a 12-digit account id. */
  readonly name: (
    service: string,
    environment: string,
    account: string,
  ) => string;
}

const se = serviceEnvironmentName;

/**
 * A name `<service>-<env><suffix>` of `resource`, made by `base` (`serviceEnvironmentName` or
 * an alias of it such as `dataStoreIdentifier`): the form and the name are spelled from the same
 * suffix, so the message never names another suffix than the one checked.
 */
function suffixedName(
  limit: AwsNameLimitKey,
  resource: string,
  suffix: string,
  base: (service: string, environment: string) => string = se,
): NameForm {
  return {
    limit,
    form: `${resource} <service>-<env>${suffix}`,
    name: (s, e) => `${base(s, e)}${suffix}`,
  };
}

/**
 * Every name form of the service-level modules (ecs-service, database, cache, cdn, monitoring,
 * secrets, dns, github-oidc). The longest service name is derived from these.
 * @public
 */
export const NAME_FORMS: readonly NameForm[] = [
  {
    limit: 'ecsService',
    form: 'ECS service <service>[-pr-<n>]',
    name: ecsServiceName,
  },
  {
    limit: 'taskDefinitionFamily',
    form: 'task family <service>-<env>',
    name: taskDefinitionFamily,
  },
  {
    limit: 'targetGroup',
    form: 'target group <service>-<env short>-b',
    name: (s, e) => targetGroupNames(s, e).blue,
  },
  {
    limit: 'targetGroup',
    form: 'target group <service>-<env short>-g',
    name: (s, e) => targetGroupNames(s, e).green,
  },
  {
    limit: 'logGroup',
    form: 'log group /ecs/<service>/<env>',
    name: logGroupName,
  },
  suffixedName('iamRole', 'role', '-execution'),
  suffixedName('iamRole', 'role', '-task'),
  suffixedName('iamRole', 'role', '-ecs-traffic'),
  suffixedName('iamRole', 'role', '-backup'),
  suffixedName('iamRole', 'role', '-static-replication'),
  {
    limit: 'iamRole',
    form: 'role <service>-github-<env>',
    name: deployRoleName,
  },
  suffixedName('securityGroup', 'security group', '-database'),
  {
    limit: 'kmsAlias',
    form: 'alias/<service>-<env>-database',
    name: (s, e) => `alias/${se(s, e)}-database`,
  },
  { limit: 'ecrRepository', form: 'ECR repository <service>', name: s => s },
  suffixedName('autoScalingPolicy', 'scaling policy', '-requests-green'),
  suffixedName('auroraCluster', 'Aurora cluster', '-dr', dataStoreIdentifier),
  suffixedName('dbInstance', 'Aurora instance', '-dr-1', dataStoreIdentifier),
  suffixedName(
    'dbClusterSnapshot',
    'final snapshot',
    '-dr-final',
    dataStoreIdentifier,
  ),
  suffixedName('backupVault', 'backup vault', '-dr', dataStoreIdentifier),
  {
    limit: 'elastiCacheServerless',
    form: 'Valkey cache <service>-<env>',
    name: dataStoreIdentifier,
  },
  {
    limit: 'cloudWatchAlarm',
    form: 'alarm <service>-<env>-aurora-connections-high',
    name: (s, e) => `${alarmNamePrefix(s, e)}aurora-connections-high`,
  },
  suffixedName('snsTopic', 'SNS topic', '-alarms'),
  { limit: 'wafWebAcl', form: 'web ACL <service>-<env>', name: se },
  suffixedName(
    'cloudFrontOriginAccessControl',
    'origin access control',
    '-static',
  ),
  suffixedName(
    'cloudFrontPolicy',
    'response headers policy',
    '-security-headers',
  ),
  {
    limit: 's3Bucket',
    form: 'bucket <service>-<env>-cdn-logs-<account>',
    name: (s, e, a) => `${se(s, e)}-cdn-logs-${a}`,
  },
  {
    limit: 's3Bucket',
    form: 'bucket <service>-<env>-static-<account>-replica',
    name: (s, e, a) => `${se(s, e)}-static-${a}-replica`,
  },
  {
    limit: 'logGroup',
    form: 'log group aws-waf-logs-<service>-<env>',
    name: (s, e) => `aws-waf-logs-${se(s, e)}`,
  },
];
