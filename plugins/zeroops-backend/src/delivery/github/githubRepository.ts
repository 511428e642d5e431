import { Entity } from '@backstage/catalog-model';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { repositoryLinks } from '@zeroops/backstage-plugin-zeroops-common';
import { normalizeRepository } from '../store/DeliveryRecordsReader';

/** A repository on a GitHub host configured in `integrations.github`. */
export interface GithubRepositoryRef {
  /** `github.com` or a GitHub Enterprise host. */
  host: string;
  owner: string;
  name: string;
  /** `owner/name` in lower case: the store's key. */
  slug: string;
  /** `https://<host>/<owner>/<name>`, for credentials and links. */
  url: string;
}

/**
 * The GitHub repository of an entity, from `github.com/project-slug` or a GitHub
 * `backstage.io/source-location` (the same rule as the entity pages' links), when its host is
 * a configured GitHub integration. Other hosts give undefined: we hold no credentials for them.
 */
export function githubRepositoryOf(
  entity: Entity,
  integrations: ScmIntegrationRegistry,
): GithubRepositoryRef | undefined {
  const links = repositoryLinks(entity);
  if (!links) return undefined;
  const url = new URL(links.repositoryUrl);
  if (!integrations.github.byHost(url.host)) return undefined;
  const [owner, name] = url.pathname.split('/').filter(Boolean);
  if (!owner || !name) return undefined;
  return {
    host: url.host,
    owner,
    name,
    slug: normalizeRepository(`${owner}/${name}`),
    url: `${url.origin}/${owner}/${name}`,
  };
}
