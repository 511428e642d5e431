/**
 * What a generated repository's workflows tell GitHub about its deployments, found by running
 * their reporting steps (runWorkflowStep.ts) rather than by reading them: the deployment each
 * deploy job creates, the statuses it posts through a successful, a failed and a cancelled run,
 * and the statuses the cleanup posts. The checks compare that against the contract in
 * zeroops-common and against GitHub's OpenAPI description.
 */
import {
  formatEcsDeploymentDescription,
  ZEROOPS_DEPLOYMENT_PAYLOAD_KEYS,
  ZEROOPS_DEPLOYMENT_TASK,
  ZeroOpsDeploymentPayload,
} from '@zeroops/backstage-plugin-zeroops-common';
import {
  githubOperation,
  queryParameterNames,
  requestBodyProblems,
} from './githubOpenApi';
import {
  GhCall,
  RUNNER_ENV,
  runWorkflowStep,
  WorkflowStep,
} from './runWorkflowStep';

interface Job {
  permissions?: Record<string, string> | string;
  env?: Record<string, string | number | boolean>;
  steps?: WorkflowStep[];
}

export interface WorkflowFile {
  name: string;
  workflow: { permissions?: unknown; jobs: Record<string, Job> };
}

const PUSH_SHA = '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d';
const PR_HEAD_SHA = '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432';
const PR_NUMBER = '42';
const DEPLOYMENT_ID = 4711;
const SERVICE_URL = 'https://payments-api.staging.zeroops.example.com';
const TASK_DEFINITION =
  'arn:aws:ecs:eu-central-1:222222222222:task-definition/payments-api-staging:8';
/** As long as the naming contract makes it: a 21-character service at pr-99999 in the longest region. */
export const SERVICE_DEPLOYMENT_ARN =
  'arn:aws:ecs:ap-southeast-2:222222222222:service-deployment/zeroops-ephemeral/order-fulfilment-apis-pr-99999/r9i54FKoZ8lPgQxtqzHEb';
const RUN_URL = `${RUNNER_ENV.GITHUB_SERVER_URL}/${RUNNER_ENV.GITHUB_REPOSITORY}/actions/runs/${RUNNER_ENV.GITHUB_RUN_ID}`;

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

/** One `gh api` call as GitHub would receive it. */
export interface GitHubRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body?: Record<string, unknown>;
}

function toRequest(call: GhCall): GitHubRequest {
  const at = call.args.indexOf('--method');
  const target = call.args.find(arg => arg.startsWith('repos/')) ?? '';
  const [path, query = ''] = target.split('?');
  return {
    method: at >= 0 ? call.args[at + 1] : 'GET',
    path: `/${path}`,
    query: new URLSearchParams(query),
    body: call.input ? JSON.parse(call.input) : undefined,
  };
}

/** The operationId of a request, from the paths of GitHub's description. */
function operationOf(request: GitHubRequest): string {
  for (const operationId of [
    'repos/create-deployment',
    'repos/create-deployment-status',
    'repos/list-deployments',
  ]) {
    const { path, method } = githubOperation(operationId);
    const pattern = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (method === request.method && pattern.test(request.path)) {
      return operationId;
    }
  }
  return `${request.method} ${request.path}`;
}

/** Requests GitHub's description does not accept, one problem each. */
function requestProblems(where: string, requests: GitHubRequest[]): string[] {
  return requests.flatMap(request => {
    const operationId = operationOf(request);
    if (!operationId.startsWith('repos/')) {
      return [`${where}: ${operationId} is not a deployment operation`];
    }
    const unknownQuery = [...request.query.keys()].filter(
      name => !queryParameterNames(operationId).includes(name),
    );
    return [
      ...(request.body ? requestBodyProblems(operationId, request.body) : []),
      ...unknownQuery.map(
        name => `${operationId}: unknown query parameter ${name}`,
      ),
    ].map(problem => `${where}: ${problem}`);
  });
}

const callsGitHub = (step: WorkflowStep) => /\bgh api\b/.test(step.run ?? '');
const startsRollout = (step: WorkflowStep) =>
  /\baws ecs update-service\b/.test(step.run ?? '') &&
  !/PREVIOUS_TASK_DEFINITION/.test(step.run ?? '');

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

/** Problems of one deploy workflow's reporting against the contract. */
function deployWorkflowProblems(
  file: WorkflowFile,
  serviceName: string,
): string[] {
  const expected = EXPECTED_DEPLOYMENTS[file.name];
  const entries = Object.entries(file.workflow.jobs).filter(([, job]) =>
    (job.steps ?? []).some(callsGitHub),
  );
  if (entries.length !== 1) {
    return [`${file.name}: ${entries.length} jobs report to GitHub, not 1`];
  }
  const [id, job] = entries[0];
  const where = `${file.name} job ${id}`;
  const report = simulateDeployJob(where, job, expected.branch);
  const problems = [...report.problems];
  const expect = (ok: boolean, problem: string) => {
    if (!ok) problems.push(`${where}: ${problem}`);
  };
  expect(
    report.created.length === 1,
    `creates ${report.created.length} deployments`,
  );
  const created = report.created[0]?.body ?? {};
  const want = {
    ref: expected.ref,
    task: ZEROOPS_DEPLOYMENT_TASK,
    environment: expected.environment,
    auto_merge: false,
    required_contexts: [],
    transient_environment: expected.transient,
    production_environment: expected.production,
  };
  for (const [key, value] of Object.entries(want)) {
    expect(
      JSON.stringify(created[key]) === JSON.stringify(value),
      `deployment ${key} is ${JSON.stringify(
        created[key],
      )}, expected ${JSON.stringify(value)}`,
    );
  }
  const payload = (created.payload ?? {}) as Record<string, unknown>;
  const wantPayload: ZeroOpsDeploymentPayload = {
    service: serviceName,
    branch: expected.branch,
    workflow_run_id: Number(RUNNER_ENV.GITHUB_RUN_ID),
  };
  expect(
    JSON.stringify(Object.keys(payload).sort()) ===
      JSON.stringify([...ZEROOPS_DEPLOYMENT_PAYLOAD_KEYS].sort()),
    `payload has the keys ${Object.keys(payload).join(
      ', ',
    )}, expected ${ZEROOPS_DEPLOYMENT_PAYLOAD_KEYS.join(', ')}`,
  );
  for (const key of ZEROOPS_DEPLOYMENT_PAYLOAD_KEYS) {
    expect(
      payload[key] === wantPayload[key],
      `payload ${key} is ${JSON.stringify(
        payload[key],
      )}, expected ${JSON.stringify(wantPayload[key])}`,
    );
  }
  expect(
    report.statuses.some(
      s => s.beforeRollout && s.body.state === 'in_progress',
    ),
    'posts no in_progress status before ECS starts the rollout',
  );
  expect(
    /\b(always|failure)\(\)/.test(report.lastStepCondition ?? ''),
    `the last status step runs only if "${report.lastStepCondition}", so a failed or cancelled run stays in_progress`,
  );
  const description = formatEcsDeploymentDescription(SERVICE_DEPLOYMENT_ARN);
  for (const [status, state] of [
    ['success', 'success'],
    ['failure', 'failure'],
    ['cancelled', 'failure'],
  ]) {
    const body = report.results[status] ?? {};
    expect(
      body.state === state,
      `a ${status} run ends ${String(body.state)}, expected ${state}`,
    );
    expect(
      body.description === description,
      `a ${status} run's description is ${String(
        body.description,
      )}, expected "${description}"`,
    );
    expect(body.log_url === RUN_URL, `log_url is ${String(body.log_url)}`);
    expect(
      body.environment_url === SERVICE_URL,
      `environment_url is ${String(body.environment_url)}`,
    );
  }
  expect(
    report.resultWithOverlongArn !== undefined &&
      report.resultWithOverlongArn.description === undefined,
    `an ARN over GitHub's 140 characters is sent anyway: ${String(
      report.resultWithOverlongArn?.description,
    )}`,
  );
  return problems;
}

/** Problems of the cleanup: after destroying pr-<n>, its deployments become inactive. */
function cleanupProblems(file: WorkflowFile): string[] {
  const entries = Object.entries(file.workflow.jobs).filter(([, job]) =>
    (job.steps ?? []).some(callsGitHub),
  );
  const destroyJob = entries.find(([, job]) =>
    (job.steps ?? []).some(s => /\bterragrunt destroy\b/.test(s.run ?? '')),
  );
  if (entries.length !== 1 || !destroyJob) {
    return [`${file.name}: GitHub is not told by the destroy job alone`];
  }
  const [id, job] = destroyJob;
  const where = `${file.name} job ${id}`;
  const steps = job.steps ?? [];
  const destroy = steps.findIndex(s =>
    /\bterragrunt destroy\b/.test(s.run ?? ''),
  );
  const problems: string[] = [];
  for (const [index, step] of steps.entries()) {
    if (!callsGitHub(step)) continue;
    if (index < destroy) {
      problems.push(`${where}: "${step.name}" runs before the destroy`);
    }
    const result = runWorkflowStep(step, {
      expressions: {
        'github.token': 'test-token',
        'matrix.pr_number': PR_NUMBER,
      },
      jobEnv: job.env,
      // Two pages, as `gh api --paginate` prints them.
      ghAnswers: [
        {
          path: '/deployments[?]',
          body: '[{"id": 11}, {"id": 12}]\n[{"id": 13}]',
        },
      ],
    });
    if (result.exitCode !== 0) {
      problems.push(`${where} step "${step.name}" failed:\n${result.output}`);
    }
    const requests = result.ghCalls.map(toRequest);
    problems.push(...requestProblems(where, requests));
    const listed = requests.filter(
      r => operationOf(r) === 'repos/list-deployments',
    );
    if (listed.some(r => r.query.get('environment') !== `pr-${PR_NUMBER}`)) {
      problems.push(`${where}: lists deployments of another environment`);
    }
    const inactive = requests
      .filter(r => r.body?.state === 'inactive')
      .map(r => r.path);
    const expected = [11, 12, 13].map(
      n => `/repos/${RUNNER_ENV.GITHUB_REPOSITORY}/deployments/${n}/statuses`,
    );
    if (JSON.stringify(inactive) !== JSON.stringify(expected)) {
      problems.push(
        `${where}: marked ${JSON.stringify(
          inactive,
        )} inactive, expected every deployment of pr-${PR_NUMBER}`,
      );
    }
  }
  return problems;
}

/** `deployments: write` exactly on the jobs that talk to GitHub's deployments, nowhere else. */
function permissionProblems(file: WorkflowFile): string[] {
  const problems: string[] = [];
  if (JSON.stringify(file.workflow.permissions ?? {}).includes('deployments')) {
    problems.push(`${file.name}: grants deployments for the whole workflow`);
  }
  for (const [id, job] of Object.entries(file.workflow.jobs)) {
    const grant =
      typeof job.permissions === 'object'
        ? job.permissions.deployments
        : job.permissions;
    const needs = (job.steps ?? []).some(callsGitHub);
    if (needs && grant !== 'write') {
      problems.push(
        `${file.name} job ${id}: reports deployments without deployments: write`,
      );
    }
    if (!needs && grant !== undefined) {
      problems.push(
        `${file.name} job ${id}: deployments: ${grant} but reports nothing`,
      );
    }
  }
  return problems;
}

/** Every problem of a generated repository's deployment reporting; empty when it is right. */
export function deploymentReportingProblems(
  files: WorkflowFile[],
  serviceName: string,
): string[] {
  const names = files.map(f => f.name);
  const problems = [...Object.keys(EXPECTED_DEPLOYMENTS), 'cleanup.yml']
    .filter(name => !names.includes(name))
    .map(name => `${name}: missing`);
  for (const file of files) {
    problems.push(...permissionProblems(file));
    if (file.name in EXPECTED_DEPLOYMENTS) {
      problems.push(...deployWorkflowProblems(file, serviceName));
    } else if (file.name === 'cleanup.yml') {
      problems.push(...cleanupProblems(file));
    }
  }
  return problems;
}
