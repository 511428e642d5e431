import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';
import { git } from './git';
import {
  changeRecordsFolder,
  createChangeRecord,
  LocalChangeRecord,
  readChangeRecords,
  updateChangeRecord,
} from './localChangeRecords';
import { resolveLocalRepository } from './localRepositoryNames';
import {
  filesDifferingFrom,
  hashWorkspaceFiles,
  readCommitFiles,
  WorkspaceFile,
} from './workspaceFiles';

/** How many files a message lists before it says "and N more". */
const LISTED_FILES = 10;

export interface OpenLocalChangeRequestOptions {
  baseDir: string;
  repoName: string;
  branchName: string;
  /** Default: the branch checked out in the repository (its default branch). */
  targetBranch?: string;
  title: string;
  description: string;
  /** Folder whose files are written over the target branch's tree. */
  sourceDir: string;
  commitMessage: string;
  author: { name: string; email: string };
  /** Who asked for the change, for the record; default: the commit author. */
  requestedBy?: string;
  /** Compare only: nothing is written to the repository. */
  dryRun: boolean;
}

export interface LocalChangeRequestResult {
  /** The stored record; in a dry run the record that would be stored. */
  record: LocalChangeRecord;
  /** False when the branch already held this change (a re-run), or in a dry run. */
  created: boolean;
}

const ref = (branch: string) => `refs/heads/${branch}`;

async function branchCommit(
  repository: string,
  branch: string,
): Promise<string | undefined> {
  return git(repository, [
    'rev-parse',
    '--verify',
    '--quiet',
    `${ref(branch)}^{commit}`,
  ]).catch(() => undefined);
}

function listFiles(files: string[]): string {
  const more = files.length - LISTED_FILES;
  return `${files
    .slice(0, LISTED_FILES)
    .map(file => `"${file}"`)
    .join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

async function resolveTargetBranch(
  repository: string,
  requested: string | undefined,
): Promise<{ name: string; commit: string }> {
  const name =
    requested ??
    (await git(repository, ['symbolic-ref', '--quiet', '--short', 'HEAD']));
  const commit = await branchCommit(repository, name);
  if (commit) return { name, commit };
  const branches = await git(repository, [
    'for-each-ref',
    '--format=%(refname:short)',
    'refs/heads',
  ]);
  throw new InputError(
    `targetBranch: the repository ${repository} has no branch "${name}"; its branches are: ${
      branches.split('\n').filter(Boolean).join(', ') || '(none)'
    }`,
  );
}

/**
 * Commits `changed` on top of `baseCommit` without touching the repository's working tree,
 * index or checked-out branch: the tree is built in a private index inside the git folder.
 */
async function commitOnTop(
  repository: string,
  options: OpenLocalChangeRequestOptions,
  baseCommit: string,
  changed: WorkspaceFile[],
): Promise<string> {
  const folder = await changeRecordsFolder(repository);
  await fs.mkdir(folder, { recursive: true });
  const index = path.join(folder, `.index-${process.pid}-${Date.now()}`);
  const identity = {
    GIT_INDEX_FILE: index,
    GIT_AUTHOR_NAME: options.author.name,
    GIT_AUTHOR_EMAIL: options.author.email,
    GIT_COMMITTER_NAME: options.author.name,
    GIT_COMMITTER_EMAIL: options.author.email,
  };
  try {
    await git(repository, ['read-tree', baseCommit], identity);
    await git(
      repository,
      ['update-index', '-z', '--index-info'],
      identity,
      changed.map(f => `${f.mode} ${f.blob}\t${f.path}\0`).join(''),
    );
    const tree = await git(repository, ['write-tree'], identity);
    return await git(
      repository,
      ['commit-tree', tree, '-p', baseCommit, '-m', options.commitMessage],
      identity,
    );
  } finally {
    await fs.rm(index, { force: true });
  }
}

/**
 * Opens a change request in a local repository: a branch from the target branch with the
 * workspace's files written over it, and a record of it (see localChangeRecords). Running it
 * again with the same branch and content returns the same record; other content on an existing
 * branch, or a workspace that changes nothing, fails with an `InputError` saying why. Messages
 * start with the input field they concern.
 */
export async function openLocalChangeRequest(
  options: OpenLocalChangeRequestOptions,
): Promise<LocalChangeRequestResult> {
  const repository = await resolveLocalRepository(
    options.baseDir,
    options.repoName,
  );
  const target = await resolveTargetBranch(repository, options.targetBranch);
  if (target.name === options.branchName) {
    throw new InputError(
      `branchName: "${options.branchName}" is the target branch; the change needs a branch of its own`,
    );
  }
  const workspace = await hashWorkspaceFiles({
    repository,
    sourceDir: options.sourceDir,
    write: !options.dryRun,
  });
  const records = await readChangeRecords(repository);
  const record = records.find(r => r.branch === options.branchName);
  const existingBranch = await branchCommit(repository, options.branchName);

  if (existingBranch) {
    const differing = filesDifferingFrom(
      workspace,
      await readCommitFiles(repository, existingBranch),
    ).map(f => f.path);
    if (differing.length > 0) {
      throw new InputError(
        `branchName: the branch "${
          options.branchName
        }" already exists in ${repository} with other content (${listFiles(
          differing,
        )} differ from the workspace); choose another branchName, or merge or delete that branch (git -C '${repository}' branch -D '${
          options.branchName
        }')`,
      );
    }
    if (!record) {
      throw new InputError(
        `branchName: the branch "${options.branchName}" already exists in ${repository} and is not a change request; choose another branchName`,
      );
    }
    if (record.targetBranch !== target.name) {
      throw new InputError(
        `targetBranch: the branch "${options.branchName}" is change request #${record.id} into "${record.targetBranch}", this run asks for "${target.name}"; choose another branchName`,
      );
    }
    return { record, created: false };
  }

  const changed = filesDifferingFrom(
    workspace,
    await readCommitFiles(repository, target.commit),
  );
  if (changed.length === 0) {
    throw new InputError(
      `sourcePath: the repository ${repository} already matches the workspace on "${target.name}" (${workspace.length} files compared); there is nothing to review`,
    );
  }
  const fields = {
    repository: options.repoName,
    title: options.title,
    description: options.description,
    author:
      options.requestedBy ?? `${options.author.name} <${options.author.email}>`,
    createdAt: new Date().toISOString(),
    branch: options.branchName,
    targetBranch: target.name,
    baseCommit: target.commit,
    changedFiles: changed.map(f => f.path),
    status: 'open' as const,
  };
  if (options.dryRun) {
    const next = records.reduce((max, r) => Math.max(max, Number(r.id)), 0);
    return {
      record: { ...fields, id: record?.id ?? String(next + 1), commit: '' },
      created: false,
    };
  }

  const commit = await commitOnTop(repository, options, target.commit, changed);
  // The record is written before the branch: a run interrupted in between leaves a record
  // without its branch, which the next run completes (the branch above is missing).
  const stored = record
    ? { ...record, ...fields, id: record.id, commit }
    : await createChangeRecord(repository, { ...fields, commit });
  if (record) await updateChangeRecord(repository, stored);
  // An empty old value makes git refuse if another run created the branch meanwhile.
  await git(repository, ['update-ref', ref(options.branchName), commit, '']);
  return { record: stored, created: true };
}
