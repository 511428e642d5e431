import {
  DeliveryDeployment,
  PendingApproval,
  StagingAhead,
  pullRequestNumberOfEnvironment,
} from '@zeroops/backstage-plugin-zeroops-common';
import { Knex } from 'knex';
import {
  DeliveryDeploymentQuery,
  DeliveryRecordsReader,
  EnvironmentDeliveryState,
  normalizeRepository,
} from './DeliveryRecordsReader';
import {
  DEPLOYMENT_WITH_COMMIT_COLUMNS,
  DbTime,
  DeploymentWithCommitRow,
  FAILED_STATES,
  RUNNING_STATES,
  TABLES,
  chunks,
  toDate,
  toDeployment,
  toIso,
} from './rows';

type Bucket = 'current' | 'inProgress' | 'lastFailure';

function uniqueRepositories(repositories: readonly string[]): string[] {
  return [...new Set(repositories.map(normalizeRepository))];
}

/**
 * {@link DeliveryRecordsReader} over the plugin database. Each method is one query per 500
 * repositories, served by the primary keys and the (repository, environment, created_at) index.
 */
export class DeliveryRecordsQuery implements DeliveryRecordsReader {
  constructor(private readonly db: Knex) {}

  async listDeployments(
    query: DeliveryDeploymentQuery,
  ): Promise<DeliveryDeployment[]> {
    const result: DeliveryDeployment[] = [];
    for (const repositories of chunks(uniqueRepositories(query.repositories))) {
      const builder = this.joined()
        .whereIn('d.repository', repositories)
        .where('d.created_at', '>=', toDate(query.since));
      if (query.until) builder.where('d.created_at', '<', toDate(query.until));
      if (query.environment) builder.where('d.environment', query.environment);
      const rows: DeploymentWithCommitRow[] = await builder.orderBy([
        'd.repository',
        'd.created_at',
        'd.deployment_id',
      ]);
      result.push(...rows.map(toDeployment));
    }
    // Chunks follow the sorted list of repositories only within a chunk; keep the promise.
    return result.sort(
      (a, b) =>
        a.repository.localeCompare(b.repository) ||
        Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
        a.deploymentId - b.deploymentId,
    );
  }

  async environmentStates(
    repositories: readonly string[],
  ): Promise<EnvironmentDeliveryState[]> {
    const states = new Map<string, EnvironmentDeliveryState>();
    const newestIsInactive = new Set<string>();
    for (const chunk of chunks(uniqueRepositories(repositories))) {
      const rows = (await this.joined()
        .select('p.bucket', 'p.environment_rank')
        .join(this.rankedDeployments(chunk), join =>
          join
            .on('p.repository', '=', 'd.repository')
            .andOn('p.deployment_id', '=', 'd.deployment_id'),
        )) as Array<
        DeploymentWithCommitRow & {
          bucket: string;
          environment_rank: number | string;
        }
      >;
      for (const row of rows) {
        const key = `${row.repository}\u0000${row.environment}`;
        let state = states.get(key);
        if (!state) {
          state = { repository: row.repository, environment: row.environment };
          states.set(key, state);
        }
        if (Number(row.environment_rank) === 1 && row.state === 'inactive') {
          newestIsInactive.add(key);
        }
        if (row.bucket !== 'other') {
          state[row.bucket as Bucket] = toDeployment(row);
        }
      }
    }
    return [...states.entries()]
      .filter(
        ([key, state]) =>
          !(
            newestIsInactive.has(key) &&
            pullRequestNumberOfEnvironment(state.environment) !== undefined
          ),
      )
      .map(([, state]) => state)
      .filter(s => s.current || s.inProgress || s.lastFailure)
      .sort(
        (a, b) =>
          a.repository.localeCompare(b.repository) ||
          a.environment.localeCompare(b.environment),
      );
  }

  async pendingApprovals(
    repositories: readonly string[],
  ): Promise<PendingApproval[]> {
    const result: PendingApproval[] = [];
    for (const chunk of chunks(uniqueRepositories(repositories))) {
      const rows: Array<{
        repository: string;
        environment: string;
        workflow_run_id: number | string;
        review_url: string;
        sha: string;
        waiting_since: DbTime;
        reviewers: string;
      }> = await this.db(TABLES.approvals)
        .whereIn('repository', chunk)
        .orderBy(['waiting_since', 'repository', 'workflow_run_id']);
      for (const row of rows) {
        result.push({
          repository: row.repository,
          environment: row.environment,
          workflowRunId: Number(row.workflow_run_id),
          reviewUrl: row.review_url,
          sha: row.sha,
          waitingSince: toIso(row.waiting_since),
          reviewers: JSON.parse(row.reviewers) as string[],
        });
      }
    }
    return result.sort(
      (a, b) => Date.parse(a.waitingSince) - Date.parse(b.waitingSince),
    );
  }

  async stagingAhead(
    repositories: readonly string[],
  ): Promise<Map<string, StagingAhead>> {
    const result = new Map<string, StagingAhead>();
    for (const chunk of chunks(uniqueRepositories(repositories))) {
      const rows: Array<{
        repository: string;
        production_sha: string;
        staging_sha: string;
        commits: number | string;
        compare_url: string;
        compared_at: DbTime;
      }> = await this.db(TABLES.stagingAhead)
        .whereIn('repository', chunk)
        .where('commits', '>', 0);
      for (const row of rows) {
        result.set(row.repository, {
          productionSha: row.production_sha,
          stagingSha: row.staging_sha,
          commits: Number(row.commits),
          compareUrl: row.compare_url,
          comparedAt: toIso(row.compared_at),
        });
      }
    }
    return result;
  }

  async lastSyncedAt(
    repositories: readonly string[],
  ): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    for (const chunk of chunks(uniqueRepositories(repositories))) {
      const rows: Array<{ repository: string; last_synced_at: DbTime }> =
        await this.db(TABLES.repositories)
          .whereIn('repository', chunk)
          .whereNotNull('last_synced_at')
          .select('repository', 'last_synced_at');
      for (const row of rows) {
        result.set(row.repository, toIso(row.last_synced_at));
      }
    }
    return result;
  }

  /**
   * Per (repository, environment): the newest deployment of each bucket and the newest overall,
   * in one pass with window functions (SQLite 3.25+ and PostgreSQL), as the derived table `p`.
   */
  private rankedDeployments(repositories: string[]) {
    const running = RUNNING_STATES.map(() => '?').join(', ');
    const failed = FAILED_STATES.map(() => '?').join(', ');
    const bucket = `case when state = 'success' then 'current'
      when state in (${running}) then 'inProgress'
      when state in (${failed}) then 'lastFailure'
      else 'other' end`;
    const bucketBindings = [...RUNNING_STATES, ...FAILED_STATES];
    const newestFirst = 'order by created_at desc, deployment_id desc';
    return this.db.raw(
      `(select repository, deployment_id, bucket, environment_rank from (
          select repository, deployment_id, ${bucket} as bucket,
            row_number() over (partition by repository, environment, ${bucket} ${newestFirst}) as bucket_rank,
            row_number() over (partition by repository, environment ${newestFirst}) as environment_rank
          from ${TABLES.deployments}
          where repository in (${repositories.map(() => '?').join(', ')})
        ) ranked
        where (bucket_rank = 1 and bucket <> 'other') or environment_rank = 1) as p`,
      [...bucketBindings, ...bucketBindings, ...repositories],
    );
  }

  private joined() {
    return this.db({ d: TABLES.deployments })
      .leftJoin({ c: TABLES.commits }, join =>
        join
          .on('c.repository', '=', 'd.repository')
          .andOn('c.sha', '=', 'd.sha'),
      )
      .select(DEPLOYMENT_WITH_COMMIT_COLUMNS);
  }
}
