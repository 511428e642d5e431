import { ConflictError } from '@backstage/errors';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import fs from 'node:fs/promises';
import path from 'node:path';
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

async function exists(target: string) {
  return fs
    .stat(target)
    .then(() => true)
    .catch(() => false);
}

/**
 * Creates `<baseDir>/<repoName>` as a git repository with one commit of `sourceDir`. The
 * repository is assembled in a staging folder next to it and renamed into place, so a failure
 * never leaves a half-created repository. Pushes to it update its working tree
 * (`receive.denyCurrentBranch=updateInstead`), which is what the catalog reads.
 *
 * Running it again with the same content finds the identical tree and succeeds without changes;
 * a different repository of that name is never overwritten.
 */
export async function publishLocalRepository(
  options: PublishLocalRepositoryOptions,
): Promise<PublishedLocalRepository> {
  const target = resolveSafeChildPath(options.baseDir, options.repoName);
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

    if (await exists(target)) {
      const existingTree = await git(target, [
        'rev-parse',
        'HEAD^{tree}',
      ]).catch(() => undefined);
      if (existingTree !== tree) {
        throw new ConflictError(
          `A different local repository "${options.repoName}" already exists at ${target}; choose another name or remove it`,
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
