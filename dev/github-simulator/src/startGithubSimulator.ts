import { createHash } from 'node:crypto';
import {
  type IncomingMessage,
  type ServerResponse,
  createServer,
} from 'node:http';
import { listen, readBody } from '@zeroops/simulator-kit';
import {
  DEFAULT_HTML_BASE_URL,
  DOCS,
  RATE_LIMIT_PER_HOUR,
} from './constants.ts';
import { type HistoryOptions, buildStore } from './history/buildStore.ts';
import type { GithubStore } from './model/GithubStore.ts';
import { ApiError, type ApiContext, errorBody } from './http/apiTypes.ts';
import { RateLimiter, rateLimitHeaders } from './http/RateLimiter.ts';
import { READ_ROUTES } from './http/readRoutes.ts';
import {
  type RouteRequestCount,
  RequestCounter,
} from './http/RequestCounter.ts';
import { matchRoute } from './http/router.ts';
import { WRITE_ROUTES } from './http/writeRoutes.ts';
import type { RenderContext } from './render/context.ts';
import { type LiveMode, startLiveMode } from './live/liveMode.ts';
import {
  type EmittedWebhook,
  WebhookEmitter,
  type WebhookTarget,
} from './webhooks/WebhookEmitter.ts';

/** @public */
export interface StartGithubSimulatorOptions extends HistoryOptions {
  /** TCP port; 0 picks a free one. Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The simulator's clock; histories are laid out backwards from it. Default the system clock. */
  now?: () => Date;
  /** Base of page links (`html_url`). Default https://github.com. */
  htmlBaseUrl?: string;
  /** Requests per token per hour. Default 5000. */
  rateLimit?: number;
  /** Where changes made through the API (and live mode) are delivered as webhooks. */
  webhook?: WebhookTarget;
  /** Advance a deployment every `intervalSeconds` and deliver its webhooks. */
  live?: { intervalSeconds: number };
  log?: (message: string) => void;
}

/** A running simulator. @public */
export interface GithubSimulator {
  /** The API base URL for octokit's `baseUrl`, e.g. `http://127.0.0.1:4598`. */
  url: string;
  port: number;
  store: GithubStore;
  /** Requests per route since start (or the last reset). */
  requests(): RouteRequestCount[];
  requestCount(route?: string): number;
  resetRequests(): void;
  /** Uses up a token's hourly budget (`used` requests), to test exhaustion. */
  setRateLimitUsed(token: string, used: number): void;
  /** Webhooks delivered so far (API writes and live mode). */
  webhooks(): EmittedWebhook[];
  flushWebhooks(): Promise<void>;
  live?: LiveMode;
  stop(): Promise<void>;
}

const ROUTES = [...READ_ROUTES, ...WRITE_ROUTES];

function tokenOf(request: IncomingMessage): string | undefined {
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(
    request.headers.authorization ?? '',
  );
  return match?.[1];
}

function send(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body?: string,
) {
  response.writeHead(status, {
    ...headers,
    ...(body === undefined
      ? {}
      : {
          'content-type': 'application/json; charset=utf-8',
          'content-length': String(Buffer.byteLength(body)),
        }),
  });
  response.end(body);
}

/**
 * Starts the simulator and resolves once it listens.
 *
 * @public
 */
export async function startGithubSimulator(
  options: StartGithubSimulatorOptions = {},
): Promise<GithubSimulator> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  const htmlBaseUrl = options.htmlBaseUrl ?? DEFAULT_HTML_BASE_URL;
  const store = buildStore(options, now(), htmlBaseUrl);
  const limiter = new RateLimiter(
    now,
    options.rateLimit ?? RATE_LIMIT_PER_HOUR,
  );
  const counter = new RequestCounter();
  const webhooks = new WebhookEmitter(options.webhook, log);
  const render: RenderContext = { api: '', html: htmlBaseUrl };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://simulator');
    const base = {
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': createHash('sha1')
        .update(`${Date.now()}${Math.random()}`)
        .digest('hex')
        .slice(0, 20)
        .toUpperCase(),
    };
    const matched = matchRoute(ROUTES, request.method ?? 'GET', url.pathname);
    if (!matched) {
      send(
        response,
        404,
        base,
        JSON.stringify(errorBody(404, 'Not Found', DOCS.notFound)),
      );
      return;
    }
    const routeName = `${matched.route.method} ${matched.route.path}`;
    const token = tokenOf(request);
    if (!token) {
      counter.record(routeName, 'ok');
      send(
        response,
        401,
        base,
        JSON.stringify(
          errorBody(401, 'Requires authentication', DOCS.authentication),
        ),
      );
      return;
    }
    if (!matched.route.free && limiter.exhausted(token)) {
      counter.record(routeName, 'rateLimited');
      const headers = { ...base, ...rateLimitHeaders(limiter.peek(token)) };
      send(
        response,
        403,
        headers,
        JSON.stringify(
          errorBody(
            403,
            `API rate limit exceeded for token ${token.slice(
              0,
              4,
            )}…. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)`,
            DOCS.rateLimit,
          ),
        ),
      );
      return;
    }
    const rawBody = await readBody(
      request,
      () => new ApiError(413, 'Payload Too Large', DOCS.notFound),
    );
    const ctx: ApiContext = {
      store,
      render,
      now,
      webhooks,
      rateLimit: () => limiter.peek(token),
    };
    let status: number;
    let payload: unknown;
    let extra: Record<string, string> = {};
    try {
      const body = rawBody ? JSON.parse(rawBody) : undefined;
      const reply = matched.route.handler(
        {
          method: matched.route.method,
          params: matched.params,
          query: url.searchParams,
          body,
          path: `${url.pathname}${url.search}`,
        },
        ctx,
      );
      status = reply.status;
      payload = reply.body;
      extra = reply.headers ?? {};
    } catch (error) {
      if (error instanceof SyntaxError) {
        status = 400;
        payload = errorBody(400, 'Problems parsing JSON', DOCS.notFound);
      } else if (error instanceof ApiError) {
        status = error.status;
        payload = errorBody(
          error.status,
          error.message,
          error.documentationUrl,
        );
      } else {
        throw error;
      }
    }
    const text = JSON.stringify(payload);
    const etag = `W/"${createHash('sha256').update(text).digest('hex')}"`;
    if (
      status === 200 &&
      request.method === 'GET' &&
      request.headers['if-none-match'] === etag
    ) {
      counter.record(routeName, 'notModified');
      send(response, 304, {
        ...base,
        ...rateLimitHeaders(limiter.peek(token)),
        etag,
        ...extra,
      });
      return;
    }
    counter.record(routeName, 'ok');
    const rate = matched.route.free
      ? limiter.peek(token)
      : limiter.consume(token);
    send(
      response,
      status,
      {
        ...base,
        ...rateLimitHeaders(rate),
        ...(status === 200
          ? {
              etag,
              'cache-control': 'private, max-age=60, s-maxage=60',
              vary: 'Accept, Authorization, Cookie, X-GitHub-OTP',
            }
          : {}),
        ...extra,
      },
      text,
    );
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(error => {
      log(
        `request failed: ${
          error instanceof Error ? error.stack : String(error)
        }`,
      );
      if (!response.headersSent) {
        const status = error instanceof ApiError ? error.status : 500;
        send(
          response,
          status,
          {},
          JSON.stringify(
            errorBody(
              status,
              error instanceof ApiError ? error.message : 'Server Error',
              DOCS.notFound,
            ),
          ),
        );
      }
    });
  });
  server.keepAliveTimeout = 30_000;
  const { url, port } = await listen(server, options);
  render.api = url;
  const live = options.live
    ? startLiveMode({
        store,
        render,
        now,
        webhooks,
        intervalSeconds: options.live.intervalSeconds,
        log,
      })
    : undefined;

  return {
    url: render.api,
    port,
    store,
    requests: () => counter.snapshot(),
    requestCount: route =>
      route
        ? counter.snapshot().find(r => r.route === route)?.count ?? 0
        : counter.total(),
    resetRequests: () => counter.reset(),
    setRateLimitUsed: (token, used) => limiter.setUsed(token, used),
    webhooks: () => webhooks.emitted(),
    flushWebhooks: () => webhooks.flush(),
    live,
    async stop() {
      live?.stop();
      await webhooks.flush();
      await new Promise<void>(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
