import { formatTerraform } from './fmt.ts';

/**
 * Renders `terraform-modules/<module>/context.tf`: the `service`, `environment` and `tags`
 * inputs and the cost-allocation `tags` local, the naming and tagging contract every module
 * shares (like cloudposse's generated context.tf). The regexes, lists and error messages are
 * derived from the contract of plugins/zeroops-common/src/naming, so a change there reaches
 * every module by regenerating, instead of by editing 14 copies. Only what differs per module
 * (descriptions, the service default, the environment kind) is in {@link MODULE_CONTEXTS}.
 *
 * Shared by scripts/terraform/generate-module-context.mjs (writes the files) and
 * test/terraform/moduleContext.test.ts (fails on a stale or missing file), so both agree.
 * The contract is passed in rather than imported: the script runs this file in plain Node,
 * which cannot load the package's extensionless imports without help (see the script).
 */

/** The values of the naming contract (plugins/zeroops-common/src/naming) the file is built from. */
export interface NamingContract {
  readonly MAX_SERVICE_NAME_LENGTH: number;
  readonly MAX_PULL_REQUEST_NUMBER: number;
  readonly ENVIRONMENT_NAME_FORMS: readonly string[];
  readonly COST_ALLOCATION_TAGS: {
    readonly service: string;
    readonly environment: string;
  };
}

/** Phrases of the contract that descriptions may use, so they cannot drift from validations. */
export interface ContractPhrases {
  /** `zeroops:service` */
  serviceTag: string;
  /** `lowercase DNS label of at most 21 characters` */
  serviceLabel: string;
  /** The accepted environments as a list: `production, staging or pr-<n>`, or the scope list. */
  environments: string;
}

type Describe = (phrases: ContractPhrases) => string;

/**
 * Which environments a module accepts: an environment instance of a service (`production`,
 * `staging`, `pr-<n>`, as the contract's ENVIRONMENT_NAME_FORMS), or a scope of shared platform
 * resources, which is not in the contract (`ephemeral` is the shared home of all `pr-<n>`
 * instances, `all` an account- or organization-wide resource).
 */
export type EnvironmentKind =
  | { instances: true }
  | { platformScopes: readonly string[] };

export interface ModuleContext {
  module: string;
  service: { describe: Describe; default?: string };
  environment: { describe: Describe; default?: string } & EnvironmentKind;
}

/** File name of the generated context in each module folder. */
export const CONTEXT_FILE = 'context.tf';

const INSTANCES = { instances: true } as const;
const PLATFORM = ['production', 'staging', 'ephemeral'] as const;
const ACCOUNT = ['production', 'staging', 'all'] as const;
/** The foundation's own service name, the `zeroops:service` tag of shared platform resources. */
const PLATFORM_SERVICE = 'zeroops-platform';

const serviceName: Describe = p => `Service name: ${p.serviceLabel}.`;
const instance: Describe = p => `Environment instance: ${p.environments}.`;
const serviceTag: Describe = p => `Value of the ${p.serviceTag} tag.`;
const sharedServiceTag: Describe = p =>
  `Value of the ${p.serviceTag} cost-allocation tag for shared platform resources.`;

/** The modules whose context.tf is generated, with what differs between them. */
export const MODULE_CONTEXTS: readonly ModuleContext[] = [
  {
    module: 'audit',
    service: { describe: serviceTag, default: PLATFORM_SERVICE },
    environment: {
      platformScopes: ACCOUNT,
      describe: p =>
        `Account scope of the trail, used in names and tags: ${p.environments} (an organization's management account).`,
    },
  },
  {
    module: 'budgets',
    service: {
      describe: p =>
        `Value of the ${p.serviceTag} tag of the budgets themselves.`,
      default: PLATFORM_SERVICE,
    },
    environment: {
      platformScopes: [...PLATFORM, 'all'],
      default: 'all',
      describe: p =>
        `Scope of the budgets, used in their names and tags: ${p.environments} (the whole platform, usually in the payer account).`,
    },
  },
  {
    module: 'cache',
    service: {
      describe: p =>
        `${serviceName(p)} The cache is named <service>-<environment>.`,
    },
    environment: { ...INSTANCES, describe: instance },
  },
  {
    module: 'cdn',
    service: { describe: serviceName },
    environment: { ...INSTANCES, describe: instance },
  },
  {
    module: 'database',
    service: {
      describe: p =>
        `${serviceName(p)} The cluster is named <service>-<environment>.`,
    },
    environment: { ...INSTANCES, describe: instance },
  },
  {
    module: 'dns',
    service: { describe: serviceName },
    environment: { ...INSTANCES, describe: instance },
  },
  {
    module: 'ecs-cluster',
    service: { describe: sharedServiceTag, default: PLATFORM_SERVICE },
    environment: {
      platformScopes: PLATFORM,
      describe: p =>
        `Platform environment: ${p.environments} (the shared cluster of pull-request environments).`,
    },
  },
  {
    module: 'ecs-service',
    service: {
      describe: p =>
        `${serviceName(
          p,
        )} Names the ECS service, task family, target groups, log group and roles.`,
    },
    environment: {
      ...INSTANCES,
      describe: p =>
        `Environment instance: ${p.environments} for a pull-request environment.`,
    },
  },
  {
    module: 'edge-security',
    service: { describe: serviceTag, default: PLATFORM_SERVICE },
    environment: {
      platformScopes: PLATFORM,
      describe: p =>
        `Platform environment whose zone and web ACL these are: ${p.environments}.`,
    },
  },
  {
    module: 'load-balancer',
    service: {
      describe: p =>
        `Value of the ${p.serviceTag} cost-allocation tag. The load balancer is shared by every service of the environment.`,
      default: PLATFORM_SERVICE,
    },
    environment: {
      platformScopes: PLATFORM,
      describe: p =>
        `Platform environment: ${p.environments}. Deletion protection is on in production.`,
    },
  },
  {
    module: 'monitoring',
    service: {
      describe: p =>
        `${serviceName(p)} Alarms are named <service>-<environment>-<signal>.`,
    },
    environment: { ...INSTANCES, describe: instance },
  },
  {
    module: 'networking',
    service: { describe: sharedServiceTag, default: PLATFORM_SERVICE },
    environment: {
      platformScopes: PLATFORM,
      describe: p =>
        `Platform environment this network serves: ${p.environments}. Production gets one NAT gateway per availability zone and interface endpoints; the others share one NAT gateway.`,
    },
  },
  {
    module: 'secrets',
    service: {
      describe: p =>
        `${serviceName(p)} Secrets are named <service>/<environment>/<name>.`,
    },
    environment: { ...INSTANCES, describe: instance },
  },
  {
    module: 'state-backend',
    service: { describe: serviceTag, default: PLATFORM_SERVICE },
    environment: {
      platformScopes: ACCOUNT,
      describe: p =>
        `Account scope of the state bucket, used in tags: ${p.environments}.`,
    },
  },
];

/**
 * Modules that declare some of these inputs by hand on purpose, because they mean something
 * else there; the test fails on any other module that declares the whole contract by hand.
 */
export const HAND_WRITTEN_CONTEXTS: Readonly<Record<string, string>> = {
  'github-oidc':
    'no environment input (one role per environment of var.environments), service also names roles and rejects reserved names, tags carry only zeroops:service',
  'identity-center':
    'no environment input: organization-wide permission sets are always tagged zeroops:environment = all',
  'kms-key':
    "building block: takes the caller's complete tags (cost-allocation tags included), no service or environment",
  'secure-bucket':
    "building block: takes the caller's complete tags (cost-allocation tags included), no service or environment",
};

const GENERATED_HEADER = [
  '# Generated by scripts/terraform/generate-module-context.mjs from the naming and tagging contract',
  '# (plugins/zeroops-common/src/naming: service name pattern and length, environment forms,',
  "# cost-allocation tags) and this module's entry in test/terraform/lib/module-context.ts.",
  '# Do not edit: change the contract or the entry, then run',
  '#   node scripts/terraform/generate-module-context.mjs',
];

/** An HCL quoted string: JSON escapes, plus `$${` and `%%{` so no template is interpolated. */
function hclString(text: string): string {
  return JSON.stringify(text).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
}

/** `a, b or c`, the way every message and description of the modules lists choices. */
function choices(words: readonly string[]): string {
  return words.length < 2
    ? words.join('')
    : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The service name shape for Terraform's `regex` (RE2). The contract's SERVICE_NAME_PATTERN
 * rejects "--" with a lookahead `(?!.*--)`, which RE2 does not support, so this pattern is
 * derived from the contract's MAX_SERVICE_NAME_LENGTH instead (first letter, last letter or
 * digit, up to length - 2 in between) and "--" is rejected by a separate `strcontains`.
 */
export function serviceNameRe2Pattern(contract: NamingContract): string {
  return `^[a-z]([a-z0-9-]{0,${
    contract.MAX_SERVICE_NAME_LENGTH - 2
  }}[a-z0-9])?$`;
}

/**
 * The persistent environment names and the pull-request prefix, from ENVIRONMENT_NAME_FORMS:
 * its pull-request form is `<prefix><MAX_PULL_REQUEST_NUMBER>`.
 */
function environmentForms(contract: NamingContract) {
  const number = String(contract.MAX_PULL_REQUEST_NUMBER);
  const pullRequest = contract.ENVIRONMENT_NAME_FORMS.find(
    form => form.endsWith(number) && form !== number,
  );
  if (!pullRequest)
    throw new Error(
      `ENVIRONMENT_NAME_FORMS has no pull-request form ending in ${number}`,
    );
  return {
    persistent: contract.ENVIRONMENT_NAME_FORMS.filter(f => f !== pullRequest),
    pullRequestPrefix: pullRequest.slice(0, -number.length),
  };
}

/**
 * An environment instance name for Terraform's `regex` (RE2): a persistent name, or the
 * pull-request prefix and a number from 1 to MAX_PULL_REQUEST_NUMBER without leading zeros.
 * A digit count bounds the number exactly only when the maximum is all nines (99999).
 */
export function environmentInstanceRe2Pattern(
  contract: NamingContract,
): string {
  const max = contract.MAX_PULL_REQUEST_NUMBER;
  const digits = String(max).length;
  if (!Number.isInteger(max) || max !== 10 ** digits - 1)
    throw new Error(
      `MAX_PULL_REQUEST_NUMBER ${max} is not all nines: a digit count cannot bound it in the Terraform regex`,
    );
  const { persistent, pullRequestPrefix } = environmentForms(contract);
  const alternatives = [
    ...persistent.map(escapeRegex),
    `${escapeRegex(pullRequestPrefix)}[1-9][0-9]{0,${digits - 1}}`,
  ];
  return `^(${alternatives.join('|')})$`;
}

function variableBlock(
  name: string,
  lines: { description: string; type: string; default?: string },
  validation?: { condition: string; errorMessage: string },
): string[] {
  return [
    `variable "${name}" {`,
    `description = ${hclString(lines.description)}`,
    `type = ${lines.type}`,
    ...(lines.default === undefined
      ? []
      : [`default = ${hclString(lines.default)}`]),
    ...(validation
      ? [
          '',
          'validation {',
          `condition = ${validation.condition}`,
          `error_message = ${hclString(validation.errorMessage)}`,
          '}',
        ]
      : []),
    '}',
  ];
}

/** The context.tf of one module, laid out as `terraform fmt` does. */
export function renderModuleContext(
  context: ModuleContext,
  contract: NamingContract,
): string {
  const tags = contract.COST_ALLOCATION_TAGS;
  const { environment } = context;
  const instances = 'instances' in environment;
  const environmentChoices = instances
    ? choices([
        ...environmentForms(contract).persistent,
        `${environmentForms(contract).pullRequestPrefix}<n>`,
      ])
    : choices(environment.platformScopes);
  const phrases: ContractPhrases = {
    serviceTag: tags.service,
    serviceLabel: `lowercase DNS label of at most ${contract.MAX_SERVICE_NAME_LENGTH} characters`,
    environments: environmentChoices,
  };
  const lines = [
    ...GENERATED_HEADER,
    '',
    ...variableBlock(
      'service',
      {
        description: context.service.describe(phrases),
        type: 'string',
        default: context.service.default,
      },
      {
        condition: `can(regex(${hclString(
          serviceNameRe2Pattern(contract),
        )}, var.service)) && !strcontains(var.service, "--")`,
        errorMessage: `service must be a lowercase DNS label (a-z, 0-9, single hyphens) of at most ${contract.MAX_SERVICE_NAME_LENGTH} characters.`,
      },
    ),
    '',
    ...variableBlock(
      'environment',
      {
        description: environment.describe(phrases),
        type: 'string',
        default: environment.default,
      },
      instances
        ? {
            condition: `can(regex(${hclString(
              environmentInstanceRe2Pattern(contract),
            )}, var.environment))`,
            errorMessage: `environment must be ${environmentChoices} (n from 1 to ${contract.MAX_PULL_REQUEST_NUMBER}).`,
          }
        : {
            condition: `contains([${environment.platformScopes
              .map(hclString)
              .join(', ')}], var.environment)`,
            errorMessage: `environment must be ${environmentChoices}.`,
          },
    ),
    '',
    'variable "tags" {',
    `description = ${hclString(
      `Extra tags for every resource. The ${tags.service} and ${tags.environment} tags are always set.`,
    )}`,
    'type = map(string)',
    'default = {}',
    '}',
    '',
    '# Every resource of the module is tagged with local.tags: the cost-allocation tags override',
    '# an extra tag of the same key.',
    'locals {',
    'tags = merge(var.tags, {',
    `${hclString(tags.service)} = var.service`,
    `${hclString(tags.environment)} = var.environment`,
    '})',
    '}',
  ];
  return formatTerraform(`${lines.join('\n')}\n`);
}
