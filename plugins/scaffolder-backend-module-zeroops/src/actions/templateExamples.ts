import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { JsonObject } from '@backstage/types';
import yaml from 'yaml';

/**
 * An action's example: template steps as the YAML a template author copies. Each step is a
 * fresh object, so that the YAML spells every value out instead of aliasing a repeated one.
 */
export function templateExample(
  description: string,
  ...steps: JsonObject[]
): TemplateExample {
  return { description, example: yaml.stringify({ steps }) };
}

/**
 * A step of one action, named once: called with the input of each example.
 */
export function actionStep(step: { id: string; action: string; name: string }) {
  return (input: JsonObject): JsonObject => ({ ...step, input });
}

/**
 * The AWS accounts of the examples: production in its own account, staging and the
 * pull-request environments in one (their images come from staging's ECR repository).
 */
export const exampleAccounts = () => ({
  production: { accountId: '111111111111' },
  staging: { accountId: '222222222222' },
  ephemeral: { accountId: '222222222222' },
});

/** {@link exampleAccounts} with the domain of each environment's hosted zone under `apex`. */
export const exampleEnvironmentDomains = (apex: string) => {
  const accounts = exampleAccounts();
  return {
    production: { ...accounts.production, domain: apex },
    staging: { ...accounts.staging, domain: `staging.${apex}` },
    ephemeral: { ...accounts.ephemeral, domain: `preview.${apex}` },
  };
};

/** Production tasks bigger than the default, on Graviton. */
export const biggerGravitonCompute = () => ({
  taskCount: 3,
  vcpu: 1,
  memoryGb: 2,
  architecture: 'arm64',
});
