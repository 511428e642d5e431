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
import { ExpiringCache } from '../cache/ExpiringCache';
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
const ROSTER_KEY = 'roster';

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
  /** One entry: served stale for as long as it takes a reload to succeed. */
  private readonly roster = new ExpiringCache<ServiceTarget[]>();

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
    // A failed reload keeps the last roster and the next request retries; a failed first
    // load reaches the caller and is not kept.
    return this.roster.load(ROSTER_KEY, () => this.loadRoster(), {
      ttlMs: ROSTER_TTL_MS,
      staleMs: Infinity,
    });
  }

  /**
   * Called when a service is not in the roster (registered in the catalog since, or the
   * roster was read while the catalog was still filling): the next request reloads it, at
   * most every few seconds, instead of describing the service on its own for a minute.
   */
  refreshSoon(): void {
    const age = this.roster.ageMs(ROSTER_KEY);
    if (age !== undefined && age >= ROSTER_MIN_AGE_MS) {
      this.roster.expire(ROSTER_KEY);
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
