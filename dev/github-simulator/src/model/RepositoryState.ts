import type {
  SimCommit,
  SimDeployment,
  SimPullRequest,
  SimRepository,
  SimWorkflowRun,
} from './types.ts';

/** How two commits relate, as GitHub's compare reports it. */
export interface Comparison {
  status: 'ahead' | 'behind' | 'identical' | 'diverged';
  aheadBy: number;
  behindBy: number;
  mergeBase: SimCommit;
  /** Commits reachable from head and not from base, oldest first. */
  commits: SimCommit[];
}

/** Everything the simulator knows about one repository, with the indexes its routes need. */
export class RepositoryState {
  readonly repository: SimRepository;
  readonly commits = new Map<string, SimCommit>();
  /** The default branch, oldest first. */
  readonly mainline: string[] = [];
  readonly pulls = new Map<number, SimPullRequest>();
  /** Ascending id (creation order). */
  readonly deployments: SimDeployment[] = [];
  readonly deploymentsById = new Map<number, SimDeployment>();
  /** Ascending id. */
  readonly runs: SimWorkflowRun[] = [];
  readonly runsById = new Map<number, SimWorkflowRun>();
  readonly #pullsByCommit = new Map<string, number[]>();
  readonly #mainlineIndex = new Map<string, number>();
  /** Bumped on every change: part of each response's ETag. */
  version = 0;

  constructor(repository: SimRepository) {
    this.repository = repository;
  }

  get fullName(): string {
    return `${this.repository.owner.login}/${this.repository.name}`;
  }

  addCommit(commit: SimCommit, onMainline: boolean): void {
    this.commits.set(commit.sha, commit);
    if (onMainline) {
      this.#mainlineIndex.set(commit.sha, this.mainline.length);
      this.mainline.push(commit.sha);
    }
    this.version++;
  }

  addPullRequest(pull: SimPullRequest): void {
    this.pulls.set(pull.number, pull);
    this.linkPullRequestCommits(pull);
  }

  /** Records which pull request brought each commit (its branch commits and its merge commit). */
  linkPullRequestCommits(pull: SimPullRequest): void {
    const shas = [...pull.commits];
    if (pull.mergeCommitSha) shas.push(pull.mergeCommitSha);
    for (const sha of shas) {
      const numbers = this.#pullsByCommit.get(sha) ?? [];
      if (!numbers.includes(pull.number)) numbers.push(pull.number);
      this.#pullsByCommit.set(sha, numbers);
    }
    this.version++;
  }

  pullsOfCommit(sha: string): SimPullRequest[] {
    return (this.#pullsByCommit.get(sha) ?? []).map(n => this.pulls.get(n)!);
  }

  addDeployment(deployment: SimDeployment): void {
    this.deployments.push(deployment);
    this.deploymentsById.set(deployment.id, deployment);
    this.version++;
  }

  /**
   * GitHub's `auto_inactive`: a success retires the environment's previous successful deployment
   * of the same task. `nextStatusId` numbers the `inactive` status it adds.
   */
  markPreviousInactive(
    current: SimDeployment,
    at: Date,
    nextStatusId: () => number,
  ): void {
    for (let i = this.deployments.length - 1; i >= 0; i--) {
      const previous = this.deployments[i];
      if (
        previous === current ||
        previous.environment !== current.environment ||
        previous.task !== current.task ||
        previous.createdAt >= current.createdAt
      ) {
        continue;
      }
      const last = previous.statuses[previous.statuses.length - 1];
      if (last?.state === 'success') {
        previous.statuses.push({
          ...last,
          id: nextStatusId(),
          state: 'inactive',
          description: '',
          environmentUrl: '',
          createdAt: at,
        });
        previous.updatedAt = at;
        return;
      }
      if (last?.state === 'inactive') return;
    }
  }

  /**
   * What the generated cleanup workflow does when a pull request closes: every deployment of its
   * `pr-<n>` environment whose last status is not already `inactive` gets one.
   */
  markEnvironmentInactive(
    environment: string,
    at: Date,
    nextStatusId: () => number,
  ): void {
    for (const deployment of this.deployments) {
      if (deployment.environment !== environment) continue;
      const last = deployment.statuses[deployment.statuses.length - 1];
      if (!last || last.state === 'inactive') continue;
      deployment.statuses.push({
        ...last,
        id: nextStatusId(),
        state: 'inactive',
        description: 'Destroyed when the pull request closed',
        environmentUrl: '',
        createdAt: at,
      });
      deployment.updatedAt = at;
    }
    this.version++;
  }

  addRun(run: SimWorkflowRun): void {
    this.runs.push(run);
    this.runsById.set(run.id, run);
    this.version++;
  }

  /** Sorts by id and rebuilds the id indexes after {@link GithubStore.assignIds}. */
  reindex(): void {
    this.deployments.sort((a, b) => a.id - b.id);
    this.runs.sort((a, b) => a.id - b.id);
    this.deploymentsById.clear();
    for (const d of this.deployments) this.deploymentsById.set(d.id, d);
    this.runsById.clear();
    for (const r of this.runs) this.runsById.set(r.id, r);
    this.version++;
  }

  headOfMainline(): string | undefined {
    return this.mainline[this.mainline.length - 1];
  }

  /** A full SHA, a unique prefix of at least 7 characters, or a branch name. */
  resolveCommit(ref: string): SimCommit | undefined {
    const exact = this.commits.get(ref);
    if (exact) return exact;
    if (ref === this.repository.defaultBranch) {
      const head = this.headOfMainline();
      return head ? this.commits.get(head) : undefined;
    }
    const branchHead = this.#branchHead(ref);
    if (branchHead) return branchHead;
    if (/^[0-9a-f]{7,39}$/.test(ref)) {
      for (const [sha, commit] of this.commits) {
        if (sha.startsWith(ref)) return commit;
      }
    }
    return undefined;
  }

  #branchHead(ref: string): SimCommit | undefined {
    for (const pull of this.pulls.values()) {
      if (pull.headRef === ref && pull.commits.length > 0) {
        return this.commits.get(pull.commits[pull.commits.length - 1]);
      }
    }
    return undefined;
  }

  /** Ancestors of a commit, newest first, the commit itself included. */
  #history(sha: string): string[] {
    const chain: string[] = [];
    let current: string | undefined = sha;
    while (current) {
      const index = this.#mainlineIndex.get(current);
      if (index !== undefined) {
        for (let i = index; i >= 0; i--) chain.push(this.mainline[i]);
        return chain;
      }
      chain.push(current);
      current = this.commits.get(current)?.parents[0];
    }
    return chain;
  }

  compare(base: SimCommit, head: SimCommit): Comparison {
    const baseHistory = this.#history(base.sha);
    const baseSet = new Set(baseHistory);
    const headHistory = this.#history(head.sha);
    const mergeBaseIndex = headHistory.findIndex(sha => baseSet.has(sha));
    const mergeBaseSha =
      mergeBaseIndex >= 0 ? headHistory[mergeBaseIndex] : base.sha;
    const ahead = headHistory.slice(
      0,
      mergeBaseIndex >= 0 ? mergeBaseIndex : headHistory.length,
    );
    const behindBy = baseHistory.indexOf(mergeBaseSha);
    const aheadBy = ahead.length;
    let status: Comparison['status'] = 'diverged';
    if (aheadBy === 0 && behindBy === 0) status = 'identical';
    else if (behindBy === 0) status = 'ahead';
    else if (aheadBy === 0) status = 'behind';
    return {
      status,
      aheadBy,
      behindBy: Math.max(behindBy, 0),
      mergeBase: this.commits.get(mergeBaseSha)!,
      commits: ahead.reverse().map(sha => this.commits.get(sha)!),
    };
  }
}
