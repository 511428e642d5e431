import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findFiles } from '../../terraform/lib/hcl';
import { resolveModuleSource } from '../../terraform/lib/module-source';
import { MODULES_DIR } from './backend';

/**
 * A copy of a generated `infrastructure/` folder that Checkov can scan offline.
 *
 * The generated Terraform calls our modules by a pinned git source
 * (`git::https://github.com/<org>/zeroops//terraform-modules/<name>?ref=terraform-modules/vX.Y.Z`,
 * the release named by zeroops-common's ZEROOPS_TERRAFORM_MODULES_VERSION). Checkov runs
 * without network and cannot download them, and without the module code it would see only the
 * root module (no resources). The pinned version of those modules is the code in this checkout
 * (the release is cut from it), so the copy points each call at `terraform-modules/<name>` by a
 * relative path, and Checkov evaluates the same module code at the generated inputs.
 * Returns the copy's path; the generated tree is left untouched.
 */
export async function prepareForCheckov(
  generatedRoot: string,
): Promise<{ dir: string; rewritten: number }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'zeroops-checkov-'));
  await fs.cp(
    path.join(generatedRoot, 'infrastructure'),
    path.join(dir, 'infrastructure'),
    {
      recursive: true,
    },
  );
  let rewritten = 0;
  for (const file of await findFiles(dir, ['.tf'])) {
    const text = await fs.readFile(file, 'utf8');
    const { text: next, count } = localModuleSources(text, path.dirname(file));
    rewritten += count;
    if (next !== text) await fs.writeFile(file, next);
  }
  return { dir, rewritten };
}

/** Points the git sources of our modules in one file at this checkout's module folders. */
function localModuleSources(
  text: string,
  fileDir: string,
): { text: string; count: number } {
  let count = 0;
  const next = text.replace(
    /^(\s*source\s*=\s*)"([^"]+)"/gm,
    (whole, prefix: string, source: string) => {
      if (source.startsWith('./') || source.startsWith('../')) return whole;
      const target = resolveModuleSource(source, fileDir, MODULES_DIR);
      if (!target) return whole;
      count += 1;
      return `${prefix}"${path.relative(fileDir, target)}"`;
    },
  );
  return { text: next, count };
}
