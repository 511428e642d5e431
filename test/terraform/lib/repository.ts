import fs from 'node:fs';
import path from 'node:path';

/** Root of the ZeroOps repository (this file is test/terraform/lib/repository.ts). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const MODULES_ROOT = path.join(REPO_ROOT, 'terraform-modules');

/** Module folders: terraform-modules/<name> with a main.tf. */
export function moduleDirs(root: string = MODULES_ROOT): string[] {
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter(
      d => d.isDirectory() && fs.existsSync(path.join(root, d.name, 'main.tf')),
    )
    .map(d => path.join(root, d.name))
    .sort();
}

/**
 * Examples that compose several modules into one deployment (terraform-modules/examples/<name>,
 * e.g. zeroops-portal). Each is checked like a module example, for every module it calls.
 */
export function compositionDirs(root: string = MODULES_ROOT): string[] {
  return exampleDirs(root);
}

/** Example folders of a module: <module>/examples/<scenario>. */
export function exampleDirs(moduleDir: string): string[] {
  const examples = path.join(moduleDir, 'examples');
  if (!fs.existsSync(examples)) return [];
  return fs
    .readdirSync(examples, { withFileTypes: true })
    .filter(d => d.isDirectory())
    .map(d => path.join(examples, d.name))
    .sort();
}
