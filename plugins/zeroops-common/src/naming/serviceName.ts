import { AWS_NAME_LIMITS } from './limits';
import { ENVIRONMENT_NAME_FORMS } from './environments';
import { NAME_FORMS } from './names';

/** A 12-digit account id: every account id has this length, so it stands for all of them. */
const ACCOUNT_PLACEHOLDER = '123456789012';

/** Upper bound of the search; far above what any 32-character name leaves for a service. */
const SEARCH_LIMIT = 64;

function fitsEverywhere(length: number): boolean {
  const service = 'a'.repeat(length);
  return NAME_FORMS.every(form =>
    ENVIRONMENT_NAME_FORMS.every(
      environment =>
        form.name(service, environment, ACCOUNT_PLACEHOLDER).length <=
        AWS_NAME_LIMITS[form.limit].maxLength,
    ),
  );
}

function deriveMaxServiceNameLength(): number {
  let length = 0;
  while (length < SEARCH_LIMIT && fitsEverywhere(length + 1)) length += 1;
  return length;
}

/**
 * Longest service name: the largest length at which every name in {@link NAME_FORMS} fits its
 * AWS limit for every environment form. Derived, so a new name form lowers it automatically.
 * @public
 */
export const MAX_SERVICE_NAME_LENGTH = deriveMaxServiceNameLength();

/**
 * Service names of the ZeroOps platform itself: `zeroops`, `zeroops-*` and `platform`. The
 * foundation's catalog entity carries one (`zeroops-platform`, the `zeroops:service` cost tag of
 * the shared resources); no service may take them ({@link RESERVED_SERVICE_NAME_RULES}).
 * @public
 */
export const PLATFORM_SERVICE_NAME_PATTERN = /^(?:zeroops(?:-|$)|platform$)/;

/** True for a service name of the platform itself ({@link PLATFORM_SERVICE_NAME_PATTERN}). @public */
export function isPlatformServiceName(name: string): boolean {
  return PLATFORM_SERVICE_NAME_PATTERN.test(name.trim());
}

/**
 * Names a service must not take, with the reason a developer sees:
 * - `zeroops`, `zeroops-*` and `platform`: the platform's clusters, load balancers, VPCs,
 *   budgets, audit trail, roles and state keys are named after them (the foundation itself runs
 *   as `zeroops-platform`);
 * - `shared`: the foundation's shared Aurora cluster and Valkey cache are `shared-<env>`;
 * - an environment word (`production`, `staging`, `ephemeral`, `pr`) as a hyphen-separated
 *   part: deploy policies match `<service>-<environment>-*` and `<service>-pr-*`, so
 *   `orders-pr` would fall into the patterns of `orders`;
 * - `sthree-*` and `amzn-s3-demo-*`: S3 rejects bucket names with these prefixes, and the cdn
 *   module names buckets `<service>-...`.
 * @public
 */
export const RESERVED_SERVICE_NAME_RULES: readonly {
  readonly pattern: RegExp;
  readonly reason: string;
}[] = [
  {
    pattern: PLATFORM_SERVICE_NAME_PATTERN,
    reason:
      'the platform names its own resources, roles and state "zeroops-…" and "platform"',
  },
  {
    pattern: /^shared$/,
    reason:
      'the foundation names its shared Aurora cluster and Valkey cache "shared-<environment>"',
  },
  {
    pattern: /(?:^|-)(?:production|staging|ephemeral|pr)(?:-|$)/,
    reason:
      'an environment word as a part of the name would make deploy policy patterns ("<service>-pr-*") match another service',
  },
  {
    pattern: /^(?:sthree-|amzn-s3-demo-)/,
    reason: 'S3 rejects bucket names with this prefix',
  },
];

/** True for names reserved for the platform or by AWS (see {@link RESERVED_SERVICE_NAME_RULES}). @public */
export function isReservedServiceName(name: string): boolean {
  return RESERVED_SERVICE_NAME_RULES.some(rule => rule.pattern.test(name));
}

/**
 * Shape of a service name: a lowercase DNS label without two hyphens in a row, at most
 * {@link MAX_SERVICE_NAME_LENGTH} characters. Reserved names match it; they are rejected
 * separately because the platform itself passes them to the modules. @public
 */
export const SERVICE_NAME_PATTERN = new RegExp(
  `^(?!.*--)[a-z](?:[a-z0-9-]{0,${MAX_SERVICE_NAME_LENGTH - 2}}[a-z0-9])?$`,
);

/**
 * The JSON Schema `pattern` of the templates' service name field: {@link SERVICE_NAME_PATTERN}
 * with the reserved names excluded, so the form rejects them before anything is created.
 * @public
 */
export const SERVICE_NAME_FORM_PATTERN = `^${RESERVED_SERVICE_NAME_RULES.map(
  ({ pattern: { source } }) =>
    `(?!${source.startsWith('^') ? source.slice(1) : `.*${source}`})`,
).join('')}${SERVICE_NAME_PATTERN.source.slice(1)}`;

/** Why a service name is not acceptable, or undefined when it is. @public */
export function explainInvalidServiceName(name: string): string | undefined {
  if (name.length === 0) return 'must not be empty';
  if (name.length > MAX_SERVICE_NAME_LENGTH) {
    return `must be at most ${MAX_SERVICE_NAME_LENGTH} characters so that every AWS name derived from it fits (target groups "<name>-pr-<n>-g" are limited to 32 characters); "${name}" has ${name.length}`;
  }
  if (name.includes('--')) return 'must not contain two hyphens in a row';
  if (!SERVICE_NAME_PATTERN.test(name)) {
    return 'must be a lowercase DNS label: letters a-z, digits and hyphens, starting with a letter and not ending with a hyphen';
  }
  const reserved = RESERVED_SERVICE_NAME_RULES.find(rule =>
    rule.pattern.test(name),
  );
  if (reserved) return `"${name}" is reserved: ${reserved.reason}`;
  return undefined;
}
