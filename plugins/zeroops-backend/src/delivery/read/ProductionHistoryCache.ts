import {
  buildDoraHistoryOfRecords,
  DoraHistory,
  DoraRecord,
} from '@zeroops/backstage-plugin-zeroops-common';
import { ExpiringCache } from '../../cache/ExpiringCache';
import {
  DeliveryRecordsReader,
  normalizeRepository,
} from '../store/DeliveryRecordsReader';

interface Entry {
  /** `lastSyncedAt` of the repository when the entry was read. */
  version: string | undefined;
  /** The whole history: DORA needs each change's first success and the health before. */
  deployments: Promise<DoraRecord[]>;
  /** The deployments reduced for DORA, built on first use (it does not depend on the window). */
  dora?: Promise<DoraHistory>;
}

/**
 * The production deployments of each repository, read from the delivery store once and kept
 * while the repository's `lastSyncedAt` stays the same (every webhook and reconciliation that
 * writes a record moves it), for at most `ttlMs` in any case.
 *
 * The records are the same for every user; callers MUST have authorized the caller for the
 * entity whose repository they ask for before calling. Misses of one call are read in one
 * batched query, and concurrent callers share an in-flight read.
 */
export class ProductionHistoryCache {
  private readonly entries: ExpiringCache<Entry>;

  constructor(
    private readonly records: DeliveryRecordsReader,
    private readonly options: {
      productionEnvironment: string;
      ttlMs: number;
      /** Bound on cached repositories; the least recently read go first. Default 5,000. */
      maxRepositories?: number;
      now?: () => number;
    },
  ) {
    this.entries = new ExpiringCache({
      maxEntries: options.maxRepositories ?? 5_000,
      evict: 'least-recently-read',
      now: options.now,
    });
  }

  /**
   * The DORA history ({@link buildDoraHistoryOfRecords}) of each repository's production deployments
   * (lower-case `owner/name`), built once per cached read: reducing a year of deployments costs
   * far more than measuring a window on the result.
   *
   * @param versions - `lastSyncedAt` per repository, read by the caller for its response.
   */
  async doraHistories(
    repositories: readonly string[],
    versions: ReadonlyMap<string, string>,
  ): Promise<Map<string, DoraHistory>> {
    const entries = this.entriesFor(repositories, versions);
    const result = new Map<string, DoraHistory>();
    for (const [repository, entry] of entries) {
      entry.dora ??= entry.deployments.then(deployments =>
        buildDoraHistoryOfRecords(
          deployments,
          this.options.productionEnvironment,
        ),
      );
      result.set(repository, await entry.dora);
    }
    return result;
  }

  private entriesFor(
    repositories: readonly string[],
    versions: ReadonlyMap<string, string>,
  ): Map<string, Entry> {
    const wanted = [...new Set(repositories.map(normalizeRepository))];
    const hits = new Map<string, Entry>();
    const misses: string[] = [];
    for (const repository of wanted) {
      // Reading an entry moves it to the back of the eviction order.
      const entry = this.entries.get(repository);
      if (entry && entry.version === versions.get(repository)) {
        hits.set(repository, entry);
      } else {
        misses.push(repository);
      }
    }
    const loaded =
      misses.length > 0
        ? this.load(misses, versions)
        : new Map<string, Entry>();
    return new Map(
      wanted.map(repository => [
        repository,
        (hits.get(repository) ?? loaded.get(repository)) as Entry,
      ]),
    );
  }

  private load(
    repositories: string[],
    versions: ReadonlyMap<string, string>,
  ): Map<string, Entry> {
    const read = this.records
      .doraRecords(repositories, this.options.productionEnvironment)
      .then(deployments => {
        const byRepository = new Map<string, DoraRecord[]>(
          repositories.map(r => [r, []]),
        );
        for (const d of deployments) {
          byRepository.get(normalizeRepository(d.repository))?.push(d);
        }
        return byRepository;
      });
    const loaded = new Map<string, Entry>();
    for (const repository of repositories) {
      const entry: Entry = {
        version: versions.get(repository),
        deployments: read.then(
          byRepository => byRepository.get(repository) ?? [],
        ),
      };
      this.entries.set(repository, entry, { ttlMs: this.options.ttlMs });
      // A failed read is not kept: the next request asks the database again.
      entry.deployments.catch(() => this.entries.delete(repository, entry));
      loaded.set(repository, entry);
    }
    return loaded;
  }
}
