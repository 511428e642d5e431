/**
 * The TypeScript service the zeroops-service template generates must pass its own tests and
 * type check inside the generated tree, with dependencies installed from the npm registry.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startZeroopsBackend, ZeroopsTestBackend } from './lib/backend';
import { loadTemplate, writeDryRunTree } from './lib/templateFiles';

jest.setTimeout(300_000);

let backend: ZeroopsTestBackend;

beforeAll(async () => {
  backend = await startZeroopsBackend({
    localRepositoriesDir: path.join(os.tmpdir(), 'zeroops-unused-repositories'),
    withCatalog: false,
  });
});

afterAll(async () => {
  await backend?.stop();
});

it('generates a service whose own tests and type check pass', async () => {
  const { template, directoryContents } = await loadTemplate('zeroops-service');
  const { status, body } = await backend.request<{
    directoryContents: Array<{
      path: string;
      base64Content: string;
      executable?: boolean;
    }>;
  }>('POST', '/api/scaffolder/v2/dry-run', {
    template,
    // What the form sends when only the name and the owner are filled in (the rest are defaults).
    values: {
      serviceName: 'inventory-api',
      description: 'A ZeroOps service',
      owner: 'group:default/team-checkout',
      target: 'local',
      awsRegion: 'us-east-1',
      productionAccountId: '111111111111',
      stagingAccountId: '222222222222',
      baseDomain: 'zeroops.example.com',
      productionTaskCount: 2,
      taskCpu: 0.5,
      taskMemoryGb: 1,
      deploymentStrategy: 'blue-green',
      maxMonthlyUsd: 500,
    },
    directoryContents,
  });
  expect({ status, body: status === 200 ? undefined : body }).toEqual({
    status: 200,
    body: undefined,
  });
  const root = await fs.mkdtemp(
    path.join(os.tmpdir(), 'zeroops-generated-service-'),
  );
  await writeDryRunTree(root, body.directoryContents);

  // npm from the PATH, run by this Node.js (>= 22.18 strips the service's TypeScript types).
  const run = (...args: string[]) =>
    execFileSync('npm', args, {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${path.dirname(process.execPath)}:${process.env.PATH}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  run('install', '--no-audit', '--no-fund');
  const tests = run('test');
  expect(tests).toMatch(/# pass (\d+)|ℹ pass (\d+)/);
  expect(tests).toMatch(/(# fail|ℹ fail) 0/);
  const passed = Number(/(?:# pass|ℹ pass) (\d+)/.exec(tests)?.[1]);
  expect(passed).toBeGreaterThanOrEqual(10);
  run('run', 'typecheck');
});
