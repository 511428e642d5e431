import { InputError } from '@backstage/errors';
import { z as zod } from 'zod/v3';
import {
  INFRASTRUCTURE_GENERATE_ACTION_ID,
  infrastructureInputSchema,
  toInfrastructureOptions,
} from '../actions/infrastructureGenerate';
import {
  WORKFLOWS_GENERATE_ACTION_ID,
  toWorkflowOptions,
  workflowsInputSchema,
} from '../actions/workflowsGenerate';
import { generateInfrastructureFiles } from '../infrastructure/generateInfrastructureFiles';
import { parseActionInput } from '../validation/schemas';
import { generateWorkflowFiles } from '../workflows/generateWorkflowFiles';
import {
  GeneratorInputs,
  MANAGED_GENERATORS,
  ManagedGeneratorId,
} from './manifest';

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
    const rendered =
      generator === WORKFLOWS_GENERATE_ACTION_ID
        ? generateWorkflowFiles(
            toWorkflowOptions(
              parseActionInput(generator, workflowsInputSchema(zod), input),
            ),
          )
        : generateInfrastructureFiles(
            toInfrastructureOptions(
              parseActionInput(
                INFRASTRUCTURE_GENERATE_ACTION_ID,
                infrastructureInputSchema(zod),
                input,
              ),
            ),
          );
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
