import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  CATALOG_FILTER_EXISTS,
  EntityFilterQuery,
} from '@backstage/catalog-client';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AWS_ECS_SERVICE_ARN_ANNOTATION,
  ZEROOPS_SERVICE_NAME_ANNOTATION,
} from '@zeroops/backstage-plugin-zeroops-common';
import { serviceTargetOf, ServiceTarget } from './serviceTargets';

/** Fields the plugin needs from an entity; the rest is not transferred. */
const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.owner',
  'spec.system',
];

const FILTER: EntityFilterQuery = [
  {
    [`metadata.annotations.${ZEROOPS_SERVICE_NAME_ANNOTATION}`]:
      CATALOG_FILTER_EXISTS,
  },
  {
    [`metadata.annotations.${AWS_ECS_SERVICE_ARN_ANNOTATION}`]:
      CATALOG_FILTER_EXISTS,
  },
];

/** Refresh period of the plugin's own list of annotated services. */
const ROSTER_TTL_MS = 60_000;
/** How old a roster must be before a service missing from it makes it reload early. */
const ROSTER_MIN_AGE_MS = 5_000;

/**
 * Catalog lookups of the annotated entities.
 *
 * - `listForUser`: what the overview shows, read with the caller's credentials so the catalog's
 *   own permission rules decide which entities come back.
 * - `roster`: the service names ZeroOps reads from AWS in one batch per cluster, read with the
 *   plugin's own credentials. It never leaves the backend: it only decides which names go
 *   into the cluster-wide DescribeServices calls whose results are cached per cluster.
 */
export class CatalogServiceIndex {
  private roster?: {
    loadedAt: number;
    expiresAt: number;
    targets: Promise<ServiceTarget[]>;
    /** The newest roster that loaded, served while a reload runs. */
    loaded?: ServiceTarget[];
  };

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async listForUser(
    credentials: BackstageCredentials,
  ): Promise<Array<{ entity: Entity; target: ServiceTarget }>> {
    const { items } = await this.catalog.getEntities(
      { filter: FILTER, fields: FIELDS },
      { credentials },
    );
    return items.flatMap(entity => {
      const target = serviceTargetOf(entity);
      return target ? [{ entity, target }] : [];
    });
  }

  /**
   * The roster, reloaded every minute. Once one load has succeeded, an expired roster is still
   * served while one background load replaces it, so no page view waits for the catalog.
   */
  async rosterTargets(): Promise<ServiceTarget[]> {
    const now = Date.now();
    if (!this.roster || this.roster.expiresAt <= now) {
      const previous = this.roster?.loaded;
      const targets = this.loadRoster();
      const roster = {
        loadedAt: now,
        expiresAt: now + ROSTER_TTL_MS,
        targets,
        loaded: previous,
      };
      this.roster = roster;
      targets.then(
        loaded => {
          roster.loaded = loaded;
        },
        () => {
          // A failed catalog read must not stick for a minute: the next request retries.
          if (this.roster?.targets === targets) {
            this.roster = previous && {
              loadedAt: 0,
              expiresAt: 0,
              targets: Promise.resolve(previous),
              loaded: previous,
            };
          }
        },
      );
    }
    return this.roster.loaded ?? this.roster.targets;
  }

  /**
   * Called when a service is not in the roster (registered in the catalog since, or the
   * roster was read while the catalog was still filling): the next request reloads it, at
   * most every few seconds, instead of describing the service on its own for a minute.
   */
  refreshSoon(): void {
    const roster = this.roster;
    if (roster && Date.now() - roster.loadedAt >= ROSTER_MIN_AGE_MS) {
      roster.expiresAt = 0;
    }
  }

  private async loadRoster(): Promise<ServiceTarget[]> {
    const { items } = await this.catalog.getEntities(
      { filter: FILTER, fields: FIELDS },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    return items.flatMap(entity => {
      const target = serviceTargetOf(entity);
      return target ? [target] : [];
    });
  }
}
