/**
 * The GitHub reads of the reconciliation, mapped to the store's inputs. Only the fields we use
 * are typed; GitHub's full shapes are in `@octokit/openapi` (the simulator is tested against it).
 */
import {
  DeliveryDeploymentState,
  PendingApproval,
  ZEROOPS_DEPLOYMENT_TASK,
  parseZeroOpsDeploymentPayload,
} from '@zeroops/backstage-plugin-zeroops-common';
import { DeploymentInput, DeploymentStatusInput } from '../store/DeliveryStore';
import { isDeploymentState } from '../store/rows';
import { ConditionalResponse, GithubApi } from './GithubApi';
import { GithubRepositoryRef } from './githubRepository';

const PAGE_SIZE = 100;
/** Pages of deployments read at most per run (a first backfill continues in the next run). */
const MAX_DEPLOYMENT_PAGES = 10;

interface GithubDeployment {
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  created_at: string;
  creator?: { login: string } | null;
  payload?: unknown;
}

interface GithubStatus {
  id: number;
  state: string;
  created_at: string;
  description?: string | null;
  log_url?: string | null;
  target_url?: string | null;
}

interface GithubRun {
  id: number;
  html_url: string;
  head_sha: string;
  created_at: string;
  updated_at: string;
}

interface GithubPendingDeployment {
  environment: { name?: string };
  wait_timer_started_at: string | null;
  reviewers: Array<{
    type: string;
    reviewer: { login?: string; slug?: string };
  }>;
}

/**
 * A deployment as the store records it. Our workflows set `ref` to the commit SHA and send the
 * branch and their run in the payload (`ZeroOpsDeploymentPayload`); deployments of older workflows
 * have no payload fields and the branch in `ref`. A run missing here is taken from a status's
 * log URL when the statuses are applied.
 */
export function toDeploymentInput(
  repository: string,
  deployment: GithubDeployment,
): DeploymentInput {
  const payload = parseZeroOpsDeploymentPayload(deployment.payload);
  return {
    repository,
    deploymentId: deployment.id,
    environment: deployment.environment,
    sha: deployment.sha,
    ref: payload.branch ?? deployment.ref,
    createdAt: deployment.created_at,
    creator: deployment.creator?.login,
    ...(payload.workflow_run_id
      ? { workflowRunId: payload.workflow_run_id }
      : {}),
  };
}

export function toStatusInput(
  status: GithubStatus,
): DeploymentStatusInput | undefined {
  if (!isDeploymentState(status.state)) return undefined;
  return {
    id: status.id,
    state: status.state as DeliveryDeploymentState,
    createdAt: status.created_at,
    description: status.description,
    runUrl: status.log_url ?? status.target_url ?? undefined,
  };
}

/**
 * Our deployments created since `since`, newest first. The first page is conditional (unchanged
 * → 304, nothing else read); later pages are read only while they are newer than `since`.
 */
export async function readDeployments(
  api: GithubApi,
  repo: GithubRepositoryRef,
  options: { since: Date; etag?: string },
): Promise<ConditionalResponse<DeploymentInput[]>> {
  const route = '/repos/{owner}/{repo}/deployments';
  const params = { task: ZEROOPS_DEPLOYMENT_TASK, per_page: PAGE_SIZE };
  const first = await api.get<GithubDeployment[]>(
    repo,
    route,
    { ...params, page: 1 },
    options.etag,
  );
  if (!first.modified) return first;
  const all = [...first.data];
  let page = first.data;
  for (
    let n = 2;
    n <= MAX_DEPLOYMENT_PAGES &&
    page.length === PAGE_SIZE &&
    Date.parse(page[page.length - 1].created_at) >= options.since.getTime();
    n++
  ) {
    page = await api.getData<GithubDeployment[]>(repo, route, {
      ...params,
      page: n,
    });
    all.push(...page);
  }
  return {
    modified: true,
    etag: first.etag,
    data: all
      // The task filter is GitHub's; checking it again keeps Actions' own `deploy` records out.
      .filter(d => d.task === ZEROOPS_DEPLOYMENT_TASK)
      .filter(d => Date.parse(d.created_at) >= options.since.getTime())
      .map(d => toDeploymentInput(repo.slug, d)),
  };
}

export async function readStatuses(
  api: GithubApi,
  repo: GithubRepositoryRef,
  deploymentId: number,
  etag?: string,
): Promise<ConditionalResponse<DeploymentStatusInput[]>> {
  const response = await api.get<GithubStatus[]>(
    repo,
    '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    { deployment_id: deploymentId, per_page: PAGE_SIZE },
    etag,
  );
  if (!response.modified) return response;
  return {
    ...response,
    data: response.data
      .map(toStatusInput)
      .filter((s): s is DeploymentStatusInput => s !== undefined),
  };
}

/** Workflow runs waiting for a reviewer (conditional). */
export async function readWaitingRuns(
  api: GithubApi,
  repo: GithubRepositoryRef,
  etag?: string,
): Promise<ConditionalResponse<GithubRun[]>> {
  const response = await api.get<{ workflow_runs: GithubRun[] }>(
    repo,
    '/repos/{owner}/{repo}/actions/runs',
    { status: 'waiting', per_page: PAGE_SIZE },
    etag,
  );
  if (!response.modified) return response;
  return { ...response, data: response.data.workflow_runs };
}

/** The environments a waiting run waits for, with who may approve; the run page reviews. */
export async function readPendingApprovals(
  api: GithubApi,
  repo: GithubRepositoryRef,
  run: { id: number; html_url: string; head_sha: string; updated_at: string },
): Promise<PendingApproval[]> {
  const pending = await api.getData<GithubPendingDeployment[]>(
    repo,
    '/repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments',
    { run_id: run.id },
  );
  return pending
    .filter(p => p.environment.name)
    .map(p => ({
      repository: repo.slug,
      environment: p.environment.name!,
      workflowRunId: run.id,
      reviewUrl: run.html_url,
      sha: run.head_sha,
      waitingSince: p.wait_timer_started_at ?? run.updated_at,
      reviewers: p.reviewers
        .map(r => r.reviewer.login ?? r.reviewer.slug)
        .filter((r): r is string => Boolean(r)),
    }));
}

/** `ahead_by` of staging over production; one commit in the body keeps the answer small. */
export async function readComparison(
  api: GithubApi,
  repo: GithubRepositoryRef,
  productionSha: string,
  stagingSha: string,
) {
  const data = await api.getData<{ ahead_by: number; html_url: string }>(
    repo,
    '/repos/{owner}/{repo}/compare/{basehead}',
    { basehead: `${productionSha}...${stagingSha}`, per_page: 1 },
  );
  return { commits: data.ahead_by, compareUrl: data.html_url };
}

/**
 * The committer time of a SHA, and when it came from a merged pull request, that pull request
 * and its first commit (earliest author time): three requests, made once per deployed SHA.
 */
export async function readCommitOrigin(
  api: GithubApi,
  repo: GithubRepositoryRef,
  sha: string,
) {
  const commit = await api.getData<{
    commit: { committer?: { date?: string } | null };
  }>(repo, '/repos/{owner}/{repo}/commits/{ref}', { ref: sha });
  const pulls = await api.getData<
    Array<{
      number: number;
      merged_at: string | null;
      merge_commit_sha: string | null;
    }>
  >(repo, '/repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
    commit_sha: sha,
  });
  const merged =
    pulls.find(p => p.merge_commit_sha === sha) ?? pulls.find(p => p.merged_at);
  let pullRequestFirstCommitAt: string | undefined;
  if (merged) {
    const commits = await api.getData<
      Array<{ commit: { author?: { date?: string } | null } }>
    >(repo, '/repos/{owner}/{repo}/pulls/{pull_number}/commits', {
      pull_number: merged.number,
      per_page: PAGE_SIZE,
    });
    const times = commits
      .map(c => c.commit.author?.date)
      .filter((d): d is string => Boolean(d))
      .sort((a, b) => Date.parse(a) - Date.parse(b));
    pullRequestFirstCommitAt = times[0];
  }
  return {
    commitAt: commit.commit.committer?.date ?? undefined,
    pullRequest: merged?.number,
    pullRequestFirstCommitAt,
  };
}
