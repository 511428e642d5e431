import path from 'node:path';

/** The repository root, for cross-package tests that read files of several packages. */
// Test helpers run from source and are never bundled, so __dirname is reliable here.
// eslint-disable-next-line no-restricted-syntax
export const repoRoot = path.resolve(__dirname, '../..');

/** A path inside the repository. */
export function fromRepoRoot(...segments: string[]): string {
  return path.join(repoRoot, ...segments);
}
