import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  PendingApproval,
  StagingAhead,
} from '@zeroops/backstage-plugin-zeroops-common';
import { Knex } from 'knex';
import { migrateToLatest } from '../../database/migrateToLatest';
import { normalizeRepository } from './DeliveryRecordsReader';
import { DeliveryRecordsQuery } from './DeliveryRecordsQuery';
import { applyDeploymentStatus } from './deploymentStatus';
import { refreshEnvironmentHead } from './environmentHeads';
import { deploymentsWithCommits, FINAL_STATES, TABLES, toDate } from './rows';
import {
  CommitInput,
  DeploymentInput,
  DeploymentStatusInput,
} from './writeInputs';

export type {
  CommitInput,
  DeploymentInput,
  DeploymentStatusInput,
} from './writeInputs';

/**
 * Delivery records in the plugin database (SQLite or PostgreSQL through knex). Written by the
 * webhook ingest and the reconciliation, read through {@link DeliveryRecordsQuery}. Every write
 * is an upsert keyed by GitHub's ids, so a webhook and the reconciliation seeing the same event
 * agree, and statuses arriving out of order do not roll a deployment's state back.
 */
export class DeliveryStore {
  static async create(database: DatabaseService): Promise<DeliveryStore> {
    return new DeliveryStore(await migrateToLatest(database));
  }

  readonly reader: DeliveryRecordsQuery;

  constructor(private readonly db: Knex | Knex.Transaction) {
    this.reader = new DeliveryRecordsQuery(db as Knex);
  }

  /**
   * Runs `work` once per webhook delivery id, atomically with the id's record: a replay (or a
   * concurrent duplicate on another instance) returns `replayed` and writes nothing; a failure
   * writes nothing, so GitHub's redelivery is processed.
   */
  async withDelivery(
    delivery: { id: string; event: string; repository?: string },
    work: (store: DeliveryStore) => Promise<void>,
  ): Promise<'stored' | 'replayed'> {
    return (this.db as Knex).transaction(async trx => {
      const inserted = await trx(TABLES.deliveries)
        .insert({
          delivery_id: delivery.id,
          event: delivery.event,
          repository: delivery.repository
            ? normalizeRepository(delivery.repository)
            : null,
          received_at: new Date(),
        })
        .onConflict('delivery_id')
        .ignore()
        .returning('delivery_id');
      if (inserted.length === 0) return 'replayed';
      await work(new DeliveryStore(trx));
      return 'stored';
    });
  }

  /** Forgets delivery ids older than `before` (GitHub redelivers for a few days at most). */
  async pruneDeliveries(before: Date): Promise<number> {
    return this.db(TABLES.deliveries)
      .where('received_at', '<', before)
      .delete();
  }

  /** Inserts or refreshes a deployment's description; its state is left to the statuses. */
  async upsertDeployment(input: DeploymentInput): Promise<void> {
    const description = {
      environment: input.environment,
      sha: input.sha.toLowerCase(),
      ref: input.ref,
      workflow_run_id: input.workflowRunId ?? null,
      workflow_run_url: input.workflowRunUrl ?? null,
      creator: input.creator ?? null,
    };
    await this.db(TABLES.deployments)
      .insert({
        repository: normalizeRepository(input.repository),
        deployment_id: input.deploymentId,
        ...description,
        state: 'pending',
        created_at: toDate(input.createdAt),
        updated_at: toDate(input.createdAt),
      })
      .onConflict(['repository', 'deployment_id'])
      .merge(
        Object.fromEntries(
          Object.entries(description).filter(([, value]) => value !== null),
        ),
      );
    await refreshEnvironmentHead(this.db, input.repository, input.environment);
  }

  /**
   * Applies one status: the newest status (by id) sets the state; `finishedAt` is the first
   * success/failure/error; the ECS ARN is read from any status carrying it. `rolled_back` (set
   * from AWS) stays, and `inactive` does not hide a failure. Returns false when the
   * deployment is unknown.
   */
  async applyStatus(
    repository: string,
    deploymentId: number,
    status: DeploymentStatusInput,
  ): Promise<boolean> {
    const apply = (trx: Knex.Transaction) =>
      applyDeploymentStatus(trx, repository, deploymentId, status);
    return this.db.isTransaction
      ? apply(this.db as Knex.Transaction)
      : (this.db as Knex).transaction(apply);
  }

  /** Marks the deployments of an ECS service deployment as rolled back by AWS. */
  async markRolledBack(
    ecsServiceDeploymentArn: string,
    reason: string,
  ): Promise<number> {
    const affected = () =>
      this.db(TABLES.deployments)
        .where('ecs_service_deployment_arn', ecsServiceDeploymentArn)
        .whereNot('state', 'rolled_back');
    const environments: Array<{ repository: string; environment: string }> =
      await affected().distinct('repository', 'environment');
    const count = await affected().update({
      state: 'rolled_back',
      rollback_reason: reason,
    });
    for (const { repository, environment } of environments) {
      await refreshEnvironmentHead(this.db, repository, environment);
    }
    return count;
  }

  /** Deployments whose state may still change, for the reconciliation to read statuses. */
  async openDeployments(
    repository: string,
    createdSince: Date,
  ): Promise<number[]> {
    const rows: Array<{ deployment_id: number | string }> = await this.db(
      TABLES.deployments,
    )
      .where('repository', normalizeRepository(repository))
      .where('created_at', '>=', createdSince)
      .whereNotIn('state', FINAL_STATES as string[])
      .select('deployment_id')
      .orderBy('created_at', 'desc');
    return rows.map(row => Number(row.deployment_id));
  }

  /** Whether the store already has this deployment. */
  async hasDeployment(repository: string, deploymentId: number) {
    const row = await this.db(TABLES.deployments)
      .where({
        repository: normalizeRepository(repository),
        deployment_id: deploymentId,
      })
      .first('deployment_id');
    return row !== undefined;
  }

  /**
   * SHAs deployed to `environment` since `since` that GitHub was not asked about yet, most
   * recently deployed first (the short DORA windows fill first).
   */
  async unresolvedShas(
    repository: string,
    environment: string,
    since: Date,
  ): Promise<string[]> {
    const repo = normalizeRepository(repository);
    const rows: Array<{ sha: string }> = await deploymentsWithCommits(this.db)
      .where('d.repository', repo)
      .where('d.environment', environment)
      .where('d.created_at', '>=', since)
      .where(builder =>
        builder.whereNull('c.resolved').orWhere('c.resolved', false),
      )
      .groupBy('d.sha')
      .select('d.sha as sha')
      .orderByRaw('max(d.created_at) desc');
    return rows.map(row => row.sha);
  }

  /** Production deployments since `since` that carry an ECS ARN and were not rolled back. */
  async ecsDeploymentArns(environment: string, since: Date): Promise<string[]> {
    const rows: Array<{ arn: string }> = await this.db(TABLES.deployments)
      .where('environment', environment)
      .where('created_at', '>=', since)
      .whereNotNull('ecs_service_deployment_arn')
      .whereNot('state', 'rolled_back')
      .distinct('ecs_service_deployment_arn as arn');
    return rows.map(row => row.arn);
  }

  /** Merges what is known of a commit with what is stored. */
  async upsertCommit(
    repository: string,
    sha: string,
    input: CommitInput,
  ): Promise<void> {
    const values = {
      commit_at: input.commitAt ? toDate(input.commitAt) : undefined,
      push_first_commit_at: input.pushFirstCommitAt
        ? toDate(input.pushFirstCommitAt)
        : undefined,
      pr_first_commit_at: input.pullRequestFirstCommitAt
        ? toDate(input.pullRequestFirstCommitAt)
        : undefined,
      pull_request: input.pullRequest,
      resolved: input.resolved,
    };
    const present = Object.fromEntries(
      Object.entries(values).filter(([, value]) => value !== undefined),
    );
    await this.db(TABLES.commits)
      .insert({
        repository: normalizeRepository(repository),
        sha: sha.toLowerCase(),
        resolved: false,
        ...present,
      })
      .onConflict(['repository', 'sha'])
      .merge(Object.keys(present).length > 0 ? present : ['sha']);
  }

  /**
   * Replaces the pending approvals of a repository (reconciliation), or of one workflow run
   * when `workflowRunId` is given (webhook).
   */
  async replacePendingApprovals(
    repository: string,
    approvals: PendingApproval[],
    workflowRunId?: number,
  ): Promise<void> {
    const repo = normalizeRepository(repository);
    const replace = async (db: Knex | Knex.Transaction) => {
      const existing = db(TABLES.approvals).where('repository', repo);
      if (workflowRunId !== undefined) {
        existing.where('workflow_run_id', workflowRunId);
      }
      await existing.delete();
      if (approvals.length > 0) {
        await db(TABLES.approvals).insert(
          approvals.map(a => ({
            repository: repo,
            workflow_run_id: a.workflowRunId,
            environment: a.environment,
            review_url: a.reviewUrl,
            sha: a.sha.toLowerCase(),
            waiting_since: toDate(a.waitingSince),
            reviewers: JSON.stringify(a.reviewers),
          })),
        );
      }
    };
    await (this.db.isTransaction
      ? replace(this.db)
      : (this.db as Knex).transaction(replace));
  }

  /** Stores the newest production…staging comparison. */
  async saveStagingAhead(
    repository: string,
    ahead: StagingAhead,
  ): Promise<void> {
    const row = {
      production_sha: ahead.productionSha,
      staging_sha: ahead.stagingSha,
      commits: ahead.commits,
      compare_url: ahead.compareUrl,
      compared_at: toDate(ahead.comparedAt),
    };
    await this.db(TABLES.stagingAhead)
      .insert({ repository: normalizeRepository(repository), ...row })
      .onConflict('repository')
      .merge(row);
  }

  /** The SHAs of the last stored comparison, to skip comparing the same pair again. */
  async comparedShas(repository: string) {
    const row: { production_sha: string; staging_sha: string } | undefined =
      await this.db(TABLES.stagingAhead)
        .where('repository', normalizeRepository(repository))
        .first('production_sha', 'staging_sha');
    return row
      ? { productionSha: row.production_sha, stagingSha: row.staging_sha }
      : undefined;
  }

  /** Records that a webhook or the reconciliation touched the repository. */
  async touch(
    repository: string,
    at: Date,
    options: { reconciled?: boolean } = {},
  ): Promise<void> {
    const values: Record<string, Date> = { last_synced_at: at };
    if (options.reconciled) values.last_reconciled_at = at;
    await this.db(TABLES.repositories)
      .insert({ repository: normalizeRepository(repository), ...values })
      .onConflict('repository')
      .merge(values);
  }

  /** The repositories ordered for a reconciliation: never or longest ago reconciled first. */
  async reconciliationOrder(
    repositories: readonly string[],
  ): Promise<string[]> {
    const unique = [...new Set(repositories.map(normalizeRepository))];
    const rows: Array<{ repository: string; last_reconciled_at: unknown }> =
      unique.length === 0
        ? []
        : await this.db(TABLES.repositories)
            .whereIn('repository', unique)
            .whereNotNull('last_reconciled_at')
            .select('repository', 'last_reconciled_at');
    const reconciledAt = new Map(
      rows.map(row => [
        row.repository,
        new Date(row.last_reconciled_at as string).getTime(),
      ]),
    );
    return unique.sort(
      (a, b) => (reconciledAt.get(a) ?? -1) - (reconciledAt.get(b) ?? -1),
    );
  }

  async etag(repository: string, requestKey: string) {
    const row: { etag: string } | undefined = await this.db(TABLES.etags)
      .where({
        repository: normalizeRepository(repository),
        request_key: requestKey,
      })
      .first('etag');
    return row?.etag;
  }

  /** Stores the ETag of a response after it was fully processed. */
  async saveEtag(repository: string, requestKey: string, etag: string) {
    const values = { etag, updated_at: new Date() };
    await this.db(TABLES.etags)
      .insert({
        repository: normalizeRepository(repository),
        request_key: requestKey,
        ...values,
      })
      .onConflict(['repository', 'request_key'])
      .merge(values);
  }

  /** Forgets ETags not used since `before` (requests the reconciliation stopped making). */
  async pruneEtags(before: Date): Promise<number> {
    return this.db(TABLES.etags).where('updated_at', '<', before).delete();
  }
}
