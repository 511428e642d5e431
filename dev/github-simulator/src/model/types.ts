/**
 * The simulator's own records: the minimum GitHub keeps about a repository's delivery history.
 * Renderers in `../render` turn them into GitHub's REST and webhook shapes.
 */

/** @public */
export interface SimUser {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
  name?: string;
  email?: string;
}

/** A git identity with the local time the author's machine wrote (offset kept, e.g. `-07:00`). @public */
export interface SimGitIdentity {
  name: string;
  email: string;
  /** ISO 8601 with the author's UTC offset, as git stores it. */
  date: string;
}

/** @public */
export interface SimCommit {
  sha: string;
  treeSha: string;
  message: string;
  author: SimGitIdentity;
  committer: SimGitIdentity;
  /** The GitHub account of the author, when the email belongs to one. */
  authorLogin?: string;
  parents: string[];
}

/** @public */
export interface SimPullRequest {
  number: number;
  id: number;
  title: string;
  user: SimUser;
  headRef: string;
  /** Commits of the branch, oldest first; the head is the last. */
  commits: string[];
  baseRef: string;
  baseSha: string;
  createdAt: Date;
  updatedAt: Date;
  mergedAt?: Date;
  closedAt?: Date;
  mergeCommitSha?: string;
  mergedBy?: SimUser;
}

/** REST deployment-status states (`waiting` exists only in webhooks). @public */
export type SimDeploymentState =
  | 'error'
  | 'failure'
  | 'inactive'
  | 'pending'
  | 'success'
  | 'queued'
  | 'in_progress';

/** @public */
export interface SimDeploymentStatus {
  id: number;
  state: SimDeploymentState;
  description: string;
  creator: SimUser;
  logUrl: string;
  environmentUrl: string;
  createdAt: Date;
}

/** @public */
export interface SimDeployment {
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  description: string | null;
  payload: Record<string, unknown>;
  creator: SimUser;
  createdAt: Date;
  updatedAt: Date;
  transientEnvironment: boolean;
  productionEnvironment: boolean;
  /** Newest last. */
  statuses: SimDeploymentStatus[];
  /** The workflow run that created it, when one did. */
  run?: SimWorkflowRun;
}

/** @public */
export interface SimPendingDeployment {
  environment: string;
  environmentId: number;
  reviewers: SimUser[];
  waitTimerMinutes: number;
  waitingSince: Date;
  currentUserCanApprove: boolean;
}

/** @public */
export type SimRunStatus =
  | 'queued'
  | 'in_progress'
  | 'completed'
  | 'waiting'
  | 'requested'
  | 'pending';

/** @public */
export type SimRunConclusion =
  | 'success'
  | 'failure'
  | 'cancelled'
  | 'skipped'
  | 'timed_out'
  | null;

/** @public */
export interface SimWorkflowRun {
  id: number;
  workflow: { id: number; name: string; path: string };
  runNumber: number;
  runAttempt: number;
  event: 'push' | 'pull_request' | 'workflow_dispatch';
  status: SimRunStatus;
  conclusion: SimRunConclusion;
  headBranch: string;
  headSha: string;
  actor: SimUser;
  triggeringActor: SimUser;
  pullRequests: number[];
  createdAt: Date;
  runStartedAt: Date;
  updatedAt: Date;
  pendingDeployments: SimPendingDeployment[];
}

/** @public */
export interface SimRepository {
  id: number;
  owner: SimUser;
  name: string;
  description: string | null;
  language: string | null;
  defaultBranch: string;
  createdAt: Date;
  private: boolean;
}
