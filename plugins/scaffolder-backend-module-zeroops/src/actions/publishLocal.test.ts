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
    expect(second.outputs).toEqual(first.outputs);
    expect(await readTree(path.join(baseDir, 'svc'))).toEqual(before);
    expect((await fs.readdir(baseDir)).sort()).toEqual(['svc']);
  });

  it('never overwrites a different repository of the same name', async () => {
    await run({ repoName: 'svc' }, await workspaceWith({ 'a.txt': 'one' }));
    await expect(
      run({ repoName: 'svc' }, await workspaceWith({ 'a.txt': 'two' })),
    ).rejects.toThrow(/A different local repository "svc" already exists/);
    expect(await fs.readFile(path.join(baseDir, 'svc', 'a.txt'), 'utf8')).toBe(
      'one',
    );
    expect(await fs.readdir(baseDir)).toEqual(['svc']);
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
