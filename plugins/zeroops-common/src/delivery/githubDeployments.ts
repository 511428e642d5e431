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
 * `payload` of the GitHub deployments our workflows create. GitHub stores it verbatim and returns
 * it with the deployment (REST and webhooks). The deployment's own `ref` is the commit SHA, so that
 * a push landing while the job waits for approval cannot change what GitHub records; the branch
 * the commit came from therefore travels here. Keys are snake_case like GitHub's own fields.
 *
 * @public
 */
export interface ZeroOpsDeploymentPayload {
  /** The catalog name of the service deployed. */
  service: string;
  /** Branch the commit came from: `main`, `hotfix/…`, or a pull request's head branch. */
  branch: string;
  /** Id of the workflow run that deployed (`github.run_id`), for links to its log. */
  workflow_run_id: number;
}

// Every key once: the compiler rejects this object when the interface gains or loses a key.
const PAYLOAD_KEYS: Record<keyof ZeroOpsDeploymentPayload, true> = {
  service: true,
  branch: true,
  workflow_run_id: true,
};

/**
 * The keys of {@link ZeroOpsDeploymentPayload}, in the order the workflows write them.
 *
 * @public
 */
export const ZEROOPS_DEPLOYMENT_PAYLOAD_KEYS = Object.keys(
  PAYLOAD_KEYS,
) as ReadonlyArray<keyof ZeroOpsDeploymentPayload>;

/**
 * The valid fields of a deployment's `payload`. Deployments created by older workflows (or by
 * anything else) lack some keys or carry other values; each missing or malformed field is
 * undefined rather than failing the whole deployment.
 *
 * @public
 */
export function parseZeroOpsDeploymentPayload(
  payload: unknown,
): Partial<ZeroOpsDeploymentPayload> {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) {
    return {};
  }
  const {
    service,
    branch,
    workflow_run_id: runId,
  } = payload as Record<string, unknown>;
  const text = (value: unknown) =>
    typeof value === 'string' && value.trim() !== '' ? value : undefined;
  // A run id written as a string (`--arg` instead of `--argjson`) still names the run.
  const id =
    typeof runId === 'string' && /^\d+$/.test(runId) ? Number(runId) : runId;
  return {
    service: text(service),
    branch: text(branch),
    workflow_run_id:
      typeof id === 'number' && Number.isSafeInteger(id) && id > 0
        ? id
        : undefined,
  };
}

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
