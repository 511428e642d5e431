import type { RepositoryState } from '../model/RepositoryState.ts';
import type {
  SimCommit,
  SimDeployment,
  SimDeploymentStatus,
  SimPullRequest,
  SimUser,
  SimWorkflowRun,
} from '../model/types.ts';
import { type RenderContext, repoHtmlUrl } from '../render/context.ts';
import { renderPushCommit } from '../render/renderCommit.ts';
import {
  renderDeployment,
  renderDeploymentStatus,
} from '../render/renderDeployment.ts';
import { renderPull } from '../render/renderPull.ts';
import { renderWebhookRepository } from '../render/renderRepository.ts';
import { renderRun, renderWorkflow } from '../render/renderRun.ts';
import { renderUser } from '../render/renderUser.ts';

/** The events the ZeroOps backend subscribes to. @public */
export type WebhookEventName =
  | 'deployment'
  | 'deployment_status'
  | 'workflow_run'
  | 'pull_request'
  | 'push';

/** An event and its payload, ready to sign and send. @public */
export interface WebhookDelivery {
  event: WebhookEventName;
  payload: Record<string, unknown>;
}

/** What every event carries after its own fields: repository, sender and organisation. */
function common(state: RepositoryState, sender: SimUser, ctx: RenderContext) {
  const owner = state.repository.owner;
  return {
    repository: renderWebhookRepository(state, ctx),
    sender: renderUser(sender, ctx),
    ...(owner.type === 'Organization'
      ? {
          organization: {
            login: owner.login,
            id: owner.id,
            node_id: renderUser(owner, ctx).node_id,
            url: `${ctx.api}/orgs/${owner.login}`,
            repos_url: `${ctx.api}/orgs/${owner.login}/repos`,
            events_url: `${ctx.api}/orgs/${owner.login}/events`,
            hooks_url: `${ctx.api}/orgs/${owner.login}/hooks`,
            issues_url: `${ctx.api}/orgs/${owner.login}/issues`,
            members_url: `${ctx.api}/orgs/${owner.login}/members{/member}`,
            public_members_url: `${ctx.api}/orgs/${owner.login}/public_members{/member}`,
            avatar_url: `https://avatars.githubusercontent.com/u/${owner.id}?v=4`,
            description: null,
          },
        }
      : {}),
  };
}

function delivery(
  event: WebhookEventName,
  fields: Record<string, unknown>,
  state: RepositoryState,
  sender: SimUser,
  ctx: RenderContext,
): WebhookDelivery {
  return { event, payload: { ...fields, ...common(state, sender, ctx) } };
}

function workflowFields(
  run: SimWorkflowRun | undefined,
  state: RepositoryState,
  ctx: RenderContext,
) {
  return {
    workflow: run ? renderWorkflow(run, state, ctx) : null,
    workflow_run: run ? deploymentWorkflowRun(run, state, ctx) : null,
  };
}

const DEPLOYMENT_RUN_FIELDS = [
  'id',
  'name',
  'path',
  'display_title',
  'node_id',
  'head_branch',
  'head_sha',
  'run_number',
  'event',
  'status',
  'conclusion',
  'workflow_id',
  'check_suite_id',
  'check_suite_node_id',
  'url',
  'html_url',
  'pull_requests',
  'created_at',
  'updated_at',
  'actor',
  'triggering_actor',
  'run_attempt',
  'run_started_at',
  'referenced_workflows',
] as const;

/** Deployment webhooks carry a reduced workflow run: no repositories, no head commit. */
function deploymentWorkflowRun(
  run: SimWorkflowRun,
  state: RepositoryState,
  ctx: RenderContext,
) {
  const full: Record<string, unknown> = renderRun(run, state, ctx);
  return Object.fromEntries(DEPLOYMENT_RUN_FIELDS.map(key => [key, full[key]]));
}

/** `deployment` (action `created`). @public */
export function deploymentPayload(
  state: RepositoryState,
  deployment: SimDeployment,
  ctx: RenderContext,
): WebhookDelivery {
  return delivery(
    'deployment',
    {
      action: 'created',
      deployment: renderDeployment(deployment, state, ctx),
      ...workflowFields(deployment.run, state, ctx),
    },
    state,
    deployment.creator,
    ctx,
  );
}

/** `deployment_status` (action `created`). @public */
export function deploymentStatusPayload(
  state: RepositoryState,
  deployment: SimDeployment,
  status: SimDeploymentStatus,
  ctx: RenderContext,
): WebhookDelivery {
  return delivery(
    'deployment_status',
    {
      action: 'created',
      deployment_status: renderDeploymentStatus(status, deployment, state, ctx),
      deployment: renderDeployment(deployment, state, ctx),
      ...workflowFields(deployment.run, state, ctx),
    },
    state,
    status.creator,
    ctx,
  );
}

/** `workflow_run` (`requested`, `in_progress` or `completed`). @public */
export function workflowRunPayload(
  state: RepositoryState,
  run: SimWorkflowRun,
  action: 'requested' | 'in_progress' | 'completed',
  ctx: RenderContext,
): WebhookDelivery {
  return delivery(
    'workflow_run',
    {
      action,
      workflow: renderWorkflow(run, state, ctx),
      workflow_run: renderRun(run, state, ctx),
    },
    state,
    run.triggeringActor,
    ctx,
  );
}

/** `pull_request` (`opened`, `synchronize` or `closed`). @public */
export function pullRequestPayload(
  state: RepositoryState,
  pull: SimPullRequest,
  action: 'opened' | 'synchronize' | 'closed',
  ctx: RenderContext,
): WebhookDelivery {
  return delivery(
    'pull_request',
    {
      action,
      number: pull.number,
      pull_request: renderPull(pull, state, ctx, true),
      ...(action === 'synchronize'
        ? {
            before: pull.commits[0],
            after: pull.commits[pull.commits.length - 1],
          }
        : {}),
    },
    state,
    pull.mergedBy ?? pull.user,
    ctx,
  );
}

/** `push` of `commits` (oldest first) to `branch`; dates keep the authors' offsets. @public */
export function pushPayload(
  state: RepositoryState,
  branch: string,
  commits: SimCommit[],
  pusher: SimUser,
  ctx: RenderContext,
): WebhookDelivery {
  const head = commits[commits.length - 1];
  const before = commits[0]?.parents[0] ?? '0'.repeat(40);
  return delivery(
    'push',
    {
      ref: `refs/heads/${branch}`,
      before,
      after: head.sha,
      created: false,
      deleted: false,
      forced: false,
      base_ref: null,
      compare: `${repoHtmlUrl(ctx, state)}/compare/${before.slice(
        0,
        12,
      )}...${head.sha.slice(0, 12)}`,
      commits: commits.slice(-20).map(c => renderPushCommit(c, state, ctx)),
      head_commit: renderPushCommit(head, state, ctx),
      pusher: { name: pusher.login, email: pusher.email ?? null },
    },
    state,
    pusher,
    ctx,
  );
}
