import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ServiceUnavailableError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ExpiringCache } from '../cache/ExpiringCache';

/** How long an entity's annotations are reused before the catalog is asked again. */
const ENTITY_TTL_MS = 30_000;

/**
 * Entity lookups by ref, read with the plugin's own credentials and kept for a short while.
 * Callers MUST have authorized `catalog.entity.read` for the ref for the current user before
 * calling: the cache is shared by all users, the authorization is not.
 */
export class EntityResolver {
  private readonly entries = new ExpiringCache<Entity | undefined>({
    maxEntries: 10_000,
  });

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    /** Where catalog failures are recorded in full (callers only get a short message). */
    private readonly logger?: LoggerService,
  ) {}

  /** Concurrent lookups of a ref share one catalog call; a failed one is not kept. */
  get(entityRef: string): Promise<Entity | undefined> {
    return this.entries.load(entityRef, () => this.read(entityRef), {
      ttlMs: ENTITY_TTL_MS,
    });
  }

  private async read(entityRef: string): Promise<Entity | undefined> {
    try {
      return await this.catalog.getEntityByRef(entityRef, {
        credentials: await this.auth.getOwnServiceCredentials(),
      });
    } catch (error) {
      // The catalog's error carries its response body and URL: for the log, not the caller.
      this.logger?.warn(`ZeroOps: catalog lookup of ${entityRef} failed`, {
        error: String(error),
      });
      throw new ServiceUnavailableError(
        `The catalog could not be read for ${entityRef}; try again shortly`,
      );
    }
  }
}
