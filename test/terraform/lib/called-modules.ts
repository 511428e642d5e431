import { evaluateModule } from './evaluated-module.ts';
import { ExpressionEvaluator } from './evaluator.ts';
import { loadTerraformModule } from './hcl.ts';
import type { HclBlock, TerraformModule } from './hcl.ts';
import { resolveModuleSource } from './module-source.ts';
import { MODULES_ROOT } from './repository.ts';
import type { TfValue } from './values.ts';

/** A module reached through local module calls, with the inputs of one instance of its call. */
export interface CalledModule {
  /** Prefix of its resource addresses: '' for the caller itself, `module.logs_bucket.`, `module.replica[0].` */
  prefix: string;
  module: TerraformModule;
  inputs: Record<string, TfValue>;
}

/** Arguments of a `module` block that are neither inputs nor decide how many instances exist. */
const NOT_INPUTS = new Set(['source', 'version', 'providers', 'depends_on']);

/** A call as a `terraform_data` block: evaluating it gives the inputs of each instance. */
function callAsProbe(call: HclBlock): HclBlock {
  return {
    ...call,
    type: 'terraform_data',
    body: Object.fromEntries(
      Object.entries(call.body).filter(([key]) => !NOT_INPUTS.has(key)),
    ),
  };
}

/**
 * The module with the given inputs, followed by every module it calls by a local source
 * (`source = "../secure-bucket"`), recursively, each with the inputs its call passes. Checks that
 * measure a module's resources follow its calls with this: a bucket cdn names is declared in
 * secure-bucket. `prepare` rewrites each module before its calls are evaluated (e.g. the naming
 * check's longest account and region values).
 */
export async function withCalledModules(
  module: TerraformModule,
  inputs: Record<string, TfValue>,
  prepare: (module: TerraformModule) => TerraformModule = m => m,
  evaluator: ExpressionEvaluator = new ExpressionEvaluator(),
  prefix = '',
): Promise<CalledModule[]> {
  const result: CalledModule[] = [{ prefix, module, inputs }];
  const calls = module.moduleCalls.filter(
    call =>
      typeof call.body.source === 'string' && /^\.\.?\//.test(call.body.source),
  );
  if (calls.length === 0) return result;
  const probes = await evaluateModule(
    prepare({ ...module, resources: calls.map(callAsProbe), dataSources: [] }),
    { name: `calls of ${module.dir}`, inputs },
    evaluator,
  );
  for (const probe of probes.resources) {
    const call = calls.find(c => c.name === probe.name)!;
    const dir = resolveModuleSource(
      String(call.body.source),
      module.dir,
      MODULES_ROOT,
    )!;
    const instance = probe.address.slice(probe.baseAddress.length);
    result.push(
      ...(await withCalledModules(
        await loadTerraformModule(dir),
        probe.body,
        prepare,
        evaluator,
        `${prefix}module.${call.name}${instance}.`,
      )),
    );
  }
  return result;
}
