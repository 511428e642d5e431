import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { InputError } from '@backstage/errors';
import type { ScenarioDocument } from './types.ts';
import { validateScenario } from './validateScenario.ts';

/** Scenarios shipped with the package, by name. @public */
export const BUNDLED_SCENARIOS = ['demo', 'bench-50x4'] as const;

/** Path of a bundled scenario's YAML file. */
export function bundledScenarioPath(name: string): string {
  return fileURLToPath(
    new URL(`../../scenarios/${name}.yaml`, import.meta.url),
  );
}

/** Parses and validates scenario YAML. @public */
export function parseScenarioYaml(
  text: string,
  source = 'scenario',
): ScenarioDocument {
  let document: unknown;
  try {
    document = load(text);
  } catch (error) {
    throw new InputError(`${source} is not valid YAML: ${String(error)}`);
  }
  try {
    return validateScenario(document);
  } catch (error) {
    if (error instanceof InputError) {
      throw new InputError(`${source}: ${error.message}`);
    }
    throw error;
  }
}

/**
 * Loads a scenario by bundled name (`demo`) or file path.
 *
 * @public
 */
export async function loadScenario(
  nameOrPath: string,
): Promise<ScenarioDocument> {
  const path = (BUNDLED_SCENARIOS as readonly string[]).includes(nameOrPath)
    ? bundledScenarioPath(nameOrPath)
    : nameOrPath;
  const text = await readFile(path, 'utf8');
  return parseScenarioYaml(text, path);
}
