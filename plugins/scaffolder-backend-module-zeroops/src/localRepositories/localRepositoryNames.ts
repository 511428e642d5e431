import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';

/** The rule for a local repository's name (a folder directly under the base folder). */
export function explainInvalidRepoName(value: string): string | undefined {
  return /^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$/.test(value) &&
    !value.endsWith('.git')
    ? undefined
    : `must be a repository name: 1-100 letters, digits, ".", "_" and "-", not starting with "." or "-" and not ending with ".git", got "${value}"`;
}

/**
 * The git repositories under the base folder, sorted by name. Folders starting with "." are the
 * publisher's own (staging, pending cleanups), never repositories.
 */
export async function listLocalRepositoryNames(
  baseDir: string,
): Promise<string[]> {
  const entries = await fs
    .readdir(baseDir, { withFileTypes: true })
    .catch(() => []);
  const names: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const gitDir = await fs
      .stat(path.join(baseDir, entry.name, '.git'))
      .catch(() => undefined);
    if (gitDir?.isDirectory()) names.push(entry.name);
  }
  return names.sort();
}

/**
 * The folder of an existing local repository, or an `InputError` that lists the repositories
 * there are, so a mistyped name is fixed without looking at the disk.
 */
export async function resolveLocalRepository(
  baseDir: string,
  repoName: string,
): Promise<string> {
  const names = await listLocalRepositoryNames(baseDir);
  if (names.includes(repoName)) return path.join(baseDir, repoName);
  throw new InputError(
    `repoName: there is no local repository "${repoName}" in ${baseDir}; ${
      names.length > 0
        ? `the local repositories are: ${names.join(', ')}`
        : 'there is none yet (zeroops:publish:local creates them)'
    }`,
  );
}
