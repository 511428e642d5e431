import { RepositoryState } from './RepositoryState.ts';
import type { SimDeployment, SimRepository } from './types.ts';

/**
 * Histories name a deployment's run before the run has its id: the status log URLs and our
 * payload's `workflow_run_id` written while building take the run's final id.
 */
function linkRunId(deployment: SimDeployment): void {
  const run = deployment.run;
  if (!run) return;
  if ('workflow_run_id' in deployment.payload) {
    deployment.payload.workflow_run_id = run.id;
  }
  for (const status of deployment.statuses) {
    status.logUrl = status.logUrl.replace(
      /\/actions\/runs\/\d+$/,
      `/actions/runs/${run.id}`,
    );
  }
}

/**
 * All simulated repositories and the id sequences GitHub keeps globally (deployment, status,
 * run and pull request ids are unique across repositories on GitHub too).
 */
export class GithubStore {
  readonly #repositories = new Map<string, RepositoryState>();
  #nextRepositoryId = 700_000_001;
  #nextDeploymentId = 1_800_000_001;
  #nextStatusId = 3_600_000_001;
  #nextRunId = 9_100_000_001;
  #nextPullId = 2_200_000_001;

  addRepository(
    repository: Omit<SimRepository, 'id'> & { id?: number },
  ): RepositoryState {
    const state = new RepositoryState({
      ...repository,
      id: repository.id ?? this.#nextRepositoryId++,
    });
    this.#repositories.set(state.fullName.toLowerCase(), state);
    return state;
  }

  /** GitHub treats owner and name case-insensitively. */
  repository(owner: string, name: string): RepositoryState | undefined {
    return this.#repositories.get(`${owner}/${name}`.toLowerCase());
  }

  repositories(): RepositoryState[] {
    return [...this.#repositories.values()];
  }

  nextDeploymentId(): number {
    return this.#nextDeploymentId++;
  }

  nextStatusId(): number {
    return this.#nextStatusId++;
  }

  nextRunId(): number {
    return this.#nextRunId++;
  }

  nextPullId(): number {
    return this.#nextPullId++;
  }

  /**
   * Numbers generated records in time order, as GitHub's ids grow with time: histories are built
   * change by change, so a later change's staging deployment can be built before an earlier
   * change's production deployment.
   */
  assignIds(): void {
    const all = this.repositories();
    const deployments = all.flatMap(s => s.deployments);
    const byTime = (a: { createdAt: Date }, b: { createdAt: Date }) =>
      a.createdAt.getTime() - b.createdAt.getTime();
    deployments.sort(byTime);
    for (const deployment of deployments) {
      deployment.id = this.nextDeploymentId();
    }
    // Status ids grow with time within a deployment, which is what clients can observe.
    for (const deployment of deployments) {
      for (const status of deployment.statuses) status.id = this.nextStatusId();
    }
    const runs = all.flatMap(s => s.runs);
    runs.sort(byTime);
    for (const run of runs) run.id = this.nextRunId();
    for (const deployment of deployments) linkRunId(deployment);
    const pulls = all.flatMap(s => [...s.pulls.values()]);
    pulls.sort(byTime);
    for (const pull of pulls) pull.id = this.nextPullId();
    for (const state of all) state.reindex();
  }

  /** Deployments over all repositories (the benchmark's size). */
  deploymentCount(): number {
    let count = 0;
    for (const state of this.#repositories.values()) {
      count += state.deployments.length;
    }
    return count;
  }
}
