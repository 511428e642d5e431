import { Config } from '@backstage/config';

/**
 * Whether the backend's CacheService keeps its entries in this process: Backstage's `memory`
 * store, which is also its default when `backend.cache.store` is unset. Other instances cannot
 * read such a cache, so sharing reads through it only duplicates them in memory.
 *
 * Reads the same key as Backstage's CacheManager. A backend that replaces the cache service
 * factory with its own shared store should also set `backend.cache.store` to name it.
 */
export function isProcessLocalCacheStore(config: Config): boolean {
  return (
    (config.getOptionalString('backend.cache.store') ?? 'memory') === 'memory'
  );
}
