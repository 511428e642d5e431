import { hexFrom } from '@zeroops/simulator-kit';
import { DEPLOY_WORKFLOW, PREVIEW_WORKFLOW } from '../constants.ts';
import {
  ACTIONS_TASK,
  ZEROOPS_TASK,
  ecsDescription,
  pullRequestEnvironment,
  serviceDeploymentArn,
  zeroOpsPayload,
} from '../contract.ts';
import type { GithubStore } from '../model/GithubStore.ts';
import type { RepositoryState } from '../model/RepositoryState.ts';
import type {
  SimCommit,
  SimDeployment,
  SimDeploymentState,
  SimDeploymentStatus,
  SimPullRequest,
  SimRunConclusion,
  SimUser,
  SimWorkflowRun,
} from '../model/types.ts';
import {
  GITHUB_ACTIONS_BOT,
  type Person,
  RELEASE_MANAGERS,
  WEB_FLOW,
  localIso,
} from './people.ts';

const MINUTE = 60_000;

/** A title as a branch name's words: `Fix the cart` → `fix-the-cart`. */
export function branchSlug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** How a rollout ends: `in_progress` leaves it running. */
export type RolloutOutcome = 'success' | 'failure' | 'error' | 'in_progress';

export interface DeployInput {
  environment: string;
  sha: string;
  /** Branch of the commit: `main`, `hotfix/…` or the pull request's head branch. */
  branch: string;
  at: Date;
  /** Rollout duration until the final status. */
  minutes: number;
  outcome: RolloutOutcome;
  /** The run of our deploy workflow; its job creates the deployments. */
  run: SimWorkflowRun;
  /** The ECS service deployment ARN; derived from the history key when absent. */
  ecsArn?: string;
}

/**
 * The primitives every history is written with — commits, pull requests, merges, workflow runs
 * and deployments — doing what GitHub and our workflows do for each (statuses, GitHub Actions'
 * own `deploy` deployment, marking the previous deployment of an environment inactive).
 */
export class HistoryBuilder {
  readonly store: GithubStore;
  readonly state: RepositoryState;
  readonly htmlBaseUrl: string;
  readonly #key: string;
  #counter = 0;
  #runNumbers = new Map<number, number>();
  /**
   * Generated histories are numbered afterwards in time order ({@link GithubStore.assignIds});
   * records written while the simulator runs (API calls, live mode) take the next id at once.
   */
  immediateIds = false;

  constructor(
    store: GithubStore,
    state: RepositoryState,
    key: string,
    htmlBaseUrl: string,
  ) {
    this.store = store;
    this.state = state;
    this.#key = key;
    this.htmlBaseUrl = htmlBaseUrl;
  }

  get service(): string {
    return this.state.repository.name;
  }

  #next(label: string): string {
    return `${this.#key}/${label}/${this.#counter++}`;
  }

  commit(input: {
    at: Date;
    author: Person;
    message: string;
    onMainline: boolean;
    parent?: string;
    sha?: string;
    /** Merges made on github.com are committed by GitHub (web-flow) in UTC. */
    committedByGithub?: boolean;
  }): SimCommit {
    const key = this.#next('commit');
    const parent = input.parent ?? this.state.headOfMainline();
    const author = {
      name: input.author.user.name ?? input.author.user.login,
      email:
        input.author.user.email ?? `${input.author.user.login}@example.com`,
      date: localIso(input.at, input.author.offsetMinutes),
    };
    const commit: SimCommit = {
      sha: input.sha ?? hexFrom(key),
      treeSha: hexFrom(`${key}/tree`, 40),
      message: input.message,
      author,
      committer: input.committedByGithub
        ? { ...WEB_FLOW, date: localIso(input.at, 0) }
        : author,
      authorLogin: input.author.user.login,
      parents: parent ? [parent] : [],
    };
    this.state.addCommit(commit, input.onMainline);
    return commit;
  }

  /** A direct push to the default branch: no pull request. */
  push(at: Date, author: Person, message: string, sha?: string): SimCommit {
    return this.commit({ at, author, message, onMainline: true, sha });
  }

  pullRequest(input: {
    number: number;
    author: Person;
    title: string;
    /** Defaults to the author's branch named after the title: `login/title-words`. */
    branch?: string;
    commitTimes: Date[];
    headSha?: string;
  }): SimPullRequest {
    const baseSha = this.state.headOfMainline()!;
    const commits: string[] = [];
    input.commitTimes.forEach((at, i) => {
      const last = i === input.commitTimes.length - 1;
      const commit = this.commit({
        at,
        author: input.author,
        message: i === 0 ? input.title : `Address review comments (${i})`,
        onMainline: false,
        parent: commits[commits.length - 1] ?? baseSha,
        sha: last ? input.headSha : undefined,
      });
      commits.push(commit.sha);
    });
    const pull: SimPullRequest = {
      number: input.number,
      id: this.immediateIds ? this.store.nextPullId() : 0,
      title: input.title,
      user: input.author.user,
      headRef:
        input.branch ?? `${input.author.user.login}/${branchSlug(input.title)}`,
      commits,
      baseRef: this.state.repository.defaultBranch,
      baseSha,
      createdAt: input.commitTimes[0],
      updatedAt: input.commitTimes[input.commitTimes.length - 1],
    };
    this.state.addPullRequest(pull);
    return pull;
  }

  /** Squash-merges on github.com: one new commit on the default branch, `Title (#n)`. */
  merge(pull: SimPullRequest, at: Date, mergedBy: Person, sha?: string) {
    const author = { ...mergedBy, user: pull.user };
    const commit = this.commit({
      at,
      author: { user: author.user, offsetMinutes: mergedBy.offsetMinutes },
      message: `${pull.title} (#${pull.number})`,
      onMainline: true,
      sha,
      committedByGithub: true,
    });
    pull.mergedAt = at;
    pull.closedAt = at;
    pull.updatedAt = at;
    pull.mergeCommitSha = commit.sha;
    pull.mergedBy = mergedBy.user;
    this.state.linkPullRequestCommits(pull);
    // The cleanup workflow destroys the preview and marks its deployments inactive.
    this.state.markEnvironmentInactive(
      this.pullRequestEnvironment(pull.number),
      new Date(at.getTime() + 5 * 60_000),
      () => (this.immediateIds ? this.store.nextStatusId() : 0),
    );
    return commit;
  }

  startRun(input: {
    preview?: boolean;
    event: SimWorkflowRun['event'];
    sha: string;
    branch: string;
    at: Date;
    actor: SimUser;
    pulls?: number[];
  }): SimWorkflowRun {
    const workflow = input.preview ? PREVIEW_WORKFLOW : DEPLOY_WORKFLOW;
    const runNumber = (this.#runNumbers.get(workflow.id) ?? 0) + 1;
    this.#runNumbers.set(workflow.id, runNumber);
    const run: SimWorkflowRun = {
      id: this.immediateIds ? this.store.nextRunId() : 0,
      workflow,
      runNumber,
      runAttempt: 1,
      event: input.event,
      status: 'in_progress',
      conclusion: null,
      headBranch: input.branch,
      headSha: input.sha,
      actor: input.actor,
      triggeringActor: input.actor,
      pullRequests: input.pulls ?? [],
      createdAt: input.at,
      runStartedAt: input.at,
      updatedAt: input.at,
      pendingDeployments: [],
    };
    this.state.addRun(run);
    return run;
  }

  /** The run re-run by a person: same id and SHA, next attempt. */
  rerun(run: SimWorkflowRun, at: Date, actor: SimUser): void {
    run.runAttempt += 1;
    run.status = 'in_progress';
    run.conclusion = null;
    run.runStartedAt = at;
    run.updatedAt = at;
    run.triggeringActor = actor;
  }

  /** The run stops before `environment`'s job until a reviewer approves. */
  waitForApproval(run: SimWorkflowRun, environment: string, since: Date) {
    run.status = 'waiting';
    run.updatedAt = since;
    run.pendingDeployments = [
      {
        environment,
        environmentId: 100_000 + (run.id % 1000),
        reviewers: RELEASE_MANAGERS,
        waitTimerMinutes: 0,
        waitingSince: since,
        currentUserCanApprove: true,
      },
    ];
  }

  finishRun(run: SimWorkflowRun, at: Date, conclusion: SimRunConclusion) {
    run.status = 'completed';
    run.conclusion = conclusion;
    run.updatedAt = at;
    run.pendingDeployments = [];
  }

  runUrl(run: SimWorkflowRun): string {
    return `${this.htmlBaseUrl}/${this.state.fullName}/actions/runs/${run.id}`;
  }

  environmentUrl(environment: string): string {
    return `https://${environment}.${this.service}.zeroops-demo.example`;
  }

  /**
   * Our workflow's deployment (task `deploy:zeroops`, ref = the SHA, branch and run in the
   * payload, ECS ARN in its final status) and, for a job that names a GitHub environment, the
   * `deploy` deployment GitHub Actions creates itself (ref = the branch, empty payload).
   */
  deploy(input: DeployInput): SimDeployment {
    const ecsArn =
      input.ecsArn ??
      serviceDeploymentArn(
        this.service,
        input.environment,
        hexFrom(this.#next('ecs'), 22),
      );
    // Our preview job names no GitHub environment, so only staging and production get one.
    if (!/^pr-\d+$/.test(input.environment)) {
      this.#deployment(input, ACTIONS_TASK, undefined);
    }
    return this.#deployment(input, ZEROOPS_TASK, ecsArn);
  }

  /** A deployment without statuses, as `POST /repos/{o}/{r}/deployments` creates it. */
  createDeployment(input: {
    environment: string;
    sha: string;
    ref: string;
    task: string;
    at: Date;
    run?: SimWorkflowRun;
    description?: string | null;
    payload?: Record<string, unknown>;
    transientEnvironment?: boolean;
    productionEnvironment?: boolean;
    creator?: SimUser;
  }): SimDeployment {
    const deployment: SimDeployment = {
      id: this.immediateIds ? this.store.nextDeploymentId() : 0,
      sha: input.sha,
      ref: input.ref,
      task: input.task,
      environment: input.environment,
      description: input.description ?? null,
      payload: input.payload ?? {},
      creator: input.creator ?? GITHUB_ACTIONS_BOT,
      createdAt: input.at,
      updatedAt: input.at,
      transientEnvironment:
        input.transientEnvironment ?? /^pr-\d+$/.test(input.environment),
      productionEnvironment:
        input.productionEnvironment ?? input.environment === 'production',
      statuses: [],
      run: input.run,
    };
    this.state.addDeployment(deployment);
    return deployment;
  }

  #deployment(
    input: DeployInput,
    task: string,
    ecsArn: string | undefined,
  ): SimDeployment {
    const ours = task === ZEROOPS_TASK;
    const deployment = this.createDeployment({
      ...input,
      task,
      ref: ours ? input.sha : input.branch,
      description: ours ? `Deploy ${input.branch}` : null,
      payload: ours
        ? zeroOpsPayload(this.service, input.branch, input.run.id)
        : {},
    });
    const logUrl = this.runUrl(input.run);
    const startedAt = new Date(input.at.getTime() + 20_000);
    this.addStatus(deployment, 'in_progress', startedAt, '', logUrl);
    if (input.outcome !== 'in_progress') {
      const endedAt = new Date(input.at.getTime() + input.minutes * MINUTE);
      this.addStatus(
        deployment,
        input.outcome,
        endedAt,
        ecsArn ? ecsDescription(ecsArn) : '',
        logUrl,
      );
    }
    return deployment;
  }

  addStatus(
    deployment: SimDeployment,
    state: SimDeploymentState,
    at: Date,
    description: string,
    logUrl: string,
    environmentUrl?: string,
  ): SimDeploymentStatus {
    const status: SimDeploymentStatus = {
      id: this.immediateIds ? this.store.nextStatusId() : 0,
      state,
      description,
      creator: GITHUB_ACTIONS_BOT,
      logUrl,
      environmentUrl:
        environmentUrl ??
        (state === 'success'
          ? this.environmentUrl(deployment.environment)
          : ''),
      createdAt: at,
    };
    deployment.statuses.push(status);
    deployment.updatedAt = at;
    this.state.version++;
    if (state === 'success' && !deployment.transientEnvironment) {
      this.state.markPreviousInactive(deployment, at, () =>
        this.immediateIds ? this.store.nextStatusId() : 0,
      );
    }
    return status;
  }

  pullRequestEnvironment(number: number): string {
    return pullRequestEnvironment(number);
  }
}
