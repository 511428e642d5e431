import { isChildPath } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  LocalChange,
  LocalChangeFileStat,
  LocalRepositoryChanges,
} from '@zeroops/backstage-plugin-zeroops-common';
import { git } from './git';
import { LocalChangeRecord, readChangeRecords } from './localChangeRecords';
import { listLocalRepositoryNames } from './localRepositoryNames';

async function isAncestor(repo: string, commit: string, of: string) {
  return git(repo, ['merge-base', '--is-ancestor', commit, of]).then(
    () => true,
    () => false,
  );
}

async function branchExists(repo: string, branch: string) {
  return git(repo, [
    'rev-parse',
    '--verify',
    '--quiet',
    `refs/heads/${branch}^{commit}`,
  ]).then(
    () => true,
    () => false,
  );
}

async function diffStats(
  repo: string,
  range: string,
): Promise<LocalChangeFileStat[]> {
  const numstat = await git(repo, [
    'diff',
    '--numstat',
    '--no-renames',
    '-z',
    range,
  ]);
  return numstat
    .split('\0')
    .filter(Boolean)
    .map(line => {
      const [added, deleted, file] = line.split('\t');
      const binary = added === '-';
      return {
        path: file,
        additions: binary ? 0 : Number(added),
        deletions: binary ? 0 : Number(deleted),
        binary,
      };
    });
}

async function describeChange(
  repo: string,
  record: LocalChangeRecord,
): Promise<LocalChange> {
  const [hasBranch, hasTarget] = await Promise.all([
    branchExists(repo, record.branch),
    branchExists(repo, record.targetBranch),
  ]);
  let status: LocalChange['status'] = 'closed';
  if (hasBranch) {
    status =
      hasTarget &&
      (await isAncestor(
        repo,
        `refs/heads/${record.branch}`,
        `refs/heads/${record.targetBranch}`,
      ))
        ? 'merged'
        : 'open';
  } else if (
    hasTarget &&
    (await isAncestor(repo, record.commit, `refs/heads/${record.targetBranch}`))
  ) {
    // Merged, then the branch was deleted as usual.
    status = 'merged';
  }
  const files = await diffStats(
    repo,
    status === 'open' && hasTarget
      ? `refs/heads/${record.targetBranch}...refs/heads/${record.branch}`
      : `${record.baseCommit}..${record.commit}`,
  );
  return { ...record, status, files };
}

async function repositoryChanges(
  baseDir: string,
  repository: string,
): Promise<LocalRepositoryChanges> {
  const repoPath = path.join(baseDir, repository);
  const records = await readChangeRecords(repoPath);
  const changes = await Promise.all(
    records.map(record => describeChange(repoPath, record)),
  );
  // Newest first, as pull request lists are.
  return { repository, path: repoPath, changes: changes.reverse() };
}

/** The repository a `file://` URL (an entity's source location) points into. */
async function repositoryOfLocation(
  baseDir: string,
  location: string,
): Promise<string | undefined> {
  let file: string;
  try {
    file = fileURLToPath(new URL(location));
  } catch {
    throw new InputError(`location: "${location}" is not a file:// URL`);
  }
  const realBase = await fs.realpath(baseDir).catch(() => baseDir);
  const real = await fs.realpath(file).catch(() => path.resolve(file));
  if (!isChildPath(realBase, real) || real === realBase) return undefined;
  return path.relative(realBase, real).split(path.sep)[0];
}

/**
 * The change records of the local repositories with their status and diff: of every repository
 * (repositories without changes included), of one by name, or of the one a `file://` location
 * points into (none when it is outside the base folder).
 */
export async function listLocalChanges(
  baseDir: string,
  filter: { repository?: string; location?: string } = {},
): Promise<LocalRepositoryChanges[]> {
  const names = await listLocalRepositoryNames(baseDir);
  let selected = names;
  if (filter.repository !== undefined) {
    if (!names.includes(filter.repository)) {
      throw new NotFoundError(
        `There is no local repository "${filter.repository}"`,
      );
    }
    selected = [filter.repository];
  } else if (filter.location !== undefined) {
    const name = await repositoryOfLocation(baseDir, filter.location);
    selected = name && names.includes(name) ? [name] : [];
  }
  return Promise.all(selected.map(name => repositoryChanges(baseDir, name)));
}
