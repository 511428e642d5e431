import {
  DeliveryDeployment,
  doraRecordOf,
  DoraRecord,
  PendingApproval,
  StagingAhead,
} from '@zeroops/backstage-plugin-zeroops-common';
import {
  DeliveryDeploymentQuery,
  DeliveryRecordsReader,
  EnvironmentDeliveryState,
  normalizeRepository,
} from '../../store/DeliveryRecordsReader';

const IN_PROGRESS = new Set(['queued', 'pending', 'in_progress']);
const FAILED = new Set(['failure', 'error', 'rolled_back']);

function instant(value: string | Date) {
  return typeof value === 'string' ? Date.parse(value) : value.getTime();
}

function newest(deployments: DeliveryDeployment[]) {
  return deployments.reduce<DeliveryDeployment | undefined>(
    (best, d) =>
      !best || Date.parse(d.createdAt) > Date.parse(best.createdAt) ? d : best,
    undefined,
  );
}

/**
 * The delivery store's read interface over arrays, for tests of what is built on it. It follows
 * the interface's documented contract; the store's own tests prove the database does too.
 */
export class InMemoryDeliveryRecords implements DeliveryRecordsReader {
  deployments: DeliveryDeployment[] = [];
  approvals: PendingApproval[] = [];
  staging = new Map<string, StagingAhead>();
  synced = new Map<string, string>();
  /** Every call, for tests of batching and caching. */
  readonly calls: Array<{ method: string; repositories: readonly string[] }> =
    [];

  async listDeployments(
    query: DeliveryDeploymentQuery,
  ): Promise<DeliveryDeployment[]> {
    this.calls.push({
      method: 'listDeployments',
      repositories: query.repositories,
    });
    const repositories = new Set(query.repositories.map(normalizeRepository));
    const since = instant(query.since);
    const until = query.until ? instant(query.until) : Infinity;
    return this.deployments
      .filter(
        d =>
          repositories.has(d.repository) &&
          (!query.environment || d.environment === query.environment) &&
          Date.parse(d.createdAt) >= since &&
          Date.parse(d.createdAt) < until,
      )
      .sort(
        (a, b) =>
          a.repository.localeCompare(b.repository) ||
          Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
          a.deploymentId - b.deploymentId,
      );
  }

  async doraRecords(
    repositories: readonly string[],
    environment: string,
  ): Promise<DoraRecord[]> {
    this.calls.push({ method: 'doraRecords', repositories });
    const wanted = new Set(repositories.map(normalizeRepository));
    return this.deployments
      .filter(d => wanted.has(d.repository) && d.environment === environment)
      .map(doraRecordOf);
  }

  async environmentStates(
    repositories: readonly string[],
  ): Promise<EnvironmentDeliveryState[]> {
    this.calls.push({ method: 'environmentStates', repositories });
    const wanted = new Set(repositories.map(normalizeRepository));
    const groups = new Map<string, DeliveryDeployment[]>();
    for (const d of this.deployments) {
      if (!wanted.has(d.repository)) continue;
      const key = `${d.repository}\u0000${d.environment}`;
      groups.set(key, [...(groups.get(key) ?? []), d]);
    }
    return [...groups.values()]
      .filter(
        group =>
          !/^pr-\d+$/.test(group[0].environment) ||
          newest(group)?.state !== 'inactive',
      )
      .map(group => ({
        repository: group[0].repository,
        environment: group[0].environment,
        current: newest(group.filter(d => d.state === 'success')),
        inProgress: newest(group.filter(d => IN_PROGRESS.has(d.state))),
        lastFailure: newest(group.filter(d => FAILED.has(d.state))),
      }))
      .sort(
        (a, b) =>
          a.repository.localeCompare(b.repository) ||
          a.environment.localeCompare(b.environment),
      );
  }

  async pendingApprovals(
    repositories: readonly string[],
  ): Promise<PendingApproval[]> {
    this.calls.push({ method: 'pendingApprovals', repositories });
    const wanted = new Set(repositories.map(normalizeRepository));
    return this.approvals
      .filter(a => wanted.has(a.repository))
      .sort((a, b) => Date.parse(a.waitingSince) - Date.parse(b.waitingSince));
  }

  async stagingAhead(
    repositories: readonly string[],
  ): Promise<Map<string, StagingAhead>> {
    this.calls.push({ method: 'stagingAhead', repositories });
    const wanted = new Set(repositories.map(normalizeRepository));
    return new Map([...this.staging].filter(([r]) => wanted.has(r)));
  }

  async lastSyncedAt(
    repositories: readonly string[],
  ): Promise<Map<string, string>> {
    this.calls.push({ method: 'lastSyncedAt', repositories });
    const wanted = new Set(repositories.map(normalizeRepository));
    return new Map([...this.synced].filter(([r]) => wanted.has(r)));
  }
}
