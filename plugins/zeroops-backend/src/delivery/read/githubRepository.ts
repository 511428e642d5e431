import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { repositoryLinks } from '@zeroops/backstage-plugin-zeroops-common';
import { normalizeRepository } from '../store/DeliveryRecordsReader';

const GITHUB_SLUG_ANNOTATION = 'github.com/project-slug';

/** Where an entity's delivery records come from. */
export interface GitHubRepository {
  /** `owner/name` in lower case, as the delivery store keys it. */
  repository: string;
  /** The repository page, in the case the entity wrote it. */
  repositoryUrl: string;
}

/**
 * The GitHub repository of an entity: `github.com/project-slug` (written by the ZeroOps
 * templates), else a `backstage.io/source-location` on github.com or a GitHub Enterprise host
 * (`github.*`). GitLab and other hosts have no GitHub deployments to read: undefined.
 */
export function githubRepositoryOf(
  entity: Entity,
): GitHubRepository | undefined {
  const links = repositoryLinks(entity);
  if (!links) return undefined;
  const url = new URL(links.repositoryUrl);
  if (url.hostname !== 'github.com' && !url.hostname.startsWith('github.')) {
    return undefined;
  }
  const [owner, name] = url.pathname.split('/').filter(Boolean);
  return {
    repository: normalizeRepository(`${owner}/${name}`),
    repositoryUrl: links.repositoryUrl,
  };
}

/** What the owner of an entity with no GitHub repository does about it. */
export function explainMissingGitHubRepository(entity: Entity): string {
  return `Entity ${stringifyEntityRef(
    entity,
  )} has no GitHub repository: add the ${GITHUB_SLUG_ANNOTATION} annotation ("${GITHUB_SLUG_ANNOTATION}: <owner>/<repository>") to metadata.annotations, or a backstage.io/source-location on a GitHub host`;
}
