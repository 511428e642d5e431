import path from 'node:path';

/** The repository root, for cross-package tests that read files of several packages. */
export const repoRoot = path.resolve(__dirname, '../..');

/** A path inside the repository. */
export function fromRepoRoot(...segments: string[]): string {
  return path.join(repoRoot, ...segments);
}
