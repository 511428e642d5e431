import {
  buildDoraHistoryOfRecords,
  DoraHistory,
  DoraRecord,
} from '@zeroops/backstage-plugin-zeroops-common';
import {
  DeliveryRecordsReader,
  normalizeRepository,
} from '../store/DeliveryRecordsReader';

interface Entry {
  /** `lastSyncedAt` of the repository when the entry was read. */
  version: string | undefined;
  loadedAt: number;
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
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly records: DeliveryRecordsReader,
    private readonly options: {
      productionEnvironment: string;
      ttlMs: number;
      /** Bound on cached repositories; the least recently read go first. Default 5,000. */
      maxRepositories?: number;
      now?: () => number;
    },
  ) {}

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
    const now = this.options.now ? this.options.now() : Date.now();
    const wanted = [...new Set(repositories.map(normalizeRepository))];
    const misses = wanted.filter(repository => {
      const entry = this.entries.get(repository);
      return (
        !entry ||
        entry.version !== versions.get(repository) ||
        now - entry.loadedAt >= this.options.ttlMs
      );
    });
    if (misses.length > 0) this.load(misses, versions, now);

    const result = new Map<string, Entry>();
    for (const repository of wanted) {
      const entry = this.entries.get(repository) as Entry;
      // Re-inserting keeps the map in least-recently-read order for eviction.
      this.entries.delete(repository);
      this.entries.set(repository, entry);
      result.set(repository, entry);
    }
    this.evict();
    return result;
  }

  private load(
    repositories: string[],
    versions: ReadonlyMap<string, string>,
    now: number,
  ) {
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
    for (const repository of repositories) {
      const entry: Entry = {
        version: versions.get(repository),
        loadedAt: now,
        deployments: read.then(
          byRepository => byRepository.get(repository) ?? [],
        ),
      };
      this.entries.set(repository, entry);
      // A failed read is not kept: the next request asks the database again.
      entry.deployments.catch(() => {
        if (this.entries.get(repository) === entry) {
          this.entries.delete(repository);
        }
      });
    }
  }

  private evict() {
    const max = this.options.maxRepositories ?? 5_000;
    while (this.entries.size > max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
