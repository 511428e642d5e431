import path from 'node:path';
import { evaluateModule, scenariosFromExamples } from './evaluated-module.ts';
import type { EvaluatedModule } from './evaluated-module.ts';
import { ExpressionEvaluator } from './evaluator.ts';
import { loadTerraformModule, moduleFromSources } from './hcl.ts';
import {
  compositionDirs,
  exampleDirs,
  MODULES_ROOT,
  moduleDirs,
} from './repository.ts';
import type { TfValue } from './values.ts';

/**
 * Every module evaluated with the inputs of each of its examples: what the policy and contract
 * tests look at. Cached per process because every test file needs it.
 */
let cached: Promise<EvaluatedModule[]> | undefined;

export function evaluateAllModules(
  root: string = MODULES_ROOT,
): Promise<EvaluatedModule[]> {
  if (root !== MODULES_ROOT) return evaluateModules(root);
  cached ??= evaluateModules(root);
  return cached;
}

async function evaluateModules(root: string): Promise<EvaluatedModule[]> {
  const evaluator = new ExpressionEvaluator();
  const result: EvaluatedModule[] = [];
  for (const dir of moduleDirs(root)) {
    const module = await loadTerraformModule(dir);
    for (const scenario of await scenariosFromExamples(
      dir,
      // Compositions count for every module they call (scenariosFromExamples keeps those calls).
      [...exampleDirs(dir), ...compositionDirs(root)],
      root,
      evaluator,
    )) {
      result.push(await evaluateModule(module, scenario, evaluator));
    }
  }
  return result;
}

/** Evaluates an HCL snippet as a module named `fixture` (policy tests feed rules with these). */
export async function evaluateSnippet(
  hcl: string,
  inputs: Record<string, TfValue> = {},
): Promise<EvaluatedModule> {
  const module = await moduleFromSources(path.join(MODULES_ROOT, 'fixture'), {
    'main.tf': hcl,
  });
  return evaluateModule(module, { name: 'fixture', inputs });
}
