import { DOCS } from '../constants.ts';
import type { RepositoryState } from '../model/RepositoryState.ts';
import type { SimWorkflowRun } from '../model/types.ts';
import { renderCommit } from '../render/renderCommit.ts';
import {
  renderDeployment,
  renderDeploymentStatus,
} from '../render/renderDeployment.ts';
import { renderPull, renderPullSimple } from '../render/renderPull.ts';
import { renderFullRepository } from '../render/renderRepository.ts';
import { renderPendingDeployment, renderRun } from '../render/renderRun.ts';
import { repoHtmlUrl } from '../render/context.ts';
import {
  type ApiContext,
  type ApiReply,
  type ApiRequest,
  ApiError,
  type Route,
  notFound,
  repositoryOf,
} from './apiTypes.ts';
import { paginate } from './pagination.ts';

/** A `200` reply, as most reads answer. */
function ok(body: unknown): ApiReply {
  return { status: 200, body };
}

/**
 * One page of `items` with GitHub's `Link` header; `wrap` shapes the rendered page when the list
 * is an object (`{ total_count, workflow_runs }`) rather than a bare array.
 */
function paged<T>(
  items: readonly T[],
  request: ApiRequest,
  ctx: ApiContext,
  render: (item: T) => unknown,
  wrap: (rendered: unknown[]) => unknown = rendered => rendered,
): ApiReply {
  const page = paginate(
    items,
    request.query,
    `${ctx.render.api}${request.path}`,
  );
  return {
    status: 200,
    body: wrap(page.items.map(render)),
    headers: page.link ? { link: page.link } : undefined,
  };
}

/** The `items` that pass `accepts`, newest first (the store keeps them oldest first). */
function newestFirst<T>(
  items: readonly T[],
  accepts: (item: T) => boolean = () => true,
): T[] {
  const matches: T[] = [];
  for (let i = items.length - 1; i >= 0; i--) {
    if (accepts(items[i])) matches.push(items[i]);
  }
  return matches;
}

/** A read route below `/repos/{owner}/{repo}`: `reply` gets the repository (or GitHub's 404). */
function repoRoute(
  path: string,
  reply: (
    state: RepositoryState,
    request: ApiRequest,
    ctx: ApiContext,
  ) => ApiReply,
): Route {
  return {
    method: 'GET',
    path: `/repos/{owner}/{repo}${path}`,
    handler: (request, ctx) => reply(repositoryOf(request, ctx), request, ctx),
  };
}

function deploymentOf(state: RepositoryState, request: ApiRequest) {
  const deployment = state.deploymentsById.get(
    Number(request.params.deployment_id),
  );
  if (!deployment) throw notFound();
  return deployment;
}

function runOf(state: RepositoryState, request: ApiRequest) {
  const run = state.runsById.get(Number(request.params.run_id));
  if (!run) throw notFound();
  return run;
}

function pullOf(state: RepositoryState, request: ApiRequest) {
  const pull = state.pulls.get(Number(request.params.pull_number));
  if (!pull) throw notFound();
  return pull;
}

function listDeployments(
  state: RepositoryState,
  request: ApiRequest,
  ctx: ApiContext,
): ApiReply {
  const filters = (['sha', 'ref', 'task', 'environment'] as const).flatMap(
    key => {
      const value = request.query.get(key);
      return value === null || value === '' ? [] : [[key, value] as const];
    },
  );
  const matches = newestFirst(state.deployments, d =>
    filters.every(([key, value]) => d[key] === value),
  );
  return paged(matches, request, ctx, d =>
    renderDeployment(d, state, ctx.render),
  );
}

const RUN_STATUSES = new Set([
  'queued',
  'in_progress',
  'completed',
  'waiting',
  'requested',
  'pending',
]);

const COMPARATORS: Record<string, (a: number, b: number) => boolean> = {
  '>=': (a, b) => a >= b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '<': (a, b) => a < b,
};

/** `created`: `>=2026-01-01`, `<=…`, `>…`, `<…`, `a..b` or a date (that day). */
function createdFilter(expression: string | null): (date: Date) => boolean {
  if (!expression) return () => true;
  const range = /^(.+)\.\.(.+)$/.exec(expression);
  if (range) {
    const from = Date.parse(range[1]);
    const to = Date.parse(range[2]);
    return d => d.getTime() >= from && d.getTime() <= to;
  }
  const operator = /^(>=|<=|>|<)(.+)$/.exec(expression);
  if (operator) {
    const at = Date.parse(operator[2]);
    const test = COMPARATORS[operator[1]];
    return d => test(d.getTime(), at);
  }
  const day = Date.parse(expression);
  return d => d.getTime() >= day && d.getTime() < day + 86_400_000;
}

function listRuns(
  state: RepositoryState,
  request: ApiRequest,
  ctx: ApiContext,
): ApiReply {
  const status = request.query.get('status');
  const created = createdFilter(request.query.get('created'));
  const branch = request.query.get('branch');
  const event = request.query.get('event');
  const headSha = request.query.get('head_sha');
  const accepts = (run: SimWorkflowRun) =>
    (!status ||
      (RUN_STATUSES.has(status)
        ? run.status === status
        : run.conclusion === status)) &&
    (!branch || run.headBranch === branch) &&
    (!event || run.event === event) &&
    (!headSha || run.headSha === headSha) &&
    created(run.createdAt);
  const matches = newestFirst(state.runs, accepts);
  return paged(
    matches,
    request,
    ctx,
    run => renderRun(run, state, ctx.render),
    workflowRuns => ({
      total_count: matches.length,
      workflow_runs: workflowRuns,
    }),
  );
}

function compareCommits(
  state: RepositoryState,
  request: ApiRequest,
  ctx: ApiContext,
): ApiReply {
  const base = state.resolveCommit(request.params.base);
  const head = state.resolveCommit(request.params.head);
  if (!base || !head) throw notFound();
  const basehead = `${request.params.base}...${request.params.head}`;
  const result = state.compare(base, head);
  const html = `${repoHtmlUrl(ctx.render, state)}/compare/${basehead}`;
  const api = `${ctx.render.api}/repos/${state.fullName}/compare/${basehead}`;
  return ok({
    url: api,
    html_url: html,
    permalink_url: `${repoHtmlUrl(ctx.render, state)}/compare/${
      state.repository.owner.login
    }:${base.sha.slice(0, 7)}...${
      state.repository.owner.login
    }:${head.sha.slice(0, 7)}`,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    base_commit: renderCommit(base, state, ctx.render),
    merge_base_commit: renderCommit(result.mergeBase, state, ctx.render),
    status: result.status,
    ahead_by: result.aheadBy,
    behind_by: result.behindBy,
    total_commits: result.aheadBy,
    // GitHub lists at most 250 commits in a comparison.
    commits: result.commits
      .slice(-250)
      .map(c => renderCommit(c, state, ctx.render)),
    files: [],
  });
}

function getCommit(
  state: RepositoryState,
  request: ApiRequest,
  ctx: ApiContext,
): ApiReply {
  const commit = state.resolveCommit(request.params.ref);
  if (!commit) {
    throw new ApiError(
      422,
      `No commit found for SHA: ${request.params.ref}`,
      DOCS.notFound,
    );
  }
  return ok(renderCommit(commit, state, ctx.render, true));
}

export const READ_ROUTES: Route[] = [
  repoRoute('', (state, _request, ctx) =>
    ok(renderFullRepository(state, ctx.render)),
  ),
  repoRoute('/deployments', listDeployments),
  repoRoute('/deployments/{deployment_id}', (state, request, ctx) =>
    ok(renderDeployment(deploymentOf(state, request), state, ctx.render)),
  ),
  repoRoute('/deployments/{deployment_id}/statuses', (state, request, ctx) => {
    const deployment = deploymentOf(state, request);
    return paged(newestFirst(deployment.statuses), request, ctx, s =>
      renderDeploymentStatus(s, deployment, state, ctx.render),
    );
  }),
  repoRoute('/actions/runs', listRuns),
  repoRoute('/actions/runs/{run_id}', (state, request, ctx) =>
    ok(renderRun(runOf(state, request), state, ctx.render)),
  ),
  repoRoute(
    '/actions/runs/{run_id}/pending_deployments',
    (state, request, ctx) =>
      ok(
        runOf(state, request).pendingDeployments.map(p =>
          renderPendingDeployment(p, state, ctx.render),
        ),
      ),
  ),
  repoRoute('/compare/{base}...{head}', compareCommits),
  repoRoute('/commits/{ref}', getCommit),
  repoRoute('/commits/{commit_sha}/pulls', (state, request, ctx) => {
    const commit = state.resolveCommit(request.params.commit_sha);
    const pulls = commit ? state.pullsOfCommit(commit.sha) : [];
    return paged(pulls, request, ctx, p =>
      renderPullSimple(p, state, ctx.render),
    );
  }),
  repoRoute('/pulls/{pull_number}', (state, request, ctx) =>
    ok(renderPull(pullOf(state, request), state, ctx.render)),
  ),
  repoRoute('/pulls/{pull_number}/commits', (state, request, ctx) => {
    // GitHub lists at most 250 commits of a pull request.
    const commits = pullOf(state, request)
      .commits.slice(0, 250)
      .map(sha => state.commits.get(sha)!);
    return paged(commits, request, ctx, c =>
      renderCommit(c, state, ctx.render),
    );
  }),
  {
    method: 'GET',
    path: '/rate_limit',
    free: true,
    handler: (_request, ctx) => {
      const core = ctx.rateLimit();
      const other = (limit: number) => ({
        limit,
        used: 0,
        remaining: limit,
        reset: core.reset,
      });
      return ok({
        resources: {
          core,
          search: other(30),
          graphql: other(5000),
          integration_manifest: other(5000),
          code_search: other(10),
        },
        rate: core,
      });
    },
  },
];
