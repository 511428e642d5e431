import { validateWorkflow } from '@action-validator/core';
import { JsonObject } from '@backstage/types';
import fs from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import {
  createActionTestContext,
  createWorkspace,
  exampleInputs,
  readTree,
} from '../__testUtils__/actionTestContext';
import { PINNED_ACTIONS } from '../workflows/pinnedActions';
import { createWorkflowsGenerateAction } from './workflowsGenerate';
import { examples } from './workflowsGenerate.examples';

const action = createWorkflowsGenerateAction();

const baseInput = {
  serviceName: 'payments-api',
  environments: {
    production: { accountId: '111111111111' },
    staging: { accountId: '222222222222' },
    ephemeral: { accountId: '222222222222' },
  },
};

interface WorkflowStep {
  name: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface WorkflowJob {
  if?: string;
  environment?: { name: string };
  permissions: Record<string, string>;
  env?: Record<string, string>;
  steps: WorkflowStep[];
}
interface ParsedWorkflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency?: { group: string };
  jobs: Record<string, WorkflowJob>;
}

async function run(input: JsonObject, options: { isDryRun?: boolean } = {}) {
  const workspacePath = await createWorkspace();
  const test = createActionTestContext(action, {
    input,
    workspacePath,
    ...options,
  });
  await action.handler(test.ctx);
  return { workspacePath, ...test };
}

async function workflow(workspacePath: string, name: string) {
  const text = await fs.readFile(
    path.join(workspacePath, '.github/workflows', name),
    'utf8',
  );
  return { text, parsed: YAML.parse(text) as ParsedWorkflow };
}

describe('zeroops:workflows:generate', () => {
  it.each(examples.map(e => [e.description, e.example]))(
    'runs the example "%s" and writes valid workflows',
    async (_description, example) => {
      for (const input of exampleInputs(example)) {
        const { workspacePath, outputs } = await run(input);
        const tree = await readTree(workspacePath);
        expect(Object.keys(tree).sort()).toEqual([
          '.github/copilot-instructions.md',
          '.github/workflows/ci.yml',
          '.github/workflows/cleanup.yml',
          '.github/workflows/deploy-production.yml',
          '.github/workflows/deploy-staging.yml',
          '.github/workflows/ephemeral-pr.yml',
          // What zeroops:repository:update re-renders later (managedFiles.test.ts).
          '.zeroops/managed.json',
        ]);
        expect(outputs.files).toHaveLength(6);
        for (const [file, content] of Object.entries(tree)) {
          if (!file.endsWith('.yml')) continue;
          expect({ file, errors: validateWorkflow(content).errors }).toEqual({
            file,
            errors: [],
          });
        }
      }
    },
  );

  it('pins every action to a commit SHA with its version as a comment', async () => {
    const { workspacePath } = await run(baseInput);
    const tree = await readTree(workspacePath);
    const uses = Object.values(tree).flatMap(text =>
      [...text.matchAll(/uses: (\S+)(.*)$/gm)].map(m => [m[1], m[2]]),
    );
    expect(uses.length).toBeGreaterThan(20);
    const versions = new Map<string, string>(
      Object.values(PINNED_ACTIONS).map(a => [a.sha, a.version]),
    );
    for (const [ref, comment] of uses) {
      expect(ref).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      expect(comment).toBe(` # ${versions.get(ref.split('@')[1])}`);
    }
  });

  it('deploys production only from main and hotfix/*, behind the production environment, with OIDC', async () => {
    const { workspacePath } = await run(baseInput);
    const { parsed } = await workflow(workspacePath, 'deploy-production.yml');
    expect(parsed.on).toEqual({ push: { branches: ['main', 'hotfix/*'] } });
    expect(parsed.permissions).toEqual({});
    expect(parsed.concurrency?.group).toBe('deploy-production');
    const deploy = parsed.jobs.deploy;
    expect(deploy.environment?.name).toBe('production');
    expect(deploy.permissions).toEqual({
      contents: 'read',
      deployments: 'write',
      'id-token': 'write',
    });
    const assume = deploy.steps.find(s =>
      s.uses?.startsWith('aws-actions/configure-aws-credentials@'),
    );
    expect(assume?.with?.['role-to-assume']).toBe(
      'arn:aws:iam::111111111111:role/payments-api-github-production',
    );
    expect(JSON.stringify(parsed)).not.toMatch(/aws-access-key-id|secrets\./);
    expect(parsed.jobs.test.permissions).toEqual({ contents: 'read' });
  });

  it('migrates before the service update and smoke tests after it', async () => {
    const { workspacePath } = await run(baseInput);
    const { parsed } = await workflow(workspacePath, 'deploy-staging.yml');
    const names = parsed.jobs.deploy.steps.map(s => s.name);
    const index = (prefix: string) =>
      names.findIndex(name => name.startsWith(prefix));
    expect(index('Build the image')).toBeLessThan(index('Push the image'));
    expect(index('Register the task definition')).toBeLessThan(
      index('Run database migrations'),
    );
    expect(index('Run database migrations')).toBeLessThan(index('Deploy'));
    expect(index('Deploy')).toBeLessThan(index('Smoke test'));
    expect(parsed.jobs.deploy.env?.MIGRATION_COMMAND).toBe(
      '["npm","run","migrate"]',
    );
    expect(parsed.jobs.deploy.env?.HEALTH_CHECK_PATH).toBe('/healthz');
    expect(parsed.jobs.deploy.env?.ECS_CLUSTER).toBe('zeroops-staging');
  });

  it('skips the migration step when there is no migration command', async () => {
    const { workspacePath } = await run({ ...baseInput, migrationCommand: [] });
    const { parsed } = await workflow(workspacePath, 'deploy-production.yml');
    expect(
      parsed.jobs.deploy.steps.some(s => s.name.includes('migrations')),
    ).toBe(false);
  });

  it('creates ephemeral environments only for feature branches of this repository', async () => {
    const { workspacePath } = await run(baseInput);
    const { parsed } = await workflow(workspacePath, 'ephemeral-pr.yml');
    const deploy = parsed.jobs.deploy;
    expect(deploy.if).toContain(
      'github.event.pull_request.head.repo.full_name == github.repository',
    );
    expect(deploy.if).toContain("startsWith(github.head_ref, 'feature/')");
    expect(deploy.env?.ECS_SERVICE).toBe(
      'payments-api-pr-${{ github.event.pull_request.number }}',
    );
    expect(deploy.steps[0].run).toContain('^[1-9][0-9]{0,4}$');
    expect(parsed.concurrency?.group).toBe(
      'ephemeral-pr-${{ github.event.pull_request.number }}',
    );
  });

  it('lets the cleanup job destroy nothing but pr-<n> in the ephemeral environment', async () => {
    const { workspacePath } = await run(baseInput);
    const { parsed } = await workflow(workspacePath, 'cleanup.yml');
    expect(Object.keys(parsed.on).sort()).toEqual([
      'pull_request',
      'schedule',
      'workflow_dispatch',
    ]);
    const destroy = parsed.jobs.destroy;
    expect(destroy.environment?.name).toBe('ephemeral');
    expect(destroy.steps[0].run).toContain('^[1-9][0-9]{0,4}$');
    const destroyStep = destroy.steps.find(s => s.run?.includes('destroy'));
    expect(destroyStep?.['working-directory']).toBe(
      'infrastructure/environments/ephemeral',
    );
    const checkout = destroy.steps.find(s =>
      s.uses?.startsWith('actions/checkout@'),
    );
    expect(checkout?.with?.ref).toContain('github.event.pull_request.base.ref');
  });

  it('never splices an expression into a shell script', async () => {
    const { workspacePath } = await run(baseInput);
    const scripts: string[] = [];
    for (const name of [
      'ci.yml',
      'deploy-staging.yml',
      'deploy-production.yml',
      'ephemeral-pr.yml',
      'cleanup.yml',
    ]) {
      const { parsed } = await workflow(workspacePath, name);
      for (const job of Object.values(parsed.jobs)) {
        scripts.push(
          ...job.steps.flatMap(step => (step.run ? [step.run] : [])),
        );
      }
    }
    expect(scripts.length).toBeGreaterThan(10);
    expect(scripts.filter(script => script.includes('${{'))).toEqual([]);
  });

  it('gives the same tree when run twice', async () => {
    const first = await run(baseInput);
    const before = await readTree(first.workspacePath);
    const second = createActionTestContext(action, {
      input: baseInput,
      workspacePath: first.workspacePath,
    });
    await action.handler(second.ctx);
    expect(await readTree(first.workspacePath)).toEqual(before);
    expect(second.checkpoints).toEqual(first.checkpoints);
  });

  it('writes into the scratch workspace in a dry run, like fetch:template', async () => {
    const { workspacePath } = await run(baseInput, { isDryRun: true });
    // The six generated files and the manifest that records them.
    expect(Object.keys(await readTree(workspacePath))).toHaveLength(7);
  });

  it('writes below targetPath and refuses paths outside the workspace', async () => {
    const { workspacePath } = await run({ ...baseInput, targetPath: 'repo' });
    expect(
      Object.keys(await readTree(workspacePath)).every(f =>
        f.startsWith('repo/'),
      ),
    ).toBe(true);
    await expect(
      run({ ...baseInput, targetPath: '../outside' }),
    ).rejects.toThrow('targetPath: must not leave the repository with ".."');
  });

  it('fails with an input error naming targetPath and the file when a file blocks a folder, writing nothing', async () => {
    const workspacePath = await createWorkspace();
    // A skeleton that ships `.github` as a file.
    await fs.writeFile(path.join(workspacePath, '.github'), 'not a folder\n');
    const test = createActionTestContext(action, {
      input: baseInput as JsonObject,
      workspacePath,
    });
    const failure = action.handler(test.ctx);
    await expect(failure).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining(
        'targetPath: ".github" is a file in the workspace, but this step writes ".github/',
      ),
    });
    expect(await readTree(workspacePath)).toEqual({
      '.github': 'not a folder\n',
    });

    const other = await createWorkspace();
    await fs.mkdir(path.join(other, '.github/workflows/ci.yml'), {
      recursive: true,
    });
    const again = createActionTestContext(action, {
      input: baseInput as JsonObject,
      workspacePath: other,
    });
    await expect(action.handler(again.ctx)).rejects.toThrow(
      'targetPath: ".github/workflows/ci.yml" is a folder in the workspace, but this step writes a file there',
    );
    expect(await readTree(other)).toEqual({});
  });

  it.each([
    [
      { serviceName: 'Payments_API' },
      'serviceName: must be a lowercase DNS label',
    ],
    [
      { serviceName: 'a-very-long-service-name' },
      'serviceName: must be at most 21 characters',
    ],
    [
      {
        environments: {
          ...baseInput.environments,
          production: { accountId: '12345' },
        },
      },
      'environments.production.accountId: must be a 12-digit AWS account id, got "12345"',
    ],
    [
      { awsRegion: 'us-east1' },
      'awsRegion: must be an AWS region such as us-east-1 or eu-west-1; "us-east1" is not one',
    ],
    [
      {
        environments: {
          ...baseInput.environments,
          staging: { accountId: '222222222222', roleName: 'bad role' },
        },
      },
      'environments.staging.roleName: must be an IAM role name',
    ],
    [
      { healthCheckPath: 'healthz' },
      'healthCheckPath: must be an absolute HTTP path',
    ],
    [
      { deploymentStrategy: 'canary' },
      'deploymentStrategy: Invalid enum value',
    ],
    [
      { terraformVersion: '1.5.7' },
      'terraformVersion: must be a Terraform version of 1.10.0 or later',
    ],
  ])(
    'fails on %j naming the field and the rule, writing nothing',
    async (override, message) => {
      const workspacePath = await createWorkspace();
      const test = createActionTestContext(action, {
        input: { ...baseInput, ...override } as JsonObject,
        workspacePath,
      });
      await expect(action.handler(test.ctx)).rejects.toThrow(message);
      expect(await readTree(workspacePath)).toEqual({});
    },
  );
});
