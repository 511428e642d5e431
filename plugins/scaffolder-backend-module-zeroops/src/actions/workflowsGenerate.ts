import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { z as zod } from 'zod/v3';
import {
  explainInvalidEcrRepositoryName,
  explainInvalidEcsName,
  explainInvalidHttpPath,
  explainInvalidIamRoleName,
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
import { generateWorkflowFiles } from '../workflows/generateWorkflowFiles';
import {
  ENVIRONMENTS,
  EnvironmentName,
  WorkflowOptions,
} from '../workflows/types';
import {
  FileGenerator,
  generatorOutputSchema,
  generatorTargetPathSchema,
  runGeneratorAction,
} from './generatorRun';
import { examples } from './workflowsGenerate.examples';

export const WORKFLOWS_GENERATE_ACTION_ID = 'zeroops:workflows:generate';

/** The role the github-oidc module creates for a GitHub environment of the service. */
export const defaultDeployRoleName = (
  serviceName: string,
  env: EnvironmentName,
) => `${serviceName}-github-${env}`;

const environmentTargetSchema = (z: Zod, env: EnvironmentName) =>
  z.object(
    {
      accountId: awsAccountIdSchema(z, `AWS account id of ${env}`),
      roleName: ruleString(
        z,
        explainInvalidIamRoleName,
        `IAM role GitHub Actions assumes in the ${env} account through OIDC. Default: <serviceName>-github-<environment>, the role the github-oidc module creates`,
      ).optional(),
      ecsCluster: ecsClusterSchema(z, env),
    },
    { description: `Where ${env} deploys to` },
  );

const pathString = (z: Zod, description: string, defaultValue: string) =>
  ruleString(z, explainInvalidRepositoryPath, description).default(
    defaultValue,
  );

export const workflowsInputSchema = (z: Zod) =>
  z.object({
    serviceName: serviceNameSchema(z),
    awsRegion: awsRegionSchema(z),
    environments: z.object(
      {
        production: environmentTargetSchema(z, 'production'),
        staging: environmentTargetSchema(z, 'staging'),
        ephemeral: environmentTargetSchema(z, 'ephemeral'),
      },
      {
        description: 'AWS account, deploy role and ECS cluster per environment',
      },
    ),
    ecrRepository: ruleString(
      z,
      explainInvalidEcrRepositoryName,
      'ECR repository of the image. Default: the service name',
    ).optional(),
    ecsServiceName: ruleString(
      z,
      explainInvalidEcsName,
      'ECS service name in production and staging (ephemeral ones add -pr-<n>). Default: the service name',
    ).optional(),
    nodeVersion: z
      .string({
        description:
          'Node.js version set up for tests, or "none" for repositories that bring their own toolchain',
      })
      .regex(
        /^(none|\d+(\.\d+){0,2}|lts\/\*)$/,
        'must be a Node.js version such as 24, or "none"',
      )
      .default('24'),
    installCommand: z
      .string({
        description: 'Command that installs dependencies before the tests',
      })
      .min(1)
      .default('npm ci'),
    testCommand: z
      .string({
        description: 'Command that runs the tests; deployments wait for it',
      })
      .min(1)
      .default('npm test'),
    deploymentStrategy: z
      .enum(['blue-green', 'rolling'], {
        description:
          'How ECS replaces tasks: blue-green (new task set, traffic shift after bake time, alarm rollback) or rolling',
      })
      .default('blue-green'),
    healthCheckPath: ruleString(
      z,
      explainInvalidHttpPath,
      'Path of the health endpoint the smoke test calls after each deployment',
    ).default('/healthz'),
    migrationCommand: z
      .array(z.string().min(1), {
        description:
          'Command of the one-off ECS task that migrates the database before traffic moves (container "app"); [] for none',
      })
      .default(['npm', 'run', 'migrate']),
    dockerfile: pathString(z, 'Path of the Dockerfile', 'docker/Dockerfile'),
    dockerContext: pathString(z, 'Docker build context', '.'),
    infrastructureDirectory: pathString(
      z,
      'Folder with root.hcl and environments/<name>/ (see zeroops:infrastructure:generate)',
      'infrastructure',
    ),
    codeqlLanguages: z
      .array(
        z.enum([
          'actions',
          'c-cpp',
          'csharp',
          'go',
          'java-kotlin',
          'javascript-typescript',
          'python',
          'ruby',
          'rust',
          'swift',
        ]),
        { description: 'Languages CodeQL analyses' },
      )
      .min(1)
      .default(['javascript-typescript']),
    terraformVersion: z
      .string({
        description:
          'Terraform version the workflows install (>= 1.10 for S3 native locking)',
      })
      .regex(
        /^1\.(1\d|[2-9]\d)\.\d+$/,
        'must be a Terraform version of 1.10.0 or later',
      )
      .default('1.12.2'),
    terragruntVersion: ruleString(
      z,
      explainInvalidPinnedRef,
      'Terragrunt version the workflows install',
    ).default('0.77.22'),
    targetPath: generatorTargetPathSchema(z),
  });

type WorkflowsInput = zod.output<ReturnType<typeof workflowsInputSchema>>;

export function toWorkflowOptions(input: WorkflowsInput): WorkflowOptions {
  const environments = Object.fromEntries(
    ENVIRONMENTS.map(env => [
      env,
      {
        accountId: input.environments[env].accountId,
        roleName:
          input.environments[env].roleName ??
          defaultDeployRoleName(input.serviceName, env),
        ecsCluster: input.environments[env].ecsCluster,
      },
    ]),
  ) as WorkflowOptions['environments'];
  return {
    ...input,
    environments,
    ecrRepository: input.ecrRepository ?? input.serviceName,
    ecsServiceName: input.ecsServiceName ?? input.serviceName,
  };
}

/** What `zeroops:workflows:generate` renders; an update re-renders with it too. */
export const workflowsGenerator: FileGenerator<WorkflowsInput> = {
  id: WORKFLOWS_GENERATE_ACTION_ID,
  checkpoint: 'zeroops.workflows.write',
  inputSchema: workflowsInputSchema,
  render: input => generateWorkflowFiles(toWorkflowOptions(input)),
  describeWritten: written =>
    `Wrote ${written.length} files: ${written.join(', ')}`,
};

/**
 * `zeroops:workflows:generate`: GitHub Actions workflows for CI, security scans, staging,
 * production, ephemeral pull-request environments and their cleanup.
 * @public
 */
export function createWorkflowsGenerateAction() {
  return createTemplateAction({
    id: WORKFLOWS_GENERATE_ACTION_ID,
    description:
      'Writes GitHub Actions workflows that test, scan and deploy a container service to ECS Fargate: CI + Trivy + CodeQL, staging on push to staging, production (approval, blue/green) on push to main, an ephemeral environment pr-<n> per feature pull request and its cleanup. Works on any repository with a Dockerfile.',
    examples,
    supportsDryRun: true,
    schema: {
      input: workflowsInputSchema,
      output: generatorOutputSchema,
    },
    handler: ctx => runGeneratorAction(ctx, workflowsGenerator),
  });
}
