import { InputError } from '@backstage/errors';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where an update is published: the repository an entity's source location names. */
export type SourceRepository =
  | { host: 'local'; readUrl: string; repoName: string }
  | {
      host: 'github';
      readUrl: string;
      /** In the RepoUrlPicker form publish:github:pull-request takes. */
      repoUrl: string;
      /** The branch the source location names; undefined for the default branch. */
      targetBranch?: string;
    };

/**
 * Reads an entity's `backstage.io/source-location` (with or without its `url:` prefix): a
 * `file://` repository of the local publisher (its folder, or the catalog-info.yaml at its root),
 * or a GitHub repository
 * (`https://<host>/<owner>/<repo>[/tree/<branch>/]`). Other hosts fail: the update can read them
 * but has no way to open a pull request there.
 */
export function parseSourceLocation(sourceLocation: string): SourceRepository {
  const location = sourceLocation.replace(/^url:/, '').trim();
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new InputError(
      `sourceLocation: "${sourceLocation}" is not a URL; give the entity's backstage.io/source-location annotation`,
    );
  }
  if (url.protocol === 'file:') {
    // No SCM integration annotates file:// entities with a source location, so the template
    // gives their managed-by-location, catalog-info.yaml at the repository's root.
    const root = url.pathname.endsWith('/') ? url : new URL('./', url);
    const repoName = path.basename(fileURLToPath(root));
    return { host: 'local', readUrl: root.href, repoName };
  }
  const github = /^\/([^/]+)\/([^/]+?)(?:\.git)?(?:\/tree\/([^/]+))?\/?$/.exec(
    url.pathname,
  );
  if (url.protocol === 'https:' && url.hostname.includes('github') && github) {
    const [, owner, repo, branch] = github;
    return {
      host: 'github',
      readUrl: url.href,
      repoUrl: `${url.host}?owner=${encodeURIComponent(
        owner,
      )}&repo=${encodeURIComponent(repo)}`,
      targetBranch: branch ? decodeURIComponent(branch) : undefined,
    };
  }
  throw new InputError(
    `sourceLocation: "${sourceLocation}" is neither a GitHub repository (https://github.com/<owner>/<repo>) nor a local repository (file://); the update opens its pull request only there`,
  );
}
