/**
 * zeroops:publish:local inside real scaffolder tasks: re-runs compare branch and content, and a
 * repository published by a task whose later step fails is removed again.
 */
import { JsonObject } from '@backstage/types';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startZeroopsBackend, ZeroopsTestBackend } from './lib/backend';
import {
  runTemplateTask,
  waitFor,
  waitForTemplate,
} from './lib/scaffolderTasks';

jest.setTimeout(180_000);

let backend: ZeroopsTestBackend;
let localRepositories: string;

/** Runs the fixture template to its end; the API does not apply the form's defaults. */
const runTask = (values: JsonObject) =>
  runTemplateTask(backend, 'zeroops-test-publish-local', {
    branch: 'main',
    description: 'first',
    failAfterPublish: false,
    ...values,
  });

const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false,
  );

beforeAll(async () => {
  localRepositories = path.join(
    await fs.mkdtemp(path.join(os.tmpdir(), 'zeroops-local-publishing-')),
    'repositories',
  );
  backend = await startZeroopsBackend({
    localRepositoriesDir: localRepositories,
    withCatalog: true,
    extraTemplates: [
      path.join(__dirname, 'fixtures/publish-local-then-register.yaml'),
    ],
  });
  await waitForTemplate(backend, 'zeroops-test-publish-local');
});

afterAll(async () => {
  await backend?.stop();
});

describe('zeroops:publish:local in scaffolder tasks', () => {
  it('removes the repository it published when a later step of the task fails', async () => {
    const repository = path.join(localRepositories, 'left-behind');
    const run = await runTask({
      repoName: 'left-behind',
      failAfterPublish: true,
    });
    expect(run.status).toBe('failed');
    expect(run.log).toContainEqual(
      expect.stringContaining(
        `If a later step of this task fails or the task is cancelled, ${repository} is removed again`,
      ),
    );
    await waitFor('the repository to be removed', async () =>
      (await exists(repository)) ? undefined : true,
    );
    // Nothing is left: the same name can be published again.
    const again = await runTask({ repoName: 'left-behind' });
    expect(again.status).toBe('completed');
    expect(await exists(path.join(repository, 'catalog-info.yaml'))).toBe(true);
  });

  it('says exactly what differs when a repository of that name holds another branch or content', async () => {
    const first = await runTask({ repoName: 'differs' });
    expect(first.status).toBe('completed');
    const repository = path.join(localRepositories, 'differs');

    const otherBranch = await runTask({ repoName: 'differs', branch: 'trunk' });
    expect(otherBranch.status).toBe('failed');
    expect(otherBranch.log).toContainEqual(
      expect.stringContaining(
        `InputError: Invalid input to zeroops:publish:local: repoName: a different repository "differs" already exists at ${repository} (defaultBranch: the repository's branch is "main", this run asks for "trunk"); choose another repoName, or remove that repository if it is not needed`,
      ),
    );
    const otherContent = await runTask({
      repoName: 'differs',
      description: 'second',
    });
    expect(otherContent.status).toBe('failed');
    expect(otherContent.log).toContainEqual(
      expect.stringContaining('(content: "catalog-info.yaml" differs)'),
    );
    // A failed re-run never removes a repository it did not create.
    expect(await exists(path.join(repository, 'catalog-info.yaml'))).toBe(true);
  });
});
