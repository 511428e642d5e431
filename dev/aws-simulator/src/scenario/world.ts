/**
 * The world: every simulated AWS resource, resolved from a scenario and its seed. Times are
 * stored as offsets before "now" (`…AgoMs`) so that the data is always fresh: a handler turns
 * them into instants with the request's clock.
 */

import type { CostModel } from '../cost/costModel.ts';
import type {
  AlarmStateValue,
  DeploymentStory,
  ScenarioAccount,
  ScenarioEnvironment,
  ScenarioService,
} from './types.ts';

export interface ClusterModel {
  account: string;
  region: string;
  name: string;
  arn: string;
  environment: ScenarioEnvironment;
}

export interface TaskDefinitionModel {
  account: string;
  region: string;
  family: string;
  revision: number;
  arn: string;
  image: string;
  commitSha: string;
  cpu: number;
  memory: number;
  containerPort?: number;
  logGroup: string;
  registeredAgoMs: number;
  executionRoleArn: string;
  taskRoleArn: string;
  environmentName: string;
  serviceName: string;
}

export type RolloutState = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

/** ECS service deployment status (DescribeServiceDeployments). */
export type ServiceDeploymentStatus =
  | 'IN_PROGRESS'
  | 'SUCCESSFUL'
  | 'ROLLBACK_SUCCESSFUL'
  | 'STOPPED';

export interface DeploymentModel {
  /** `ecs-svc/<19 digits>` */
  id: string;
  status: 'PRIMARY' | 'ACTIVE';
  taskDefinition: TaskDefinitionModel;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  failedTasks: number;
  createdAgoMs: number;
  updatedAgoMs: number;
  rolloutState: RolloutState;
  rolloutStateReason: string;
  /** ARN of the matching service deployment (DescribeServiceDeployments). */
  serviceDeploymentArn: string;
  serviceRevisionArn: string;
  serviceDeploymentStatus: ServiceDeploymentStatus;
  /** Blue/green lifecycle stage while the deployment is in progress. */
  lifecycleStage?:
    | 'RECONCILE_SERVICE'
    | 'PRE_SCALE_UP'
    | 'SCALE_UP'
    | 'POST_SCALE_UP'
    | 'TEST_TRAFFIC_SHIFT'
    | 'POST_TEST_TRAFFIC_SHIFT'
    | 'PRODUCTION_TRAFFIC_SHIFT'
    | 'POST_PRODUCTION_TRAFFIC_SHIFT'
    | 'BAKE_TIME'
    | 'CLEAN_UP';
  finishedAgoMs?: number;
  /** For a deployment the circuit breaker rolled back. */
  rollback?: {
    reason: string;
    startedAgoMs: number;
    toServiceRevisionArn: string;
  };
  circuitBreakerTriggered: boolean;
}

export interface TaskModel {
  id: string;
  arn: string;
  deploymentId: string;
  taskDefinition: TaskDefinitionModel;
  lastStatus: 'RUNNING' | 'PENDING' | 'STOPPED';
  desiredStatus: 'RUNNING' | 'STOPPED';
  healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
  createdAgoMs: number;
  startedAgoMs?: number;
  stoppingAgoMs?: number;
  stoppedAgoMs?: number;
  stopCode?:
    | 'TaskFailedToStart'
    | 'EssentialContainerExited'
    | 'UserInitiated'
    | 'ServiceSchedulerInitiated';
  stoppedReason?: string;
  container: {
    lastStatus: 'RUNNING' | 'PENDING' | 'STOPPED';
    healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
    exitCode?: number;
    reason?: string;
  };
  privateIp: string;
  availabilityZone: string;
  /** Registration in the blue (`b`) or green (`g`) target group, for load-balanced services. */
  target?: {
    color: 'b' | 'g';
    state: 'healthy' | 'initial' | 'unhealthy' | 'draining';
    reason?: string;
    description?: string;
  };
}

export interface ServiceEventModel {
  id: string;
  agoMs: number;
  message: string;
}

export interface TargetGroupModel {
  name: string;
  arn: string;
  color: 'b' | 'g';
  port: number;
}

export interface AlarmModel {
  name: string;
  arn: string;
  signal: string;
  description: string;
  state: AlarmStateValue;
  stateReason: string;
  stateReasonData: string;
  stateUpdatedAgoMs: number;
  configurationUpdatedAgoMs: number;
  namespace: string;
  metricName: string;
  statistic?: 'Average' | 'Sum' | 'Maximum';
  extendedStatistic?: string;
  dimensions: { Name: string; Value: string }[];
  period: number;
  evaluationPeriods: number;
  datapointsToAlarm: number;
  threshold: number;
  comparisonOperator: 'GreaterThanThreshold' | 'GreaterThanOrEqualToThreshold';
  treatMissingData: string;
  alarmActions: string[];
  okActions: string[];
  unit?: string;
}

export interface DatabaseModel {
  identifier: string;
  arn: string;
  resourceId: string;
  endpoint: string;
  readerEndpoint: string;
  engineVersion: string;
  minCapacity: number;
  maxCapacity: number;
  secondsUntilAutoPause?: number;
  writerInstance: string;
  readerInstances: string[];
  createdAgoMs: number;
  deletionProtection: boolean;
  backupRetentionDays: number;
  kmsKeyId: string;
  securityGroupId: string;
}

export interface CacheModel {
  name: string;
  arn: string;
  endpoint: string;
  readerEndpoint: string;
  createdAgoMs: number;
  maxStorageGb: number;
  maxEcpuPerSecond: number;
  snapshotRetentionLimit: number;
  kmsKeyId: string;
  securityGroupId: string;
  subnetIds: string[];
}

export interface DistributionModel {
  id: string;
  arn: string;
  domainName: string;
  alias: string;
  originDomainName: string;
  lastModifiedAgoMs: number;
  etag: string;
  certificateArn: string;
  webAclArn: string;
}

export interface InstanceModel {
  /** `<service>/<instance>`: stable key of the instance. */
  key: string;
  service: Required<
    Pick<ScenarioService, 'name' | 'type' | 'cpu' | 'memory' | 'port'>
  > &
    Pick<ScenarioService, 'database' | 'cache' | 'cdn'>;
  /** Environment instance name: `production`, `staging`, `pr-7`. */
  name: string;
  environment: ScenarioEnvironment;
  pullRequest?: number;
  account: string;
  region: string;
  cluster: ClusterModel;
  ecsServiceName: string;
  serviceArn: string;
  createdAgoMs: number;
  desiredCount: number;
  strategy: 'ROLLING' | 'BLUE_GREEN';
  story: DeploymentStory;
  /** Newest first; PRIMARY first. */
  deployments: DeploymentModel[];
  tasks: TaskModel[];
  /** Newest first. */
  events: ServiceEventModel[];
  loadBalancerArn?: string;
  loadBalancerDnsName?: string;
  targetGroups: TargetGroupModel[];
  alarms: AlarmModel[];
  database?: DatabaseModel;
  cache?: CacheModel;
  distribution?: DistributionModel;
  subnets: string[];
  securityGroupId: string;
  monthlyCost: number;
}

export interface BudgetModel {
  name: string;
  account: string;
  service?: string;
  limit?: number;
  consumedPercent?: number;
  createdAgoMs: number;
}

export interface World {
  name: string;
  description?: string;
  seed: number;
  region: string;
  accounts: ScenarioAccount[];
  defaultAccount: string;
  costAccount: string;
  environments: ScenarioEnvironment[];
  clusters: ClusterModel[];
  instances: InstanceModel[];
  taskDefinitions: TaskDefinitionModel[];
  budgets: BudgetModel[];
  cost: CostModel;
}
