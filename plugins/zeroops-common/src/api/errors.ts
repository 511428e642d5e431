import type { components } from './generated/openapi';

/**
 * Classification of an AWS failure for one environment. The other environments of the same
 * entity still return data.
 *
 * @public
 */
export type EnvironmentErrorCode =
  components['schemas']['EnvironmentErrorCode'];

/**
 * The AWS API family that failed.
 *
 * @public
 */
export type AwsDataSource = components['schemas']['EnvironmentError']['source'];

/**
 * Why AWS could not be read for an environment, or for one of its secondary sources.
 *
 * @public
 */
export type EnvironmentError = components['schemas']['EnvironmentError'];

/**
 * Every stable code a failed ZeroOps API request can carry as `error.code` in its Backstage
 * error body, so that clients tell failures apart without reading the English message:
 * - `not-allowed`: the caller lacks `catalog.entity.read` on the entity or `zeroops.cost.read` (403);
 * - `entity-not-found`: the catalog has no such entity (404);
 * - `annotation-missing`: the entity has no usable `zeroops.io/service-name` (or AWS ECS
 *   service ARN) annotation (404);
 * - `github-repository-missing`: the entity names no GitHub repository, so it has no delivery
 *   data (404);
 * - `delivery-disabled`: delivery is switched off in this Backstage (404).
 *
 * The list mirrors the `ZeroOpsApiErrorCode` schema of the backend's OpenAPI document (a test of
 * the backend checks that they agree). It stays hand-written because clients need the codes at
 * run time, which generated types cannot give.
 *
 * @public
 */
export const ZEROOPS_API_ERROR_CODES = [
  'not-allowed',
  'entity-not-found',
  'annotation-missing',
  'github-repository-missing',
  'delivery-disabled',
] as const;

/**
 * A stable code of a failed ZeroOps API request; see {@link ZEROOPS_API_ERROR_CODES}.
 *
 * @public
 */
export type ZeroOpsApiErrorCode = (typeof ZEROOPS_API_ERROR_CODES)[number];

/**
 * The ZeroOps code of an error body's `error.code`, or undefined when it carries none or one
 * this version does not know (an older or newer backend, a library's own code on a 5xx).
 *
 * @public
 */
export function zeroOpsApiErrorCodeOf(
  code: unknown,
): ZeroOpsApiErrorCode | undefined {
  return ZEROOPS_API_ERROR_CODES.find(known => known === code);
}
