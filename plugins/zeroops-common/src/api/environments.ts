import { DeploymentState, ServiceEvent, StoppedTask } from './deployments';
import { EnvironmentError } from './errors';
import { EnvironmentHealth } from './health';

/**
 * `persistent` environments (production, staging) hold one ECS service per catalog service;
 * an `ephemeral` environment holds one ECS service per pull request (`<service>-pr-<n>`).
 *
 * @public
 */
export type EnvironmentKind = 'persistent' | 'ephemeral';

/**
 * Where an environment instance lives in AWS.
 *
 * @public
 */
export interface EnvironmentLocation {
  accountId: string;
  region: string;
  cluster: string;
  /** ECS service name (`<service>` or `<service>-pr-<n>`). */
  ecsServiceName: string;
}

/** @public */
export interface EnvironmentLinks {
  /** AWS console page of the ECS service. */
  console: string;
  /** CloudWatch Logs console page of the log group from the task definition, when it uses awslogs. */
  logs?: string;
  /** `awslogs-group` of the task definition. */
  logGroup?: string;
}

/**
 * Counts of the ECS service itself.
 *
 * @public
 */
export interface ServiceSummary {
  /** `ACTIVE`, `DRAINING` or `INACTIVE`. */
  status: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  launchType?: string;
  /** ISO 8601 time the ECS service was created (the age of an ephemeral environment). */
  createdAt?: string;
}

/**
 * A CloudWatch alarm of the service that is in ALARM.
 *
 * @public
 */
export interface AlarmSummary {
  name: string;
  /** The signal part of the name (`alb-5xx`, `p99-latency`, ...), when the name follows the contract. */
  signal?: string;
  state: 'ALARM';
  reason?: string;
  /** ISO 8601 time the alarm entered ALARM. */
  since?: string;
}

/**
 * Target health of the target group that serves production traffic.
 *
 * @public
 */
export interface TargetHealthSummary {
  targetGroupArn: string;
  targetGroupName: string;
  total: number;
  healthy: number;
  unhealthy: number;
  /** initial, draining, unused, unavailable */
  other: number;
  /** Distinct ELB reason codes/descriptions of unhealthy targets. */
  unhealthyReasons: string[];
}

/**
 * Aurora cluster or ElastiCache serverless cache of the service.
 *
 * @public
 */
export interface DataStoreStatus {
  kind: 'aurora' | 'valkey';
  identifier: string;
  /** Raw AWS status (`available`, `modifying`, `create-failed`, ...). */
  status: string;
  available: boolean;
}

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
export interface EntityEnvironment {
  /** Environment instance name: `production`, `staging`, `pr-12`. */
  name: string;
  /** Name of the configured platform environment (`zeroops.environments[].name`). */
  platformEnvironment: string;
  kind: EnvironmentKind;
  /** Pull request number of an ephemeral instance. */
  pullRequest?: number;
  location: EnvironmentLocation;
  health: EnvironmentHealth;
  service?: ServiceSummary;
  deployment?: DeploymentState;
  /** Newest first. */
  events: ServiceEvent[];
  /** Newest first. */
  stoppedTasks: StoppedTask[];
  alarms: AlarmSummary[];
  targets?: TargetHealthSummary;
  dataStores: DataStoreStatus[];
  links: EnvironmentLinks;
  error?: EnvironmentError;
  /** True while AWS is still being read for this environment ("still reading"). */
  pending?: boolean;
  partialErrors: EnvironmentError[];
  /** ISO 8601 time the AWS data was read (it may come from the short-lived cache). */
  fetchedAt: string;
}

/**
 * `GET /entities/{kind}/{namespace}/{name}/environments`
 *
 * @public
 */
export interface EntityEnvironmentsResponse {
  entityRef: string;
  serviceName: string;
  /** Persistent environments in configuration order, then ephemeral instances by PR number. */
  environments: EntityEnvironment[];
  /** True when `zeroops.demoData` is set: the data comes from the simulator. */
  demoData: boolean;
  /** ISO 8601 */
  generatedAt: string;
}
