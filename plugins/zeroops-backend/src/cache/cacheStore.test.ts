import { ConfigReader } from '@backstage/config';
import { isProcessLocalCacheStore } from './cacheStore';

describe('isProcessLocalCacheStore', () => {
  it('is true for the memory store and for Backstage’s default (no store configured)', () => {
    expect(isProcessLocalCacheStore(new ConfigReader({}))).toBe(true);
    expect(
      isProcessLocalCacheStore(
        new ConfigReader({ backend: { cache: { store: 'memory' } } }),
      ),
    ).toBe(true);
  });

  it('is false for the stores other instances share', () => {
    for (const store of ['redis', 'valkey', 'memcache', 'infinispan']) {
      expect(
        isProcessLocalCacheStore(
          new ConfigReader({ backend: { cache: { store } } }),
        ),
      ).toBe(false);
    }
  });
});
