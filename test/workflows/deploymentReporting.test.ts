/**
 * The generated deploy workflows report every rollout to GitHub as a deployment that the ZeroOps
 * backend reads (zeroops-common delivery/githubDeployments.ts). Their reporting steps run here
 * against stand-ins for `gh` and `aws`; what they send is checked against that contract and
 * against GitHub's OpenAPI description. The scenario matrix runs the same checks on every
 * generated repository (test/templates/scenarioMatrix.test.ts).
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { createWorkflowsGenerateAction } from '@zeroops/backstage-plugin-scaffolder-backend-module-zeroops';
import {
  formatEcsDeploymentDescription,
  ZEROOPS_DEPLOYMENT_TASK,
} from '@zeroops/backstage-plugin-zeroops-common';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import yaml from 'yaml';
import { SERVICE_DEPLOYMENT_ARN, WorkflowFile } from './lib/deploymentEvent';
import { deploymentReportingProblems } from './lib/deploymentReporting';
import { simulateDeployJob } from './lib/deployJobSimulation';

const environments = {
  production: { accountId: '111111111111' },
  staging: { accountId: '222222222222' },
  ephemeral: { accountId: '222222222222' },
};

/** zeroops:workflows:generate inputs as the service and adopt templates pass them. */
const scenarios: Array<[string, JsonObject]> = [
  [
    'service, blue/green',
    {
      serviceName: 'payments-api',
      awsRegion: 'eu-central-1',
      deploymentStrategy: 'blue-green',
      environments,
    },
  ],
  [
    'service, rolling, no migrations',
    {
      serviceName: 'order-fulfilment-apis',
      awsRegion: 'ap-southeast-2',
      deploymentStrategy: 'rolling',
      migrationCommand: [],
      environments,
    },
  ],
  [
    'adopt, own toolchain and cluster',
    {
      serviceName: 'billing-worker',
      awsRegion: 'eu-west-1',
      nodeVersion: 'none',
      installCommand: 'make deps',
      testCommand: 'make test',
      migrationCommand: ['./bin/migrate'],
      infrastructureDirectory: 'deploy/infrastructure',
      environments: {
        ...environments,
        production: {
          accountId: '111111111111',
          ecsCluster: 'billing-production',
        },
      },
    },
  ],
];

async function generate(input: JsonObject): Promise<WorkflowFile[]> {
  const action = createWorkflowsGenerateAction();
  const workspacePath = await fs.mkdtemp(
    path.join(os.tmpdir(), 'zeroops-deployments-'),
  );
  try {
    await action.handler({
      input: input as never,
      workspacePath,
      logger: mockServices.logger.mock(),
      task: { id: 'deployment-reporting-test' },
      output() {},
      checkpoint: async ({ fn }) => fn(),
      createTemporaryDirectory: () =>
        fs.mkdtemp(path.join(os.tmpdir(), 'zeroops-deployments-tmp-')),
      getInitiatorCredentials: async () => mockCredentials.user(),
    } as Parameters<typeof action.handler>[0]);
    const dir = path.join(workspacePath, '.github', 'workflows');
    return await Promise.all(
      (await fs.readdir(dir)).sort().map(async name => ({
        name,
        workflow: yaml.parse(await fs.readFile(path.join(dir, name), 'utf8')),
      })),
    );
  } finally {
    await fs.rm(workspacePath, { recursive: true, force: true });
  }
}

jest.setTimeout(180_000);

type Steps = Array<{
  name: string;
  if?: string;
  run?: string;
  env?: Record<string, string>;
}>;
const deployJob = (files: WorkflowFile[], name: string) =>
  files.find(f => f.name === name)!.workflow.jobs.deploy as {
    permissions: Record<string, string>;
    steps: Steps;
  };

describe('generated deploy workflows report their rollouts to GitHub', () => {
  // One generation of the first scenario, copied for each test that inspects or breaks it.
  let serviceWorkflows: WorkflowFile[];
  beforeAll(async () => {
    serviceWorkflows = await generate(scenarios[0][1]);
  });

  it.each(scenarios)(
    '%s: deployments, statuses and permissions follow the contract and GitHub’s API description',
    async (_, input) => {
      const files = await generate(input);
      expect(
        deploymentReportingProblems(files, String(input.serviceName)),
      ).toEqual([]);
    },
  );

  it('creates a production deployment of the pushed commit with the zeroops task, and ends it with the ECS deployment', () => {
    const files = structuredClone(serviceWorkflows);
    const report = simulateDeployJob(
      'deploy-production.yml',
      deployJob(files, 'deploy-production.yml'),
      'hotfix/fix-checkout-timeout',
    );
    expect(report.problems).toEqual([]);
    expect(report.created.map(request => request.body)).toEqual([
      {
        ref: '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d',
        task: ZEROOPS_DEPLOYMENT_TASK,
        environment: 'production',
        auto_merge: false,
        required_contexts: [],
        transient_environment: false,
        production_environment: true,
        payload: {
          service: 'payments-api',
          branch: 'hotfix/fix-checkout-timeout',
          workflow_run_id: 987654321,
        },
      },
    ]);
    expect(report.statuses.map(s => [s.beforeRollout, s.body.state])).toEqual([
      [true, 'in_progress'],
      [false, 'in_progress'],
    ]);
    expect(report.results.cancelled).toEqual({
      state: 'failure',
      description: formatEcsDeploymentDescription(SERVICE_DEPLOYMENT_ARN),
      log_url: 'https://github.com/acme/payments-api/actions/runs/987654321',
      environment_url: 'https://payments-api.staging.zeroops.example.com',
    });
  });

  // Each change below breaks one promise; the checks must notice every one.
  it.each<[string, (files: WorkflowFile[]) => void, string]>([
    [
      'the task',
      files => {
        const steps = deployJob(files, 'deploy-staging.yml').steps;
        steps.find(s => s.env?.DEPLOYMENT_TASK)!.env!.DEPLOYMENT_TASK =
          'deploy';
      },
      `deploy-staging.yml job deploy: deployment task is "deploy", expected "${ZEROOPS_DEPLOYMENT_TASK}"`,
    ],
    [
      'a misspelt field',
      files => {
        const step = deployJob(files, 'ephemeral-pr.yml').steps.find(s =>
          s.run?.includes('transient_environment:'),
        )!;
        step.run = step.run!.replace(
          'transient_environment:',
          'transient_enviroment:',
        );
      },
      'ephemeral-pr.yml job deploy: repos/create-deployment: body must NOT have additional properties (transient_enviroment)',
    ],
    [
      'the permission',
      files => {
        delete deployJob(files, 'deploy-production.yml').permissions
          .deployments;
      },
      'deploy-production.yml job deploy: reports deployments without deployments: write',
    ],
    [
      'payload without the run',
      files => {
        const step = deployJob(files, 'deploy-production.yml').steps.find(s =>
          s.run?.includes('workflow_run_id: $run_id'),
        )!;
        step.run = step.run!.replace(', workflow_run_id: $run_id', '');
      },
      'deploy-production.yml job deploy: payload workflow_run_id is undefined, expected 987654321',
    ],
    [
      'the report of failed runs',
      files => {
        const steps = deployJob(files, 'deploy-staging.yml').steps;
        steps[steps.length - 1].if = 'success()';
      },
      'deploy-staging.yml job deploy: the last status step runs only if "success()", so a failed or cancelled run stays in_progress',
    ],
  ])('notices a broken %s', (_, breakIt, problem) => {
    const files = structuredClone(serviceWorkflows);
    breakIt(files);
    expect(deploymentReportingProblems(files, 'payments-api')).toContain(
      problem,
    );
  });
});
