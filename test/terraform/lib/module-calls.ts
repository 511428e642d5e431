import type { Finding } from './findings.ts';
import { blocksOf, isHclBody } from './hcl.ts';
import type { HclBlock, TerraformModule } from './hcl.ts';
import { MODULE_META_ARGUMENTS } from './module-call-inputs.ts';

/** Variables a caller must pass: declared without a `default`. */
export function requiredVariables(module: TerraformModule): string[] {
  return module.variables
    .filter(v => !Object.prototype.hasOwnProperty.call(v.body, 'default'))
    .map(v => v.name)
    .sort();
}

/** Provider aliases a module requires its callers to pass (`configuration_aliases`). */
export function requiredProviderAliases(module: TerraformModule): string[] {
  const aliases: string[] = [];
  for (const settings of module.settings) {
    for (const providers of blocksOf(settings.body, 'required_providers')) {
      for (const requirement of Object.values(providers)) {
        if (!isHclBody(requirement)) continue;
        const list = requirement.configuration_aliases;
        for (const alias of Array.isArray(list) ? list : []) {
          if (typeof alias === 'string')
            aliases.push(alias.replace(/^\$\{(.*)\}$/, '$1'));
        }
      }
    }
  }
  return aliases.sort();
}

/**
 * Checks one `module` block against the called module's variables: every required variable is
 * passed and no argument is unknown (Terraform rejects both at `init`/`validate`).
 */
export function checkModuleCall(
  call: HclBlock,
  callerLocation: string,
  target: TerraformModule,
): Finding[] {
  const findings: Finding[] = [];
  const declared = new Set(target.variables.map(v => v.name));
  const address = `module.${call.name}`;
  for (const name of requiredVariables(target)) {
    if (!(name in call.body)) {
      findings.push({
        rule: 'module-call',
        location: `${callerLocation}/${call.file}`,
        address,
        message: `missing required input "${name}" of ${target.dir}`,
      });
    }
  }
  const providers = isHclBody(call.body.providers) ? call.body.providers : {};
  for (const alias of requiredProviderAliases(target)) {
    if (!(alias in providers)) {
      findings.push({
        rule: 'module-call',
        location: `${callerLocation}/${call.file}`,
        address,
        message: `${target.dir} needs the provider configuration ${alias}: pass it in providers = { ${alias} = ... }`,
      });
    }
  }
  for (const name of Object.keys(call.body)) {
    if (MODULE_META_ARGUMENTS.has(name) || declared.has(name)) continue;
    findings.push({
      rule: 'module-call',
      location: `${callerLocation}/${call.file}`,
      address,
      message: `unknown input "${name}": ${target.dir} declares no such variable`,
    });
  }
  return findings;
}
