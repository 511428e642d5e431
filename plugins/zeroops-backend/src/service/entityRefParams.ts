import { CompoundEntityRef, makeValidator } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { RequestHandler } from 'express';

/** The catalog's own rules for the parts of an entity ref (Kubernetes-style names). */
const validators = makeValidator();

/** The path prefix of every entity route; {@link validateEntityRefParams} guards it. */
export const ENTITY_ROUTE_PREFIX = '/entities/:kind/:namespace/:name';

const RULES: Array<{
  part: keyof CompoundEntityRef;
  valid: (value: string) => boolean;
  expected: string;
}> = [
  {
    part: 'kind',
    valid: value => validators.isValidKind(value),
    expected: 'letters and digits, starting with a letter, at most 63',
  },
  {
    // Refs are case-insensitive in the catalog; the rule is written for the lower-case form.
    part: 'namespace',
    valid: value =>
      validators.isValidNamespace(value.toLocaleLowerCase('en-US')),
    expected: 'letters, digits and dashes, at most 63',
  },
  {
    part: 'name',
    valid: value => validators.isValidEntityName(value),
    expected:
      'letters, digits, "-", "_" and ".", starting and ending with a letter or digit, at most 63',
  },
];

/**
 * The entity ref of a route's path parameters, checked against the catalog's rules so that
 * nothing malformed (an encoded `/`, a NUL, an emoji) reaches the permission check, the catalog
 * or a cache key. The message names the part and the rule, never echoes the value.
 */
export function parseEntityRefParams(
  params: Partial<Record<keyof CompoundEntityRef, string>>,
): CompoundEntityRef {
  for (const { part, valid, expected } of RULES) {
    const value = params[part];
    if (typeof value !== 'string' || !valid(value)) {
      throw new InputError(
        `The entity ${part} in the path is not a valid entity ${part}: expected ${expected} characters`,
      );
    }
  }
  return {
    kind: params.kind as string,
    namespace: params.namespace as string,
    name: params.name as string,
  };
}

/**
 * Middleware for every route under {@link ENTITY_ROUTE_PREFIX}: answers 400 before any handler
 * runs when the path is not an entity ref.
 */
export const validateEntityRefParams: RequestHandler = (req, _res, next) => {
  try {
    parseEntityRefParams(req.params);
    next();
  } catch (error) {
    next(error);
  }
};
