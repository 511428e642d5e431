import { Entity } from '@backstage/catalog-model';

const GITHUB_SLUG_ANNOTATION = 'github.com/project-slug';
const SOURCE_LOCATION_ANNOTATION = 'backstage.io/source-location';

/**
 * Links into the entity's source repository, when it can be told where that is.
 *
 * @public
 */
export interface RepositoryLinks {
  repositoryUrl: string;
  commitUrl(sha: string): string;
  pullRequestUrl(pullRequest: number): string;
}

/**
 * The repository of an entity from `github.com/project-slug` (written by the ZeroOps templates)
 * or a GitHub/GitLab `backstage.io/source-location`. Other hosts give undefined and the UI shows
 * plain text instead of links. Shared by the frontend (entity pages) and the backend (overview).
 *
 * @public
 */
export function repositoryLinks(entity: Entity): RepositoryLinks | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const slug = annotations[GITHUB_SLUG_ANNOTATION]?.trim();
  if (slug && /^[^/\s]+\/[^/\s]+$/.test(slug)) {
    return githubLinks(`https://github.com/${slug}`);
  }
  const source = annotations[SOURCE_LOCATION_ANNOTATION];
  if (!source) return undefined;
  const url = parseUrl(source.replace(/^url:/, ''));
  if (!url) return undefined;
  const [owner, repo] = url.pathname.split('/').filter(Boolean);
  if (!owner || !repo) return undefined;
  const base = `${url.origin}/${owner}/${repo.replace(/\.git$/, '')}`;
  if (url.hostname === 'github.com' || url.hostname.startsWith('github.')) {
    return githubLinks(base);
  }
  if (url.hostname === 'gitlab.com' || url.hostname.startsWith('gitlab.')) {
    return {
      repositoryUrl: base,
      commitUrl: sha => `${base}/-/commit/${sha}`,
      pullRequestUrl: n => `${base}/-/merge_requests/${n}`,
    };
  }
  return undefined;
}

function githubLinks(base: string): RepositoryLinks {
  return {
    repositoryUrl: base,
    commitUrl: sha => `${base}/commit/${sha}`,
    pullRequestUrl: n => `${base}/pull/${n}`,
  };
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
