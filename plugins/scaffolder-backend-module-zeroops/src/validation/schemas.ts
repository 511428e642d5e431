import { InputError } from '@backstage/errors';
import type { z as zod } from 'zod/v3';
import { MAX_SERVICE_NAME_LENGTH } from '@zeroops/backstage-plugin-zeroops-common';
import {
  explainInvalidAwsAccountId,
  explainInvalidAwsRegion,
  explainInvalidEcsName,
  explainInvalidGitBranchName,
  explainInvalidServiceName,
} from './rules';

/** The zod namespace the scaffolder hands to schema callbacks (zod 3 API). */
export type Zod = typeof zod;

/** A string schema checked by one of the `explainInvalid…` rules. */
export function ruleString(
  z: Zod,
  explain: (value: string) => string | undefined,
  description: string,
) {
  return z.string({ description }).superRefine((value, ctx) => {
    const problem = explain(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

export const serviceNameSchema = (z: Zod) =>
  ruleString(
    z,
    explainInvalidServiceName,
    `Service name: a lowercase DNS label of at most ${MAX_SERVICE_NAME_LENGTH} characters (so that every AWS name derived from it fits), not reserved for the platform`,
  );

export const awsAccountIdSchema = (z: Zod, description: string) =>
  ruleString(z, explainInvalidAwsAccountId, `${description} (12 digits)`);

export const awsRegionSchema = (z: Zod) =>
  ruleString(
    z,
    explainInvalidAwsRegion,
    'AWS region of the environments, such as us-east-1',
  ).default('us-east-1');

/** The ECS cluster of an environment; the foundation names it zeroops-<environment>. */
export const ecsClusterSchema = (z: Zod, env: string) =>
  ruleString(
    z,
    explainInvalidEcsName,
    `ECS cluster of ${env}. Default: zeroops-${env}`,
  ).default(`zeroops-${env}`);

/**
 * Parses an action's raw input with the full schema, refinements included. The scaffolder only
 * checks the JSON-schema shape before calling the handler; the rules (account ids, regions,
 * name lengths) live in refinements, so the handler parses again and fails before writing
 * anything, with one `field: rule` line per problem.
 */
export function parseActionInput<T extends zod.ZodTypeAny>(
  actionId: string,
  schema: T,
  input: unknown,
): zod.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    issue => `${issue.path.join('.') || 'input'}: ${issue.message}`,
  );
  throw new InputError(`Invalid input to ${actionId}: ${problems.join('; ')}`);
}

/** A git branch name; the one rule for every branch an action accepts. */
export const gitBranchSchema = (z: Zod, description: string) =>
  ruleString(z, explainInvalidGitBranchName, description);
