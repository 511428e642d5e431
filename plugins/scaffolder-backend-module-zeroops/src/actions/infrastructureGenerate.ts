import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { z as zod } from 'zod/v3';
import {
  LISTENER_RULE_SLOTS,
  ZEROOPS_TERRAFORM_MODULES_REF,
} from '@zeroops/backstage-plugin-zeroops-common';
import { generateInfrastructureFiles } from '../infrastructure/generateInfrastructureFiles';
import {
  ENVIRONMENT_FOLDERS,
  EnvironmentFolder,
  InfrastructureOptions,
} from '../infrastructure/types';
import {
  explainInvalidServiceSizing,
  resolveSizing,
  sizingInputSchema,
} from '../sizing/sizingSchema';
import {
  explainInvalidDomainName,
  explainInvalidHttpPath,
  explainInvalidPinnedRef,
  explainInvalidRepositoryPath,
} from '../validation/rules';
import {
  awsAccountIdSchema,
  awsRegionSchema,
  ecsClusterSchema,
  ruleString,
  serviceNameSchema,
  Zod,
} from '../validation/schemas';
import {
  FileGenerator,
  generatorOutputSchema,
  generatorTargetPathSchema,
  runGeneratorAction,
} from './generatorRun';
import { examples } from './infrastructureGenerate.examples';

export const INFRASTRUCTURE_GENERATE_ACTION_ID =
  'zeroops:infrastructure:generate';

const environmentSchema = (z: Zod, env: EnvironmentFolder, example: string) =>
  z.object(
    {
      accountId: awsAccountIdSchema(z, `AWS account id of ${env}`),
      domain: ruleString(
        z,
        explainInvalidDomainName,
        `Domain of the ${env} hosted zone created by the foundation, e.g. ${example}`,
      ),
      ecsCluster: ecsClusterSchema(z, env),
    },
    { description: `Account, domain and cluster of ${env}` },
  );

function explainInvalidModulesRepository(value: string): string | undefined {
  return /^[a-z0-9.-]+\.[a-z]{2,}\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(
    value,
  )
    ? undefined
    : `must be <host>/<owner>/<repository> such as github.com/acme/zeroops, got "${value}"`;
}

/**
 * A release tag of the modules (`terraform-modules/v1.4.0`; a fork may tag plain `v1.4.0`) or a
 * commit: branches move, so generated code never follows one.
 */
function explainInvalidModulesRef(value: string): string | undefined {
  const releaseTag = /^terraform-modules\/v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
  return releaseTag.test(value) || explainInvalidPinnedRef(value) === undefined
    ? undefined
    : `must pin a release tag such as terraform-modules/v1.4.0 or a 40-character commit SHA, got "${value}" (branches move)`;
}

export const infrastructureInputSchema = (z: Zod) =>
  z.object({
    serviceName: serviceNameSchema(z),
    awsRegion: awsRegionSchema(z),
    environments: z.object(
      {
        production: environmentSchema(z, 'production', 'example.com'),
        staging: environmentSchema(z, 'staging', 'staging.example.com'),
        ephemeral: environmentSchema(z, 'ephemeral', 'preview.example.com'),
      },
      { description: 'Account, DNS domain and ECS cluster per environment' },
    ),
    modulesRepository: ruleString(
      z,
      explainInvalidModulesRepository,
      'Repository holding terraform-modules/, as host/owner/name',
    ),
    modulesRef: ruleString(
      z,
      explainInvalidModulesRef,
      `Release tag or commit of the modules (never a branch). Default: ${ZEROOPS_TERRAFORM_MODULES_REF}, the modules released with this version of the action`,
    ).default(ZEROOPS_TERRAFORM_MODULES_REF),
    deploymentStrategy: z
      .enum(['blue-green', 'rolling'], {
        description:
          'Production and staging deployments: blue-green (test listener, bake time, alarm rollback) or rolling',
      })
      .default('blue-green'),
    healthCheckPath: ruleString(
      z,
      explainInvalidHttpPath,
      'Health endpoint the target groups and the smoke test call',
    ).default('/healthz'),
    containerPort: z
      .number({ description: 'Port the container listens on (unprivileged)' })
      .int()
      .min(1024)
      .max(65535)
      .refine(
        port => port !== 8443,
        'must not be 8443, the blue/green test listener port',
      )
      .default(8080),
    database: z
      .boolean({
        description: 'Aurora Serverless v2 PostgreSQL per environment',
      })
      .default(true),
    cache: z
      .boolean({
        description: 'ElastiCache Serverless for Valkey per environment',
      })
      .default(true),
    alarmEmails: z
      .array(z.string().email(), {
        description: 'E-mail addresses notified by the CloudWatch alarms',
      })
      .default([]),
    listenerRuleSlot: z
      .number({
        description: `The service's listener rule slot (1-${LISTENER_RULE_SLOTS}), unique per service on the shared load balancers; listener rule priorities derive from it. Default: read from the registry the foundation publishes (SSM /zeroops/zeroops-<environment>/listener-rule-slots/<service>)`,
      })
      .int()
      .min(1)
      .max(LISTENER_RULE_SLOTS)
      .optional(),
    sizing: sizingInputSchema(z),
    infrastructureDirectory: ruleString(
      z,
      explainInvalidRepositoryPath,
      'Folder that receives root.hcl and environments/',
    ).default('infrastructure'),
    targetPath: generatorTargetPathSchema(z),
  });

type InfrastructureInput = zod.output<
  ReturnType<typeof infrastructureInputSchema>
>;

export function toInfrastructureOptions(
  input: InfrastructureInput,
): InfrastructureOptions {
  const problems = explainInvalidServiceSizing(resolveSizing(input.sizing));
  // Pull-request environments pull the image from the ECR repository that the staging
  // environment creates in its account.
  if (
    input.environments.ephemeral.accountId !==
    input.environments.staging.accountId
  ) {
    problems.push(
      'environments.ephemeral.accountId: must be the staging account, whose ECR repository pull-request environments use',
    );
  }
  if (problems.length > 0) {
    throw new InputError(
      `Invalid input to ${INFRASTRUCTURE_GENERATE_ACTION_ID}: ${problems.join(
        '; ',
      )}`,
    );
  }
  return {
    serviceName: input.serviceName,
    awsRegion: input.awsRegion,
    environments: Object.fromEntries(
      ENVIRONMENT_FOLDERS.map(env => [env, input.environments[env]]),
    ) as InfrastructureOptions['environments'],
    modulesRepository: input.modulesRepository,
    modulesRef: input.modulesRef,
    deploymentStrategy: input.deploymentStrategy,
    healthCheckPath: input.healthCheckPath,
    containerPort: input.containerPort,
    database: input.database,
    cache: input.cache,
    alarmEmails: input.alarmEmails,
    listenerRuleSlot: input.listenerRuleSlot,
    sizing: resolveSizing(input.sizing),
    infrastructureDirectory: input.infrastructureDirectory,
  };
}

/** What `zeroops:infrastructure:generate` renders, and where; an update re-renders with it too. */
export const infrastructureGenerator: FileGenerator<InfrastructureInput> = {
  id: INFRASTRUCTURE_GENERATE_ACTION_ID,
  checkpoint: 'zeroops.infrastructure.write',
  inputSchema: infrastructureInputSchema,
  render: input => generateInfrastructureFiles(toInfrastructureOptions(input)),
  folderFields: input => [
    { field: 'infrastructureDirectory', path: input.infrastructureDirectory },
  ],
  describeWritten: (written, input) =>
    `Wrote ${written.length} files under ${input.infrastructureDirectory}/`,
};

/**
 * `zeroops:infrastructure:generate`: Terragrunt/Terraform for production, staging and
 * ephemeral pull-request environments, calling the ZeroOps modules at a pinned ref.
 * @public
 */
export function createInfrastructureGenerateAction() {
  return createTemplateAction({
    id: INFRASTRUCTURE_GENERATE_ACTION_ID,
    description:
      'Writes infrastructure/root.hcl (S3 state with native locking) and infrastructure/environments/{production,staging,ephemeral}/ calling the ZeroOps Terraform modules at a pinned ref: ECS service, Aurora, Valkey, monitoring, CloudFront and DNS, sized per environment.',
    examples,
    supportsDryRun: true,
    schema: {
      input: infrastructureInputSchema,
      output: generatorOutputSchema,
    },
    handler: ctx => runGeneratorAction(ctx, infrastructureGenerator),
  });
}
