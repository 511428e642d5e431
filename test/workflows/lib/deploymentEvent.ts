/**
 * The event a deploy job runs for in these checks (a push, a pull request, the deployment GitHub
 * answers with) and the deployments each deploy workflow must create for it.
 */
import { RUNNER_ENV, WorkflowStep } from './runWorkflowStep';

export interface Job {
  permissions?: Record<string, string> | string;
  env?: Record<string, string | number | boolean>;
  steps?: WorkflowStep[];
}

export interface WorkflowFile {
  name: string;
  workflow: { permissions?: unknown; jobs: Record<string, Job> };
}

export const PUSH_SHA = '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d';
export const PR_HEAD_SHA = '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432';
export const PR_NUMBER = '42';
export const DEPLOYMENT_ID = 4711;
export const SERVICE_URL = 'https://payments-api.staging.zeroops.example.com';
export const TASK_DEFINITION =
  'arn:aws:ecs:eu-central-1:222222222222:task-definition/payments-api-staging:8';
/** As long as the naming contract makes it: a 21-character service at pr-99999 in the longest region. */
export const SERVICE_DEPLOYMENT_ARN =
  'arn:aws:ecs:ap-southeast-2:222222222222:service-deployment/zeroops-ephemeral/order-fulfilment-apis-pr-99999/r9i54FKoZ8lPgQxtqzHEb';
export const RUN_URL = `${RUNNER_ENV.GITHUB_SERVER_URL}/${RUNNER_ENV.GITHUB_REPOSITORY}/actions/runs/${RUNNER_ENV.GITHUB_RUN_ID}`;

/** What each deploy workflow must create, for the event values above. */
export const EXPECTED_DEPLOYMENTS: Record<
  string,
  {
    environment: string;
    ref: string;
    branch: string;
    transient: boolean;
    production: boolean;
  }
> = {
  'deploy-staging.yml': {
    environment: 'staging',
    ref: PUSH_SHA,
    branch: 'staging',
    transient: false,
    production: false,
  },
  'deploy-production.yml': {
    environment: 'production',
    ref: PUSH_SHA,
    branch: 'main',
    transient: false,
    production: true,
  },
  'ephemeral-pr.yml': {
    environment: `pr-${PR_NUMBER}`,
    ref: PR_HEAD_SHA,
    branch: 'feature/faster-checkout',
    transient: true,
    production: false,
  },
};
