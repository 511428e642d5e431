import type { RepositoryState } from '../model/RepositoryState.ts';
import type { SimPendingDeployment, SimWorkflowRun } from '../model/types.ts';
import { nodeId } from '../random.ts';
import {
  type RenderContext,
  isoTime,
  repoApiUrl,
  repoHtmlUrl,
} from './context.ts';
import { renderSimpleCommit } from './renderCommit.ts';
import { renderRepositoryLite } from './renderRepository.ts';
import { renderUser } from './renderUser.ts';

/** `workflow-run` (REST and the `workflow_run` webhook). */
export function renderRun(
  run: SimWorkflowRun,
  state: RepositoryState,
  ctx: RenderContext,
) {
  const api = repoApiUrl(ctx, state);
  const url = `${api}/actions/runs/${run.id}`;
  const checkSuiteId = 20_000_000_000 + run.id;
  const head = state.commits.get(run.headSha);
  const repository = renderRepositoryLite(state, ctx);
  return {
    id: run.id,
    name: run.workflow.name,
    node_id: nodeId('WFR_', run.id),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: run.workflow.path,
    display_title: head?.message.split('\n')[0] ?? run.workflow.name,
    run_number: run.runNumber,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflow.id,
    check_suite_id: checkSuiteId,
    check_suite_node_id: nodeId('CS_', checkSuiteId),
    url,
    html_url: `${repoHtmlUrl(ctx, state)}/actions/runs/${run.id}`,
    pull_requests: run.pullRequests.flatMap(number => {
      const pull = state.pulls.get(number);
      if (!pull) return [];
      const repo = {
        id: state.repository.id,
        url: api,
        name: state.repository.name,
      };
      return [
        {
          url: `${api}/pulls/${number}`,
          id: pull.id,
          number,
          head: {
            ref: pull.headRef,
            sha: pull.commits[pull.commits.length - 1],
            repo,
          },
          base: { ref: pull.baseRef, sha: pull.baseSha, repo },
        },
      ];
    }),
    created_at: isoTime(run.createdAt),
    updated_at: isoTime(run.updatedAt),
    actor: renderUser(run.actor, ctx),
    run_attempt: run.runAttempt,
    referenced_workflows: [],
    run_started_at: isoTime(run.runStartedAt),
    triggering_actor: renderUser(run.triggeringActor, ctx),
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${api}/check-suites/${checkSuiteId}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    previous_attempt_url:
      run.runAttempt > 1 ? `${url}/attempts/${run.runAttempt - 1}` : null,
    workflow_url: `${api}/actions/workflows/${run.workflow.id}`,
    head_commit: head ? renderSimpleCommit(head) : null,
    repository,
    head_repository: repository,
  };
}

/** `pending-deployment`: `GET /repos/{o}/{r}/actions/runs/{id}/pending_deployments`. */
export function renderPendingDeployment(
  pending: SimPendingDeployment,
  state: RepositoryState,
  ctx: RenderContext,
) {
  const name = encodeURIComponent(pending.environment);
  return {
    environment: {
      id: pending.environmentId,
      node_id: nodeId('EN_', pending.environmentId),
      name: pending.environment,
      url: `${repoApiUrl(ctx, state)}/environments/${name}`,
      html_url: `${repoHtmlUrl(
        ctx,
        state,
      )}/deployments/activity_log?environments_filter=${name}`,
    },
    wait_timer: pending.waitTimerMinutes,
    wait_timer_started_at: isoTime(pending.waitingSince),
    current_user_can_approve: pending.currentUserCanApprove,
    reviewers: pending.reviewers.map(user => ({
      type: 'User',
      reviewer: renderUser(user, ctx),
    })),
  };
}

/** `workflow` of the `workflow_run` webhook. */
export function renderWorkflow(
  run: SimWorkflowRun,
  state: RepositoryState,
  ctx: RenderContext,
) {
  const created = state.repository.createdAt;
  return {
    badge_url: `${repoHtmlUrl(ctx, state)}/workflows/${
      run.workflow.name
    }/badge.svg`,
    created_at: isoTime(created),
    html_url: `${repoHtmlUrl(ctx, state)}/blob/main/${run.workflow.path}`,
    id: run.workflow.id,
    name: run.workflow.name,
    node_id: nodeId('W_', run.workflow.id),
    path: run.workflow.path,
    state: 'active',
    updated_at: isoTime(created),
    url: `${repoApiUrl(ctx, state)}/actions/workflows/${run.workflow.id}`,
  };
}
