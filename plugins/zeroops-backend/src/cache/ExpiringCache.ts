/** How long a stored value is served. */
export interface Freshness {
  /** Served as fresh for this long after it was stored. */
  ttlMs: number;
  /**
   * Then served for this much longer by {@link ExpiringCache.load} while one background load
   * replaces it (stale-while-revalidate). Default 0; `Infinity` serves it until replaced.
   */
  staleMs?: number;
}

/** Settings of an {@link ExpiringCache}. */
export interface ExpiringCacheOptions {
  /** Bound on stored entries; past it the first in eviction order go. Default 10,000. */
  maxEntries?: number;
  /**
   * Which entry goes first when the bound is reached: the one written longest ago (default),
   * or the one read longest ago (reads then move an entry to the back).
   */
  evict?: 'oldest-written' | 'least-recently-read';
  /**
   * Bound on background loads (stale-while-revalidate refreshes) running at once; the rest
   * wait in arrival order. Default: no bound. Entries written together expire together, and
   * hundreds of refreshes answering in the same instant keep the event loop from the requests
   * for as long as their responses take to parse. Requests never wait for this bound: a
   * request that needs a value (missing, or past its stale window) starts its load at once,
   * including one still waiting here.
   */
  maxBackgroundLoads?: number;
  /** Clock in epoch ms (tests). Default `Date.now()`, read at every call. */
  now?: () => number;
}

interface Entry<V> {
  value: V;
  storedAt: number;
  expiresAt: number;
  staleUntil: number;
}

/**
 * The one in-process cache of the backend: values by string key, each with its own time to
 * live, an optional stale-while-revalidate window, single-flight loads and a bound with
 * eviction in insertion (or read) order.
 *
 * It knows nothing about users. Where a value is only for one user, the caller puts the user
 * in the key; where a value is shared, the caller authorizes the request BEFORE reading.
 *
 * Two ways to use it:
 * - {@link ExpiringCache.load}: read-through with single flight and stale-while-revalidate;
 * - {@link ExpiringCache.get} / {@link ExpiringCache.set}: for callers that load several
 *   keys in one batch and store a promise per key (delete it on rejection with
 *   `delete(key, promise)`, so a failure is not remembered).
 */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly inFlight = new Map<string, Promise<V>>();
  /** Background loads waiting for a slot: key → start. */
  private readonly waitingInBackground = new Map<string, () => void>();
  private backgroundLoadsRunning = 0;

  constructor(private readonly options: ExpiringCacheOptions = {}) {}

  /** The value of `key` while fresh, else undefined. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.expiresAt <= this.now()) return undefined;
    this.touch(key, entry);
    return entry.value;
  }

  /** Stores `value` under `key` from now on, replacing (and moving back) any previous entry. */
  set(key: string, value: V, freshness: Freshness): void {
    const now = this.now();
    this.entries.delete(key);
    this.entries.set(key, {
      value,
      storedAt: now,
      expiresAt: now + freshness.ttlMs,
      staleUntil: now + freshness.ttlMs + (freshness.staleMs ?? 0),
    });
    const max = this.options.maxEntries ?? 10_000;
    while (this.entries.size > max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /**
   * Forgets `key`; with `onlyIf`, only while that very value is stored (a later `set` of the
   * same key is kept).
   */
  delete(key: string, onlyIf?: V): void {
    if (onlyIf !== undefined && this.entries.get(key)?.value !== onlyIf) {
      return;
    }
    this.entries.delete(key);
  }

  /** Ends the freshness of `key` now; its stale window, if any, still applies. */
  expire(key: string): void {
    const entry = this.entries.get(key);
    if (entry) entry.expiresAt = Math.min(entry.expiresAt, this.now());
  }

  /** Milliseconds since `key` was stored, or undefined when it is not. */
  ageMs(key: string): number | undefined {
    const entry = this.entries.get(key);
    return entry && this.now() - entry.storedAt;
  }

  /**
   * Drops the entries past their stale window from the front of the eviction order, up to the
   * first one still servable: a cheap sweep that is complete when every entry has the same
   * freshness (entries then expire in the order they were written).
   */
  pruneExpired(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.staleUntil > now) break;
      this.entries.delete(key);
    }
  }

  /** Number of stored entries, fresh or not. */
  get size(): number {
    return this.entries.size;
  }

  /** Number of loads currently running. */
  get loadsInFlight(): number {
    return this.inFlight.size;
  }

  /**
   * The value of `key`, read through `loader` when missing or expired. However many callers
   * miss at once, one `loader` runs and all of them await it. Within its stale window, the
   * old value is returned at once while one background load replaces it; a failed background
   * load leaves the old value in place (the next call tries again). A failed load is never
   * stored.
   *
   * @param freshness - may depend on the loaded value, e.g. shorter for an error result.
   */
  load(
    key: string,
    loader: () => Promise<V>,
    freshness: Freshness | ((value: V) => Freshness),
  ): Promise<V> {
    const now = this.now();
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > now) {
      this.touch(key, entry);
      return Promise.resolve(entry.value);
    }
    if (entry && entry.staleUntil > now) {
      this.loadInBackground(key, loader, freshness);
      this.touch(key, entry);
      return Promise.resolve(entry.value);
    }
    // A request waits for this value: its load starts now, not after the background ones.
    this.waitingInBackground.delete(key);
    return this.loadOnce(key, loader, freshness);
  }

  /** Number of background loads waiting for a slot (see `maxBackgroundLoads`). */
  get backgroundLoadsWaiting(): number {
    return this.waitingInBackground.size;
  }

  private loadInBackground(
    key: string,
    loader: () => Promise<V>,
    freshness: Freshness | ((value: V) => Freshness),
  ): void {
    if (this.inFlight.has(key) || this.waitingInBackground.has(key)) return;
    const start = () => {
      // Loaded meanwhile by a request that could not wait: nothing left to refresh.
      if ((this.entries.get(key)?.expiresAt ?? 0) > this.now()) return;
      this.backgroundLoadsRunning++;
      this.loadOnce(key, loader, freshness)
        .catch(() => undefined)
        .finally(() => {
          this.backgroundLoadsRunning--;
          this.startWaitingLoads();
        });
    };
    this.waitingInBackground.set(key, start);
    this.startWaitingLoads();
  }

  private startWaitingLoads(): void {
    const bound = this.options.maxBackgroundLoads ?? Infinity;
    for (const [key, start] of this.waitingInBackground) {
      if (this.backgroundLoadsRunning >= bound) return;
      this.waitingInBackground.delete(key);
      start();
    }
  }

  private loadOnce(
    key: string,
    loader: () => Promise<V>,
    freshness: Freshness | ((value: V) => Freshness),
  ): Promise<V> {
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const promise = (async () => {
      const value = await loader();
      this.set(
        key,
        value,
        typeof freshness === 'function' ? freshness(value) : freshness,
      );
      return value;
    })().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  private touch(key: string, entry: Entry<V>) {
    if (this.options.evict !== 'least-recently-read') return;
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }
}
