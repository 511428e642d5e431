import { AuthService } from '@backstage/backend-plugin-api';
import {
  EntityFilterQuery,
  CATALOG_FILTER_EXISTS,
} from '@backstage/catalog-client';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AWS_ECS_SERVICE_ARN_ANNOTATION,
  ZEROOPS_SERVICE_NAME_ANNOTATION,
} from '@zeroops/backstage-plugin-zeroops-common';
import {
  GithubRepositoryRef,
  githubRepositoryOf,
} from '../github/githubRepository';

/** The services ZeroOps knows: the same two annotations as the health and cost views. */
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
const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.annotations',
];
const TTL_MS = 60_000;
/** A webhook of an unknown repository reloads the list at most this often. */
const MISS_RELOAD_MS = 5_000;

/**
 * The GitHub repositories of the catalog's services, read with the plugin's own credentials
 * and kept for a minute. Webhooks of other repositories are ignored, and the reconciliation
 * reads only these.
 */
export class CatalogRepositories {
  private loaded?: {
    at: number;
    repositories: Map<string, GithubRepositoryRef>;
  };

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly integrations: ScmIntegrationRegistry,
  ) {}

  async list(): Promise<GithubRepositoryRef[]> {
    return [...(await this.current(TTL_MS)).values()];
  }

  /** The catalog's repository of this `owner/name`, or undefined. */
  async find(slug: string): Promise<GithubRepositoryRef | undefined> {
    const key = slug.toLowerCase();
    return (
      (await this.current(TTL_MS)).get(key) ??
      (await this.current(MISS_RELOAD_MS)).get(key)
    );
  }

  private async current(maxAgeMs: number) {
    if (!this.loaded || Date.now() - this.loaded.at >= maxAgeMs) {
      const { items } = await this.catalog.getEntities(
        { filter: FILTER, fields: FIELDS },
        { credentials: await this.auth.getOwnServiceCredentials() },
      );
      const repositories = new Map<string, GithubRepositoryRef>();
      for (const entity of items) {
        const repo = githubRepositoryOf(entity, this.integrations);
        if (repo) repositories.set(repo.slug, repo);
      }
      this.loaded = { at: Date.now(), repositories };
    }
    return this.loaded.repositories;
  }
}
