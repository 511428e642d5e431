/**
 * What ZeroOps' generated workflows write to GitHub (the delivery contract of
 * `@zeroops/backstage-plugin-zeroops-common`, `src/delivery/githubDeployments.ts`, and its naming
 * contract). The simulator plays those workflows, so it writes the same values.
 *
 * The simulator's CLI runs its TypeScript sources with Node's type stripping, which cannot load
 * the common package's sources (extensionless and type-only imports), so the few values are
 * mirrored here; `contract.test.ts` fails when they differ from the common package.
 */

/** `task` of the deployments our workflows create. */
export const ZEROOPS_TASK = 'deploy:zeroops';

/** `payload` of the deployments our workflows create (`ZeroOpsDeploymentPayload`). */
export type ZeroOpsPayload = {
  service: string;
  branch: string;
  workflow_run_id: number;
};

/** The payload our workflows write: the commit's branch (`ref` is the SHA) and their run. */
export function zeroOpsPayload(
  service: string,
  branch: string,
  workflowRunId: number,
): ZeroOpsPayload {
  return { service, branch, workflow_run_id: workflowRunId };
}

/** `task` of the deployments GitHub Actions creates for a job that names an `environment:`. */
export const ACTIONS_TASK = 'deploy';

/** Status description carrying the ECS service deployment ARN. */
export function ecsDescription(arn: string): string {
  return `ECS ${arn}`;
}

/** `pr-<n>`: the environment of a pull request. */
export function pullRequestEnvironment(number: number): string {
  return `pr-${number}`;
}

/** ECS service name: `<service>-pr-<n>` in the shared ephemeral cluster. */
export function ecsServiceNameOf(service: string, environment: string): string {
  return /^pr-\d+$/.test(environment) ? `${service}-${environment}` : service;
}

/** Accounts and clusters of the demo AWS scenario (`dev/aws-simulator/scenarios/demo.yaml`). */
export const DEMO_AWS = {
  region: 'us-east-1',
  production: { account: '111111111111', cluster: 'zeroops-production' },
  staging: { account: '222222222222', cluster: 'zeroops-staging' },
  ephemeral: { account: '222222222222', cluster: 'zeroops-ephemeral' },
} as const;

/** Where an environment of a service runs in the demo AWS scenario. */
export function awsPlacementOf(environment: string): {
  account: string;
  cluster: string;
} {
  if (environment === 'production') return DEMO_AWS.production;
  if (environment === 'staging') return DEMO_AWS.staging;
  return DEMO_AWS.ephemeral;
}

/** An ECS service deployment ARN in the format ECS (and the AWS simulator) writes. */
export function serviceDeploymentArn(
  service: string,
  environment: string,
  id: string,
): string {
  const { account, cluster } = awsPlacementOf(environment);
  return `arn:aws:ecs:${
    DEMO_AWS.region
  }:${account}:service-deployment/${cluster}/${ecsServiceNameOf(
    service,
    environment,
  )}/${id}`;
}
