import { DOCS } from '../constants.ts';
import { HistoryBuilder } from '../history/HistoryBuilder.ts';
import type { RepositoryState } from '../model/RepositoryState.ts';
import type { SimDeploymentState } from '../model/types.ts';
import {
  renderDeployment,
  renderDeploymentStatus,
} from '../render/renderDeployment.ts';
import {
  deploymentPayload,
  deploymentStatusPayload,
} from '../webhooks/payloads.ts';
import {
  type ApiContext,
  ApiError,
  type Route,
  notFound,
  repositoryOf,
} from './apiTypes.ts';

const STATES: SimDeploymentState[] = [
  'error',
  'failure',
  'inactive',
  'in_progress',
  'queued',
  'pending',
  'success',
];

function invalid(message: string): ApiError {
  return new ApiError(422, message, DOCS.validation);
}

function field<T>(
  body: Record<string, unknown>,
  key: string,
  type: 'string' | 'boolean' | 'object',
): T | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== type)
    throw invalid(`Invalid request.\n\n"${key}" must be a ${type}.`);
  return value as T;
}

function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError(
      400,
      'Problems parsing JSON',
      'https://docs.github.com/rest',
    );
  }
  return body as Record<string, unknown>;
}

function builderFor(state: RepositoryState, ctx: ApiContext): HistoryBuilder {
  const builder = new HistoryBuilder(
    ctx.store,
    state,
    `api/${state.fullName}/${state.version}`,
    ctx.render.html,
  );
  builder.immediateIds = true;
  return builder;
}

export const WRITE_ROUTES: Route[] = [
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/deployments',
    handler: (request, ctx) => {
      const state = repositoryOf(request, ctx);
      const body = objectBody(request.body);
      const ref = field<string>(body, 'ref', 'string');
      if (!ref) throw invalid('Invalid request.\n\n"ref" wasn\'t supplied.');
      const commit = state.resolveCommit(ref);
      if (!commit)
        throw new ApiError(422, `No ref found for: ${ref}`, DOCS.validation);
      const environment =
        field<string>(body, 'environment', 'string') ?? 'production';
      const deployment = builderFor(state, ctx).createDeployment({
        environment,
        sha: commit.sha,
        ref,
        task: field<string>(body, 'task', 'string') ?? 'deploy',
        at: ctx.now(),
        description: field<string>(body, 'description', 'string') ?? '',
        payload:
          field<Record<string, unknown>>(body, 'payload', 'object') ?? {},
        transientEnvironment:
          field<boolean>(body, 'transient_environment', 'boolean') ?? false,
        productionEnvironment:
          field<boolean>(body, 'production_environment', 'boolean') ??
          environment === 'production',
      });
      ctx.webhooks.emit(deploymentPayload(state, deployment, ctx.render));
      return {
        status: 201,
        body: renderDeployment(deployment, state, ctx.render),
      };
    },
  },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    handler: (request, ctx) => {
      const state = repositoryOf(request, ctx);
      const deployment = state.deploymentsById.get(
        Number(request.params.deployment_id),
      );
      if (!deployment) throw notFound();
      const body = objectBody(request.body);
      const stateName = field<string>(body, 'state', 'string');
      if (!stateName || !STATES.includes(stateName as SimDeploymentState)) {
        throw invalid(
          `Invalid request.\n\n"state" must be one of: ${STATES.join(', ')}.`,
        );
      }
      const description = field<string>(body, 'description', 'string') ?? '';
      if (description.length > 140) {
        throw invalid(
          'Validation Failed: description is too long (maximum is 140 characters)',
        );
      }
      const logUrl =
        field<string>(body, 'log_url', 'string') ??
        field<string>(body, 'target_url', 'string') ??
        '';
      const status = builderFor(state, ctx).addStatus(
        deployment,
        stateName as SimDeploymentState,
        ctx.now(),
        description,
        logUrl,
        field<string>(body, 'environment_url', 'string') ?? '',
      );
      // The deployment_status webhook has no `inactive` state: GitHub does not deliver those.
      if (status.state !== 'inactive') {
        ctx.webhooks.emit(
          deploymentStatusPayload(state, deployment, status, ctx.render),
        );
      }
      return {
        status: 201,
        body: renderDeploymentStatus(status, deployment, state, ctx.render),
      };
    },
  },
];
