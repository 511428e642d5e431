/**
 * Adopt works offline (issue 16.4): on the embedded default, with no GitHub integration at all,
 * a service published locally is adopted through the zeroops-adopt template — dry run first,
 * then a real task — which opens a change request (a branch plus a change record) in the local
 * repository, listed by the scaffolder's local-changes route, merged with plain git.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  startZeroopsBackend,
  TEMPLATES_DIR,
  ZeroopsTestBackend,
} from './lib/backend';
import {
  runTemplateTask,
  waitForTemplate,
  type TaskOutput,
} from './lib/scaffolderTasks';
import { DEFAULT_SERVICE_VALUES } from './lib/scenarios';
import { loadTemplate } from './lib/templateFiles';

jest.setTimeout(300_000);

// Inside the checkout, in a folder git and jest ignore (.zeroops/).
const TEST_ROOT = path.join(__dirname, '.zeroops');

let root: string;
let localRepositories: string;
let backend: ZeroopsTestBackend;

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', ...args],
    { cwd, encoding: 'utf8' },
  ).trim();

/** What the adopt form sends for a local repository (the API applies no defaults). */
const ADOPT_VALUES = {
  target: 'local',
  localRepoName: 'offline-api',
  serviceName: 'offline-api',
  branchName: 'zeroops/adopt',
  dockerfile: 'Dockerfile',
  nodeVersion: '24',
  installCommand: 'npm ci',
  testCommand: 'npm test',
  migrationCommand: [],
  healthCheckPath: '/healthz',
  awsRegion: 'us-east-1',
  productionAccountId: '111111111111',
  stagingAccountId: '222222222222',
  baseDomain: 'zeroops.example.com',
  // The service was created blue/green: adopting it as rolling changes its workflows and
  // infrastructure, which is what the change request shows.
  deploymentStrategy: 'rolling',
};

interface ListedChange {
  id: string;
  title: string;
  branch: string;
  targetBranch: string;
  status: string;
  changedFiles: string[];
  files: Array<{ path: string; additions: number; deletions: number }>;
}

async function listChanges(repository: string): Promise<ListedChange[]> {
  const { status, body } = await backend.request<{
    items: Array<{ repository: string; changes: ListedChange[] }>;
  }>('GET', `/api/scaffolder/zeroops/local-changes?repository=${repository}`);
  expect(status).toBe(200);
  return body.items[0].changes;
}

beforeAll(async () => {
  await fs.mkdir(TEST_ROOT, { recursive: true });
  root = await fs.mkdtemp(path.join(TEST_ROOT, 'adopt-offline-'));
  localRepositories = path.join(root, 'repositories');
  backend = await startZeroopsBackend({
    localRepositoriesDir: localRepositories,
    withCatalog: true,
    githubToken: false,
    extraTemplates: [path.join(TEMPLATES_DIR, 'zeroops-adopt/template.yaml')],
  });
  await waitForTemplate(backend, 'zeroops-service');
  await waitForTemplate(backend, 'zeroops-adopt');
});

afterAll(async () => {
  await backend?.stop();
  await fs.rm(root, { recursive: true, force: true });
});

describe('adopting a local repository without GitHub', () => {
  it('publishes a service locally, dry-runs and runs the adopt template, and lists the change until it is merged', async () => {
    const service = await runTemplateTask(backend, 'zeroops-service', {
      ...DEFAULT_SERVICE_VALUES,
      serviceName: 'offline-api',
    });
    expect({ status: service.status, log: service.log }).toMatchObject({
      status: 'completed',
    });
    const repository = path.join(localRepositories, 'offline-api');
    const mainBefore = git(repository, 'rev-parse', 'main');

    // The template editor's dry run: no GitHub token, nothing written.
    const { template, directoryContents } = await loadTemplate('zeroops-adopt');
    const dryRun = await backend.request<{
      output: TaskOutput;
      log: Array<{ body: { message: string } }>;
    }>('POST', '/api/scaffolder/v2/dry-run', {
      template,
      values: ADOPT_VALUES,
      directoryContents,
    });
    const dryRunLog = dryRun.body.log?.map(e => e.body.message) ?? [];
    expect({
      status: dryRun.status,
      errors: dryRunLog.filter(m => /rror/.test(m)),
    }).toEqual({
      status: 200,
      errors: [],
    });
    const wouldOpen = dryRunLog.find(m => m.includes('Dry run: would open'));
    expect(wouldOpen).toContain(
      `Dry run: would open change #1 "Adopt ZeroOps deployments for offline-api" in ${repository}: zeroops/adopt → main, changing `,
    );
    expect(wouldOpen).toContain('.github/workflows/deploy-production.yml');
    expect(git(repository, 'branch', '--list', 'zeroops/adopt')).toBe('');

    // The real run opens the change request.
    const adopt = await runTemplateTask(backend, 'zeroops-adopt', ADOPT_VALUES);
    expect({
      status: adopt.status,
      log: adopt.status === 'completed' ? [] : adopt.log,
    }).toEqual({
      status: 'completed',
      log: [],
    });
    expect(adopt.output.links).toEqual([
      expect.objectContaining({
        title: 'Change request',
        url: 'http://localhost:3000/zeroops/local-changes/offline-api/1',
      }),
    ]);
    const review = adopt.output.text?.find(t => t.title === 'Review and merge');
    expect(review?.content).toContain(
      `git -C '${repository}' diff main...zeroops/adopt`,
    );
    expect(review?.content).toContain(
      `git -C '${repository}' merge zeroops/adopt`,
    );
    // The checked-out branch is untouched until the change is merged.
    expect(git(repository, 'rev-parse', 'main')).toBe(mainBefore);
    expect(git(repository, 'status', '--porcelain')).toBe('');

    const [change] = await listChanges('offline-api');
    expect(change).toMatchObject({
      id: '1',
      title: 'Adopt ZeroOps deployments for offline-api',
      branch: 'zeroops/adopt',
      targetBranch: 'main',
      status: 'open',
    });
    expect(change.changedFiles).toContain(
      '.github/workflows/deploy-production.yml',
    );
    expect(change.files.map(f => f.path)).toEqual(change.changedFiles);
    expect(change.files.every(f => f.additions + f.deletions > 0)).toBe(true);
    expect(
      git(repository, 'diff', '--name-only', 'main...zeroops/adopt').split(
        '\n',
      ),
    ).toEqual(change.changedFiles);

    // Running the same adoption again is a no-op with the same change.
    const again = await runTemplateTask(backend, 'zeroops-adopt', ADOPT_VALUES);
    expect(again.status).toBe('completed');
    expect(again.output.links?.[0].url).toBe(
      'http://localhost:3000/zeroops/local-changes/offline-api/1',
    );

    // Merged with git as the result page says: the working tree the catalog reads follows.
    git(repository, 'merge', '--quiet', '--no-edit', 'zeroops/adopt');
    expect((await listChanges('offline-api'))[0].status).toBe('merged');
    const workflow = await fs.readFile(
      path.join(repository, '.github/workflows/deploy-production.yml'),
      'utf8',
    );
    expect(workflow).toBe(
      `${git(
        repository,
        'show',
        'zeroops/adopt:.github/workflows/deploy-production.yml',
      )}\n`,
    );
  });

  it('fails the dry run with the local repositories listed when the name is wrong', async () => {
    const { template, directoryContents } = await loadTemplate('zeroops-adopt');
    const dryRun = await backend.request<{
      error?: { name: string; message: string };
    }>('POST', '/api/scaffolder/v2/dry-run', {
      template,
      values: { ...ADOPT_VALUES, localRepoName: 'offline' },
      directoryContents,
    });
    // The first step that reads the repository (zeroops:catalog-info:annotate) fails the run.
    expect(dryRun.body).toMatchObject({
      error: {
        name: 'InputError',
        message: `localRepoName: there is no local repository "offline" in ${localRepositories}; the local repositories are: offline-api`,
      },
    });
  });
});
