import { DoraRecord } from '@zeroops/backstage-plugin-zeroops-common';
import { Knex } from 'knex';
import { normalizeRepository } from './DeliveryRecordsReader';
import {
  DbTime,
  chunks,
  deploymentsWithCommits,
  isDeploymentState,
  toInstant,
} from './rows';

interface DoraRow {
  repository: string;
  deployment_id: number | string;
  sha: string;
  state: string;
  created_at: DbTime;
  updated_at: DbTime;
  finished_at: DbTime | null;
  commit_at: DbTime | null;
  first_commit_at: DbTime | null;
}

/**
 * A time expression as epoch milliseconds. SQLite stores them so already; PostgreSQL is asked
 * for a double precision (`date_part`, not `extract`, whose numeric result costs PostgreSQL
 * three times as much to compute), which its driver returns as a number: parsing 100,000
 * timestamp strings into Dates was a third of the read of a year of history of 200 services.
 */
function epochMilliseconds(db: Knex, expression: string, as: string) {
  return db.client.config.client === 'pg'
    ? db.raw(`round(date_part('epoch', ${expression}) * 1000) as ??`, [as])
    : db.raw(`${expression} as ??`, [as]);
}

/**
 * The rows DORA reads (see {@link DeliveryRecordsReader.doraRecords}): nine columns per
 * deployment, the commit's times joined by primary key, one query per 500 repositories served
 * by the (repository, environment, created_at) index, no ORDER BY (the history sorts what it
 * needs).
 */
export async function readDoraRecords(
  db: Knex,
  repositories: readonly string[],
  environment: string,
): Promise<DoraRecord[]> {
  const result: DoraRecord[] = [];
  const unique = [...new Set(repositories.map(normalizeRepository))];
  for (const chunk of chunks(unique)) {
    const rows: DoraRow[] = await deploymentsWithCommits(db)
      .whereIn('d.repository', chunk)
      .where('d.environment', environment)
      .select(
        'd.repository',
        'd.deployment_id',
        'd.sha',
        'd.state',
        // Fixed column names only: the expressions are ours, never input.
        epochMilliseconds(db, 'd.created_at', 'created_at'),
        epochMilliseconds(db, 'd.updated_at', 'updated_at'),
        epochMilliseconds(db, 'd.finished_at', 'finished_at'),
        epochMilliseconds(db, 'c.commit_at', 'commit_at'),
        // The same precedence as toDeployment's firstCommitAt.
        epochMilliseconds(
          db,
          'coalesce(c.pr_first_commit_at, c.push_first_commit_at, c.commit_at)',
          'first_commit_at',
        ),
      );
    for (const row of rows) {
      result.push({
        repository: row.repository,
        sha: row.sha,
        deploymentId: Number(row.deployment_id),
        environment,
        state: isDeploymentState(row.state) ? row.state : 'pending',
        createdAt: toInstant(row.created_at),
        updatedAt: toInstant(row.updated_at),
        finishedAt: toInstant(row.finished_at),
        commitAt: toInstant(row.commit_at),
        firstCommitAt: toInstant(row.first_commit_at),
      });
    }
  }
  return result;
}
