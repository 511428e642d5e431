/**
 * JSON records of what AWS returned, as stored in the cache. The SDK's shapes (Dates, huge
 * optional trees) are reduced to what the API needs before caching, so a cache entry is small
 * and identical on every backend instance.
 */
import {
  DataStoreStatus,
  Deployment,
  DeploymentStrategy,
  EnvironmentError,
  ServiceEvent,
  StoppedTask,
  TargetHealthSummary,
} from '@zeroops/backstage-plugin-zeroops-common';

/** Where a cluster lives. */
export interface ClusterLocation {
  accountId: string;
  region: string;
  cluster: string;
}

/** A read result: the value, or the classified error of the AWS call. */
export type Loaded<T> =
  | { ok: true; value: T; fetchedAt: string }
  | { ok: false; error: EnvironmentError; fetchedAt: string };

/** One ECS service as the API needs it. */
export interface EcsServiceRecord {
  serviceName: string;
  serviceArn: string;
  status: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  launchType?: string;
  createdAt?: string;
  strategy: DeploymentStrategy;
  /** Deployments without image/commit (those come from the task definition). */
  deployments: Deployment[];
  /** Newest first, at most {@link MAX_EVENTS}. */
  events: ServiceEvent[];
  /** Target groups of the service's load balancers, primary first (blue/green: both). */
  targetGroupArns: string[];
  /** ARN of the current service deployment (ECS native blue/green lifecycle). */
  currentServiceDeployment?: string;
}

/** DescribeServices results for the services of one cluster. */
export interface ClusterServicesRecord {
  services: Record<string, EcsServiceRecord>;
  /** Names ECS reported as MISSING. */
  missing: string[];
}

/** The part of a task definition the API shows. */
export interface TaskDefinitionRecord {
  taskDefinitionArn: string;
  family: string;
  revision: number;
  image?: string;
  logDriver?: string;
  logGroup?: string;
  logRegion?: string;
  logStreamPrefix?: string;
}

/** A stopped task with the service it belonged to. */
export interface StoppedTaskRecord extends StoppedTask {
  serviceName?: string;
}

/** CloudWatch alarms in ALARM in one account and region. */
export interface AlarmRecord {
  name: string;
  reason?: string;
  since?: string;
}

/** Aurora clusters and Valkey serverless caches of one account and region. */
export interface DataStoresRecord {
  stores: DataStoreStatus[];
}

export type { TargetHealthSummary };

/** How many service events per service are kept (ECS returns up to 100). */
export const MAX_EVENTS = 10;
/** How many stopped tasks per service are returned. */
export const MAX_STOPPED_TASKS = 10;
