import { ExpiringCache } from './ExpiringCache';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets settled promises run their continuations. */
const settle = () => new Promise(resolve => setImmediate(resolve));

describe('ExpiringCache', () => {
  let now: number;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000_000;
  });

  describe('load', () => {
    it('loads once per TTL and again once it has expired', async () => {
      const cache = new ExpiringCache<string>({ now: clock });
      const loader = jest.fn(async () => `value at ${now}`);

      await expect(cache.load('k', loader, { ttlMs: 1_000 })).resolves.toBe(
        'value at 1000000',
      );
      now += 999;
      await expect(cache.load('k', loader, { ttlMs: 1_000 })).resolves.toBe(
        'value at 1000000',
      );
      expect(loader).toHaveBeenCalledTimes(1);

      now += 1;
      await expect(cache.load('k', loader, { ttlMs: 1_000 })).resolves.toBe(
        'value at 1001000',
      );
      expect(loader).toHaveBeenCalledTimes(2);
    });

    it('keeps each key apart', async () => {
      const cache = new ExpiringCache<string>({ now: clock });
      await cache.load('a', async () => 'A', { ttlMs: 1_000 });
      await cache.load('b', async () => 'B', { ttlMs: 1_000 });
      expect(cache.get('a')).toBe('A');
      expect(cache.get('b')).toBe('B');
    });

    it('runs one loader for concurrent misses and shares its answer', async () => {
      const cache = new ExpiringCache<string>({ now: clock });
      const answer = deferred<string>();
      const loader = jest.fn(() => answer.promise);

      const reads = [1, 2, 3].map(() =>
        cache.load('k', loader, { ttlMs: 1_000 }),
      );
      expect(cache.loadsInFlight).toBe(1);
      answer.resolve('once');

      await expect(Promise.all(reads)).resolves.toEqual([
        'once',
        'once',
        'once',
      ]);
      expect(loader).toHaveBeenCalledTimes(1);
      expect(cache.loadsInFlight).toBe(0);
    });

    it('takes the TTL from the loaded value when asked to', async () => {
      const cache = new ExpiringCache<{ ok: boolean }>({ now: clock });
      const freshness = (value: { ok: boolean }) => ({
        ttlMs: value.ok ? 10_000 : 1_000,
      });
      await cache.load('failed', async () => ({ ok: false }), freshness);
      await cache.load('good', async () => ({ ok: true }), freshness);

      now += 1_000;
      expect(cache.get('failed')).toBeUndefined();
      expect(cache.get('good')).toEqual({ ok: true });
    });

    it('does not store a failed load: every waiter sees the error and the next call loads again', async () => {
      const cache = new ExpiringCache<string>({ now: clock });
      const loader = jest
        .fn<Promise<string>, []>()
        .mockRejectedValueOnce(new Error('AWS is down'))
        .mockResolvedValueOnce('recovered');

      const reads = [
        cache.load('k', loader, { ttlMs: 1_000 }),
        cache.load('k', loader, { ttlMs: 1_000 }),
      ];
      for (const read of reads)
        await expect(read).rejects.toThrow('AWS is down');
      expect(cache.size).toBe(0);

      await expect(cache.load('k', loader, { ttlMs: 1_000 })).resolves.toBe(
        'recovered',
      );
      expect(loader).toHaveBeenCalledTimes(2);
    });

    it('turns a loader that throws synchronously into a failed load', async () => {
      const cache = new ExpiringCache<string>({ now: clock });
      const loader = () => {
        throw new Error('bad input');
      };
      await expect(cache.load('k', loader, { ttlMs: 1_000 })).rejects.toThrow(
        'bad input',
      );
      expect(cache.loadsInFlight).toBe(0);
    });
  });

  describe('stale-while-revalidate', () => {
    it('serves the expired value at once while one background load replaces it', async () => {
      const cache = new ExpiringCache<string>({ now: clock });
      await cache.load('k', async () => 'old', {
        ttlMs: 1_000,
        staleMs: 1_000,
      });

      now += 1_500;
      const reload = deferred<string>();
      const loader = jest.fn(() => reload.promise);
      await expect(
        cache.load('k', loader, { ttlMs: 1_000, staleMs: 1_000 }),
      ).resolves.toBe('old');
      await expect(
        cache.load('k', loader, { ttlMs: 1_000, staleMs: 1_000 }),
      ).resolves.toBe('old');
      expect(loader).toHaveBeenCalledTimes(1);

      reload.resolve('new');
      await settle();
      expect(cache.get('k')).toBe('new');
    });

    it('waits for the load once the stale window has passed', async () => {
      const cache = new ExpiringCache<string>({ now: clock });
      await cache.load('k', async () => 'old', {
        ttlMs: 1_000,
        staleMs: 1_000,
      });

      now += 2_000;
      await expect(
        cache.load('k', async () => 'new', { ttlMs: 1_000, staleMs: 1_000 }),
      ).resolves.toBe('new');
    });

    it('keeps the stale value when the background load fails, and tries again on the next call', async () => {
      const cache = new ExpiringCache<string>({ now: clock });
      const forever = { ttlMs: 1_000, staleMs: Infinity };
      await cache.load('k', async () => 'old', forever);

      now += 60_000;
      const loader = jest
        .fn<Promise<string>, []>()
        .mockRejectedValueOnce(new Error('catalog unavailable'))
        .mockResolvedValueOnce('new');
      await expect(cache.load('k', loader, forever)).resolves.toBe('old');
      await settle();
      await expect(cache.load('k', loader, forever)).resolves.toBe('old');
      await settle();

      expect(loader).toHaveBeenCalledTimes(2);
      await expect(cache.load('k', loader, forever)).resolves.toBe('new');
    });

    it('serves a value whose freshness was ended by expire() while it reloads', async () => {
      const cache = new ExpiringCache<string>({ now: clock });
      const forever = { ttlMs: 60_000, staleMs: Infinity };
      await cache.load('k', async () => 'old', forever);

      cache.expire('k');
      expect(cache.get('k')).toBeUndefined();
      await expect(cache.load('k', async () => 'new', forever)).resolves.toBe(
        'old',
      );
      await settle();
      expect(cache.get('k')).toBe('new');
    });
  });

  describe('bounded background loads', () => {
    const freshness = { ttlMs: 1_000, staleMs: 60_000 };

    /** A cache with `keys` stored, then expired (inside their stale window). */
    async function staleCache(keys: string[], maxBackgroundLoads: number) {
      const cache = new ExpiringCache<string>({
        now: clock,
        maxBackgroundLoads,
      });
      for (const key of keys)
        await cache.load(key, async () => 'old', freshness);
      now += 1_500;
      return cache;
    }

    it('runs at most the bound at once and starts the others in arrival order as slots free', async () => {
      const keys = ['a', 'b', 'c', 'd', 'e'];
      const cache = await staleCache(keys, 2);
      const loads = new Map(keys.map(key => [key, deferred<string>()]));
      const started: string[] = [];
      for (const key of keys) {
        await expect(
          cache.load(
            key,
            () => {
              started.push(key);
              return loads.get(key)!.promise;
            },
            freshness,
          ),
        ).resolves.toBe('old');
      }
      expect(started).toEqual(['a', 'b']);
      expect(cache.backgroundLoadsWaiting).toBe(3);

      loads.get('b')!.resolve('new b');
      await settle();
      expect(started).toEqual(['a', 'b', 'c']);
      loads.get('a')!.reject(new Error('throttled'));
      await settle();
      expect(started).toEqual(['a', 'b', 'c', 'd']);
      expect(cache.get('b')).toBe('new b');
      expect(cache.get('a')).toBeUndefined();
    });

    it('never makes a request wait: a value past its stale window loads at once, even when its refresh was waiting', async () => {
      const cache = await staleCache(['a', 'b'], 1);
      const blocked = deferred<string>();
      await cache.load('a', () => blocked.promise, freshness);
      const waitingLoader = jest.fn(async () => 'from the waiting refresh');
      await cache.load('b', waitingLoader, freshness);
      expect(cache.backgroundLoadsWaiting).toBe(1);

      now += 60_000;
      await expect(
        cache.load('b', async () => 'for the request', freshness),
      ).resolves.toBe('for the request');
      expect(cache.backgroundLoadsWaiting).toBe(0);

      blocked.resolve('new a');
      await settle();
      expect(waitingLoader).not.toHaveBeenCalled();
    });

    it('skips a waiting refresh whose key was loaded fresh meanwhile', async () => {
      const cache = await staleCache(['a', 'b'], 1);
      const blocked = deferred<string>();
      await cache.load('a', () => blocked.promise, freshness);
      const waitingLoader = jest.fn(async () => 'second read');
      await cache.load('b', waitingLoader, freshness);
      cache.set('b', 'written by a batch read', freshness);

      blocked.resolve('new a');
      await settle();
      expect(waitingLoader).not.toHaveBeenCalled();
      expect(cache.get('b')).toBe('written by a batch read');
    });
  });

  describe('get, set and delete', () => {
    it('returns only fresh values', () => {
      const cache = new ExpiringCache<string>({ now: clock });
      cache.set('k', 'v', { ttlMs: 1_000, staleMs: 5_000 });
      expect(cache.get('k')).toBe('v');
      now += 1_000;
      expect(cache.get('k')).toBeUndefined();
      expect(cache.get('other')).toBeUndefined();
    });

    it('measures the age of an entry from when it was stored', () => {
      const cache = new ExpiringCache<string>({ now: clock });
      expect(cache.ageMs('k')).toBeUndefined();
      cache.set('k', 'v', { ttlMs: 1_000 });
      now += 250;
      expect(cache.ageMs('k')).toBe(250);
    });

    it('deletes conditionally only the very value it was given', () => {
      const cache = new ExpiringCache<Promise<string>>({ now: clock });
      const first = Promise.resolve('first');
      const second = Promise.resolve('second');
      cache.set('k', first, { ttlMs: 1_000 });
      cache.set('k', second, { ttlMs: 1_000 });

      cache.delete('k', first);
      expect(cache.get('k')).toBe(second);
      cache.delete('k', second);
      expect(cache.get('k')).toBeUndefined();

      cache.set('k', first, { ttlMs: 1_000 });
      cache.delete('k');
      expect(cache.size).toBe(0);
    });

    it('drops expired entries from the front when pruned', () => {
      const cache = new ExpiringCache<string>({ now: clock });
      cache.set('a', 'A', { ttlMs: 1_000 });
      cache.set('b', 'B', { ttlMs: 1_000 });
      now += 500;
      cache.set('c', 'C', { ttlMs: 1_000 });

      now += 600;
      cache.pruneExpired();
      expect(cache.size).toBe(1);
      expect(cache.get('c')).toBe('C');
    });

    it('keeps entries still inside their stale window when pruned', () => {
      const cache = new ExpiringCache<string>({ now: clock });
      cache.set('k', 'v', { ttlMs: 1_000, staleMs: 1_000 });
      now += 1_500;
      cache.pruneExpired();
      expect(cache.size).toBe(1);
    });
  });

  describe('bound', () => {
    it('drops the entry written longest ago, reads do not count', () => {
      const cache = new ExpiringCache<string>({ now: clock, maxEntries: 2 });
      cache.set('a', 'A', { ttlMs: 1_000 });
      cache.set('b', 'B', { ttlMs: 1_000 });
      cache.get('a');
      cache.set('c', 'C', { ttlMs: 1_000 });

      expect(cache.size).toBe(2);
      expect(cache.get('a')).toBeUndefined();
      expect(cache.get('b')).toBe('B');
    });

    it('counts a rewrite as the newest write', () => {
      const cache = new ExpiringCache<string>({ now: clock, maxEntries: 2 });
      cache.set('a', 'A', { ttlMs: 1_000 });
      cache.set('b', 'B', { ttlMs: 1_000 });
      cache.set('a', 'A2', { ttlMs: 1_000 });
      cache.set('c', 'C', { ttlMs: 1_000 });

      expect(cache.get('a')).toBe('A2');
      expect(cache.get('b')).toBeUndefined();
    });

    it('drops the entry read longest ago when told to', async () => {
      const cache = new ExpiringCache<string>({
        now: clock,
        maxEntries: 2,
        evict: 'least-recently-read',
      });
      cache.set('a', 'A', { ttlMs: 1_000 });
      cache.set('b', 'B', { ttlMs: 1_000 });
      await cache.load('a', async () => 'unused', { ttlMs: 1_000 });
      cache.set('c', 'C', { ttlMs: 1_000 });

      expect(cache.get('a')).toBe('A');
      expect(cache.get('b')).toBeUndefined();
    });
  });

  it('reads Date.now() at every call by default', () => {
    const spy = jest.spyOn(Date, 'now').mockReturnValue(5_000);
    try {
      const cache = new ExpiringCache<string>();
      cache.set('k', 'v', { ttlMs: 1_000 });
      spy.mockReturnValue(6_000);
      expect(cache.get('k')).toBeUndefined();
    } finally {
      spy.mockRestore();
    }
  });
});
