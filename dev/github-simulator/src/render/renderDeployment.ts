import type { RepositoryState } from '../model/RepositoryState.ts';
import type { SimDeployment, SimDeploymentStatus } from '../model/types.ts';
import { nodeId } from '../random.ts';
import { type RenderContext, isoTime, repoApiUrl } from './context.ts';
import { renderUser } from './renderUser.ts';

function deploymentApiUrl(
  deployment: SimDeployment,
  state: RepositoryState,
  ctx: RenderContext,
): string {
  return `${repoApiUrl(ctx, state)}/deployments/${deployment.id}`;
}

/** `deployment` (REST and webhooks). */
export function renderDeployment(
  deployment: SimDeployment,
  state: RepositoryState,
  ctx: RenderContext,
) {
  const url = deploymentApiUrl(deployment, state, ctx);
  return {
    url,
    id: deployment.id,
    node_id: nodeId('DE_', deployment.id),
    task: deployment.task,
    original_environment: deployment.environment,
    environment: deployment.environment,
    description: deployment.description,
    created_at: isoTime(deployment.createdAt),
    updated_at: isoTime(deployment.updatedAt),
    statuses_url: `${url}/statuses`,
    repository_url: repoApiUrl(ctx, state),
    creator: renderUser(deployment.creator, ctx),
    sha: deployment.sha,
    ref: deployment.ref,
    payload: deployment.payload,
    transient_environment: deployment.transientEnvironment,
    production_environment: deployment.productionEnvironment,
    performed_via_github_app: null,
  };
}

/** `deployment-status` (REST and webhooks). */
export function renderDeploymentStatus(
  status: SimDeploymentStatus,
  deployment: SimDeployment,
  state: RepositoryState,
  ctx: RenderContext,
) {
  const deploymentUrl = deploymentApiUrl(deployment, state, ctx);
  return {
    url: `${deploymentUrl}/statuses/${status.id}`,
    id: status.id,
    node_id: nodeId('DES_', status.id),
    state: status.state,
    creator: renderUser(status.creator, ctx),
    description: status.description,
    environment: deployment.environment,
    target_url: status.logUrl,
    created_at: isoTime(status.createdAt),
    updated_at: isoTime(status.createdAt),
    deployment_url: deploymentUrl,
    repository_url: repoApiUrl(ctx, state),
    // Optional, and a URI when present: GitHub leaves it out when the workflow set none.
    ...(status.environmentUrl
      ? { environment_url: status.environmentUrl }
      : {}),
    log_url: status.logUrl,
    performed_via_github_app: null,
  };
}
