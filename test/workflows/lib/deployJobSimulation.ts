/** Runs the GitHub reporting steps of one deploy job through a whole rollout (runWorkflowStep.ts). */
import { formatEcsDeploymentDescription } from '@zeroops/backstage-plugin-zeroops-common';
import {
  DEPLOYMENT_ID,
  Job,
  PR_HEAD_SHA,
  PR_NUMBER,
  PUSH_SHA,
  SERVICE_DEPLOYMENT_ARN,
  SERVICE_URL,
  TASK_DEFINITION,
} from './deploymentEvent';
import {
  callsGitHub,
  GitHubRequest,
  operationOf,
  requestProblems,
  startsRollout,
  toRequest,
} from './deploymentRequests';
import { RUNNER_ENV, runWorkflowStep, WorkflowStep } from './runWorkflowStep';

export interface DeployJobReport {
  created: GitHubRequest[];
  /** Statuses of a successful run, in order, and whether each came before the rollout. */
  statuses: Array<{ beforeRollout: boolean; body: Record<string, unknown> }>;
  /** The last status for each `job.status`. */
  results: Record<string, Record<string, unknown> | undefined>;
  /** The last status when the ARN would not fit in a description. */
  resultWithOverlongArn?: Record<string, unknown>;
  lastStepCondition?: string;
  problems: string[];
}

/** Runs the reporting steps of one deploy job through a whole rollout. */
export function simulateDeployJob(
  where: string,
  job: Job,
  branch: string,
): DeployJobReport {
  const steps = job.steps ?? [];
  const rollout = steps.findIndex(startsRollout);
  const reporting = steps.flatMap((step, index) =>
    callsGitHub(step) ? [index] : [],
  );
  const problems: string[] = [];
  if (rollout < 0)
    problems.push(`${where}: no step runs aws ecs update-service`);
  const expressions: Record<string, string> = {
    'github.token': 'test-token',
    'github.sha': PUSH_SHA,
    'github.run_id': RUNNER_ENV.GITHUB_RUN_ID,
    'github.ref_name': branch,
    'github.head_ref': 'feature/faster-checkout',
    'github.event.pull_request.number': PR_NUMBER,
    'github.event.pull_request.head.sha': PR_HEAD_SHA,
    'steps.infrastructure.outputs.service_url': SERVICE_URL,
    'steps.taskdef.outputs.next': TASK_DEFINITION,
    'job.status': 'success',
  };
  const run = (step: WorkflowStep, arn = SERVICE_DEPLOYMENT_ARN) => {
    const result = runWorkflowStep(step, {
      expressions,
      jobEnv: job.env,
      ghAnswers: [
        { path: '/deployments$', body: JSON.stringify({ id: DEPLOYMENT_ID }) },
        { path: '/statuses$', body: '{"id": 1}' },
      ],
      awsAnswers: {
        'update-service': JSON.stringify({
          service: { currentServiceDeployment: arn },
        }),
      },
    });
    if (result.exitCode !== 0) {
      problems.push(`${where} step "${step.name}" failed:\n${result.output}`);
    }
    for (const [key, value] of Object.entries(result.outputs)) {
      if (step.id) expressions[`steps.${step.id}.outputs.${key}`] = value;
    }
    return result.ghCalls.map(toRequest);
  };

  const report: DeployJobReport = {
    created: [],
    statuses: [],
    results: {},
    problems,
  };
  const last = reporting[reporting.length - 1];
  const lastStep = steps[last];
  report.lastStepCondition = lastStep?.if;
  const all: GitHubRequest[] = [];
  for (const [index, step] of steps.entries()) {
    if (index === last || !(callsGitHub(step) || index === rollout)) continue;
    for (const request of run(step)) {
      all.push(request);
      if (operationOf(request) === 'repos/create-deployment') {
        report.created.push(request);
      } else if (request.body) {
        report.statuses.push({
          beforeRollout: index < rollout,
          body: request.body,
        });
      }
    }
  }
  if (lastStep) {
    for (const status of ['success', 'failure', 'cancelled']) {
      expressions['job.status'] = status;
      const requests = run(lastStep);
      all.push(...requests);
      report.results[status] = requests[requests.length - 1]?.body;
    }
    const rolloutStep = steps[rollout];
    if (rolloutStep) {
      // An ARN one character over GitHub's limit once prefixed.
      const overlong = `${SERVICE_DEPLOYMENT_ARN}${'x'.repeat(
        140 - formatEcsDeploymentDescription(SERVICE_DEPLOYMENT_ARN).length + 1,
      )}`;
      run(rolloutStep, overlong);
      report.resultWithOverlongArn = run(lastStep).at(-1)?.body;
    }
  }
  problems.push(...requestProblems(where, all));
  const statusPaths = all.filter(
    r => operationOf(r) === 'repos/create-deployment-status',
  );
  for (const request of statusPaths) {
    if (!request.path.endsWith(`/deployments/${DEPLOYMENT_ID}/statuses`)) {
      problems.push(
        `${where}: status posted to ${request.path}, not the deployment it created`,
      );
    }
  }
  return report;
}
