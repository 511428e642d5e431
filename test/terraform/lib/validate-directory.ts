import path from 'node:path';
import type { Finding } from './findings.ts';
import { findFiles, loadTerraformModule } from './hcl.ts';
import type { TerraformModule } from './hcl.ts';
import { checkModuleCall } from './module-calls.ts';
import { resolveModuleSource } from './module-source.ts';
import { loadProviderSchema } from './provider-schema.ts';
import type { ProviderSchema } from './provider-schema.ts';
import { validateReferences } from './references.ts';
import { validateModuleAgainstSchema } from './schema-validator.ts';

export interface ValidateOptions {
  /** Folder holding our modules (`terraform-modules/`), to resolve `//terraform-modules/<name>` sources. */
  modulesRoot: string;
  schema?: ProviderSchema;
  /** Base for the locations in findings; defaults to the current directory. */
  relativeTo?: string;
}

/**
 * Validates one directory of `.tf` files the way `terraform validate` would, offline: provider
 * schema, references, and every `module` call whose source is local or one of our modules
 * (inputs required by the module are passed, no unknown inputs, outputs read exist).
 */
export async function validateTerraformDirectory(
  dir: string,
  options: ValidateOptions,
): Promise<Finding[]> {
  const schema = options.schema ?? loadProviderSchema();
  const location =
    path.relative(options.relativeTo ?? process.cwd(), dir) || '.';
  const module = await loadTerraformModule(dir);
  const findings = validateModuleAgainstSchema(module, schema, location);

  const targets = new Map<string, TerraformModule>();
  for (const call of module.moduleCalls) {
    const source = call.body.source;
    if (typeof source !== 'string') {
      findings.push({
        rule: 'module-call',
        location: `${location}/${call.file}`,
        address: `module.${call.name}`,
        message: 'source must be a literal string',
      });
      continue;
    }
    const targetDir = resolveModuleSource(source, dir, options.modulesRoot);
    if (!targetDir) continue;
    let target: TerraformModule;
    try {
      target = await loadTerraformModule(targetDir);
    } catch (error) {
      findings.push({
        rule: 'module-call',
        location: `${location}/${call.file}`,
        address: `module.${call.name}`,
        message: `cannot load module source ${source} (${targetDir}): ${String(
          error,
        )}`,
      });
      continue;
    }
    targets.set(call.name, target);
    findings.push(...checkModuleCall(call, location, target));
  }

  findings.push(
    ...(await validateReferences(
      module,
      schema,
      name => {
        const target = targets.get(name);
        return target && new Set(target.outputs.map(o => o.name));
      },
      location,
    )),
  );
  return findings;
}

/** Every directory below `root` that holds `.tf` files, each validated on its own. */
export async function validateTerraformTree(
  root: string,
  options: ValidateOptions,
): Promise<Finding[]> {
  const dirs = [
    ...new Set((await findFiles(root, ['.tf'])).map(f => path.dirname(f))),
  ];
  const findings: Finding[] = [];
  for (const dir of dirs) {
    findings.push(...(await validateTerraformDirectory(dir, options)));
  }
  return findings;
}
