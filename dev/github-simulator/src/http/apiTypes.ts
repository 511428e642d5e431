import type { GithubStore } from '../model/GithubStore.ts';
import type { RepositoryState } from '../model/RepositoryState.ts';
import type { RenderContext } from '../render/context.ts';
import type { WebhookEmitter } from '../webhooks/WebhookEmitter.ts';

/** One parsed API request, after authentication. */
export interface ApiRequest {
  method: string;
  /** Path parameters of the matched route. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body of POST requests. */
  body: unknown;
  /** Path and query as requested: the base of pagination links. */
  path: string;
}

export interface ApiReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ApiContext {
  store: GithubStore;
  render: RenderContext;
  now: () => Date;
  webhooks: WebhookEmitter;
  /** The authenticated account's remaining budget, for `GET /rate_limit`. */
  rateLimit: () => {
    limit: number;
    used: number;
    remaining: number;
    reset: number;
  };
}

export type RouteHandler = (request: ApiRequest, ctx: ApiContext) => ApiReply;

/** A route of GitHub's REST API, in the OpenAPI description's path syntax. */
export interface Route {
  method: 'GET' | 'POST';
  /** e.g. `/repos/{owner}/{repo}/deployments`. */
  path: string;
  /** Requests to it do not count against the rate limit (`GET /rate_limit`). */
  free?: boolean;
  handler: RouteHandler;
}

export class ApiError extends Error {
  readonly status: number;
  readonly documentationUrl: string;

  constructor(status: number, message: string, documentationUrl: string) {
    super(message);
    this.status = status;
    this.documentationUrl = documentationUrl;
  }
}

export function notFound(): ApiError {
  return new ApiError(404, 'Not Found', 'https://docs.github.com/rest');
}

/** The repository of the route's `{owner}/{repo}`, or GitHub's 404. */
export function repositoryOf(
  request: ApiRequest,
  ctx: ApiContext,
): RepositoryState {
  const state = ctx.store.repository(request.params.owner, request.params.repo);
  if (!state) throw notFound();
  return state;
}

/** The body GitHub sends with an error status. */
export function errorBody(
  status: number,
  message: string,
  documentationUrl: string,
) {
  return {
    message,
    documentation_url: documentationUrl,
    status: String(status),
  };
}
