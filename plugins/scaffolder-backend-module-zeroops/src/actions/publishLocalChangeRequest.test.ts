import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  createActionTestContext,
  exampleInputs,
} from '../__testUtils__/actionTestContext';
import {
  createCheckoutTestFolder,
  folderWith as createFolderWith,
} from '../__testUtils__/checkoutTestFolder';
import { publishLocalRepository } from '../localRepositories/publishLocalRepository';
import { createPublishLocalChangeRequestAction } from './publishLocalChangeRequest';
import { examples } from './publishLocalChangeRequest.examples';

const gitOutput = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

const author = { name: 'Dev', email: 'dev@example.com' };

describe('zeroops:publish:local:change-request', () => {
  let root: string;
  let baseDir: string;
  let action: ReturnType<typeof createPublishLocalChangeRequestAction>;

  beforeEach(async () => {
    root = await createCheckoutTestFolder('change-request');
    baseDir = path.join(root, 'repositories');
    action = createPublishLocalChangeRequestAction({
      config: new ConfigReader({
        app: { baseUrl: 'http://localhost:3000' },
        zeroops: { publish: { local: { baseDir } } },
        scaffolder: {
          defaultAuthor: {
            name: 'ZeroOps Scaffolder',
            email: 'scaffolder@zeroops.local',
          },
        },
      }),
    });
  });

  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  const folderWith = (_purpose: string, files: Record<string, string>) =>
    createFolderWith(root, files);

  async function repositoryWith(
    repoName: string,
    files: Record<string, string>,
  ) {
    const published = await publishLocalRepository({
      baseDir,
      repoName,
      sourceDir: await folderWith('source', files),
      defaultBranch: 'main',
      commitMessage: 'Initial commit',
      author,
    });
    return published.path;
  }

  async function run(
    input: JsonObject,
    workspacePath: string,
    isDryRun = false,
  ) {
    const test = createActionTestContext(action, {
      input,
      workspacePath,
      isDryRun,
    });
    test.ctx.user = { ref: 'user:default/guest' };
    await action.handler(test.ctx);
    return test;
  }

  const ORIGINAL = {
    'catalog-info.yaml': 'kind: Component\n',
    Dockerfile: 'FROM node:22\n',
    'src/index.ts': 'export {};\n',
  };
  const ADOPT_INPUT = {
    repoName: 'payments-api',
    branchName: 'zeroops/adopt',
    title: 'Adopt ZeroOps',
    description: 'Adds the workflows.',
  };

  async function adoptWorkspace() {
    return folderWith('workspace', {
      'catalog-info.yaml': 'kind: Component\n',
      Dockerfile: 'FROM node:24\n',
      '.github/workflows/ci.yml': 'name: CI\n',
    });
  }

  it.each(examples.map(e => [e.description, e.example]))(
    'runs the example "%s"',
    async (_description, example) => {
      await repositoryWith('payments-api', ORIGINAL);
      const orders = await repositoryWith('orders-worker', ORIGINAL);
      gitOutput(orders, 'branch', 'staging');
      const workspacePath = await folderWith('workspace', {
        'README.md': '# New\n',
        'generated/README.md': '# Generated\n',
      });
      const [input] = exampleInputs(example);
      const { outputs } = await run(input, workspacePath);
      expect(outputs.changeId).toBe('1');
      // The subfolder's files land at the repository root.
      expect(outputs.changedFiles).toEqual(
        input.sourcePath ? ['README.md'] : ['README.md', 'generated/README.md'],
      );
    },
  );

  it('opens a branch with the workspace written over the target, and a record, leaving the checked-out branch alone', async () => {
    const repository = await repositoryWith('payments-api', ORIGINAL);
    const mainBefore = gitOutput(repository, 'rev-parse', 'main');
    const { outputs } = await run(ADOPT_INPUT, await adoptWorkspace());

    expect(outputs).toEqual({
      remoteUrl: 'http://localhost:3000/zeroops/local-changes/payments-api/1',
      branchName: 'zeroops/adopt',
      targetBranch: 'main',
      changedFiles: ['.github/workflows/ci.yml', 'Dockerfile'],
      changeId: '1',
      localPath: repository,
    });
    // Reviewable with plain git: one commit on top of main, with exactly those files.
    expect(gitOutput(repository, 'rev-parse', 'zeroops/adopt~1')).toBe(
      mainBefore,
    );
    expect(
      gitOutput(repository, 'diff', '--name-status', 'main...zeroops/adopt'),
    ).toBe('A\t.github/workflows/ci.yml\nM\tDockerfile');
    expect(gitOutput(repository, 'show', 'zeroops/adopt:src/index.ts')).toBe(
      'export {};',
    );
    expect(
      gitOutput(repository, 'log', '-1', '--format=%an|%s', 'zeroops/adopt'),
    ).toBe('ZeroOps Scaffolder|Adopt ZeroOps');
    // The checked-out branch, its files and the index are untouched.
    expect(gitOutput(repository, 'branch', '--show-current')).toBe('main');
    expect(gitOutput(repository, 'rev-parse', 'main')).toBe(mainBefore);
    expect(gitOutput(repository, 'status', '--porcelain')).toBe('');
    expect(await fs.readFile(path.join(repository, 'Dockerfile'), 'utf8')).toBe(
      'FROM node:22\n',
    );

    const record = JSON.parse(
      await fs.readFile(
        path.join(repository, '.git/zeroops/changes/1.json'),
        'utf8',
      ),
    );
    expect(record).toEqual({
      id: '1',
      repository: 'payments-api',
      title: 'Adopt ZeroOps',
      description: 'Adds the workflows.',
      author: 'user:default/guest',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      branch: 'zeroops/adopt',
      targetBranch: 'main',
      baseCommit: mainBefore,
      commit: gitOutput(repository, 'rev-parse', 'zeroops/adopt'),
      changedFiles: ['.github/workflows/ci.yml', 'Dockerfile'],
      status: 'open',
    });
  });

  it('keeps executable bits, so scripts stay runnable after a merge', async () => {
    const repository = await repositoryWith('payments-api', ORIGINAL);
    const workspacePath = await folderWith('workspace', {
      'scripts/setup.sh': '#!/bin/sh\n',
    });
    await fs.chmod(path.join(workspacePath, 'scripts/setup.sh'), 0o755);
    await run(ADOPT_INPUT, workspacePath);
    expect(
      gitOutput(repository, 'ls-tree', 'zeroops/adopt', 'scripts/setup.sh'),
    ).toMatch(/^100755 blob /);
  });

  it('returns the same change when run again with the same branch and content', async () => {
    const repository = await repositoryWith('payments-api', ORIGINAL);
    const workspacePath = await adoptWorkspace();
    const first = await run(ADOPT_INPUT, workspacePath);
    const branchBefore = gitOutput(repository, 'rev-parse', 'zeroops/adopt');
    const second = await run(ADOPT_INPUT, workspacePath);
    expect(second.outputs).toEqual(first.outputs);
    expect(gitOutput(repository, 'rev-parse', 'zeroops/adopt')).toBe(
      branchBefore,
    );
    expect(
      await fs.readdir(path.join(repository, '.git/zeroops/changes')),
    ).toEqual(['1.json']);
  });

  it('fails on other content for an existing branch, saying which files differ, and keeps the branch', async () => {
    const repository = await repositoryWith('payments-api', ORIGINAL);
    await run(ADOPT_INPUT, await adoptWorkspace());
    const branchBefore = gitOutput(repository, 'rev-parse', 'zeroops/adopt');
    const failure = run(
      ADOPT_INPUT,
      await folderWith('workspace', {
        Dockerfile: 'FROM node:24-alpine\n',
        'catalog-info.yaml': 'kind: Component\n',
      }),
    );
    await expect(failure).rejects.toMatchObject({ name: 'InputError' });
    await expect(failure).rejects.toThrow(
      `Invalid input to zeroops:publish:local:change-request: branchName: the branch "zeroops/adopt" already exists in ${repository} with other content ("Dockerfile" differ from the workspace); choose another branchName, or merge or delete that branch`,
    );
    expect(gitOutput(repository, 'rev-parse', 'zeroops/adopt')).toBe(
      branchBefore,
    );
  });

  it('fails when the repository already matches the workspace, creating no branch', async () => {
    const repository = await repositoryWith('payments-api', ORIGINAL);
    const failure = run(
      ADOPT_INPUT,
      await folderWith('workspace', { Dockerfile: 'FROM node:22\n' }),
    );
    await expect(failure).rejects.toMatchObject({ name: 'InputError' });
    await expect(failure).rejects.toThrow(
      `sourcePath: the repository ${repository} already matches the workspace on "main" (1 files compared); there is nothing to review`,
    );
    expect(gitOutput(repository, 'branch', '--list', 'zeroops/adopt')).toBe('');
  });

  it('reports in a dry run what would change and writes nothing to the repository', async () => {
    const repository = await repositoryWith('payments-api', ORIGINAL);
    const objectsBefore = gitOutput(repository, 'count-objects', '-v');
    const { outputs, ctx } = await run(
      ADOPT_INPUT,
      await adoptWorkspace(),
      true,
    );
    expect(outputs).toMatchObject({
      changeId: '1',
      targetBranch: 'main',
      changedFiles: ['.github/workflows/ci.yml', 'Dockerfile'],
    });
    expect(ctx.logger.info).toHaveBeenCalledWith(
      `Dry run: would open change #1 "Adopt ZeroOps" in ${baseDir}/payments-api: zeroops/adopt → main, changing .github/workflows/ci.yml, Dockerfile`,
    );
    expect(gitOutput(repository, 'branch', '--list', 'zeroops/adopt')).toBe('');
    expect(gitOutput(repository, 'count-objects', '-v')).toBe(objectsBefore);
    await expect(
      fs.stat(path.join(repository, '.git/zeroops')),
    ).rejects.toThrow(/ENOENT/);
  });

  it('numbers changes per repository and opens them into another branch on request', async () => {
    const repository = await repositoryWith('payments-api', ORIGINAL);
    gitOutput(repository, 'branch', 'staging');
    await run(ADOPT_INPUT, await adoptWorkspace());
    const second = await run(
      { ...ADOPT_INPUT, branchName: 'zeroops/readme', targetBranch: 'staging' },
      await folderWith('workspace', { 'README.md': '# Payments\n' }),
    );
    expect(second.outputs).toMatchObject({
      changeId: '2',
      targetBranch: 'staging',
      remoteUrl: 'http://localhost:3000/zeroops/local-changes/payments-api/2',
    });
    expect(gitOutput(repository, 'rev-parse', 'zeroops/readme~1')).toBe(
      gitOutput(repository, 'rev-parse', 'staging'),
    );
  });

  it('completes a change whose run stopped after the record was written', async () => {
    const repository = await repositoryWith('payments-api', ORIGINAL);
    const workspacePath = await adoptWorkspace();
    await run(ADOPT_INPUT, workspacePath);
    // The branch went missing (the run stopped before creating it, or it was deleted).
    gitOutput(repository, 'branch', '-D', 'zeroops/adopt');
    const again = await run(ADOPT_INPUT, workspacePath);
    expect(again.outputs.changeId).toBe('1');
    expect(
      gitOutput(repository, 'diff', '--name-only', 'main...zeroops/adopt'),
    ).toBe('.github/workflows/ci.yml\nDockerfile');
    expect(
      await fs.readdir(path.join(repository, '.git/zeroops/changes')),
    ).toEqual(['1.json']);
  });

  it.each([
    [
      { ...ADOPT_INPUT, repoName: 'orders' },
      'repoName: there is no local repository "orders" in BASE; the local repositories are: payments-api',
    ],
    [
      { ...ADOPT_INPUT, targetBranch: 'develop' },
      'targetBranch: the repository BASE/payments-api has no branch "develop"; its branches are: main',
    ],
    [
      { ...ADOPT_INPUT, branchName: 'main' },
      'branchName: "main" is the target branch; the change needs a branch of its own',
    ],
    [
      { ...ADOPT_INPUT, branchName: 'zeroops..adopt' },
      'branchName: must be a git branch name: it must not contain ".."',
    ],
    [
      { ...ADOPT_INPUT, sourcePath: 'missing' },
      'sourcePath: "missing" does not exist in the workspace',
    ],
    [{ ...ADOPT_INPUT, title: '' }, 'title: String must contain at least 1'],
  ])('fails on %j with a message naming the field', async (input, message) => {
    const repository = await repositoryWith('payments-api', ORIGINAL);
    const failure = run(input, await adoptWorkspace());
    await expect(failure).rejects.toMatchObject({ name: 'InputError' });
    await expect(failure).rejects.toThrow(message.replace(/BASE/g, baseDir));
    expect(gitOutput(repository, 'branch', '--format=%(refname:short)')).toBe(
      'main',
    );
  });

  it('fails on an existing branch that is not a change request', async () => {
    const repository = await repositoryWith('payments-api', ORIGINAL);
    gitOutput(repository, 'branch', 'zeroops/adopt');
    await expect(
      run(
        ADOPT_INPUT,
        await folderWith('workspace', { Dockerfile: 'FROM node:22\n' }),
      ),
    ).rejects.toThrow(
      `branchName: the branch "zeroops/adopt" already exists in ${repository} and is not a change request; choose another branchName`,
    );
  });
});
