#!/usr/bin/env node
/*
 * Regenerates terraform-modules/<name>/context.tf of every module listed in
 * test/terraform/lib/module-contexts.ts: the service, environment and tags inputs and the
 * cost-allocation tags local, derived from the naming contract of
 * plugins/zeroops-common/src/naming. The renderer is shared with the test that fails on a
 * stale or missing file (test/terraform/moduleContext.test.ts), so both always agree.
 *
 * Usage: node scripts/terraform/generate-module-context.mjs [--check]
 *   --check  only report stale or missing files and exit 1 if there is any.
 */
import fs from 'node:fs/promises';
import { registerHooks } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Node 24 runs the shared TypeScript directly; its "module type not specified" notice is noise.
process.removeAllListeners('warning');

// The contract's sources import each other without extensions ('./limits'), as the package's
// bundler and Jest resolve them; plain Node needs the '.ts' added.
registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (!specifier.startsWith('.') || path.extname(specifier) !== '')
        throw error;
      return nextResolve(`${specifier}.ts`, context);
    }
  },
});

const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const modulesRoot = path.join(repoRoot, 'terraform-modules');
const contract = await import(
  '../../plugins/zeroops-common/src/naming/index.ts'
);
const { CONTEXT_FILE, renderModuleContext } = await import(
  '../../test/terraform/lib/module-context.ts'
);
const { MODULE_CONTEXTS } = await import(
  '../../test/terraform/lib/module-contexts.ts'
);

const check = process.argv.includes('--check');
const stale = [];
for (const context of MODULE_CONTEXTS) {
  const file = path.join(modulesRoot, context.module, CONTEXT_FILE);
  const current = await fs.readFile(file, 'utf8').catch(() => undefined);
  const next = renderModuleContext(context, contract);
  if (next === current) continue;
  stale.push(path.relative(repoRoot, file));
  if (!check) await fs.writeFile(file, next);
}
if (check && stale.length > 0) {
  console.error(
    `stale or missing module context files (run node scripts/terraform/generate-module-context.mjs):\n  ${stale.join(
      '\n  ',
    )}`,
  );
  process.exit(1);
}
console.log(
  stale.length === 0
    ? 'module context files up to date'
    : `updated ${stale.join(', ')}`,
);
