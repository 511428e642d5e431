/**
 * Steps that report a rollout to GitHub as a deployment (REST `POST .../deployments` and
 * `.../statuses` through `gh api`, no third-party action). The ZeroOps backend reads these
 * deployments for the Delivery and DORA cards and joins them to AWS through the ECS service
 * deployment ARN in the status description. Like every generated script, these read their
 * values from `env:`; no `${{ }}` expression is spliced into a shell.
 */
import {
  ECS_DEPLOYMENT_DESCRIPTION_PREFIX,
  ZEROOPS_DEPLOYMENT_TASK,
} from '@zeroops/backstage-plugin-zeroops-common';
import { Step } from './types';

/** GitHub rejects a deployment status whose description is longer (422). */
export const GITHUB_STATUS_DESCRIPTION_MAX_LENGTH = 140;

/** `id` of the step that creates the deployment; later steps read its `id` output. */
export const CREATE_DEPLOYMENT_STEP_ID = 'github_deployment';

const GITHUB_TOKEN = '${{ github.token }}';
const DEPLOYMENT_ID = `\${{ steps.${CREATE_DEPLOYMENT_STEP_ID}.outputs.id }}`;

const CREATE_DEPLOYMENT = `# GitHub Actions already creates a deployment (task "deploy") for every job that names an
# environment; ours carries its own task so that the ZeroOps backend counts exactly one record per
# rollout, the one that carries the ECS deployment. ref is the commit itself, not the branch: the
# deployment's sha is then the commit whose image this job deploys, even if the branch moved on.
# The payload (ZeroOpsDeploymentPayload) carries the branch instead, and the run for its log link.
if ! [[ "$WORKFLOW_RUN_ID" =~ ^[0-9]+$ ]]; then
  echo "::error::github.run_id is not a number: $WORKFLOW_RUN_ID"
  exit 1
fi
body="$(jq -n \\
  --arg ref "$DEPLOY_SHA" --arg task "$DEPLOYMENT_TASK" --arg environment "$DEPLOYMENT_ENVIRONMENT" \\
  --argjson transient "$TRANSIENT_ENVIRONMENT" --argjson production "$PRODUCTION_ENVIRONMENT" \\
  --arg service "$SERVICE_NAME" --arg branch "$DEPLOY_BRANCH" --argjson run_id "$WORKFLOW_RUN_ID" \\
  '{ref: $ref, task: $task, environment: $environment, auto_merge: false, required_contexts: [],
    transient_environment: $transient, production_environment: $production,
    payload: {service: $service, branch: $branch, workflow_run_id: $run_id}}')"
id="$(gh api --method POST "repos/$GITHUB_REPOSITORY/deployments" --input - <<< "$body" | jq -r '.id // empty')"
if ! [[ "$id" =~ ^[0-9]+$ ]]; then
  echo "::error::GitHub did not create the deployment of $DEPLOYMENT_ENVIRONMENT"
  exit 1
fi
echo "id=$id" >> "$GITHUB_OUTPUT"
echo "GitHub deployment $id: $DEPLOYMENT_ENVIRONMENT at $DEPLOY_SHA"`;

/** Posts one deployment status; `state` is set by the lines before it. */
const POST_STATUS = `description=""
if [ -n "\${SERVICE_DEPLOYMENT_ARN:-}" ]; then
  description="$DESCRIPTION_PREFIX$SERVICE_DEPLOYMENT_ARN"
  # GitHub's limit for a status description (a longer one is rejected with 422). A shortened ARN
  # would name another deployment, so a longer one stays in this log only; ZeroOps names fit.
  if [ "\${#description}" -gt ${GITHUB_STATUS_DESCRIPTION_MAX_LENGTH} ]; then
    echo "::warning::$description is longer than ${GITHUB_STATUS_DESCRIPTION_MAX_LENGTH} characters; reporting without it"
    description=""
  fi
fi
body="$(jq -n --arg state "$state" --arg description "$description" --arg environment_url "\${ENVIRONMENT_URL:-}" \\
  --arg log_url "$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID" \\
  '{state: $state, log_url: $log_url}
    + (if $description != "" then {description: $description} else {} end)
    + (if $environment_url != "" then {environment_url: $environment_url} else {} end)')"
gh api --method POST "repos/$GITHUB_REPOSITORY/deployments/$DEPLOYMENT_ID/statuses" --input - <<< "$body" >/dev/null
echo "GitHub deployment $DEPLOYMENT_ID: $state $description"`;

const IN_PROGRESS = `state=in_progress
${POST_STATUS}`;

const RESULT = `# A cancelled run (timeout, a newer run, a person) left the environment half-changed too.
if [ "$JOB_STATUS" = "success" ]; then state=success; else state=failure; fi
${POST_STATUS}`;

/** Where the deployment goes and what it deploys. */
export interface GitHubDeploymentTarget {
  serviceName: string;
  /** GitHub environment of the deployment: `production`, `staging` or `pr-<n>`. */
  environment: string;
  /** Expression of the commit deployed (the image tag). */
  sha: string;
  /** Expression of the branch the commit comes from, for the payload. */
  branch: string;
  /** `pr-<n>`: exists only as long as its pull request. */
  transient: boolean;
  production: boolean;
}

/** Creates the deployment and marks it in progress: the first steps of a deploy job. */
export function createDeploymentSteps(target: GitHubDeploymentTarget): Step[] {
  return [
    {
      name: 'Create the GitHub deployment',
      id: CREATE_DEPLOYMENT_STEP_ID,
      env: {
        GH_TOKEN: GITHUB_TOKEN,
        DEPLOYMENT_TASK: ZEROOPS_DEPLOYMENT_TASK,
        DEPLOYMENT_ENVIRONMENT: target.environment,
        DEPLOY_SHA: target.sha,
        DEPLOY_BRANCH: target.branch,
        SERVICE_NAME: target.serviceName,
        WORKFLOW_RUN_ID: '${{ github.run_id }}',
        TRANSIENT_ENVIRONMENT: String(target.transient),
        PRODUCTION_ENVIRONMENT: String(target.production),
      },
      run: CREATE_DEPLOYMENT,
    },
    statusStep('Report the deployment in progress', IN_PROGRESS, {}),
  ];
}

function statusStep(
  name: string,
  run: string,
  env: Record<string, string>,
  condition?: string,
): Step {
  return {
    name,
    ...(condition ? { if: condition } : {}),
    env: {
      GH_TOKEN: GITHUB_TOKEN,
      DEPLOYMENT_ID,
      DESCRIPTION_PREFIX: ECS_DEPLOYMENT_DESCRIPTION_PREFIX,
      ...env,
    },
    run,
  };
}

/** Once ECS accepted the rollout: its service deployment ARN, while it still runs. */
export function reportEcsDeploymentStep(
  serviceDeploymentArn: string,
  environmentUrl: string,
): Step {
  return statusStep('Report the ECS deployment to GitHub', IN_PROGRESS, {
    SERVICE_DEPLOYMENT_ARN: serviceDeploymentArn,
    ENVIRONMENT_URL: environmentUrl,
  });
}

/**
 * The last step: `success`, or `failure` for a failed or cancelled job, whenever the deployment
 * was created, so no rollout stays `in_progress` on GitHub.
 */
export function reportResultStep(
  serviceDeploymentArn: string,
  environmentUrl: string,
): Step {
  return statusStep(
    'Report the result to GitHub',
    RESULT,
    {
      JOB_STATUS: '${{ job.status }}',
      SERVICE_DEPLOYMENT_ARN: serviceDeploymentArn,
      ENVIRONMENT_URL: environmentUrl,
    },
    `always() && steps.${CREATE_DEPLOYMENT_STEP_ID}.outputs.id != ''`,
  );
}

/**
 * Cleanup: after `pr-<n>` is destroyed, every deployment of it gets the status `inactive`, which
 * GitHub shows as "destroyed" for a transient environment. GitHub's own auto_inactive does not
 * apply to transient environments, so nothing else would retire them.
 */
export const MARK_DEPLOYMENTS_INACTIVE = `# --paginate prints one JSON array per page; jq reads them all.
ids="$(gh api --paginate "repos/$GITHUB_REPOSITORY/deployments?environment=pr-$PR_NUMBER&per_page=100" | jq -r '.[].id')"
for id in $ids; do
  gh api --method POST "repos/$GITHUB_REPOSITORY/deployments/$id/statuses" --input - <<< '{"state": "inactive"}' >/dev/null
  echo "GitHub deployment $id of pr-$PR_NUMBER: inactive"
done`;

export function markDeploymentsInactiveStep(): Step {
  return {
    name: 'Mark the GitHub deployments of pr-<n> inactive',
    env: { GH_TOKEN: GITHUB_TOKEN },
    run: MARK_DEPLOYMENTS_INACTIVE,
  };
}
