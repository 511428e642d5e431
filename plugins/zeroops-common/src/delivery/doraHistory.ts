import { DeliveryDeployment, DeliveryDeploymentState } from './records';

/**
 * The production history DORA is measured on, reduced to changes and incidents. It does not
 * depend on `now` or the window (the measures filter by instant), so a caller may build it once
 * per repository and keep it while the repository's records stay the same; a team's history is
 * the concatenation of its repositories'. Every time is an instant in epoch milliseconds
 * (`Date.parse` of the record's ISO 8601 string, whatever its offset); a time that does not
 * parse counts as absent.
 *
 * @public
 */
export interface DoraHistory {
  /** Creation time of the earliest production deployment (any state); absent if none. */
  firstProductionAt?: number;
  /** Every change that reached a terminal production deployment. */
  changes: DoraChange[];
  /** Incidents in the order they started. */
  incidents: DoraIncident[];
}

/**
 * One change: a distinct (repository, sha) deployed to production.
 *
 * @public
 */
export interface DoraChange {
  /** `owner/name`, lower case. */
  repository: string;
  /** Commit SHA, lower case. */
  sha: string;
  /** Finish time of its first `success` production deployment. */
  firstSuccessAt?: number;
  /** When the change started: earliest `firstCommitAt` of its records, else earliest `commitAt`. */
  startedAt?: number;
  /** Finish times of its terminal production deployments, ascending. */
  terminalAt: number[];
  /** Finish time of its first failed (`failure`, `error`, `rolled_back`) production deployment. */
  firstFailureAt?: number;
}

/**
 * Production of one repository unhealthy from a failed deployment until a successful one.
 *
 * @public
 */
export interface DoraIncident {
  /** `owner/name`, lower case. */
  repository: string;
  /** Finish time of the failed production deployment that started it. */
  startedAt: number;
  /** Absent while no successful production deployment followed. */
  restoredAt?: number;
}

type Outcome = 'success' | 'failed';

const FAILED_STATES: ReadonlySet<DeliveryDeploymentState> = new Set([
  'failure',
  'error',
  'rolled_back',
]);

/**
 * How a production deployment ended, or undefined while it runs.
 *
 * `inactive` counts as a success: GitHub writes an `inactive` status only on a deployment that
 * had reached `success` (when a newer one supersedes it), so the rollout did succeed.
 */
function outcomeOf(state: DeliveryDeploymentState): Outcome | undefined {
  if (state === 'success' || state === 'inactive') return 'success';
  if (FAILED_STATES.has(state)) return 'failed';
  return undefined;
}

function instant(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function minDefined(a: number | undefined, b: number | undefined) {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

/** What is known of one (repository, sha) while the records are reduced. */
interface KnownSha {
  repository: string;
  sha: string;
  firstCommitAt?: number;
  commitAt?: number;
  /** Set when a terminal production deployment of the SHA is reduced. */
  change?: DoraChange;
}

interface Terminal {
  sha: KnownSha;
  outcome: Outcome;
  finishedAt: number;
  createdAt: number;
  deploymentId: number;
}

/**
 * What DORA reads of one deployment, with times as instants (epoch milliseconds): the store can
 * read it without building a full {@link DeliveryDeployment} and its ISO 8601 strings.
 *
 * @public
 */
export interface DoraRecord {
  repository: string;
  sha: string;
  deploymentId: number;
  environment: string;
  state: DeliveryDeploymentState;
  /** Absent when the record's time does not parse (the record is then not measured). */
  createdAt?: number;
  updatedAt?: number;
  finishedAt?: number;
  firstCommitAt?: number;
  commitAt?: number;
}

/**
 * The {@link DoraRecord} of a deployment.
 *
 * @public
 */
export function doraRecordOf(d: DeliveryDeployment): DoraRecord {
  return {
    repository: d.repository,
    sha: d.sha,
    deploymentId: d.deploymentId,
    environment: d.environment,
    state: d.state,
    createdAt: instant(d.createdAt),
    updatedAt: instant(d.updatedAt),
    finishedAt: instant(d.finishedAt),
    firstCommitAt: instant(d.firstCommitAt),
    commitAt: instant(d.commitAt),
  };
}

/**
 * Reduces deployments (any environment; only `productionEnvironment` is measured) to changes and
 * incidents. A terminal deployment's finish time is `finishedAt`, or `updatedAt` when the record
 * has none (a rollback AWS reported on a rollout GitHub never saw end).
 *
 * @public
 */
export function buildDoraHistory(
  deployments: readonly DeliveryDeployment[],
  productionEnvironment = 'production',
): DoraHistory {
  return buildDoraHistoryOfRecords(
    deployments.map(doraRecordOf),
    productionEnvironment,
  );
}

/**
 * {@link buildDoraHistory} over {@link DoraRecord}s (times already instants); the one
 * implementation of the reduction.
 *
 * @public
 */
export function buildDoraHistoryOfRecords(
  deployments: readonly DoraRecord[],
  productionEnvironment = 'production',
): DoraHistory {
  // One entry per (repository, sha), looked up once per record (a year of 200 services is
  // 20,000 records): the change's commit times, and the change once it reached production.
  const known = new Map<string, KnownSha>();
  const terminals: Terminal[] = [];
  let firstProductionAt: number | undefined;

  for (const d of deployments) {
    const repository = d.repository.toLowerCase();
    const sha = d.sha.toLowerCase();
    const key = `${repository}\u0000${sha}`;
    let entry = known.get(key);
    if (!entry) {
      entry = { repository, sha };
      known.set(key, entry);
    }
    // A change's first commit may be known only from its staging or pull-request deployment.
    entry.firstCommitAt = minDefined(entry.firstCommitAt, d.firstCommitAt);
    entry.commitAt = minDefined(entry.commitAt, d.commitAt);

    if (d.environment !== productionEnvironment) continue;
    const createdAt = d.createdAt;
    if (createdAt === undefined) continue;
    firstProductionAt = minDefined(firstProductionAt, createdAt);
    const outcome = outcomeOf(d.state);
    const finishedAt =
      d.finishedAt ?? (outcome === undefined ? undefined : d.updatedAt);
    if (!outcome || finishedAt === undefined) continue;
    terminals.push({
      sha: entry,
      outcome,
      finishedAt,
      createdAt,
      deploymentId: d.deploymentId,
    });
  }

  terminals.sort(
    (a, b) =>
      a.finishedAt - b.finishedAt ||
      a.createdAt - b.createdAt ||
      a.deploymentId - b.deploymentId,
  );

  // Changes in the order of their first terminal deployment.
  const changes: DoraChange[] = [];
  const incidents: DoraIncident[] = [];
  const openIncident = new Map<string, DoraIncident>();
  for (const t of terminals) {
    const { repository } = t.sha;
    let change = t.sha.change;
    if (!change) {
      change = { repository, sha: t.sha.sha, terminalAt: [] };
      t.sha.change = change;
      changes.push(change);
    }
    change.terminalAt.push(t.finishedAt);
    const open = openIncident.get(repository);
    if (t.outcome === 'success') {
      change.firstSuccessAt ??= t.finishedAt;
      // Any successful production deployment restores: a revert, a hotfix or a re-run.
      if (open) {
        open.restoredAt = t.finishedAt;
        openIncident.delete(repository);
      }
    } else {
      change.firstFailureAt ??= t.finishedAt;
      // Production was healthy before (previous terminal deployment succeeded, or none): a new
      // incident. Otherwise the failure joins the incident already open.
      if (!open) {
        const incident = { repository, startedAt: t.finishedAt };
        incidents.push(incident);
        openIncident.set(repository, incident);
      }
    }
  }

  for (const entry of known.values()) {
    if (entry.change) {
      entry.change.startedAt = entry.firstCommitAt ?? entry.commitAt;
    }
  }
  return { firstProductionAt, changes, incidents };
}
