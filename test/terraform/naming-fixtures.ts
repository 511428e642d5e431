/** Inputs and probes shared by the naming contract tests (naming*.test.ts). */
import {
  ENVIRONMENT_NAME_FORMS,
  MAX_SERVICE_NAME_LENGTH,
} from '@zeroops/backstage-plugin-zeroops-common';
import { evaluateIn } from './lib/evaluated-module.ts';
import type { EvaluatedModule } from './lib/evaluated-module.ts';
import { loadTerraformModule } from './lib/hcl.ts';
import type { HclValue, TerraformModule } from './lib/hcl.ts';
import { evaluateAllModules } from './lib/module-suite.ts';
import { moduleDirs } from './lib/repository.ts';
import { isUnknown } from './lib/values.ts';
import type { TfValue } from './lib/values.ts';

export const LONGEST_SERVICE = 'abcdefghijklmnopqrstuvwxyz'.slice(
  0,
  MAX_SERVICE_NAME_LENGTH,
);

export function validationsOf(
  module: TerraformModule,
  variable: string,
): HclValue[] {
  const declared = module.variables.find(v => v.name === variable);
  const validations = declared?.body.validation;
  return (Array.isArray(validations) ? validations : [])
    .map(v =>
      v && typeof v === 'object' && !Array.isArray(v) ? v.condition : undefined,
    )
    .filter((c): c is HclValue => c !== undefined);
}

/** Whether every validation of `variable` accepts `value`. */
export async function accepts(
  module: TerraformModule,
  variable: string,
  value: string,
): Promise<boolean> {
  for (const condition of validationsOf(module, variable)) {
    const result = await evaluateIn(module, condition, { [variable]: value });
    if (result !== true) return false;
  }
  return true;
}

export async function allModules(): Promise<TerraformModule[]> {
  return Promise.all(moduleDirs().map(dir => loadTerraformModule(dir)));
}

export const SHAPE_PROBES = [
  'a',
  'ab',
  'a-b',
  'a1',
  LONGEST_SERVICE,
  `${LONGEST_SERVICE}x`,
  'a--b',
  '-a',
  'a-',
  '1a',
  'Abc',
  'a_b',
  '',
  // Reserved for creation, but the platform itself passes them to the modules.
  'zeroops-platform',
  'shared',
  'orders-pr',
];

/** Each example's inputs with the longest service and every environment form the module takes. */
export async function longestScenarios(): Promise<
  {
    module: EvaluatedModule;
    environment: string;
    inputs: Record<string, TfValue>;
  }[]
> {
  const result = [];
  const seen = new Set<string>();
  for (const model of await evaluateAllModules()) {
    const key = `${model.name} ${model.environment}`;
    const hasService = model.module.variables.some(v => v.name === 'service');
    const hasEnvironment = model.module.variables.some(
      v => v.name === 'environment',
    );
    const forms: string[] = [];
    if (hasEnvironment) {
      for (const form of ENVIRONMENT_NAME_FORMS)
        if (await accepts(model.module, 'environment', form)) forms.push(form);
    }
    // Platform modules take production/staging/ephemeral: their examples' environments stand.
    // So do compositions (terraform-modules/examples/<name>, scenario "../examples/…"): they
    // deploy one environment and find the platform by data sources, whose values are unknown
    // here; every environment form of each module is measured by the module's own examples.
    const composition = model.scenario.startsWith('../');
    const perForm = forms.length > 0 && !composition;
    const environments = perForm ? forms : [String(model.environment ?? '')];
    for (const environment of environments) {
      if (seen.has(`${key} ${environment} ${model.scenario}`)) continue;
      seen.add(`${key} ${environment} ${model.scenario}`);
      const inputs: Record<string, TfValue> = { ...model.inputs };
      if (
        hasService &&
        !isUnknown(inputs.service) &&
        inputs.service !== 'zeroops-platform'
      )
        inputs.service = LONGEST_SERVICE;
      if (perForm) inputs.environment = environment;
      result.push({ module: model, environment, inputs });
    }
  }
  return result;
}
