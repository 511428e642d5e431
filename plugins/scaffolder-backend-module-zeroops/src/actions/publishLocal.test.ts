import { ConfigReader } from '@backstage/config';
import { JsonObject } from '@backstage/types';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createActionTestContext,
  createWorkspace,
  exampleInputs,
  readTree,
} from '../__testUtils__/actionTestContext';
import { FailedTaskRepositoryCleanup } from '../localRepositories/FailedTaskRepositoryCleanup';
import { createPublishLocalAction } from './publishLocal';
import { examples } from './publishLocal.examples';

const gitOutput = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

describe('zeroops:publish:local', () => {
  let baseDir: string;
  let action: ReturnType<typeof createPublishLocalAction>;

  beforeEach(async () => {
    baseDir = path.join(
      await fs.mkdtemp(path.join(os.tmpdir(), 'zeroops-publish-')),
      'repositories',
    );
    action = createPublishLocalAction({
      config: new ConfigReader({
        zeroops: { publish: { local: { baseDir } } },
        scaffolder: {
          defaultAuthor: {
            name: 'ZeroOps Scaffolder',
            email: 'scaffolder@zeroops.local',
          },
          defaultCommitMessage: 'Initial commit from the ZeroOps template',
        },
      }),
    });
  });

  async function workspaceWith(files: Record<string, string>) {
    const workspacePath = await createWorkspace();
    for (const [file, content] of Object.entries(files)) {
      await fs.mkdir(path.dirname(path.join(workspacePath, file)), {
        recursive: true,
      });
      await fs.writeFile(path.join(workspacePath, file), content);
    }
    return workspacePath;
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
    await action.handler(test.ctx);
    return test;
  }

  it.each(examples.map(e => [e.description, e.example]))(
    'runs the example "%s"',
    async (_description, example) => {
      const workspacePath = await workspaceWith({
        'catalog-info.yaml': 'kind: Component\n',
        'service/catalog-info.yaml': 'kind: Component\n',
      });
      const [input] = exampleInputs(example);
      const { outputs } = await run(input, workspacePath);
      const repository = fileURLToPath(String(outputs.remoteUrl));
      expect(path.dirname(repository)).toBe(baseDir);
      expect(gitOutput(repository, 'rev-list', '--count', 'HEAD')).toBe('1');
    },
  );

  it('creates a repository with one commit and file:// URLs for catalog:register', async () => {
    const workspacePath = await workspaceWith({
      'catalog-info.yaml': 'kind: Component\n',
      'src/index.ts': 'export {};\n',
      '.gitignore': 'node_modules\n',
    });
    const { outputs } = await run({ repoName: 'payments-api' }, workspacePath);
    const repository = path.join(baseDir, 'payments-api');
    expect(outputs.remoteUrl).toBe(`file://${repository}`);
    expect(outputs.repoContentsUrl).toBe(`file://${repository}/`);
    expect(outputs.catalogInfoUrl).toBe(
      `file://${repository}/catalog-info.yaml`,
    );
    expect(outputs.commitHash).toBe(gitOutput(repository, 'rev-parse', 'HEAD'));
    expect(gitOutput(repository, 'ls-files').split('\n').sort()).toEqual([
      '.gitignore',
      'catalog-info.yaml',
      'src/index.ts',
    ]);
    expect(gitOutput(repository, 'log', '--format=%an <%ae>|%s')).toBe(
      'ZeroOps Scaffolder <scaffolder@zeroops.local>|Initial commit from the ZeroOps template',
    );
    expect(gitOutput(repository, 'branch', '--show-current')).toBe('main');

    // It is a usable remote: clone, commit, push, and the working tree follows.
    const clone = path.join(await createWorkspace(), 'clone');
    execFileSync('git', ['clone', '--quiet', String(outputs.remoteUrl), clone]);
    await fs.writeFile(path.join(clone, 'README.md'), '# payments-api\n');
    gitOutput(clone, 'add', 'README.md');
    execFileSync(
      'git',
      [
        '-c',
        'user.name=Dev',
        '-c',
        'user.email=dev@example.com',
        'commit',
        '--quiet',
        '-m',
        'Add README',
      ],
      { cwd: clone },
    );
    gitOutput(clone, 'push', '--quiet', 'origin', 'main');
    expect(await fs.readFile(path.join(repository, 'README.md'), 'utf8')).toBe(
      '# payments-api\n',
    );
  });

  it('succeeds without changes when run twice with the same content', async () => {
    const workspacePath = await workspaceWith({
      'catalog-info.yaml': 'a: 1\n',
    });
    const first = await run({ repoName: 'svc' }, workspacePath);
    const before = await readTree(path.join(baseDir, 'svc'));
    const second = await run({ repoName: 'svc' }, workspacePath);
    expect(second.outputs).toEqual({ ...first.outputs, created: false });
    expect(first.outputs.created).toBe(true);
    expect(await readTree(path.join(baseDir, 'svc'))).toEqual(before);
    expect((await fs.readdir(baseDir)).sort()).toEqual(['svc']);
  });

  it('fails on a different repository of the same name, saying what differs, and never overwrites it', async () => {
    await run(
      { repoName: 'svc' },
      await workspaceWith({ 'a.txt': 'one', 'c.txt': 'kept' }),
    );
    const failure = run(
      { repoName: 'svc', defaultBranch: 'trunk' },
      await workspaceWith({ 'a.txt': 'two', 'b.txt': 'new' }),
    );
    await expect(failure).rejects.toMatchObject({ name: 'InputError' });
    await expect(failure).rejects.toThrow(
      `Invalid input to zeroops:publish:local: repoName: a different repository "svc" already exists at ${baseDir}/svc (defaultBranch: the repository's branch is "main", this run asks for "trunk"; content: "a.txt" differs, "b.txt" is only in the workspace, "c.txt" is only in the repository)`,
    );
    expect(await fs.readFile(path.join(baseDir, 'svc', 'a.txt'), 'utf8')).toBe(
      'one',
    );
    expect(
      gitOutput(path.join(baseDir, 'svc'), 'branch', '--show-current'),
    ).toBe('main');
    expect(await fs.readdir(baseDir)).toEqual(['svc']);
  });

  it('fails when only the branch differs, instead of keeping the old branch', async () => {
    const workspacePath = await workspaceWith({ 'a.txt': 'same' });
    await run({ repoName: 'svc' }, workspacePath);
    await expect(
      run({ repoName: 'svc', defaultBranch: 'trunk' }, workspacePath),
    ).rejects.toThrow(
      `(defaultBranch: the repository's branch is "main", this run asks for "trunk")`,
    );
  });

  it.each([
    [
      'sourcePath is a file',
      { repoName: 'svc', sourcePath: 'a.txt' },
      'sourcePath: "a.txt" is a file in the workspace; it must be the folder to publish',
    ],
    [
      'sourcePath does not exist',
      { repoName: 'svc', sourcePath: 'service' },
      'sourcePath: "service" does not exist in the workspace',
    ],
    [
      'catalogInfoPath is a folder',
      { repoName: 'svc', catalogInfoPath: 'docs' },
      'catalogInfoPath: "docs" is a folder in the published tree',
    ],
  ])(
    'fails with an input error when %s, creating nothing',
    async (_case, input, message) => {
      const workspacePath = await workspaceWith({
        'a.txt': 'x',
        'docs/index.md': '# Docs\n',
      });
      const failure = run(input, workspacePath);
      await expect(failure).rejects.toMatchObject({ name: 'InputError' });
      await expect(failure).rejects.toThrow(
        `Invalid input to zeroops:publish:local: ${message}`,
      );
      await expect(fs.stat(baseDir)).rejects.toThrow(/ENOENT/);
    },
  );

  it('fails with an input error when a file or a plain folder has the repository name', async () => {
    await fs.mkdir(path.join(baseDir, 'plain'), { recursive: true });
    await fs.writeFile(path.join(baseDir, 'svc'), 'a file');
    const workspacePath = await workspaceWith({ 'a.txt': 'x' });
    await expect(run({ repoName: 'svc' }, workspacePath)).rejects.toThrow(
      `repoName: "${baseDir}/svc" is a file, not a repository`,
    );
    await expect(run({ repoName: 'plain' }, workspacePath)).rejects.toThrow(
      `repoName: "${baseDir}/plain" is a folder but not a git repository`,
    );
    expect((await fs.readdir(baseDir)).sort()).toEqual(['plain', 'svc']);
  });

  it('tells the user what remains and how to remove it when nothing cleans up after a failed task', async () => {
    const { ctx } = await run(
      { repoName: 'svc' },
      await workspaceWith({ 'a.txt': 'x' }),
    );
    expect(ctx.logger.info).toHaveBeenCalledWith(
      `If a later step of this task fails, ${baseDir}/svc stays; remove it with: rm -rf '${baseDir}/svc'`,
    );
  });

  it('hands a repository it created to the cleanup, and creates it again when a retried task finds it removed', async () => {
    const tracked: JsonObject[] = [];
    const withCleanup = createPublishLocalAction({
      config: new ConfigReader({
        zeroops: { publish: { local: { baseDir } } },
      }),
      cleanup: {
        track: async (repository: JsonObject) => {
          tracked.push(repository);
        },
      } as unknown as FailedTaskRepositoryCleanup,
    });
    const workspacePath = await workspaceWith({ 'a.txt': 'x' });
    const first = createActionTestContext(withCleanup, {
      input: { repoName: 'svc' },
      workspacePath,
    });
    await withCleanup.handler(first.ctx);
    expect(tracked).toEqual([
      {
        taskId: 'test-task',
        repoName: 'svc',
        commitHash: first.outputs.commitHash,
      },
    ]);

    // The task failed later, the cleanup removed the repository, and the user retries the task:
    // the scaffolder skips the completed checkpoint and returns its recorded result.
    await fs.rm(path.join(baseDir, 'svc'), { recursive: true });
    const retry = createActionTestContext(withCleanup, {
      input: { repoName: 'svc' },
      workspacePath,
    });
    retry.ctx.checkpoint = (async () => ({
      commitHash: first.outputs.commitHash,
      created: true,
    })) as typeof retry.ctx.checkpoint;
    await withCleanup.handler(retry.ctx);
    expect(gitOutput(path.join(baseDir, 'svc'), 'rev-parse', 'HEAD')).toBe(
      retry.outputs.commitHash,
    );
    expect(tracked).toHaveLength(2);

    // An identical re-run in a new task is a no-op and hands nothing to the cleanup.
    const rerun = createActionTestContext(withCleanup, {
      input: { repoName: 'svc' },
      workspacePath,
    });
    await withCleanup.handler(rerun.ctx);
    expect(rerun.outputs.created).toBe(false);
    expect(tracked).toHaveLength(2);
  });

  it('creates nothing in a dry run but reports the URLs it would create', async () => {
    const workspacePath = await workspaceWith({
      'catalog-info.yaml': 'a: 1\n',
    });
    const { outputs } = await run({ repoName: 'svc' }, workspacePath, true);
    expect(outputs.catalogInfoUrl).toBe(
      `file://${baseDir}/svc/catalog-info.yaml`,
    );
    await expect(fs.stat(baseDir)).rejects.toThrow(/ENOENT/);
  });

  it.each([
    [{ repoName: '../escape' }, 'repoName: must be a repository name'],
    [{ repoName: 'svc.git' }, 'repoName: must be a repository name'],
    [
      { repoName: 'svc', sourcePath: '../..' },
      'sourcePath: must not leave the repository',
    ],
    [
      { repoName: 'svc', defaultBranch: '-x' },
      'defaultBranch: must be a git branch name: it must not start with "-", got "-x"',
    ],
    [
      { repoName: 'svc', defaultBranch: 'feature..x' },
      'defaultBranch: must be a git branch name: it must not contain ".."',
    ],
    [
      { repoName: 'svc', gitAuthorEmail: 'nobody' },
      'gitAuthorEmail: Invalid email',
    ],
  ])(
    'fails on %j naming the field and the rule, creating nothing',
    async (input, message) => {
      const workspacePath = await workspaceWith({ 'a.txt': 'x' });
      await expect(run(input, workspacePath)).rejects.toThrow(message);
      await expect(fs.stat(baseDir)).rejects.toThrow(/ENOENT/);
    },
  );
});
