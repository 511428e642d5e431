import {
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
  PermissionsServiceRequestOptions,
} from '@backstage/backend-plugin-api';
import {
  AuthorizePermissionRequest,
  AuthorizePermissionResponse,
  PolicyDecision,
  QueryPermissionRequest,
} from '@backstage/plugin-permission-common';

interface CachedDecision {
  expiresAt: number;
  decision: Promise<AuthorizePermissionResponse>;
}

/**
 * Remembers each user's permission decisions for a few seconds.
 *
 * Every `authorize` of the plugin is a round trip to the permission backend that signs a
 * plugin token, verifies two tokens and runs the policy; measured with `yarn bench:backend`,
 * that is about two thirds of the CPU of a warm request, and it is the same answer each time
 * a user's card refreshes. Every request is still authorized; a decision is reused only
 * for the same user, the same token lifetime, the same permission and the same entity, and
 * only for `ttlMs`. A policy change therefore reaches a user within `ttlMs`, well inside the
 * hour for which Backstage user tokens already carry the user's ownership claims.
 *
 * Decisions are never shared between users, and credentials that cannot be told apart
 * safely (service principals, user credentials without an expiry) are not cached at all.
 * Conditional decisions (`authorizeConditional`) are passed through.
 */
export class DecisionCachingPermissionsService implements PermissionsService {
  private readonly entries = new Map<string, CachedDecision>();

  constructor(
    private readonly delegate: PermissionsService,
    private readonly options: {
      ttlMs: number;
      /** Bound on remembered decisions; the oldest go first. Default 10,000. */
      maxEntries?: number;
      now?: () => number;
    },
  ) {}

  async authorize(
    requests: AuthorizePermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<AuthorizePermissionResponse[]> {
    const caller = callerKey(options.credentials);
    if (caller === undefined) return this.delegate.authorize(requests, options);

    const now = this.now();
    this.dropExpired(now);
    const decisions: Promise<AuthorizePermissionResponse>[] = [];
    const misses: Array<{ index: number; key: string }> = [];
    requests.forEach((request, index) => {
      const key = `${caller}\u0000${requestKey(request)}`;
      const cached = this.entries.get(key);
      if (cached && cached.expiresAt > now) {
        decisions[index] = cached.decision;
      } else {
        misses.push({ index, key });
      }
    });

    if (misses.length > 0) {
      // One round trip for everything not yet known, as the permission client would do.
      const fetched = this.delegate.authorize(
        misses.map(m => requests[m.index]),
        options,
      );
      misses.forEach(({ index, key }, position) => {
        const decision = fetched.then(responses => responses[position]);
        this.remember(key, { expiresAt: now + this.options.ttlMs, decision });
        // A failed check is never remembered: the next request asks again.
        decision.catch(() => {
          if (this.entries.get(key)?.decision === decision) {
            this.entries.delete(key);
          }
        });
        decisions[index] = decision;
      });
    }
    return Promise.all(decisions);
  }

  authorizeConditional(
    requests: QueryPermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<PolicyDecision[]> {
    return this.delegate.authorizeConditional(requests, options);
  }

  /** Number of remembered decisions (for tests). */
  get size(): number {
    return this.entries.size;
  }

  private remember(key: string, entry: CachedDecision) {
    // Re-inserting keeps the map in expiry order, which dropExpired relies on.
    this.entries.delete(key);
    this.entries.set(key, entry);
    const max = this.options.maxEntries ?? 10_000;
    while (this.entries.size > max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** Entries are inserted in expiry order (one TTL), so expired ones are at the front. */
  private dropExpired(now: number) {
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt > now) break;
      this.entries.delete(key);
    }
  }

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }
}

/**
 * Identifies the token behind user credentials: the user, the on-behalf-of actor if any,
 * and the token's expiry (each issued token has its own). Undefined when not cacheable.
 */
function callerKey(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as
    | BackstageUserPrincipal
    | { type: string };
  if (principal.type !== 'user' || !credentials.expiresAt) return undefined;
  const user = principal as BackstageUserPrincipal;
  return [
    user.userEntityRef,
    user.actor?.subject ?? '',
    credentials.expiresAt.getTime(),
  ].join('\u0000');
}

function requestKey(request: AuthorizePermissionRequest): string {
  const resourceRef =
    'resourceRef' in request && request.resourceRef ? request.resourceRef : '';
  return `${request.permission.name}\u0000${resourceRef}`;
}
