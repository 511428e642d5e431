/**
 * How ZeroOps' generated workflows describe a deployment to GitHub, and how the backend reads it
 * back. The workflows (templates/zeroops-service) and the backend follow these constants; a test
 * on the generated workflows checks they write exactly this.
 */

/**
 * `task` of the GitHub deployments our workflows create. GitHub Actions also creates a deployment
 * of its own (task `deploy`) for every job that names an `environment:`; counting only ours keeps
 * one record per rollout, with the ECS deployment joined to it.
 *
 * @public
 */
export const ZEROOPS_DEPLOYMENT_TASK = 'deploy:zeroops';

/**
 * Prefix of the deployment-status description that carries the ECS service deployment ARN
 * (`service.currentServiceDeployment` of the `update-service` answer): `ECS <arn>`. GitHub limits
 * a status description to 140 characters; the naming contract keeps the ARN under that.
 *
 * @public
 */
export const ECS_DEPLOYMENT_DESCRIPTION_PREFIX = 'ECS ';

const SERVICE_DEPLOYMENT_ARN =
  /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:service-deployment\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+$/;

/**
 * The status description a workflow writes for an ECS service deployment.
 *
 * @public
 */
export function formatEcsDeploymentDescription(serviceDeploymentArn: string) {
  return `${ECS_DEPLOYMENT_DESCRIPTION_PREFIX}${serviceDeploymentArn}`;
}

/**
 * The ECS service deployment ARN in a deployment-status description, or undefined when the
 * description carries none (a status written by something other than our workflows).
 *
 * @public
 */
export function parseEcsDeploymentDescription(
  description: string | null | undefined,
): string | undefined {
  if (!description?.startsWith(ECS_DEPLOYMENT_DESCRIPTION_PREFIX)) {
    return undefined;
  }
  const arn = description
    .slice(ECS_DEPLOYMENT_DESCRIPTION_PREFIX.length)
    .trim();
  return SERVICE_DEPLOYMENT_ARN.test(arn) ? arn : undefined;
}

/**
 * The environment a GitHub deployment targets: `production`, `staging` or `pr-<n>` (the
 * ephemeral environments are transient and have the pull request's number).
 *
 * @public
 */
export function pullRequestNumberOfEnvironment(
  environment: string,
): number | undefined {
  const match = /^pr-(\d+)$/.exec(environment);
  return match ? Number(match[1]) : undefined;
}
