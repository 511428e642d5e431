import {
  DeliveryDeployment,
  DoraRecord,
  PendingApproval,
  StagingAhead,
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
  TABLES,
  chunks,
  deploymentsWithCommits,
  toDate,
  toDeployment,
  toIso,
} from './rows';
import { readDoraRecords } from './doraRecords';

/** Pull-request environments whose newest deployment is inactive are torn-down previews. */
function notTornDownPreview(builder: Knex.QueryBuilder) {
  builder
    .whereNot('newest_state', 'inactive')
    .orWhere('environment', 'not like', 'pr-%');
}

const HEAD_COLUMNS = [
  'current_id',
  'in_progress_id',
  'last_failure_id',
] as const;

interface HeadRow {
  repository: string;
  environment: string;
  newest_state: string;
  current_id: number | string | null;
  in_progress_id: number | string | null;
  last_failure_id: number | string | null;
}

function byText(a: string, b: string) {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

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
    // Rows are grouped per repository here rather than ordered by repository in SQL, so the
    // order does not depend on the database's collation and costs no sort of the whole answer.
    const byRepository = new Map<string, DeliveryDeployment[]>();
    const repositories = uniqueRepositories(query.repositories).sort(byText);
    for (const repository of repositories) byRepository.set(repository, []);
    for (const chunk of chunks(repositories)) {
      const builder = this.joined()
        .whereIn('d.repository', chunk)
        .where('d.created_at', '>=', toDate(query.since));
      if (query.until) builder.where('d.created_at', '<', toDate(query.until));
      if (query.environment) builder.where('d.environment', query.environment);
      const rows: DeploymentWithCommitRow[] = await builder.orderBy([
        'd.created_at',
        'd.deployment_id',
      ]);
      for (const row of rows)
        byRepository.get(row.repository)?.push(toDeployment(row));
    }
    return [...byRepository.values()].flat();
  }

  async environmentStates(
    repositories: readonly string[],
  ): Promise<EnvironmentDeliveryState[]> {
    const result: EnvironmentDeliveryState[] = [];
    for (const chunk of chunks(uniqueRepositories(repositories))) {
      // The head rows the writes keep (see environmentHeads.ts), without pull-request
      // environments whose newest deployment is inactive: previews torn down.
      const heads: HeadRow[] = await this.db(TABLES.environments)
        .whereIn('repository', chunk)
        .where(notTornDownPreview);
      // The deployments the heads point at, by primary key. A join on the head table made
      // PostgreSQL hash-join every deployment of the repositories, and an IN list of key pairs
      // costs it a BitmapOr of hundreds of index scans: there it joins unnest()ed key arrays
      // (one nested loop of primary-key lookups); SQLite's row-value IN uses the key directly.
      const keys = new Map<string, [string, number]>();
      for (const head of heads) {
        for (const column of HEAD_COLUMNS) {
          const id = head[column];
          if (id !== null) {
            keys.set(`${head.repository}/${id}`, [head.repository, Number(id)]);
          }
        }
      }
      const rows: DeploymentWithCommitRow[] = [];
      for (const keyChunk of chunks([...keys.values()], 400)) {
        const query = this.joined();
        if (this.db.client.config.client === 'pg') {
          query.joinRaw(
            'join unnest(?::text[], ?::bigint[]) as k(repository, deployment_id) on k.repository = d.repository and k.deployment_id = d.deployment_id',
            [keyChunk.map(([r]) => r), keyChunk.map(([, id]) => id)],
          );
        } else {
          query.whereIn(['d.repository', 'd.deployment_id'], keyChunk);
        }
        rows.push(...(await query));
      }
      const deployments = new Map<string, DeliveryDeployment>();
      for (const row of rows) {
        deployments.set(
          `${row.repository}/${row.deployment_id}`,
          toDeployment(row),
        );
      }
      const pick = (head: HeadRow, id: number | string | null) =>
        id === null ? undefined : deployments.get(`${head.repository}/${id}`);
      for (const head of heads) {
        const state: EnvironmentDeliveryState = {
          repository: head.repository,
          environment: head.environment,
        };
        const current = pick(head, head.current_id);
        const inProgress = pick(head, head.in_progress_id);
        const lastFailure = pick(head, head.last_failure_id);
        if (current) state.current = current;
        if (inProgress) state.inProgress = inProgress;
        if (lastFailure) state.lastFailure = lastFailure;
        if (current || inProgress || lastFailure) result.push(state);
      }
    }
    return result.sort(
      (a, b) =>
        byText(a.repository, b.repository) ||
        byText(a.environment, b.environment),
    );
  }

  async doraRecords(
    repositories: readonly string[],
    environment: string,
  ): Promise<DoraRecord[]> {
    return readDoraRecords(this.db, repositories, environment);
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

  private joined() {
    return deploymentsWithCommits(this.db).select(
      DEPLOYMENT_WITH_COMMIT_COLUMNS,
    );
  }
}
