import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import fs from 'node:fs/promises';
import path from 'node:path';

/** A generated file: its path relative to the target folder and its content. */
export type GeneratedFiles = Map<string, string>;

/**
 * Writes generated files below `targetPath` of the workspace. Every path is resolved first, so
 * a path that would escape the workspace fails the step before any file is written; the files
 * are rendered before this is called, so invalid input never leaves a half-written tree.
 * Writing the same content twice gives the same tree (the actions are idempotent).
 */
export async function writeGeneratedFiles(
  workspacePath: string,
  targetPath: string,
  files: GeneratedFiles,
): Promise<string[]> {
  const targetDir = resolveSafeChildPath(workspacePath, targetPath);
  const resolved = [...files.entries()].map(
    ([relative, content]) =>
      [resolveSafeChildPath(targetDir, relative), content] as const,
  );
  for (const [absolute, content] of resolved) {
    await fs.mkdir(path.dirname(absolute), { recursive: true });
    await fs.writeFile(absolute, content, 'utf8');
  }
  return resolved.map(([absolute]) => path.relative(workspacePath, absolute));
}
