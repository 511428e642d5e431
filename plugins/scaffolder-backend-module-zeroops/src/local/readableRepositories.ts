import {
  AuthService,
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { LocalRepositoryChanges } from '@zeroops/backstage-plugin-zeroops-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The descriptors the templates and `catalog:register` register from a repository's root. */
const CATALOG_DESCRIPTORS = ['catalog-info.yaml', 'catalog-info.yml'];

/** The `backstage.io/managed-by-location` values of entities registered from a repository. */
async function locationsOf(repositoryPath: string): Promise<string[]> {
  const real = await fs.realpath(repositoryPath).catch(() => repositoryPath);
  return [...new Set([repositoryPath, real])].flatMap(folder =>
    CATALOG_DESCRIPTORS.map(
      file => `url:${pathToFileURL(path.join(folder, file)).href}`,
    ),
  );
}

/**
 * Keeps the local repositories whose changes the caller may see: a change shows a repository's
 * files, so a repository the catalog holds entities from is listed only to callers allowed
 * `catalog.entity.read` on every one of them — the same decision that hides the entity's page.
 * Repositories no entity is registered from (not yet in the catalog) stay visible to every
 * signed-in user, like the scaffolder's other routes.
 *
 * The catalog is asked with the backend's own credentials which entities exist, and the
 * permission framework whether the caller may read them, so conditional policies (owner
 * rules) apply as they do in the catalog.
 */
export async function readableRepositories(
  repositories: LocalRepositoryChanges[],
  credentials: BackstageCredentials,
  deps: {
    auth: AuthService;
    catalog: CatalogService;
    permissions: PermissionsService;
  },
): Promise<LocalRepositoryChanges[]> {
  if (repositories.length === 0) return repositories;
  const repositoryByLocation = new Map<string, string>();
  for (const { repository, path: repositoryPath } of repositories) {
    for (const location of await locationsOf(repositoryPath)) {
      repositoryByLocation.set(location, repository);
    }
  }
  const { items } = await deps.catalog.getEntities(
    {
      filter: {
        [`metadata.annotations.${ANNOTATION_LOCATION}`]: [
          ...repositoryByLocation.keys(),
        ],
      },
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        `metadata.annotations.${ANNOTATION_LOCATION}`,
      ],
    },
    { credentials: await deps.auth.getOwnServiceCredentials() },
  );
  const located = items.flatMap((entity: Entity) => {
    const repository = repositoryByLocation.get(
      entity.metadata.annotations?.[ANNOTATION_LOCATION] ?? '',
    );
    return repository
      ? [{ repository, entityRef: stringifyEntityRef(entity) }]
      : [];
  });
  if (located.length === 0) return repositories;
  const decisions = await deps.permissions.authorize(
    located.map(({ entityRef }) => ({
      permission: catalogEntityReadPermission,
      resourceRef: entityRef,
    })),
    { credentials },
  );
  const hidden = new Set(
    located
      .filter((_, i) => decisions[i].result !== AuthorizeResult.ALLOW)
      .map(({ repository }) => repository),
  );
  return repositories.filter(({ repository }) => !hidden.has(repository));
}
