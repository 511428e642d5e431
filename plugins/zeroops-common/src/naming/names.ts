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
  {
    limit: 'iamRole',
    form: 'role <service>-<env>-execution',
    name: (s, e) => `${se(s, e)}-execution`,
  },
  {
    limit: 'iamRole',
    form: 'role <service>-<env>-task',
    name: (s, e) => `${se(s, e)}-task`,
  },
  {
    limit: 'iamRole',
    form: 'role <service>-<env>-ecs-traffic',
    name: (s, e) => `${se(s, e)}-ecs-traffic`,
  },
  {
    limit: 'iamRole',
    form: 'role <service>-<env>-backup',
    name: (s, e) => `${se(s, e)}-backup`,
  },
  {
    limit: 'iamRole',
    form: 'role <service>-<env>-static-replication',
    name: (s, e) => `${se(s, e)}-static-replication`,
  },
  {
    limit: 'iamRole',
    form: 'role <service>-github-<env>',
    name: deployRoleName,
  },
  {
    limit: 'securityGroup',
    form: 'security group <service>-<env>-database',
    name: (s, e) => `${se(s, e)}-database`,
  },
  {
    limit: 'kmsAlias',
    form: 'alias/<service>-<env>-database',
    name: (s, e) => `alias/${se(s, e)}-database`,
  },
  { limit: 'ecrRepository', form: 'ECR repository <service>', name: s => s },
  {
    limit: 'autoScalingPolicy',
    form: 'scaling policy <service>-<env>-requests-green',
    name: (s, e) => `${se(s, e)}-requests-green`,
  },
  {
    limit: 'auroraCluster',
    form: 'Aurora cluster <service>-<env>-dr',
    name: (s, e) => `${dataStoreIdentifier(s, e)}-dr`,
  },
  {
    limit: 'dbInstance',
    form: 'Aurora instance <service>-<env>-dr-1',
    name: (s, e) => `${dataStoreIdentifier(s, e)}-dr-1`,
  },
  {
    limit: 'dbClusterSnapshot',
    form: 'final snapshot <service>-<env>-dr-final',
    name: (s, e) => `${dataStoreIdentifier(s, e)}-dr-final`,
  },
  {
    limit: 'backupVault',
    form: 'backup vault <service>-<env>-dr',
    name: (s, e) => `${dataStoreIdentifier(s, e)}-dr`,
  },
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
  {
    limit: 'snsTopic',
    form: 'SNS topic <service>-<env>-alarms',
    name: (s, e) => `${se(s, e)}-alarms`,
  },
  { limit: 'wafWebAcl', form: 'web ACL <service>-<env>', name: se },
  {
    limit: 'cloudFrontOriginAccessControl',
    form: 'origin access control <service>-<env>-static',
    name: (s, e) => `${se(s, e)}-static`,
  },
  {
    limit: 'cloudFrontPolicy',
    form: 'response headers policy <service>-<env>-security-headers',
    name: (s, e) => `${se(s, e)}-security-headers`,
  },
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
