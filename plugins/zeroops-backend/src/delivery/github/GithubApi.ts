import {
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { Octokit } from '@octokit/rest';
import { GithubRepositoryRef } from './githubRepository';

/** The run stopped to leave the rest of the rate limit to other users of the credentials. */
export class RateLimitReserveReached extends Error {
  name = 'RateLimitReserveReached';
  constructor(readonly remaining: number, readonly resetAt?: Date) {
    super(
      `GitHub rate limit reserve reached (${remaining} requests left${
        resetAt ? `, resets at ${resetAt.toISOString()}` : ''
      })`,
    );
  }
}

/** A GET answered with a body, or 304 Not Modified to a conditional request. */
export type ConditionalResponse<T> =
  | { modified: true; data: T; etag?: string }
  | { modified: false };

interface HttpLikeError {
  status?: number;
  response?: { headers?: Record<string, string | number | undefined> };
}

function header(
  headers: Record<string, string | number | undefined> | undefined,
  name: string,
): number | undefined {
  const value = headers?.[name];
  if (value === undefined) return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/**
 * GET requests to the GitHub REST API of a repository's host with the integration's
 * credentials (GitHub App installation token or personal token, from
 * `DefaultGithubCredentialsProvider`), conditional requests and a rate-limit reserve.
 *
 * GitHub does not count a 304 answer to a conditional request against the rate limit, so a
 * reconciliation of unchanged repositories costs (almost) nothing. Every answer's
 * `x-ratelimit-remaining` is remembered per host; once it is at or below the reserve, the next
 * request throws {@link RateLimitReserveReached} instead of being sent.
 */
export class GithubApi {
  private readonly remaining = new Map<
    string,
    { left: number; resetAt?: Date }
  >();
  /** Requests sent (304s included), for the reconciliation's log line. */
  requests = 0;

  constructor(
    private readonly integrations: ScmIntegrationRegistry,
    private readonly credentials: GithubCredentialsProvider,
    private readonly options: { rateLimitReserve: number; now?: () => Date },
  ) {}

  /** The rate limit left on a host as last seen, or undefined before the first answer. */
  rateLimitRemaining(host: string): number | undefined {
    return this.remaining.get(host)?.left;
  }

  async get<T>(
    repository: GithubRepositoryRef,
    route: string,
    params: Record<string, string | number | undefined>,
    etag?: string,
  ): Promise<ConditionalResponse<T>> {
    this.checkReserve(repository.host);
    const octokit = await this.octokit(repository);
    this.requests++;
    try {
      const response = await octokit.request(`GET ${route}`, {
        owner: repository.owner,
        repo: repository.name,
        ...params,
        headers: etag ? { 'if-none-match': etag } : {},
      });
      this.observe(repository.host, response.headers);
      return {
        modified: true,
        data: response.data as T,
        etag: response.headers.etag,
      };
    } catch (error) {
      const { status, response } = error as HttpLikeError;
      this.observe(repository.host, response?.headers);
      if (status === 304) return { modified: false };
      if (
        (status === 403 || status === 429) &&
        this.rateLimitRemaining(repository.host) === 0
      ) {
        throw new RateLimitReserveReached(
          0,
          this.remaining.get(repository.host)?.resetAt,
        );
      }
      throw error;
    }
  }

  /** Like {@link GithubApi.get} without a stored ETag; the body is always there. */
  async getData<T>(
    repository: GithubRepositoryRef,
    route: string,
    params: Record<string, string | number | undefined> = {},
  ): Promise<T> {
    const response = await this.get<T>(repository, route, params);
    if (!response.modified) {
      throw new Error(`GitHub answered 304 to an unconditional GET ${route}`);
    }
    return response.data;
  }

  private checkReserve(host: string) {
    const seen = this.remaining.get(host);
    if (!seen || seen.left > this.options.rateLimitReserve) return;
    const now = this.options.now?.() ?? new Date();
    // After the reset GitHub gives a fresh hour; the next answer tells the new figure.
    if (seen.resetAt && seen.resetAt <= now) {
      this.remaining.delete(host);
      return;
    }
    throw new RateLimitReserveReached(seen.left, seen.resetAt);
  }

  private observe(
    host: string,
    headers: Record<string, string | number | undefined> | undefined,
  ) {
    const left = header(headers, 'x-ratelimit-remaining');
    if (left === undefined) return;
    const reset = header(headers, 'x-ratelimit-reset');
    this.remaining.set(host, {
      left,
      resetAt: reset === undefined ? undefined : new Date(reset * 1000),
    });
  }

  private async octokit(repository: GithubRepositoryRef): Promise<Octokit> {
    const integration = this.integrations.github.byHost(repository.host);
    if (!integration) {
      throw new Error(`No integrations.github entry for ${repository.host}`);
    }
    // Cached by the provider; GitHub App installation tokens are renewed before they expire.
    const { token } = await this.credentials.getCredentials({
      url: repository.url,
    });
    return new Octokit({
      baseUrl: integration.config.apiBaseUrl,
      auth: token,
      userAgent: 'zeroops-backstage',
    });
  }
}
