/** Deployment target of one environment: the AWS account, the role GitHub assumes, the cluster. */
export interface EnvironmentTarget {
  accountId: string;
  /** IAM role GitHub Actions assumes through OIDC in this environment's account. */
  roleName: string;
  ecsCluster: string;
}

/** The platform environments a generated repository deploys to. */
export const ENVIRONMENTS = ['production', 'staging', 'ephemeral'] as const;
export type EnvironmentName = (typeof ENVIRONMENTS)[number];

/** Everything the workflow generator needs; the action fills defaults before calling it. */
export interface WorkflowOptions {
  serviceName: string;
  awsRegion: string;
  environments: Record<EnvironmentName, EnvironmentTarget>;
  ecrRepository: string;
  /** ECS service name in persistent environments; ephemeral ones add `-pr-<n>`. */
  ecsServiceName: string;
  /** Node.js version for actions/setup-node, or `none` for repositories with their own toolchain. */
  nodeVersion: string;
  installCommand: string;
  testCommand: string;
  deploymentStrategy: 'blue-green' | 'rolling';
  healthCheckPath: string;
  /** Command of the one-off migration task (container `app`); empty for no migrations. */
  migrationCommand: string[];
  dockerfile: string;
  dockerContext: string;
  /** Folder holding `root.hcl` and `environments/<name>/`. */
  infrastructureDirectory: string;
  codeqlLanguages: string[];
  terraformVersion: string;
  terragruntVersion: string;
}

/** A GitHub Actions step as written to YAML. */
export interface Step {
  name: string;
  id?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
  'working-directory'?: string;
  run?: string;
}

/** A GitHub Actions job as written to YAML. */
export interface Job {
  name: string;
  'runs-on': string;
  if?: string;
  needs?: string | string[];
  environment?: { name: string; url?: string };
  permissions: Record<string, 'read' | 'write'>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  strategy?: Record<string, unknown>;
  'timeout-minutes': number;
  outputs?: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
}

/** A GitHub Actions workflow as written to YAML. */
export interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  defaults: { run: { shell: string } };
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}
