import {
  checkoutStep,
  deployJobEnv,
  deploySteps,
  RUNNER,
  testJob,
} from './steps';
import { Workflow, WorkflowOptions } from './types';

/**
 * Push to `staging` deploys staging; push to `main` (merged feature or `hotfix/*` pull requests)
 * deploys production behind the `production` GitHub environment, whose required reviewers are
 * the approval gate. Deployments of one environment never overlap and are never cancelled
 * half-way (a cancelled Terraform apply leaves a lock and a half-shifted deployment).
 */
function persistentDeployWorkflow(
  options: WorkflowOptions,
  env: 'production' | 'staging',
  branch: string,
): Workflow {
  const target = {
    env,
    ecsService: options.ecsServiceName,
    instance: env,
    imageTag: '${{ github.sha }}',
  };
  return {
    name: `Deploy ${env}`,
    on: { push: { branches: [branch] } },
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
        permissions: { contents: 'read', 'id-token': 'write' },
        'timeout-minutes': 90,
        env: deployJobEnv(options, target),
        steps: deploySteps(options, target, checkoutStep()),
      },
    },
  };
}

export function stagingDeployWorkflow(options: WorkflowOptions): Workflow {
  return persistentDeployWorkflow(options, 'staging', 'staging');
}

export function productionDeployWorkflow(options: WorkflowOptions): Workflow {
  return persistentDeployWorkflow(options, 'production', 'main');
}
