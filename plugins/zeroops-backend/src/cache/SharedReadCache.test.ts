import { CacheService } from '@backstage/backend-plugin-api';
import { CacheManager } from '@backstage/backend-defaults/cache';
import { TestCaches } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { SharedReadCache } from './SharedReadCache';

// MEMORY always; REDIS_7 when BACKSTAGE_TEST_CACHE_REDIS7_CONNECTION_STRING is set.
const caches = TestCaches.create({ ids: ['MEMORY', 'REDIS_7'] });

async function cacheService(id: string): Promise<CacheService> {
  const { store, connection } = await caches.init(id as 'MEMORY');
  return CacheManager.fromConfig(
    new ConfigReader({ backend: { cache: { store, connection } } }),
  ).forPlugin('zeroops');
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>(r => {
    resolve = r;
  });
  return { promise, resolve };
}

describe.each(caches.eachSupportedId())('SharedReadCache on %s', id => {
  it('runs one load for concurrent misses of a key', async () => {
    const cache = new SharedReadCache(await cacheService(id));
    const gate = deferred<string>();
    const load = jest.fn(() => gate.promise);
    const reads = Array.from({ length: 25 }, () =>
      cache.read('key-a', load, { ttlMs: 10_000 }),
    );
    await new Promise(r => setTimeout(r, 20));
    expect(cache.loadsInFlight).toBe(1);
    gate.resolve('value');
    expect(await Promise.all(reads)).toEqual(Array(25).fill('value'));
    expect(load).toHaveBeenCalledTimes(1);
    expect(cache.loadsInFlight).toBe(0);
  });

  it('serves a stale entry once while one background load refreshes it', async () => {
    let now = 1_000_000;
    const cache = new SharedReadCache(await cacheService(id), {
      now: () => now,
    });
    let version = 0;
    const gate = deferred<void>();
    const load = jest.fn(async () => {
      if (version > 0) await gate.promise;
      return ++version;
    });
    const ttl = { ttlMs: 15_000 };
    expect(await cache.read('key-b', load, ttl)).toBe(1);
    now += 14_000;
    expect(await cache.read('key-b', load, ttl)).toBe(1);
    expect(load).toHaveBeenCalledTimes(1);
    now += 2_000; // past the TTL: stale but servable
    expect(
      await Promise.all([1, 2, 3].map(() => cache.read('key-b', load, ttl))),
    ).toEqual([1, 1, 1]);
    await new Promise(r => setTimeout(r, 20));
    expect(cache.loadsInFlight).toBe(1);
    expect(load).toHaveBeenCalledTimes(2);
    gate.resolve();
    await new Promise(r => setTimeout(r, 20));
    expect(await cache.read('key-b', load, ttl)).toBe(2);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('waits for a fresh value once an entry is older than twice the TTL', async () => {
    let now = 1_000_000;
    const cache = new SharedReadCache(await cacheService(id), {
      now: () => now,
    });
    let version = 0;
    const load = async () => ++version;
    expect(await cache.read('key-f', load, { ttlMs: 15_000 })).toBe(1);
    now += 31_000;
    expect(await cache.read('key-f', load, { ttlMs: 15_000 })).toBe(2);
  });

  it('lets another backend instance reuse the shared entry', async () => {
    const shared = await cacheService(id);
    const first = new SharedReadCache(shared);
    const second = new SharedReadCache(shared);
    await first.read('key-c', async () => ({ services: ['a'] }), {
      ttlMs: 10_000,
    });
    const load = jest.fn(async () => ({ services: ['b'] }));
    expect(await second.read('key-c', load, { ttlMs: 10_000 })).toEqual({
      services: ['a'],
    });
    expect(load).not.toHaveBeenCalled();
  });

  it('uses the TTL chosen for the value (errors expire sooner)', async () => {
    let now = 0;
    const cache = new SharedReadCache(await cacheService(id), {
      now: () => now,
    });
    const load = jest.fn(async () => ({ ok: false }));
    const ttlMs = (value: { ok: boolean }) => (value.ok ? 60_000 : 5_000);
    await cache.read('key-d', load, { ttlMs });
    now += 6_000;
    await cache.read('key-d', load, { ttlMs });
    await new Promise(r => setTimeout(r, 20));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not cache a load that throws', async () => {
    const cache = new SharedReadCache(await cacheService(id));
    const load = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(new Error('nope'))
      .mockResolvedValueOnce('ok');
    await expect(cache.read('key-e', load, { ttlMs: 10_000 })).rejects.toThrow(
      'nope',
    );
    expect(await cache.read('key-e', load, { ttlMs: 10_000 })).toBe('ok');
  });
});

describe('SharedReadCache with a failing shared store', () => {
  it('still loads and serves from the process', async () => {
    const broken: CacheService = {
      get: async () => {
        throw new Error('redis down');
      },
      set: async () => {
        throw new Error('redis down');
      },
      delete: async () => undefined,
      withOptions: () => broken,
    };
    const cache = new SharedReadCache(broken);
    const load = jest.fn(async () => 42);
    expect(await cache.read('k', load, { ttlMs: 10_000 })).toBe(42);
    expect(await cache.read('k', load, { ttlMs: 10_000 })).toBe(42);
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe('SharedReadCache without a shared level (a process-local cache store)', () => {
  it('loads once per key and TTL from the process alone, with stale-while-revalidate', async () => {
    let now = 1_000_000;
    const cache = new SharedReadCache(undefined, { now: () => now });
    const load = jest
      .fn<Promise<string>, []>()
      .mockResolvedValueOnce('first')
      .mockResolvedValueOnce('second');
    expect(await cache.read('k', load, { ttlMs: 10_000 })).toBe('first');
    expect(await cache.read('k', load, { ttlMs: 10_000 })).toBe('first');
    expect(load).toHaveBeenCalledTimes(1);
    now += 15_000;
    // Past the TTL, within twice the TTL: the old value once, the new one loading.
    expect(await cache.read('k', load, { ttlMs: 10_000 })).toBe('first');
    await new Promise(r => setTimeout(r, 0));
    expect(await cache.read('k', load, { ttlMs: 10_000 })).toBe('second');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
