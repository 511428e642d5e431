/**
 * The scenario document: what a scenario YAML file contains once parsed. It describes the
 * static shape of an AWS estate (accounts, environments, services and the story each
 * environment instance tells); tasks, deployments, events, alarms and the cost history are
 * generated from it, the seed and the current time when the simulator starts.
 */

import type { FaultRule } from '../control/faults.ts';

/** @public */
export interface ScenarioAccount {
  /** 12-digit AWS account id. */
  id: string;
  /** Account alias shown by Cost Explorer for LINKED_ACCOUNT groups. */
  name?: string;
}

/**
 * A platform environment: where the ECS services of an environment kind live.
 *
 * @public
 */
export interface ScenarioEnvironment {
  /** `production`, `staging`, `ephemeral`, ... */
  name: string;
  kind: 'persistent' | 'ephemeral';
  account: string;
  /** Defaults to the scenario region. */
  region?: string;
  /** ECS cluster name; defaults to `zeroops-<name>`. */
  cluster?: string;
}

/**
 * What is happening to the ECS service of one environment instance.
 *
 * - `steady`: one completed deployment, every task healthy.
 * - `blue-green-in-progress`: a blue/green deployment is shifting test traffic to the new revision.
 * - `rolling-in-progress`: a rolling update is replacing tasks.
 * - `circuit-breaker-rollback`: the newest deployment failed (tasks exited), the deployment
 *   circuit breaker rolled the service back to the previous revision.
 *
 * @public
 */
export type DeploymentStory =
  | 'steady'
  | 'blue-green-in-progress'
  | 'rolling-in-progress'
  | 'circuit-breaker-rollback';

/** @public */
export type AlarmStateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/**
 * One environment instance of a service: `production`, `staging` or `pr-<n>`.
 *
 * @public
 */
export interface ScenarioInstance {
  /** Desired task count. Defaults to 2 in production, 1 elsewhere. */
  desiredCount?: number;
  deployment?: DeploymentStory;
  /** Deployment strategy; defaults to BLUE_GREEN for load-balanced production services. */
  strategy?: 'ROLLING' | 'BLUE_GREEN';
  /** Alarm states by signal (`p99-latency: ALARM`); unlisted alarms are OK. */
  alarms?: Record<string, AlarmStateValue>;
  /** Cost of the instance over a full month at today's level, in USD. */
  monthlyCost?: number;
  /** Age of the ECS service; ephemeral instances are usually hours or days old. */
  createdHoursAgo?: number;
  /** Overrides the generated CloudFront distribution id of a `cdn` service. */
  distributionId?: string;
  /** Running targets that fail ALB health checks (HTTP 502), for load-balanced services. */
  unhealthyTargets?: number;
}

/** @public */
export interface ScenarioService {
  /** Service name (lowercase DNS label, at most 20 characters). */
  name: string;
  /** `api` and `website` sit behind an ALB; `worker` has no load balancer. */
  type: 'api' | 'website' | 'worker';
  /** Task CPU units (256 = 0.25 vCPU). */
  cpu?: number;
  /** Task memory in MiB. */
  memory?: number;
  /** Container port behind the ALB. */
  port?: number;
  /** Has an Aurora Serverless v2 cluster per instance. */
  database?: boolean;
  /** Has an ElastiCache Serverless (Valkey) cache per instance. */
  cache?: boolean;
  /** Has a CloudFront distribution per persistent instance. */
  cdn?: boolean;
  /** Instances keyed by environment instance name (`production`, `staging`, `pr-7`). */
  instances: Record<string, ScenarioInstance>;
}

/** @public */
export interface ScenarioBudget {
  name: string;
  /** Restricts the budget to one service's cost (CostFilters on the `zeroops:service` tag). */
  service?: string;
  /** Fixed monthly limit in USD. */
  limit?: number;
  /**
   * Instead of a fixed limit: the limit is derived from the month-to-date spend so that the
   * budget is always this many percent consumed, whatever day of the month it is.
   */
  consumedPercent?: number;
}

/** @public */
export interface ScenarioCost {
  /** Months of history before the current one. Default 6. */
  months?: number;
  /** Month-over-month growth of every cost line, e.g. 0.05 for +5 % a month. Default 0.05. */
  monthlyGrowth?: number;
  /** Relative day-to-day noise, e.g. 0.08 for ±8 %. Default 0.08. */
  noise?: number;
  /** Groups (time period × group) per GetCostAndUsage page. Default 500. */
  pageSize?: number;
  /**
   * Monthly cost per platform environment carrying only the `zeroops:environment` tag
   * (NAT gateways, shared ALB): it appears under the empty `zeroops:service$` group.
   */
  shared?: Record<string, number>;
  /** Closed pull-request environments spread over the history (cost only). Default 0. */
  closedPullRequests?: number;
}

/**
 * Synthetic services appended to the scenario, for load tests and benchmarks.
 *
 * @public
 */
export interface ScenarioGenerated {
  /** Number of services named `svc-001`, `svc-002`, ... */
  services: number;
  /** Environment instance names every generated service has (persistent environments). */
  environments: string[];
}

/** @public */
export interface ScenarioDocument {
  name: string;
  description?: string;
  /** Seed of every generated id, time offset and cost value. */
  seed?: number;
  /** Default region of environments. Default `us-east-1`. */
  region?: string;
  accounts: ScenarioAccount[];
  /** Account of requests signed with base (non-STS) credentials such as `simulator`. */
  defaultAccount: string;
  /** Management (payer) account: Cost Explorer there sees every linked account. */
  costAccount?: string;
  environments: ScenarioEnvironment[];
  services: ScenarioService[];
  budgets?: ScenarioBudget[];
  cost?: ScenarioCost;
  /** Faults active from start-up (see the control API to change them at runtime). */
  faults?: FaultRule[];
  generated?: ScenarioGenerated;
}
