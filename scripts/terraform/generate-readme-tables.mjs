#!/usr/bin/env node
/*
 * Regenerates the inputs/outputs tables of every terraform-modules/<name>/README.md from the
 * module's variables and outputs (between <!-- BEGIN_TF_DOCS --> and <!-- END_TF_DOCS -->).
 * The table code is shared with the test that fails on stale READMEs
 * (test/terraform/readme.test.ts), so both always agree.
 *
 * Usage: node scripts/terraform/generate-readme-tables.mjs [--check]
 *   --check  only report stale READMEs and exit 1 if there is any.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Node 24 runs the shared TypeScript directly; its "module type not specified" notice is noise.
process.removeAllListeners('warning');

const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const modulesRoot = path.join(repoRoot, 'terraform-modules');
const { loadTerraformModule } = await import('../../test/terraform/lib/hcl.ts');
const { renderReadmeTables, updateReadme } = await import(
  '../../test/terraform/lib/readme-tables.ts'
);

const check = process.argv.includes('--check');
const stale = [];
for (const entry of (
  await fs.readdir(modulesRoot, { withFileTypes: true })
).sort((a, b) => a.name.localeCompare(b.name))) {
  const dir = path.join(modulesRoot, entry.name);
  if (!entry.isDirectory()) continue;
  try {
    await fs.access(path.join(dir, 'variables.tf'));
  } catch {
    continue;
  }
  const readmePath = path.join(dir, 'README.md');
  const current = await fs
    .readFile(readmePath, 'utf8')
    .catch(() => `# ${entry.name}\n`);
  const next = updateReadme(
    current,
    renderReadmeTables(await loadTerraformModule(dir)),
  );
  if (next === current) continue;
  stale.push(path.relative(repoRoot, readmePath));
  if (!check) await fs.writeFile(readmePath, next);
}
if (check && stale.length > 0) {
  console.error(
    `stale README tables (run node scripts/terraform/generate-readme-tables.mjs):\n  ${stale.join(
      '\n  ',
    )}`,
  );
  process.exit(1);
}
console.log(
  stale.length === 0
    ? 'README tables up to date'
    : `updated ${stale.join(', ')}`,
);
