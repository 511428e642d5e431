import {
  DeliveryDeployment,
  DoraRecord,
  PendingApproval,
  StagingAhead,
} from '@zeroops/backstage-plugin-zeroops-common';

/**
 * Which deployments {@link DeliveryRecordsReader.listDeployments} returns.
 *
 * Repositories are `owner/name`; case does not matter (the store keeps them lower case).
 */
export interface DeliveryDeploymentQuery {
  repositories: readonly string[];
  /**
   * Inclusive lower bound on `createdAt` (the rollout start), ISO 8601 or a Date. A rollout
   * takes minutes, so a DORA window widened by its longest rollout sees every change that
   * finished in it; widen by more to see the failure a restore in the window answers.
   */
  since: string | Date;
  /** Exclusive upper bound on `createdAt`; absent means up to now. */
  until?: string | Date;
  /** Only this environment (e.g. `production`); absent means every environment. */
  environment?: string;
}

/**
 * What one environment of one repository runs and what is on its way, from stored records.
 */
export interface EnvironmentDeliveryState {
  repository: string;
  /** `production`, `staging` or `pr-<n>`. */
  environment: string;
  /** The newest deployment whose state is `success`. */
  current?: DeliveryDeployment;
  /** The newest deployment in `queued`, `pending` or `in_progress`. */
  inProgress?: DeliveryDeployment;
  /**
   * The newest deployment in `failure`, `error` or `rolled_back`, whether or not it is newer
   * than `current` (the caller decides whether it still matters).
   */
  lastFailure?: DeliveryDeployment;
}

/**
 * Read side of the delivery store: what page views, DORA and MCP actions use. Everything here
 * is a database read (page views never call GitHub) batched over a list of repositories, so a
 * page or an overview costs a fixed number of queries whatever the number of services.
 *
 * Only deployments of task `ZEROOPS_DEPLOYMENT_TASK` are stored, so every record is one rollout
 * of our workflows. Repositories the store has never seen simply give no entries.
 *
 * States: the newest GitHub status, with two rules that keep history meaningful for DORA:
 * `rolled_back` (set when ECS reported a rollback of the record's ECS deployment) is never
 * replaced, and `inactive` never replaces `failure`/`error`. So an `inactive` record with a
 * `finishedAt` is a success that GitHub later superseded (auto-inactive of older deployments);
 * one without `finishedAt` never finished.
 */
export interface DeliveryRecordsReader {
  /**
   * Deployments of the repositories, ordered by repository, then `createdAt`, then
   * `deploymentId` (ascending). Served by an index on (repository, environment, created_at).
   */
  listDeployments(
    query: DeliveryDeploymentQuery,
  ): Promise<DeliveryDeployment[]>;

  /**
   * Every deployment of the repositories to `environment`, whole history, reduced to what DORA
   * reads (times as instants), in no particular order. The cold path of DORA: a year of
   * production history of 200 services is about 20,000 rows, so it reads only these columns.
   */
  doraRecords(
    repositories: readonly string[],
    environment: string,
  ): Promise<DoraRecord[]>;

  /**
   * Per repository and environment: the newest success, newest in-progress and newest failed
   * deployment, from head rows the writes keep (a few rows per service, whatever its history).
   * Pull-request environments (named `pr-…`) whose newest deployment is `inactive`
   * (GitHub marks them so when the preview is torn down) are left out, so a year of closed
   * pull requests does not fill the answer. Ordered by repository, then environment name.
   */
  environmentStates(
    repositories: readonly string[],
  ): Promise<EnvironmentDeliveryState[]>;

  /** Runs currently waiting for a reviewer, oldest first. */
  pendingApprovals(repositories: readonly string[]): Promise<PendingApproval[]>;

  /**
   * The newest comparison of production and staging per repository (keyed by the lower-case
   * `owner/name`); repositories never compared, or whose environments run the same commit,
   * have no entry.
   */
  stagingAhead(
    repositories: readonly string[],
  ): Promise<Map<string, StagingAhead>>;

  /**
   * ISO 8601 time a webhook or a reconciliation last touched each repository (keyed by the
   * lower-case `owner/name`); repositories never synced have no entry.
   */
  lastSyncedAt(repositories: readonly string[]): Promise<Map<string, string>>;
}

/** The store's spelling of a repository: `owner/name` in lower case (GitHub ignores case). */
export function normalizeRepository(repository: string): string {
  return repository.trim().toLowerCase();
}
