import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import path from 'node:path';

/** A generated file: its path relative to the target folder and its content. */
export type GeneratedFiles = Map<string, string>;

/** Where an action writes its files, and which input field chose each folder. */
export interface GeneratedFilesDestination {
  /** The action, for the error message. */
  actionId: string;
  workspacePath: string;
  /** The `targetPath` input: the folder of the workspace that is the repository root. */
  targetPath: string;
  /**
   * Input fields that name a folder below `targetPath` (relative to it), such as
   * `infrastructureDirectory`. A conflict inside one of them is blamed on that field; any
   * other on `targetPath`.
   */
  folderFields?: Array<{ field: string; path: string }>;
}

type EntryKind = 'file' | 'folder' | 'missing';

async function kindOf(absolute: string): Promise<EntryKind> {
  try {
    return (await fs.stat(absolute)).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

/**
 * The entry of the workspace that blocks writing `absolute`: a file where one of its folders
 * must be, or a folder where the file must be. Checked before anything is written, so a
 * conflict fails the step with the field and the file instead of an `ENOTDIR`/`EISDIR` after
 * some files were written.
 */
async function findBlockingEntry(
  workspacePath: string,
  absolute: string,
): Promise<{ entry: string; kind: 'file' | 'folder' } | undefined> {
  const segments = path.relative(workspacePath, absolute).split(path.sep);
  let current = workspacePath;
  for (const [index, segment] of segments.entries()) {
    current = path.join(current, segment);
    const kind = await kindOf(current);
    if (kind === 'missing') return undefined;
    const isLast = index === segments.length - 1;
    if (!isLast && kind === 'file') return { entry: current, kind };
    if (isLast && kind === 'folder') return { entry: current, kind };
  }
  return undefined;
}

/**
 * Writes generated files below `targetPath` of the workspace. Every path is resolved and
 * checked first, so a path that would escape the workspace, or an existing file where a folder
 * is needed (or the reverse), fails the step with an `InputError` before any file is written.
 * The files are rendered before this is called, so invalid input never leaves a half-written
 * tree. Writing the same content twice gives the same tree (the actions are idempotent).
 */
export async function writeGeneratedFiles(
  destination: GeneratedFilesDestination,
  files: GeneratedFiles,
): Promise<string[]> {
  const { workspacePath, targetPath } = destination;
  // Conflicts are looked for on the paths as written: resolving them (below) already fails
  // with ENOTDIR when a file sits where a folder is needed.
  const targetDir = path.resolve(workspacePath, targetPath);
  const problems = new Map<string, string>();
  for (const relative of files.keys()) {
    const absolute = path.resolve(targetDir, relative);
    // Lexically: escaping paths are refused by resolveSafeChildPath below.
    const inWorkspace = path.relative(workspacePath, absolute);
    if (inWorkspace.startsWith('..') || path.isAbsolute(inWorkspace)) continue;
    const blocking = await findBlockingEntry(workspacePath, absolute);
    if (!blocking || problems.has(blocking.entry)) continue;
    const field =
      destination.folderFields?.find(({ path: folder }) => {
        const fieldDir = path.join(targetDir, folder);
        const inField = path.relative(fieldDir, blocking.entry);
        return !inField.startsWith('..') && !path.isAbsolute(inField);
      })?.field ?? 'targetPath';
    const entry = path.relative(workspacePath, blocking.entry);
    const file = path.relative(workspacePath, absolute);
    problems.set(
      blocking.entry,
      blocking.kind === 'file'
        ? `${field}: "${entry}" is a file in the workspace, but this step writes "${file}" inside it as a folder; choose another ${field} or remove that file in an earlier step`
        : `${field}: "${entry}" is a folder in the workspace, but this step writes a file there; choose another ${field} or remove that folder in an earlier step`,
    );
  }
  if (problems.size > 0) {
    throw new InputError(
      `Invalid input to ${destination.actionId}: ${[...problems.values()].join(
        '; ',
      )}`,
    );
  }

  const safeTargetDir = resolveSafeChildPath(workspacePath, targetPath);
  const resolved = [...files.entries()].map(
    ([relative, content]) =>
      [resolveSafeChildPath(safeTargetDir, relative), content] as const,
  );
  for (const [absolute, content] of resolved) {
    await fs.mkdir(path.dirname(absolute), { recursive: true });
    await fs.writeFile(absolute, content, 'utf8');
  }
  return resolved.map(([absolute]) => path.relative(workspacePath, absolute));
}
