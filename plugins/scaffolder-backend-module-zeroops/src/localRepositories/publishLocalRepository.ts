import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { compareLocalRepository } from './compareLocalRepository';
import { git } from './git';

export interface PublishLocalRepositoryOptions {
  /** Folder holding the local repositories (config `zeroops.publish.local.baseDir`). */
  baseDir: string;
  repoName: string;
  /** Folder whose contents become the first commit (the scaffolder workspace). */
  sourceDir: string;
  defaultBranch: string;
  commitMessage: string;
  author: { name: string; email: string };
}

export interface PublishedLocalRepository {
  path: string;
  commitHash: string;
  /** False when an identical repository already existed (a re-run). */
  created: boolean;
}

async function kindOf(target: string): Promise<'file' | 'folder' | 'missing'> {
  try {
    return (await fs.stat(target)).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

/**
 * Creates `<baseDir>/<repoName>` as a git repository with one commit of `sourceDir`. The
 * repository is assembled in a staging folder next to it and renamed into place, so a failure
 * never leaves a half-created repository. Pushes to it update its working tree
 * (`receive.denyCurrentBranch=updateInstead`), which is what the catalog reads.
 *
 * Running it again with the same branch and content finds the identical repository and succeeds
 * without changes; anything else fails with an `InputError` that says what differs, and a
 * repository is never overwritten. Messages start with the input field they concern.
 */
export async function publishLocalRepository(
  options: PublishLocalRepositoryOptions,
): Promise<PublishedLocalRepository> {
  const target = path.join(options.baseDir, options.repoName);
  const existing = await kindOf(target);
  if (existing === 'file') {
    throw new InputError(
      `repoName: "${target}" is a file, not a repository; choose another repoName or remove that file`,
    );
  }
  if (
    existing === 'folder' &&
    (await kindOf(path.join(target, '.git'))) !== 'folder'
  ) {
    throw new InputError(
      `repoName: "${target}" is a folder but not a git repository; choose another repoName or remove that folder`,
    );
  }

  await fs.mkdir(options.baseDir, { recursive: true });
  const staging = await fs.mkdtemp(
    path.join(options.baseDir, `.staging-${options.repoName}-`),
  );
  try {
    await fs.cp(options.sourceDir, staging, {
      recursive: true,
      filter: source => path.basename(source) !== '.git',
    });
    await git(staging, ['init', '--quiet', '-b', options.defaultBranch]);
    await git(staging, [
      'config',
      'receive.denyCurrentBranch',
      'updateInstead',
    ]);
    await git(staging, ['add', '--all']);
    const identity = {
      GIT_AUTHOR_NAME: options.author.name,
      GIT_AUTHOR_EMAIL: options.author.email,
      GIT_COMMITTER_NAME: options.author.name,
      GIT_COMMITTER_EMAIL: options.author.email,
    };
    await git(
      staging,
      ['commit', '--quiet', '--allow-empty', '-m', options.commitMessage],
      identity,
    );
    const tree = await git(staging, ['rev-parse', 'HEAD^{tree}']);

    if (existing === 'folder') {
      const differences = await compareLocalRepository({
        staging,
        target,
        branch: options.defaultBranch,
        tree,
      });
      if (differences.length > 0) {
        throw new InputError(
          `repoName: a different repository "${
            options.repoName
          }" already exists at ${target} (${differences.join(
            '; ',
          )}); choose another repoName, or remove that repository if it is not needed`,
        );
      }
      return {
        path: target,
        commitHash: await git(target, ['rev-parse', 'HEAD']),
        created: false,
      };
    }
    const commitHash = await git(staging, ['rev-parse', 'HEAD']);
    await fs.rename(staging, target);
    return { path: target, commitHash, created: true };
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}
