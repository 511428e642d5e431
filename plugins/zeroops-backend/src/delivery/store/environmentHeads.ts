import { Knex } from 'knex';
import { normalizeRepository } from './DeliveryRecordsReader';
import { FAILED_STATES, RUNNING_STATES, TABLES } from './rows';

type Db = Knex | Knex.Transaction;

async function newest(
  db: Db,
  key: { repository: string; environment: string },
  states?: readonly string[],
) {
  const query = db(TABLES.deployments)
    .where(key)
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'deployment_id', order: 'desc' },
    ])
    .first('deployment_id', 'state');
  if (states) query.whereIn('state', states as string[]);
  const row: { deployment_id: number | string; state: string } | undefined =
    await query;
  return row;
}

/**
 * Recomputes the head row of one repository's environment (newest deployment overall, newest
 * success, newest running, newest failed) after a write touched it: four reads of one row each
 * through the (repository, environment, created_at) index. Writes are per webhook or status,
 * reads per page view, so the work is done here once instead of on every overview.
 */
export async function refreshEnvironmentHead(
  db: Db,
  repository: string,
  environment: string,
): Promise<void> {
  const key = { repository: normalizeRepository(repository), environment };
  // One after another: a transaction holds one connection.
  const latest = await newest(db, key);
  const current = await newest(db, key, ['success']);
  const inProgress = await newest(db, key, RUNNING_STATES);
  const lastFailure = await newest(db, key, FAILED_STATES);
  if (!latest) {
    await db(TABLES.environments).where(key).delete();
    return;
  }
  const values = {
    newest_id: latest.deployment_id,
    newest_state: latest.state,
    current_id: current?.deployment_id ?? null,
    in_progress_id: inProgress?.deployment_id ?? null,
    last_failure_id: lastFailure?.deployment_id ?? null,
  };
  await db(TABLES.environments)
    .insert({ ...key, ...values })
    .onConflict(['repository', 'environment'])
    .merge(values);
}
