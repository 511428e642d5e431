import {
  ECS_DEPLOYMENT_DESCRIPTION_PREFIX,
  ZEROOPS_DEPLOYMENT_TASK,
} from '@zeroops/backstage-plugin-zeroops-common';
import { roleArn } from './steps';
import { WorkflowOptions } from './types';

/**
 * `.github/copilot-instructions.md`: the rules of the repository in the words an assistant (and
 * a new team member) needs, so suggested changes keep the deployment model intact.
 */
export function copilotInstructions(options: WorkflowOptions): string {
  const { serviceName, environments } = options;
  const migration =
    options.migrationCommand.length > 0
      ? `\`${options.migrationCommand.join(' ')}\``
      : 'none configured';
  return `# Working on ${serviceName}

${serviceName} is deployed by ZeroOps: GitHub Actions build, test, scan and deploy it to AWS ECS
Fargate; Terraform (through Terragrunt) under \`${
    options.infrastructureDirectory
  }/\` describes its infrastructure.

## Branches and environments
- \`feature/*\` → pull request → an ephemeral environment \`pr-<number>\` (\`.github/workflows/ephemeral-pr.yml\`),
  destroyed when the pull request closes and by a nightly sweep (\`cleanup.yml\`).
- \`staging\` → the staging environment (\`deploy-staging.yml\`), account ${
    environments.staging.accountId
  }.
- \`main\` → production (\`deploy-production.yml\`), account ${
    environments.production.accountId
  }, after approval by a
  reviewer of the \`production\` GitHub environment.
- \`hotfix/*\` → emergency fixes: a push to a \`hotfix/*\` branch deploys production directly
  (\`deploy-production.yml\`, skipping staging) through the same approval gate, the same
  ${
    options.deploymentStrategy
  } deployment with alarm rollback and the same concurrency group as
  \`main\`, so it never overlaps a \`main\` deployment. Branch it from \`main\`, keep it small, then
  merge it into \`main\` and \`staging\` so the next release does not undo it. Hotfix branches
  never deploy staging or an ephemeral environment.

## Rules for changes
- Never commit secrets, keys or \`.env\` files. Runtime secrets come from AWS Secrets Manager
  (\`scripts/fetch-secrets.sh\` for local use); GitHub assumes IAM roles through OIDC
  (for example \`${roleArn(
    options,
    'production',
  )}\`), there are no stored AWS keys.
- Pin every GitHub Action to a full commit SHA with the version in a comment; never use a tag.
- Give every workflow job the least \`permissions\` it needs; only jobs that assume an AWS role get
  \`id-token: write\`.
- The deploy workflows own the container image (tagged with the full commit SHA, built once per
  run); Terraform ignores task definition changes. Do not set the image in Terraform.
- Database migrations (${migration}) run as a one-off ECS task before the new tasks receive
  traffic, while the old tasks still serve. Follow expand/contract: a release may only add
  (tables, nullable columns, indexes); drop or rename in a later release once no running code
  uses the old shape. Blue and green task sets always share one schema.
- Keep \`${
    options.healthCheckPath
  }\` cheap and dependency-aware: the load balancer, the blue/green switch and the
  smoke test after every deployment use it.
- Deployment strategy: ${
    options.deploymentStrategy
  }. CloudWatch alarms named \`${serviceName}-<environment>-<signal>\`
  roll a deployment back automatically.
- Every AWS resource carries the cost allocation tags \`zeroops:service\` and \`zeroops:environment\`.
- Keep the GitHub deployment steps of the deploy workflows (\`Create the GitHub deployment\`,
  \`Report … to GitHub\`) and their \`deployments: write\`: ZeroOps' Delivery and DORA cards are
  built from them (see below).

## What the workflows report to GitHub
Every run of a deploy job is one GitHub deployment with task \`${ZEROOPS_DEPLOYMENT_TASK}\`, environment
\`production\`, \`staging\` or \`pr-<number>\` (transient), and \`ref\` = the commit SHA the image is
tagged with (the branch is in its payload). It is \`in_progress\` while the job runs, then \`success\`,
or \`failure\` when the job failed or was cancelled; the statuses link the workflow run and the
environment URL, and their description \`${ECS_DEPLOYMENT_DESCRIPTION_PREFIX}<service deployment ARN>\` names the ECS deployment
that rolled it out, so ZeroOps can join GitHub's view (commit, run, approval) with AWS's (task
definition, rollback). \`cleanup.yml\` marks the deployments of a destroyed \`pr-<number>\`
inactive. GitHub Actions also lists its own deployment (task \`deploy\`) for each job that names
an environment; ZeroOps counts only \`${ZEROOPS_DEPLOYMENT_TASK}\`.

## Local development
- \`scripts/local-setup.sh\` starts PostgreSQL and Valkey with Docker Compose (same engines as
  Aurora and ElastiCache) and runs the migrations; \`scripts/db-migrate.sh\` runs them again.
- Run the tests with \`${options.testCommand}\` before pushing.
`;
}
