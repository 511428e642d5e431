/**
 * Delivery records: what the backend stores from GitHub (webhooks and reconciliation) and the
 * input of the DORA functions. Times are ISO 8601 strings with an offset; functions compare them
 * as instants, never as text.
 */

/**
 * Latest state of a GitHub deployment (its newest deployment status), or `rolled_back` when the
 * AWS side saw ECS roll the rollout back (circuit breaker or blue/green alarm) after it started.
 *
 * @public
 */
export type DeliveryDeploymentState =
  | 'queued'
  | 'pending'
  | 'in_progress'
  | 'success'
  | 'failure'
  | 'error'
  | 'inactive'
  | 'rolled_back';

/**
 * One GitHub deployment of a service (task {@link ZEROOPS_DEPLOYMENT_TASK}) with its newest status.
 *
 * @public
 */
export interface DeliveryDeployment {
  /** `owner/name`, lower case. */
  repository: string;
  /** GitHub deployment id. */
  deploymentId: number;
  /** `production`, `staging` or `pr-<n>`. */
  environment: string;
  /** Full 40-hex commit SHA. */
  sha: string;
  /**
   * Branch the deployed commit came from (`main`, `hotfix/…`, a pull request's head branch): the
   * `branch` of our deployment payload ({@link ZeroOpsDeploymentPayload}); GitHub's own `ref` is the
   * SHA. Deployments of older workflows carry no payload branch and keep GitHub's `ref`.
   */
  ref: string;
  /** When GitHub created the deployment (the rollout started). */
  createdAt: string;
  state: DeliveryDeploymentState;
  /** When the newest status was written. */
  updatedAt: string;
  /** When the rollout ended (first `success`, `failure` or `error` status); absent while running. */
  finishedAt?: string;
  /** ECS service deployment ARN from the status description, joining GitHub's and AWS's views. */
  ecsServiceDeploymentArn?: string;
  /** Why the rollout counts as rolled back (`circuit-breaker`, `alarm`, …), when AWS said so. */
  rollbackReason?: string;
  /** Committer time of `sha`. */
  commitAt?: string;
  /**
   * Time of the first commit of the change: the pull request's first commit when the SHA came from
   * a merged pull request, else the earliest commit of the push that brought it.
   */
  firstCommitAt?: string;
  /** The pull request that was merged to produce `sha`, when there was one. */
  pullRequest?: number;
  /** The workflow run that deployed, for links. */
  workflowRunId?: number;
  workflowRunUrl?: string;
  /** GitHub login that triggered the deployment. */
  creator?: string;
}

/**
 * A deployment waiting for a reviewer in a protected GitHub environment.
 *
 * @public
 */
export interface PendingApproval {
  repository: string;
  environment: string;
  workflowRunId: number;
  /** The workflow run page, where reviewers approve or reject. */
  reviewUrl: string;
  sha: string;
  /** When the run started waiting. */
  waitingSince: string;
  /** Logins and team slugs that may approve. */
  reviewers: string[];
}

/**
 * Commits in staging that production does not have yet (GitHub compare of the two SHAs).
 *
 * @public
 */
export interface StagingAhead {
  productionSha: string;
  stagingSha: string;
  /** `ahead_by` of the comparison. */
  commits: number;
  compareUrl: string;
  /** When the comparison was read. */
  comparedAt: string;
}
