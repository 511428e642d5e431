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

interface Cached<T> {
  expiresAt: number;
  decision: Promise<T>;
}
type CachedDecision = Cached<AuthorizePermissionResponse>;
type CachedPolicyDecision = Cached<PolicyDecision>;

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
  private readonly entries = new Map<string, CachedDecision>();
  /** Decisions for a resource permission as a whole, by caller and permission. */
  private readonly policyWide = new Map<string, CachedPolicyDecision>();

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
    this.dropExpired(this.entries, now);
    this.dropExpired(this.policyWide, now);
    const decisions: Promise<AuthorizePermissionResponse>[] = [];
    const misses: Array<{ index: number; key: string }> = [];
    const policyWide = await this.policyWideDecisions(
      requests,
      caller,
      options,
      now,
    );
    requests.forEach((request, index) => {
      const wide = policyWide.get(request.permission.name);
      if (wide && wide.result !== AuthorizeResult.CONDITIONAL) {
        decisions[index] = Promise.resolve({ result: wide.result });
        return;
      }
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
        this.remember(this.entries, key, {
          expiresAt: now + this.options.ttlMs,
          decision,
        });
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

  /**
   * The caller's decisions for the resource permissions among `requests` as a whole (no
   * resource), remembered like any other decision. A failed check yields no entry, so the
   * requests then go to the per-entity path.
   */
  private async policyWideDecisions(
    requests: AuthorizePermissionRequest[],
    caller: string,
    options: PermissionsServiceRequestOptions,
    now: number,
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
      if (cached && cached.expiresAt > now) {
        pending.push([name, cached.decision]);
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
        this.remember(this.policyWide, key, {
          expiresAt: now + this.options.ttlMs,
          decision,
        });
        decision.catch(() => {
          if (this.policyWide.get(key)?.decision === decision) {
            this.policyWide.delete(key);
          }
        });
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

  private remember<T>(
    entries: Map<string, Cached<T>>,
    key: string,
    entry: Cached<T>,
  ) {
    // Re-inserting keeps the map in expiry order, which dropExpired relies on.
    entries.delete(key);
    entries.set(key, entry);
    const max = this.options.maxEntries ?? 10_000;
    while (entries.size > max) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  }

  /** Entries are inserted in expiry order (one TTL), so expired ones are at the front. */
  private dropExpired<T>(entries: Map<string, Cached<T>>, now: number) {
    for (const [key, entry] of entries) {
      if (entry.expiresAt > now) break;
      entries.delete(key);
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
