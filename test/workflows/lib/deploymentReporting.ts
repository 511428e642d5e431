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
  EXPECTED_DEPLOYMENTS,
  PR_NUMBER,
  RUN_URL,
  SERVICE_DEPLOYMENT_ARN,
  SERVICE_URL,
  WorkflowFile,
} from './deploymentEvent';
import {
  callsGitHub,
  operationOf,
  requestProblems,
  toRequest,
} from './deploymentRequests';
import { simulateDeployJob } from './deployJobSimulation';
import { RUNNER_ENV, runWorkflowStep } from './runWorkflowStep';

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
