import type { HclBody } from './hcl.ts';

/** Arguments of a `module` block that Terraform itself consumes (its meta-arguments). */
export const MODULE_META_ARGUMENTS: ReadonlySet<string> = new Set([
  'source',
  'version',
  'count',
  'for_each',
  'providers',
  'depends_on',
]);

/** The inputs a module call passes to the called module: its body without the meta-arguments. */
export function moduleCallInputs(callBody: HclBody): HclBody {
  return Object.fromEntries(
    Object.entries(callBody).filter(([key]) => !MODULE_META_ARGUMENTS.has(key)),
  );
}
