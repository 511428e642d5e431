import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  computeDoraOfHistories,
  DEFAULT_DORA_WINDOW,
  DeliveryOverviewResponse,
  DORA_WINDOWS,
  DoraWindowDays,
  EntityDeliveryResponse,
  EntityDoraResponse,
  parseDoraWindow,
} from '@zeroops/backstage-plugin-zeroops-common';
import { CatalogServiceIndex } from '../../catalog/CatalogServiceIndex';
import { withApiErrorCode } from '../../service/apiErrorCode';
import {
  authorizedEntityPart,
  EntityPart,
  EntityReadDeps,
} from '../../service/authorizedEntity';
import { DeliveryRecordsReader } from '../store/DeliveryRecordsReader';
import {
  buildDeliveryOverview,
  OverviewEntry,
  overviewRecords,
} from './deliveryOverview';
import { deliveryEnvironments, lastPersistentFailure } from './deliveryState';
import {
  explainMissingGitHubRepository,
  GitHubRepository,
  githubRepositoryOf,
} from './githubRepository';
import { ProductionHistoryCache } from './ProductionHistoryCache';

/** The GitHub repository a delivery read is about, and the entity's ref. */
const GITHUB_REPOSITORY: EntityPart<{
  entityRef: string;
  github: GitHubRepository;
}> = {
  of: entity => {
    const github = githubRepositoryOf(entity);
    return github && { entityRef: stringifyEntityRef(entity), github };
  },
  explainMissing: explainMissingGitHubRepository,
  missingCode: 'github-repository-missing',
};

/** The config key that switches delivery on; named in the error a disabled backend answers. */
export const DELIVERY_ENABLED_CONFIG_KEY = 'zeroops.delivery.enabled';

/**
 * Reads a `window` parameter: absent → the default (30 days); anything but 7, 30 or 90 → 400.
 */
export function doraWindowOf(value: unknown): DoraWindowDays {
  if (value === undefined || value === '') return DEFAULT_DORA_WINDOW;
  const window =
    typeof value === 'string' || typeof value === 'number'
      ? parseDoraWindow(value)
      : undefined;
  if (window === undefined) {
    throw new InputError(
      `window must be one of ${DORA_WINDOWS.join(
        ', ',
      )} (days), got ${JSON.stringify(value)}`,
    );
  }
  return window;
}

/**
 * Delivery state and DORA metrics, shared by the REST router and the actions registry. Every
 * read comes from the delivery store (page views never call GitHub). Authorization is that of
 * the health routes: `catalog.entity.read` on the entity for the caller before anything is read;
 * the overview lists what the catalog returns with the caller's own credentials. The records
 * cached per repository are user-independent and read only after that check.
 *
 * When delivery is disabled every read answers 404 naming {@link DELIVERY_ENABLED_CONFIG_KEY}
 * (a setup step the UI shows as such, like an entity with no GitHub repository), before any
 * permission or catalog call.
 */
export class DeliveryReadService {
  private readonly history: ProductionHistoryCache;

  constructor(
    private readonly deps: EntityReadDeps & {
      enabled: boolean;
      index: CatalogServiceIndex;
      records: DeliveryRecordsReader;
      demoData: boolean;
      /** GitHub environment that is production (`zeroops.delivery.productionEnvironment`). */
      productionEnvironment?: string;
      /** GitHub environment that is staging, listed second. Default `staging`. */
      stagingEnvironment?: string;
      /** Upper bound on reusing a repository's cached production history. Default 60 s. */
      historyTtlMs?: number;
      now?: () => Date;
    },
  ) {
    this.history = new ProductionHistoryCache(deps.records, {
      productionEnvironment: this.productionEnvironment,
      ttlMs: deps.historyTtlMs ?? 60_000,
    });
  }

  async entityDelivery(
    ref: CompoundEntityRef | string,
    credentials: BackstageCredentials,
  ): Promise<EntityDeliveryResponse> {
    this.assertEnabled();
    const { entityRef, github } = await this.authorizedRepository(
      ref,
      credentials,
    );
    const repositories = [github.repository];
    const [states, approvals, stagingAhead, synced] = await Promise.all([
      this.deps.records.environmentStates(repositories),
      this.deps.records.pendingApprovals(repositories),
      this.deps.records.stagingAhead(repositories),
      this.deps.records.lastSyncedAt(repositories),
    ]);
    return {
      entityRef,
      repository: github.repository,
      repositoryUrl: github.repositoryUrl,
      environments: deliveryEnvironments(states, approvals, {
        production: this.productionEnvironment,
        staging: this.deps.stagingEnvironment ?? 'staging',
      }),
      stagingAhead: stagingAhead.get(github.repository),
      lastFailure: lastPersistentFailure(states),
      lastSyncedAt: synced.get(github.repository) ?? null,
      demoData: this.deps.demoData,
      generatedAt: this.now().toISOString(),
    };
  }

  async entityDora(
    ref: CompoundEntityRef | string,
    window: unknown,
    credentials: BackstageCredentials,
  ): Promise<EntityDoraResponse> {
    this.assertEnabled();
    const windowDays = doraWindowOf(window);
    const { entityRef, github } = await this.authorizedRepository(
      ref,
      credentials,
    );
    const repositories = [github.repository];
    const synced = await this.deps.records.lastSyncedAt(repositories);
    const histories = await this.history.doraHistories(repositories, synced);
    const now = this.now();
    return {
      entityRef,
      repository: github.repository,
      dora: computeDoraOfHistories({
        histories: [...histories.values()],
        now,
        windowDays,
      }),
      demoData: this.deps.demoData,
      generatedAt: now.toISOString(),
    };
  }

  /**
   * Every ZeroOps service the caller may read that has a GitHub repository, with its delivery
   * state and DORA, and the teams that own them. A fixed number of store queries whatever the
   * number of services.
   */
  async overview(
    window: unknown,
    credentials: BackstageCredentials,
  ): Promise<DeliveryOverviewResponse> {
    this.assertEnabled();
    const windowDays = doraWindowOf(window);
    const listed = await this.deps.index.listForUser(credentials);
    const entries: OverviewEntry[] = listed.flatMap(({ entity, target }) => {
      const github = githubRepositoryOf(entity);
      return github ? [{ entity, entityRef: target.entityRef, github }] : [];
    });
    const repositories = [...new Set(entries.map(e => e.github.repository))];
    const [states, approvals, stagingAhead, doraHistories] = await Promise.all([
      this.deps.records.environmentStates(repositories),
      this.deps.records.pendingApprovals(repositories),
      this.deps.records.stagingAhead(repositories),
      this.deps.records
        .lastSyncedAt(repositories)
        .then(synced => this.history.doraHistories(repositories, synced)),
    ]);
    const now = this.now();
    const { services, teams } = buildDeliveryOverview(
      entries,
      overviewRecords({ states, approvals, stagingAhead, doraHistories }),
      { windowDays, now, productionEnvironment: this.productionEnvironment },
    );
    return {
      windowDays,
      services,
      teams,
      demoData: this.deps.demoData,
      generatedAt: now.toISOString(),
    };
  }

  private get productionEnvironment(): string {
    return this.deps.productionEnvironment ?? 'production';
  }

  private now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }

  private assertEnabled() {
    if (!this.deps.enabled) {
      throw withApiErrorCode(
        new NotFoundError(
          `Delivery is disabled in this Backstage: set ${DELIVERY_ENABLED_CONFIG_KEY}: true (with a GitHub integration under integrations.github) to read deployments and DORA metrics`,
        ),
        'delivery-disabled',
      );
    }
  }

  private authorizedRepository(
    ref: CompoundEntityRef | string,
    credentials: BackstageCredentials,
  ): Promise<{ entityRef: string; github: GitHubRepository }> {
    return authorizedEntityPart(this.deps, ref, credentials, GITHUB_REPOSITORY);
  }
}
