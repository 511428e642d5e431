import {
  checkoutStep,
  deployJobEnv,
  deploySteps,
  RUNNER,
  SAME_REPOSITORY_PULL_REQUEST,
  testJob,
  VALIDATE_PR_NUMBER,
} from './steps';
import { Workflow, WorkflowOptions } from './types';

const PR_NUMBER = '${{ github.event.pull_request.number }}';
const HEAD_SHA = '${{ github.event.pull_request.head.sha }}';

/** Pull requests from `feature/*` branches of this repository get an environment `pr-<n>`. */
export const EPHEMERAL_CONDITION = `${SAME_REPOSITORY_PULL_REQUEST} && startsWith(github.head_ref, 'feature/')`;

/**
 * One environment per pull request from a `feature/*` branch, named `pr-<n>` and deployed to the
 * shared ephemeral cluster. Forks are skipped: their runs get no OIDC token and must never reach
 * AWS. The concurrency group is shared with the cleanup workflow so a late push cannot race the
 * destroy of a closed pull request.
 */
export function ephemeralWorkflow(options: WorkflowOptions): Workflow {
  const target = {
    env: 'ephemeral' as const,
    ecsService: `${options.ecsServiceName}-pr-${PR_NUMBER}`,
    instance: `pr-${PR_NUMBER}`,
    imageTag: HEAD_SHA,
    branch: '${{ github.head_ref }}',
    extraEnv: { PR_NUMBER, TF_VAR_pr_number: PR_NUMBER },
  };
  const steps = deploySteps(options, target, checkoutStep(HEAD_SHA));
  steps.splice(0, 0, {
    name: 'Check the environment name',
    run: VALIDATE_PR_NUMBER,
  });
  return {
    name: 'Ephemeral environment',
    on: {
      pull_request: { types: ['opened', 'reopened', 'synchronize'] },
    },
    permissions: {},
    concurrency: {
      group: `ephemeral-pr-${PR_NUMBER}`,
      'cancel-in-progress': false,
    },
    defaults: { run: { shell: 'bash' } },
    jobs: {
      test: testJob(options, EPHEMERAL_CONDITION),
      deploy: {
        name: `Deploy pr-${PR_NUMBER}`,
        'runs-on': RUNNER,
        needs: 'test',
        if: EPHEMERAL_CONDITION,
        environment: {
          name: 'ephemeral',
          url: '${{ steps.infrastructure.outputs.service_url }}',
        },
        permissions: {
          contents: 'read',
          deployments: 'write',
          'id-token': 'write',
        },
        'timeout-minutes': 60,
        env: deployJobEnv(options, target),
        steps,
      },
    },
  };
}
