/**
 * Table names, row shapes and conversions of the delivery tables (migration
 * `20261206000000_delivery.js`). Drivers return timestamps as Date (PostgreSQL) or
 * number/string (SQLite) and bigints as strings (PostgreSQL); everything is normalised here.
 */
import {
  DeliveryDeployment,
  DeliveryDeploymentState,
} from '@zeroops/backstage-plugin-zeroops-common';
import { Knex } from 'knex';
import { chunk } from '../../lib/chunk';

export const TABLES = {
  deployments: 'zeroops_delivery_deployments',
  environments: 'zeroops_delivery_environments',
  commits: 'zeroops_delivery_commits',
  deliveries: 'zeroops_delivery_webhook_deliveries',
  approvals: 'zeroops_delivery_pending_approvals',
  stagingAhead: 'zeroops_delivery_staging_ahead',
  repositories: 'zeroops_delivery_repositories',
  etags: 'zeroops_delivery_etags',
} as const;

/** States after which GitHub writes no further status of interest. */
export const FINAL_STATES: readonly DeliveryDeploymentState[] = [
  'success',
  'failure',
  'error',
  'inactive',
  'rolled_back',
];
export const RUNNING_STATES: readonly DeliveryDeploymentState[] = [
  'queued',
  'pending',
  'in_progress',
];
export const FAILED_STATES: readonly DeliveryDeploymentState[] = [
  'failure',
  'error',
  'rolled_back',
];
/** Statuses that end a rollout; the first one is `finishedAt`. */
export const TERMINAL_STATUS_STATES: readonly DeliveryDeploymentState[] = [
  'success',
  'failure',
  'error',
];

/** A GitHub Actions workflow run page; group 1 is the run id. */
export const RUN_URL = /\/actions\/runs\/(\d+)/;

const STATES = new Set<string>([...FINAL_STATES, ...RUNNING_STATES]);

export function isDeploymentState(
  value: string,
): value is DeliveryDeploymentState {
  return STATES.has(value);
}

export type DbTime = Date | string | number;

export interface DeploymentRow {
  repository: string;
  deployment_id: number | string;
  environment: string;
  sha: string;
  ref: string;
  state: string;
  created_at: DbTime;
  updated_at: DbTime;
  finished_at: DbTime | null;
  status_id: number | string | null;
  ecs_service_deployment_arn: string | null;
  rollback_reason: string | null;
  workflow_run_id: number | string | null;
  workflow_run_url: string | null;
  creator: string | null;
}

/** A deployment row joined with what is known of its commit. */
export interface DeploymentWithCommitRow extends DeploymentRow {
  commit_at: DbTime | null;
  push_first_commit_at: DbTime | null;
  pr_first_commit_at: DbTime | null;
  pull_request: number | string | null;
}

export function toIso(value: DbTime): string {
  return new Date(value).toISOString();
}

/**
 * Epoch milliseconds of a stored time: SQLite keeps numbers, the DORA read asks PostgreSQL for
 * numbers too (see `epochMilliseconds`), other reads get a Date. Undefined for NULL or a time
 * that does not parse.
 */
export function toInstant(value: DbTime | null): number | undefined {
  if (value === null) return undefined;
  let ms: number;
  if (typeof value === 'number') ms = value;
  else if (value instanceof Date) ms = value.getTime();
  else ms = /^\d+(\.\d+)?$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

export function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

/**
 * Deployments (alias `d`) each joined with its commit (alias `c`, all null until the commit is
 * recorded): what every read of deployment times and commit times starts from.
 */
export function deploymentsWithCommits(db: Knex | Knex.Transaction) {
  return db({ d: TABLES.deployments }).leftJoin({ c: TABLES.commits }, join =>
    join.on('c.repository', '=', 'd.repository').andOn('c.sha', '=', 'd.sha'),
  );
}

/** Columns of the deployment read joined with its commit, in the order of the row type. */
export const DEPLOYMENT_WITH_COMMIT_COLUMNS = [
  'd.repository',
  'd.deployment_id',
  'd.environment',
  'd.sha',
  'd.ref',
  'd.state',
  'd.created_at',
  'd.updated_at',
  'd.finished_at',
  'd.status_id',
  'd.ecs_service_deployment_arn',
  'd.rollback_reason',
  'd.workflow_run_id',
  'd.workflow_run_url',
  'd.creator',
  'c.commit_at',
  'c.push_first_commit_at',
  'c.pr_first_commit_at',
  'c.pull_request',
];

export function toDeployment(row: DeploymentWithCommitRow): DeliveryDeployment {
  const deployment: DeliveryDeployment = {
    repository: row.repository,
    deploymentId: Number(row.deployment_id),
    environment: row.environment,
    sha: row.sha,
    ref: row.ref,
    createdAt: toIso(row.created_at),
    state: isDeploymentState(row.state) ? row.state : 'pending',
    updatedAt: toIso(row.updated_at),
  };
  // Optional fields are set only when present (the API omits absent ones); this runs for tens
  // of thousands of rows per overview, so no generic clean-up pass.
  if (row.finished_at !== null) deployment.finishedAt = toIso(row.finished_at);
  if (row.ecs_service_deployment_arn !== null) {
    deployment.ecsServiceDeploymentArn = row.ecs_service_deployment_arn;
  }
  if (row.rollback_reason !== null)
    deployment.rollbackReason = row.rollback_reason;
  if (row.commit_at !== null) deployment.commitAt = toIso(row.commit_at);
  // The merged pull request's first commit says best when the change started; a push's
  // earliest commit is next; a lone commit started when it was made.
  const firstCommitAt =
    row.pr_first_commit_at ?? row.push_first_commit_at ?? row.commit_at;
  if (firstCommitAt !== null) deployment.firstCommitAt = toIso(firstCommitAt);
  if (row.pull_request !== null)
    deployment.pullRequest = Number(row.pull_request);
  if (row.workflow_run_id !== null) {
    deployment.workflowRunId = Number(row.workflow_run_id);
  }
  if (row.workflow_run_url !== null)
    deployment.workflowRunUrl = row.workflow_run_url;
  if (row.creator !== null) deployment.creator = row.creator;
  return deployment;
}

/** Splits a list for `whereIn`, below SQLite's bound-variable limit. */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  return chunk(items, size);
}
