import {
  checkoutStep,
  deployJobEnv,
  deploySteps,
  RUNNER,
  testJob,
} from './steps';
import { Workflow, WorkflowOptions } from './types';

/**
 * Branches whose pushes deploy production: `main` and emergency fixes on `hotfix/*`. `hotfix/*`
 * (not `**`): the production environment's branch policy uses the same pattern, and there a
 * wildcard never matches `/`, so workflow and environment agree on which branches may deploy.
 */
export const PRODUCTION_BRANCHES = ['main', 'hotfix/*'];

/**
 * Push to `staging` deploys staging; push to `main` or to a `hotfix/*` branch deploys production
 * behind the `production` GitHub environment, whose required reviewers are the approval gate.
 * A hotfix runs the very same job as `main` (tests, image built from the hotfix commit, blue/green
 * with alarm rollback) and shares its concurrency group, so two production deployments never
 * overlap, and none is cancelled half-way (a cancelled Terraform apply leaves a lock and a
 * half-shifted deployment).
 */
function persistentDeployWorkflow(
  options: WorkflowOptions,
  env: 'production' | 'staging',
  branches: string[],
): Workflow {
  const target = {
    env,
    ecsService: options.ecsServiceName,
    instance: env,
    imageTag: '${{ github.sha }}',
    branch: '${{ github.ref_name }}',
  };
  return {
    name: `Deploy ${env}`,
    on: { push: { branches } },
    permissions: {},
    concurrency: { group: `deploy-${env}`, 'cancel-in-progress': false },
    defaults: { run: { shell: 'bash' } },
    jobs: {
      test: testJob(options),
      deploy: {
        name: `Deploy to ${env}`,
        'runs-on': RUNNER,
        needs: 'test',
        environment: {
          name: env,
          url: '${{ steps.infrastructure.outputs.service_url }}',
        },
        permissions: {
          contents: 'read',
          deployments: 'write',
          'id-token': 'write',
        },
        'timeout-minutes': 90,
        env: deployJobEnv(options, target),
        steps: deploySteps(options, target, checkoutStep()),
      },
    },
  };
}

export function stagingDeployWorkflow(options: WorkflowOptions): Workflow {
  return persistentDeployWorkflow(options, 'staging', ['staging']);
}

export function productionDeployWorkflow(options: WorkflowOptions): Workflow {
  return persistentDeployWorkflow(options, 'production', PRODUCTION_BRANCHES);
}
