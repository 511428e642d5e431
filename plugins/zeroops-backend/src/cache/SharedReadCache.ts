import { CacheService } from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';
import { ExpiringCache } from './ExpiringCache';

interface Envelope {
  /** Epoch ms after which the value is re-read (it may be served once more meanwhile). */
  expiresAt: number;
  /** Epoch ms after which the value is never served. */
  staleUntil: number;
  value: JsonValue;
}

/**
 * Stale-while-revalidate refreshes of AWS reads running at once. At 1,000 services × 4
 * environments, the DescribeServices batches read during warm-up rest together and expire
 * together: 400 refreshes answering within one AWS round trip held the event loop for their
 * parsing, and the requests queued behind them made the p99 of a minute's load. Eight at a time
 * refresh 400 batches in about 50 round trips (5 s at 100 ms), well inside the stale window of
 * one TTL, in slices of eight responses.
 */
export const MAX_BACKGROUND_READS = 8;

/** Options of one read. */
export interface ReadOptions<T> {
  /** Time to live; may depend on the value, e.g. shorter for an error result. */
  ttlMs: number | ((value: T) => number);
}

/**
 * Read-through cache for AWS reads, in two levels:
 *
 * 1. an in-process {@link ExpiringCache} of parsed values, so a warm request costs no
 *    (de)serialisation;
 * 2. Backstage's CacheService (Redis, Valkey, ...) so other backend instances reuse what one
 *    instance read. Without it (`shared` undefined: the backend's cache store is `memory`,
 *    which no other instance can see) only the first level is used: a memory store would
 *    hold a second, serialised copy of every value in the same process (at 1,000 services
 *    × 4 environments, about a third of the live heap) and give nothing in return.
 *
 * Loads are single-flight per key: however many requests miss at once, one `load` runs and
 * all of them await it. An entry past its TTL but younger than twice the TTL is served while
 * one background load refreshes it (stale-while-revalidate), so under steady traffic no
 * request waits for AWS and the number of AWS calls stays one per key and TTL. Across instances, two cold misses can still both call AWS once each;
 * a distributed lock would cost more round trips than the duplicate read it saves.
 *
 * Keys never contain the user: authorization is checked by the caller BEFORE reading, for
 * every request, so an entry is only ever served to a user who was just authorized for the
 * entity it belongs to.
 */
export class SharedReadCache {
  /** Holds the shared level's envelopes, so both levels agree on when a value expires. */
  private readonly local: ExpiringCache<Envelope>;

  constructor(
    private readonly shared: CacheService | undefined,
    private readonly options: {
      /** Bound of the in-process level; the oldest entries are dropped first. */
      maxLocalEntries?: number;
      /** Background refreshes running at once; default {@link MAX_BACKGROUND_READS}. */
      maxBackgroundLoads?: number;
      now?: () => number;
    } = {},
  ) {
    this.local = new ExpiringCache({
      maxEntries: options.maxLocalEntries,
      maxBackgroundLoads: options.maxBackgroundLoads ?? MAX_BACKGROUND_READS,
      now: () => this.now(),
    });
  }

  /**
   * Returns the cached value of `key`, or loads it. Values must be JSON-serialisable (the
   * shared level may be Redis or Valkey).
   */
  async read<T>(
    key: string,
    load: () => Promise<T>,
    options: ReadOptions<T>,
  ): Promise<T> {
    const envelope = await this.local.load(
      key,
      () => this.readThrough(key, load, options),
      // The envelope carries its own times (it may come from another instance).
      ({ expiresAt, staleUntil }) => ({
        ttlMs: expiresAt - this.now(),
        staleMs: staleUntil - expiresAt,
      }),
    );
    return envelope.value as T;
  }

  /** Number of loads currently running (for tests and metrics). */
  get loadsInFlight(): number {
    return this.local.loadsInFlight;
  }

  private async readThrough<T>(
    key: string,
    load: () => Promise<T>,
    options: ReadOptions<T>,
  ): Promise<Envelope> {
    const shared = this.shared && (await this.readShared(this.shared, key));
    if (shared && shared.expiresAt > this.now()) return shared;
    const value = await load();
    const ttlMs =
      typeof options.ttlMs === 'function'
        ? options.ttlMs(value)
        : options.ttlMs;
    const now = this.now();
    const envelope: Envelope = {
      expiresAt: now + ttlMs,
      staleUntil: now + 2 * ttlMs,
      value: value as unknown as JsonValue,
    };
    try {
      await this.shared?.set(key, envelope as unknown as JsonValue, {
        ttl: 2 * ttlMs,
      });
    } catch {
      // The shared level is an optimisation; a cache outage must not fail the read.
    }
    return envelope;
  }

  private async readShared(
    shared: CacheService,
    key: string,
  ): Promise<Envelope | undefined> {
    try {
      const raw = await shared.get<JsonValue>(key);
      if (
        raw &&
        typeof raw === 'object' &&
        !Array.isArray(raw) &&
        typeof raw.expiresAt === 'number' &&
        typeof raw.staleUntil === 'number' &&
        'value' in raw
      ) {
        return raw as unknown as Envelope;
      }
    } catch {
      // Same as above: fall back to AWS.
    }
    return undefined;
  }

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }
}
