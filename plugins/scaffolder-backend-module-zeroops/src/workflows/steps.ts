/**
 * Steps shared by the generated workflows. Values chosen by the template (names, accounts,
 * paths) are written into `env:` and scripts read them as quoted shell variables; scripts never
 * contain `${{ }}` expressions, so nothing a pull request controls is spliced into a shell.
 */
import {
  createDeploymentSteps,
  reportEcsDeploymentStep,
  reportResultStep,
} from './githubDeploymentSteps';
import { PINNED_ACTIONS, usesOf } from './pinnedActions';
import { EnvironmentName, Job, Step, WorkflowOptions } from './types';

export const RUNNER = 'ubuntu-24.04';

/** Whether a pull request comes from a branch of this repository, not from a fork. */
export const SAME_REPOSITORY_PULL_REQUEST =
  'github.event.pull_request.head.repo.full_name == github.repository';

/** Shell snippet that refuses anything but a pull request number 1..99999. */
export const VALIDATE_PR_NUMBER = [
  'if ! [[ "$PR_NUMBER" =~ ^[1-9][0-9]{0,4}$ ]]; then',
  '  echo "::error::Refusing to act on \\"$PR_NUMBER\\": only ephemeral environments pr-<n> (n = 1..99999) are allowed here"',
  '  exit 1',
  'fi',
].join('\n');

export function roleArn(options: WorkflowOptions, env: EnvironmentName) {
  const target = options.environments[env];
  return `arn:aws:iam::${target.accountId}:role/${target.roleName}`;
}

export function environmentDirectory(
  options: WorkflowOptions,
  env: EnvironmentName,
) {
  return `${options.infrastructureDirectory}/environments/${env}`;
}

export function checkoutStep(ref?: string): Step {
  return {
    name: 'Check out',
    uses: usesOf(PINNED_ACTIONS.checkout),
    with: { 'persist-credentials': false, ...(ref ? { ref } : {}) },
  };
}

export function awsCredentialsStep(
  options: WorkflowOptions,
  env: EnvironmentName,
): Step {
  return {
    name: `Assume the ${env} deploy role (GitHub OIDC, no stored keys)`,
    uses: usesOf(PINNED_ACTIONS.configureAwsCredentials),
    with: {
      'role-to-assume': roleArn(options, env),
      'role-session-name': `github-${options.serviceName}-${env}`,
      'aws-region': options.awsRegion,
    },
  };
}

export function terraformToolSteps(options: WorkflowOptions): Step[] {
  return [
    {
      name: 'Set up Terraform',
      uses: usesOf(PINNED_ACTIONS.setupTerraform),
      with: {
        terraform_version: options.terraformVersion,
        terraform_wrapper: false,
      },
    },
    {
      name: 'Set up Terragrunt',
      uses: usesOf(PINNED_ACTIONS.setupTerragrunt),
      with: { tg_version: options.terragruntVersion, tf_path: 'terraform' },
    },
  ];
}

/** Environment of every Terragrunt run: no prompts, Terraform from setup-terraform. */
export const TERRAGRUNT_ENV = {
  TG_TF_PATH: 'terraform',
  TG_NON_INTERACTIVE: 'true',
  TF_IN_AUTOMATION: 'true',
  TF_INPUT: 'false',
};

/** The test job that gates every deployment (and runs in CI). */
export function testJob(options: WorkflowOptions, condition?: string): Job {
  const steps: Step[] = [checkoutStep()];
  if (options.nodeVersion !== 'none') {
    steps.push({
      name: 'Set up Node.js',
      uses: usesOf(PINNED_ACTIONS.setupNode),
      with: { 'node-version': options.nodeVersion },
    });
  }
  steps.push(
    {
      name: 'Install dependencies',
      env: { INSTALL_COMMAND: options.installCommand },
      run: 'eval "$INSTALL_COMMAND"',
    },
    {
      name: 'Run tests',
      env: { TEST_COMMAND: options.testCommand },
      run: 'eval "$TEST_COMMAND"',
    },
  );
  return {
    name: 'Test',
    'runs-on': RUNNER,
    ...(condition ? { if: condition } : {}),
    permissions: { contents: 'read' },
    'timeout-minutes': 20,
    steps,
  };
}

/** Values a deploy job needs, per environment. */
export interface DeployTarget {
  env: EnvironmentName;
  /** ECS service name; an expression for ephemeral environments. */
  ecsService: string;
  /** Environment instance name (`production`, `staging`, `pr-<n>`). */
  instance: string;
  /** Commit the image is built from and tagged with. */
  imageTag: string;
  /** Expression of the branch that commit comes from (reported to GitHub). */
  branch: string;
  /** Extra environment variables for Terragrunt (the PR number of ephemeral ones). */
  extraEnv?: Record<string, string>;
}

/**
 * The deploy job's environment. Names follow the shared naming contract: task family
 * `<service>-<instance>`, container `app`, image tag = full commit SHA.
 */
export function deployJobEnv(
  options: WorkflowOptions,
  target: DeployTarget,
): Record<string, string> {
  return {
    AWS_REGION: options.awsRegion,
    ENVIRONMENT: target.env,
    ECS_CLUSTER: options.environments[target.env].ecsCluster,
    ECS_SERVICE: target.ecsService,
    ECR_REPOSITORY: options.ecrRepository,
    IMAGE_TAG: target.imageTag,
    HEALTH_CHECK_PATH: options.healthCheckPath,
    DEPLOYMENT_STRATEGY: options.deploymentStrategy,
    DOCKERFILE: options.dockerfile,
    DOCKER_CONTEXT: options.dockerContext,
    MIGRATION_COMMAND: JSON.stringify(options.migrationCommand),
    ...TERRAGRUNT_ENV,
    ...target.extraEnv,
  };
}

const BUILD_IMAGE = `image="$REGISTRY/$ECR_REPOSITORY:$IMAGE_TAG"
echo "image=$image" >> "$GITHUB_OUTPUT"
# Tags are immutable in ECR: an image of this commit is never rebuilt, only reused.
if aws ecr describe-images --repository-name "$ECR_REPOSITORY" --image-ids "imageTag=$IMAGE_TAG" >/dev/null 2>&1; then
  echo "exists=true" >> "$GITHUB_OUTPUT"
  echo "Image $image already exists; reusing it"
else
  echo "exists=false" >> "$GITHUB_OUTPUT"
  docker build --file "$DOCKERFILE" --tag "$image" --label "org.opencontainers.image.revision=$IMAGE_TAG" "$DOCKER_CONTEXT"
fi`;

const APPLY_INFRASTRUCTURE = `export TF_VAR_image_tag="$IMAGE_TAG"
terragrunt apply -auto-approve -input=false
service_url="$(terragrunt output -raw service_url)"
echo "service_url=$service_url" >> "$GITHUB_OUTPUT"`;

const PUSH_IMAGE = 'docker push "$IMAGE"';

const REGISTER_TASK_DEFINITION = `# The workflow owns the image: Terraform ignores task definition changes of the service, so
# this revision is derived from the one the service runs now with only the image replaced.
current="$(aws ecs describe-services --cluster "$ECS_CLUSTER" --services "$ECS_SERVICE" --query 'services[0].taskDefinition' --output text)"
echo "previous=$current" >> "$GITHUB_OUTPUT"
# The new revision carries the current one's tags (zeroops:service, zeroops:environment): the
# deploy role may register only task definitions tagged for its own service and environment.
aws ecs describe-task-definition --task-definition "$current" --include TAGS --output json \\
  | jq --arg image "$IMAGE" '.taskDefinition + {tags: (.tags // [])}
      | .containerDefinitions |= map(if .name == "app" then .image = $image else . end)
      | del(.taskDefinitionArn, .revision, .status, .requiresAttributes, .compatibilities, .registeredAt, .registeredBy, .deregisteredAt)' \\
  > task-definition.json
next="$(aws ecs register-task-definition --cli-input-json file://task-definition.json --query taskDefinition.taskDefinitionArn --output text)"
echo "next=$next" >> "$GITHUB_OUTPUT"
echo "Registered $next"`;

const RUN_MIGRATIONS = `# Expand/contract: migrations only add (columns, tables, indexes) so that the running task set
# and the new one work with the same schema; removals ship in a later release.
network="$(aws ecs describe-services --cluster "$ECS_CLUSTER" --services "$ECS_SERVICE" --query 'services[0].networkConfiguration' --output json)"
overrides="$(jq -cn --argjson command "$MIGRATION_COMMAND" '{containerOverrides: [{name: "app", command: $command}]}')"
task="$(aws ecs run-task --cluster "$ECS_CLUSTER" --task-definition "$TASK_DEFINITION" --launch-type FARGATE \\
  --network-configuration "$network" --overrides "$overrides" --started-by "migrate-$GITHUB_RUN_ID" \\
  --query 'tasks[0].taskArn' --output text)"
echo "Migration task $task started"
aws ecs wait tasks-stopped --cluster "$ECS_CLUSTER" --tasks "$task"
exit_code="$(aws ecs describe-tasks --cluster "$ECS_CLUSTER" --tasks "$task" --output json \\
  | jq -r '.tasks[0].containers[] | select(.name == "app") | .exitCode')"
if [ "$exit_code" != "0" ]; then
  echo "::error::Database migration task $task exited with $exit_code; the service was not updated"
  exit 1
fi`;

const START_DEPLOYMENT = `# ECS runs the deployment with the strategy Terraform configured ($DEPLOYMENT_STRATEGY): blue/green
# shifts traffic to the new task set after the bake time and rolls back automatically when a
# CloudWatch alarm of the service fires; rolling uses the circuit breaker with rollback.
started_at="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
# The service deployment ECS started for this update joins GitHub's deployment to AWS's view.
deployment="$(aws ecs update-service --cluster "$ECS_CLUSTER" --service "$ECS_SERVICE" --task-definition "$TASK_DEFINITION" \\
  --output json | jq -r '.service.currentServiceDeployment // empty')"
# Should the answer not name it, the deployment created after the update is this one.
for _ in $(seq 1 20); do
  if [ -n "$deployment" ]; then break; fi
  sleep 6
  deployment="$(aws ecs list-service-deployments --cluster "$ECS_CLUSTER" --service "$ECS_SERVICE" \\
    --created-at "after=$started_at" --query 'serviceDeployments[0].serviceDeploymentArn' --output text)"
  if [ "$deployment" = "None" ]; then deployment=""; fi
done
if [ -z "$deployment" ]; then
  echo "::error::ECS started no service deployment for $ECS_SERVICE"
  exit 1
fi
echo "service_deployment_arn=$deployment" >> "$GITHUB_OUTPUT"
echo "Started $deployment"`;

const WAIT_FOR_DEPLOYMENT = `deadline=$((SECONDS + 2700))
while [ "$SECONDS" -lt "$deadline" ]; do
  status="$(aws ecs describe-service-deployments --service-deployment-arns "$SERVICE_DEPLOYMENT_ARN" --query 'serviceDeployments[0].status' --output text)"
  echo "Deployment $SERVICE_DEPLOYMENT_ARN: $status"
  case "$status" in
    SUCCESSFUL) exit 0 ;;
    ROLLBACK_*|STOPPED|STOP_REQUESTED)
      echo "::error::Deployment $status: ECS rolled back to the previous task set (see the service's alarms and events)"
      exit 1 ;;
  esac
  sleep 15
done
echo "::error::Deployment did not finish within 45 minutes"
exit 1`;

const SMOKE_TEST = `url="$SERVICE_URL$HEALTH_CHECK_PATH"
echo "Checking $url"
curl --fail --silent --show-error --retry 10 --retry-delay 6 --retry-all-errors --max-time 10 "$url"`;

const ROLL_BACK = `echo "::warning::Smoke test failed: rolling back to $PREVIOUS_TASK_DEFINITION"
aws ecs update-service --cluster "$ECS_CLUSTER" --service "$ECS_SERVICE" --task-definition "$PREVIOUS_TASK_DEFINITION" >/dev/null
aws ecs wait services-stable --cluster "$ECS_CLUSTER" --services "$ECS_SERVICE"`;

/**
 * Build once, scan, provision, push, migrate, deploy, smoke test: the steps of every deploy
 * job. The image is built from the checked-out commit and tagged with its SHA; the migration
 * task, the new task set and the smoke test all use that one image. The whole job is reported
 * to GitHub as one deployment of `instance` at that commit (githubDeploymentSteps.ts).
 */
export function deploySteps(
  options: WorkflowOptions,
  target: DeployTarget,
  checkout: Step,
): Step[] {
  const steps: Step[] = [
    ...createDeploymentSteps({
      serviceName: options.serviceName,
      environment: target.instance,
      sha: target.imageTag,
      branch: target.branch,
      transient: target.env === 'ephemeral',
      production: target.env === 'production',
    }),
    checkout,
    awsCredentialsStep(options, target.env),
    {
      name: 'Log in to Amazon ECR',
      id: 'ecr',
      uses: usesOf(PINNED_ACTIONS.amazonEcrLogin),
    },
    ...terraformToolSteps(options),
    {
      name: 'Provision infrastructure',
      id: 'infrastructure',
      'working-directory': environmentDirectory(options, target.env),
      run: APPLY_INFRASTRUCTURE,
    },
    {
      name: 'Build the image once, tagged with the commit SHA',
      id: 'image',
      env: { REGISTRY: '${{ steps.ecr.outputs.registry }}' },
      run: BUILD_IMAGE,
    },
    {
      name: 'Scan the image (Trivy)',
      if: "steps.image.outputs.exists != 'true'",
      uses: usesOf(PINNED_ACTIONS.trivy),
      with: {
        'image-ref': '${{ steps.image.outputs.image }}',
        'exit-code': '1',
        severity: 'CRITICAL,HIGH',
        'ignore-unfixed': true,
      },
    },
    {
      name: 'Push the image',
      if: "steps.image.outputs.exists != 'true'",
      env: { IMAGE: '${{ steps.image.outputs.image }}' },
      run: PUSH_IMAGE,
    },
    {
      name: 'Register the task definition',
      id: 'taskdef',
      env: { IMAGE: '${{ steps.image.outputs.image }}' },
      run: REGISTER_TASK_DEFINITION,
    },
  ];
  if (options.migrationCommand.length > 0) {
    steps.push({
      name: 'Run database migrations (one-off task, before traffic moves)',
      env: { TASK_DEFINITION: '${{ steps.taskdef.outputs.next }}' },
      run: RUN_MIGRATIONS,
    });
  }
  const serviceUrl = '${{ steps.infrastructure.outputs.service_url }}';
  const serviceDeploymentArn =
    '${{ steps.rollout.outputs.service_deployment_arn }}';
  steps.push(
    {
      name: `Deploy (${options.deploymentStrategy}, automatic rollback on alarm)`,
      id: 'rollout',
      env: { TASK_DEFINITION: '${{ steps.taskdef.outputs.next }}' },
      run: START_DEPLOYMENT,
    },
    reportEcsDeploymentStep(serviceDeploymentArn, serviceUrl),
    {
      name: 'Wait for the ECS deployment',
      id: 'deploy',
      env: { SERVICE_DEPLOYMENT_ARN: serviceDeploymentArn },
      run: WAIT_FOR_DEPLOYMENT,
    },
    {
      name: 'Smoke test the health endpoint',
      id: 'smoke',
      env: { SERVICE_URL: serviceUrl },
      run: SMOKE_TEST,
    },
    {
      name: 'Roll back when the smoke test fails',
      if: "failure() && steps.smoke.outcome == 'failure'",
      env: {
        PREVIOUS_TASK_DEFINITION: '${{ steps.taskdef.outputs.previous }}',
      },
      run: ROLL_BACK,
    },
    reportResultStep(serviceDeploymentArn, serviceUrl),
  );
  return steps;
}
