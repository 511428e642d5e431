import { parseEcsDeploymentDescription } from '@zeroops/backstage-plugin-zeroops-common';
import { Knex } from 'knex';
import { normalizeRepository } from './DeliveryRecordsReader';
import { refreshEnvironmentHead } from './environmentHeads';
import {
  DeploymentRow,
  RUN_URL,
  TABLES,
  TERMINAL_STATUS_STATES,
  toDate,
} from './rows';
import { DeploymentStatusInput } from './writeInputs';

/**
 * Applies one status: the newest status (by id) sets the state; `finishedAt` is the first
 * success/failure/error; the ECS ARN is read from any status carrying it. `rolled_back` (set
 * from AWS) stays, and `inactive` does not hide a failure. Returns false when the
 * deployment is unknown.
 *
 * Runs in `db`, which must be a transaction (the row is locked on PostgreSQL while it is read
 * and written).
 */
export async function applyDeploymentStatus(
  db: Knex.Transaction,
  repository: string,
  deploymentId: number,
  status: DeploymentStatusInput,
): Promise<boolean> {
  const key = {
    repository: normalizeRepository(repository),
    deployment_id: deploymentId,
  };
  const select = db(TABLES.deployments).where(key).first();
  const row: DeploymentRow | undefined =
    db.client.config.client === 'pg' ? await select.forUpdate() : await select;
  if (!row) return false;
  const newer = row.status_id === null || status.id > Number(row.status_id);
  const update: Record<string, unknown> = {};
  if (newer) {
    update.status_id = status.id;
    update.updated_at = toDate(status.createdAt);
    const keep =
      row.state === 'rolled_back' ||
      (status.state === 'inactive' &&
        (row.state === 'failure' || row.state === 'error'));
    if (!keep) update.state = status.state;
  }
  if (TERMINAL_STATUS_STATES.includes(status.state)) {
    const at = toDate(status.createdAt);
    if (row.finished_at === null || at < new Date(row.finished_at)) {
      update.finished_at = at;
    }
  }
  const arn = parseEcsDeploymentDescription(status.description);
  if (arn && !row.ecs_service_deployment_arn) {
    update.ecs_service_deployment_arn = arn;
  }
  // The run named by the deployment's payload wins; its status then only brings the URL.
  const run = status.runUrl && RUN_URL.exec(status.runUrl);
  const knownRun =
    row.workflow_run_id === null ? undefined : Number(row.workflow_run_id);
  if (run && (knownRun === undefined || knownRun === Number(run[1]))) {
    if (knownRun === undefined) update.workflow_run_id = Number(run[1]);
    if (row.workflow_run_url === null) {
      update.workflow_run_url = status.runUrl;
    }
  }
  if (Object.keys(update).length > 0) {
    await db(TABLES.deployments).where(key).update(update);
  }
  if (update.state !== undefined && update.state !== row.state) {
    await refreshEnvironmentHead(db, row.repository, row.environment);
  }
  return true;
}
