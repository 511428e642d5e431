import fs from 'node:fs/promises';
import path from 'node:path';
import { git } from './git';

/** A file of the workspace as git would store it: its mode and the id of its content. */
export interface WorkspaceFile {
  /** Path relative to the workspace folder, with "/" separators. */
  path: string;
  /** `100644`, `100755` (executable) or `120000` (symbolic link). */
  mode: string;
  blob: string;
}

async function listFiles(
  root: string,
): Promise<Array<{ path: string; mode: string }>> {
  const files: Array<{ path: string; mode: string }> = [];
  const walk = async (relative: string) => {
    const entries = await fs.readdir(path.join(root, relative), {
      withFileTypes: true,
    });
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      // A workspace that cloned something keeps its .git; it is never part of the content.
      if (entry.name === '.git') continue;
      if (entry.isSymbolicLink()) files.push({ path: child, mode: '120000' });
      else if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) {
        const { mode } = await fs.stat(path.join(root, child));
        files.push({ path: child, mode: mode & 0o111 ? '100755' : '100644' });
      }
    }
  };
  await walk('');
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * Every file below `sourceDir` with the blob id git gives its content, computed by git itself
 * (`hash-object --no-filters`, so line endings and attributes of the repository never change
 * what is compared). With `write`, the blobs are also stored in `repository`'s object database,
 * ready to be committed; without it nothing is written, which is what a dry run needs.
 */
export async function hashWorkspaceFiles(options: {
  repository: string;
  sourceDir: string;
  write: boolean;
}): Promise<WorkspaceFile[]> {
  const files = await listFiles(options.sourceDir);
  const writeFlag = options.write ? ['-w'] : [];
  const regular = files.filter(file => file.mode !== '120000');
  const blobs = new Map<string, string>();
  if (regular.length > 0) {
    const ids = await git(
      options.repository,
      ['hash-object', ...writeFlag, '--no-filters', '--stdin-paths'],
      {},
      regular.map(file => path.join(options.sourceDir, file.path)).join('\n'),
    );
    ids.split('\n').forEach((id, index) => blobs.set(regular[index].path, id));
  }
  // A link is stored as its target's text.
  for (const link of files.filter(file => file.mode === '120000')) {
    const target = await fs.readlink(path.join(options.sourceDir, link.path));
    blobs.set(
      link.path,
      await git(
        options.repository,
        ['hash-object', ...writeFlag, '--no-filters', '--stdin'],
        {},
        target,
      ),
    );
  }
  return files.map(file => ({ ...file, blob: blobs.get(file.path)! }));
}

/** The files of a commit's tree: path → `mode blob`. */
export async function readCommitFiles(
  repository: string,
  commit: string,
): Promise<Map<string, string>> {
  const listing = await git(repository, [
    'ls-tree',
    '-r',
    '-z',
    '--full-tree',
    commit,
  ]);
  const files = new Map<string, string>();
  for (const line of listing.split('\0').filter(Boolean)) {
    const [meta, file] = line.split('\t');
    const [mode, , blob] = meta.split(' ');
    files.set(file, `${mode} ${blob}`);
  }
  return files;
}

/** The workspace files whose mode or content is not already `files` (absent or different). */
export function filesDifferingFrom(
  workspace: WorkspaceFile[],
  files: Map<string, string>,
): WorkspaceFile[] {
  return workspace.filter(
    file => files.get(file.path) !== `${file.mode} ${file.blob}`,
  );
}
