/**
 * zeroops:publish:local inside real scaffolder tasks: re-runs compare branch and content, and a
 * repository published by a task whose later step fails is removed again.
 */
import { JsonObject } from '@backstage/types';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startZeroopsBackend, ZeroopsTestBackend } from './lib/backend';

jest.setTimeout(180_000);

let backend: ZeroopsTestBackend;
let localRepositories: string;

async function waitFor<T>(
  what: string,
  fn: () => Promise<T | undefined>,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

/** Runs the fixture template to its end: its status and the messages of its log. */
async function runTask(values: JsonObject) {
  const created = await backend.request<{ id: string }>(
    'POST',
    '/api/scaffolder/v2/tasks',
    {
      templateRef: 'template:default/zeroops-test-publish-local',
      // The form applies the parameters' defaults; the API does not.
      values: {
        branch: 'main',
        description: 'first',
        failAfterPublish: false,
        ...values,
      },
    },
  );
  expect(created.status).toBe(201);
  const status = await waitFor('the task to finish', async () => {
    const { body } = await backend.request<{ status: string }>(
      'GET',
      `/api/scaffolder/v2/tasks/${created.body.id}`,
    );
    return ['completed', 'failed', 'cancelled'].includes(body.status)
      ? body.status
      : undefined;
  });
  const events = await backend.request<Array<{ body: { message?: string } }>>(
    'GET',
    `/api/scaffolder/v2/tasks/${created.body.id}/events`,
  );
  return { status, log: events.body.map(e => e.body.message ?? '') };
}

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
  await waitFor('the fixture template in the catalog', async () => {
    const { status } = await backend.request(
      'GET',
      '/api/catalog/entities/by-name/template/default/zeroops-test-publish-local',
    );
    return status === 200 ? true : undefined;
  });
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
