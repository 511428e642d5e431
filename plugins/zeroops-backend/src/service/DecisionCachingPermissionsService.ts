import {
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
  PermissionsServiceRequestOptions,
} from '@backstage/backend-plugin-api';
import {
  AuthorizePermissionRequest,
  AuthorizePermissionResponse,
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
  QueryPermissionRequest,
} from '@backstage/plugin-permission-common';
import { ExpiringCache } from '../cache/ExpiringCache';

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
 *
 * Per entity, that still costs one round trip per entity a user views per `ttlMs`: 200 a
 * second for 1,000 services at 500 requests a second. So for a resource permission (reading
 * an entity) the user's decision for the permission as a whole is asked first, the way the
 * catalog filters its own lists: when the policy answers ALLOW or DENY without conditions, it
 * holds for every entity and is reused for all of them; only a CONDITIONAL answer (a policy
 * that looks at the entity, e.g. ownership) falls back to asking per entity.
 */
export class DecisionCachingPermissionsService implements PermissionsService {
  /** Per-entity decisions, by caller and request; every key starts with the caller. */
  private readonly entries: ExpiringCache<Promise<AuthorizePermissionResponse>>;
  /** Decisions for a resource permission as a whole, by caller and permission. */
  private readonly policyWide: ExpiringCache<Promise<PolicyDecision>>;

  constructor(
    private readonly delegate: PermissionsService,
    private readonly options: {
      ttlMs: number;
      /** Bound on remembered decisions; the oldest go first. Default 10,000. */
      maxEntries?: number;
      now?: () => number;
    },
  ) {
    const settings = { maxEntries: options.maxEntries, now: options.now };
    this.entries = new ExpiringCache(settings);
    this.policyWide = new ExpiringCache(settings);
  }

  async authorize(
    requests: AuthorizePermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<AuthorizePermissionResponse[]> {
    const caller = callerKey(options.credentials);
    if (caller === undefined) return this.delegate.authorize(requests, options);

    // One TTL for all: entries expire in the order they were written, so this sweep is full.
    this.entries.pruneExpired();
    this.policyWide.pruneExpired();
    const decisions: Promise<AuthorizePermissionResponse>[] = [];
    const misses: Array<{ index: number; key: string }> = [];
    const policyWide = await this.policyWideDecisions(
      requests,
      caller,
      options,
    );
    requests.forEach((request, index) => {
      const wide = policyWide.get(request.permission.name);
      if (wide && wide.result !== AuthorizeResult.CONDITIONAL) {
        decisions[index] = Promise.resolve({ result: wide.result });
        return;
      }
      const key = `${caller}\u0000${requestKey(request)}`;
      const cached = this.entries.get(key);
      if (cached) {
        decisions[index] = cached;
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
        this.entries.set(key, decision, { ttlMs: this.options.ttlMs });
        // A failed check is never remembered: the next request asks again.
        decision.catch(() => this.entries.delete(key, decision));
        decisions[index] = decision;
      });
    }
    return Promise.all(decisions);
  }

  /**
   * The caller's decisions for the resource permissions among `requests` as a whole (no
   * resource), remembered like any other decision. A failed check yields no entry, so the
   * requests then go to the per-entity path.
   */
  private async policyWideDecisions(
    requests: AuthorizePermissionRequest[],
    caller: string,
    options: PermissionsServiceRequestOptions,
  ): Promise<Map<string, PolicyDecision>> {
    const permissions = new Map(
      requests
        .filter(r => 'resourceRef' in r && r.resourceRef)
        .map(r => [r.permission.name, r.permission]),
    );
    const decided = new Map<string, PolicyDecision>();
    const unknown: QueryPermissionRequest[] = [];
    const keyOf = (name: string) => `${caller}\u0000${name}`;
    const pending: Array<[string, Promise<PolicyDecision>]> = [];
    for (const [name, permission] of permissions) {
      if (!isResourcePermission(permission)) continue;
      const cached = this.policyWide.get(keyOf(name));
      if (cached) {
        pending.push([name, cached]);
      } else {
        unknown.push({ permission });
      }
    }
    if (unknown.length > 0) {
      // Wrapped so that a delegate throwing synchronously is a failed check like any other.
      const fetched = Promise.resolve().then(() =>
        this.delegate.authorizeConditional(unknown, options),
      );
      unknown.forEach(({ permission }, position) => {
        const key = keyOf(permission.name);
        const decision = fetched.then(responses => responses[position]);
        this.policyWide.set(key, decision, { ttlMs: this.options.ttlMs });
        decision.catch(() => this.policyWide.delete(key, decision));
        pending.push([permission.name, decision]);
      });
    }
    for (const [name, decision] of pending) {
      try {
        decided.set(name, await decision);
      } catch {
        // Asked again per entity below.
      }
    }
    return decided;
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
