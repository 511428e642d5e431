import { InputError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import { renderGeneratorFiles } from '../actions/generatorRun';
import {
  INFRASTRUCTURE_GENERATE_ACTION_ID,
  infrastructureGenerator,
} from '../actions/infrastructureGenerate';
import {
  WORKFLOWS_GENERATE_ACTION_ID,
  workflowsGenerator,
} from '../actions/workflowsGenerate';
import { GeneratedFiles } from '../files/writeGeneratedFiles';
import {
  GeneratorInputs,
  MANAGED_GENERATORS,
  ManagedGeneratorId,
} from './manifest';

/** Each managed generator's rendering from a recorded input, by action id. */
const RENDER: Record<
  ManagedGeneratorId,
  (input: JsonObject) => GeneratedFiles
> = {
  [WORKFLOWS_GENERATE_ACTION_ID]: input =>
    renderGeneratorFiles(workflowsGenerator, input),
  [INFRASTRUCTURE_GENERATE_ACTION_ID]: input =>
    renderGeneratorFiles(infrastructureGenerator, input),
};

/**
 * What the generators write today for the inputs a repository recorded: path (relative to the
 * repository root) → content. The same functions as the generator actions, so an update
 * produces exactly what a new repository gets.
 */
export function renderManagedFiles(inputs: GeneratorInputs): {
  files: Map<string, string>;
  /** The paths each generator wrote. */
  byGenerator: Map<ManagedGeneratorId, string[]>;
} {
  const files = new Map<string, string>();
  const byGenerator = new Map<ManagedGeneratorId, string[]>();
  for (const generator of MANAGED_GENERATORS) {
    const input = inputs[generator];
    if (!input) continue;
    const rendered = RENDER[generator](input);
    for (const [file, content] of rendered) {
      if (files.has(file)) {
        throw new InputError(
          `${generator} writes "${file}", which another generator of this repository writes too; give the generators different folders`,
        );
      }
      files.set(file, content);
    }
    byGenerator.set(generator, [...rendered.keys()]);
  }
  return { files, byGenerator };
}
