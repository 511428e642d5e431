/**
 * The service and foundation templates run twice with the same values through a real backend
 * (scaffolder, catalog, local publisher): the second run changes nothing and succeeds, including
 * its catalog:register step, whose location the first run registered.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  startZeroopsBackend,
  TEMPLATES_DIR,
  ZeroopsTestBackend,
} from './lib/backend';
import { DEFAULT_SERVICE_VALUES } from './lib/scenarios';
import { runTemplateTask, waitForTemplate } from './lib/scaffolderTasks';

jest.setTimeout(300_000);

let backend: ZeroopsTestBackend;
let localRepositories: string;

beforeAll(async () => {
  // Ignored by git and by the test runner (.zeroops/), inside the checkout.
  const scratch = path.join(__dirname, '.zeroops');
  await fs.mkdir(scratch, { recursive: true });
  localRepositories = path.join(
    await fs.mkdtemp(path.join(scratch, 'identical-rerun-')),
    'repositories',
  );
  backend = await startZeroopsBackend({
    localRepositoriesDir: localRepositories,
    withCatalog: true,
    extraTemplates: [
      path.join(TEMPLATES_DIR, 'zeroops-foundation/template.yaml'),
    ],
  });
  await waitForTemplate(backend, 'zeroops-service');
  await waitForTemplate(backend, 'zeroops-foundation');
});

afterAll(async () => {
  await backend?.stop();
  await fs.rm(path.dirname(localRepositories), {
    recursive: true,
    force: true,
  });
});

const NOTHING_CHANGED =
  /already holds this branch and content \([0-9a-f]{40}\); nothing changed/;

describe('an identical re-run of a template', () => {
  it('creates the service once and then succeeds without changes, registered once', async () => {
    const values = {
      ...DEFAULT_SERVICE_VALUES,
      serviceName: 'rerun-api',
      system: '',
    };
    const first = await runTemplateTask(backend, 'zeroops-service', values);
    expect(first.status).toBe('completed');
    expect(first.log).toContainEqual(
      expect.stringContaining(
        `Created the git repository ${path.join(
          localRepositories,
          'rerun-api',
        )}`,
      ),
    );

    const second = await runTemplateTask(backend, 'zeroops-service', values);
    expect({ status: second.status, log: second.log }).toEqual({
      status: 'completed',
      log: expect.arrayContaining([expect.stringMatching(NOTHING_CHANGED)]),
    });
    // The result page of the re-run still links the entity the first run registered.
    expect(second.output.links).toContainEqual(
      expect.objectContaining({ entityRef: 'component:default/rerun-api' }),
    );
    const locations = await backend.request<
      Array<{ data: { target: string } }>
    >('GET', '/api/catalog/locations');
    expect(
      locations.body.filter(({ data }) =>
        data.target.endsWith('/rerun-api/catalog-info.yaml'),
      ),
    ).toHaveLength(1);
  });

  it('creates the platform repository once and then succeeds without changes', async () => {
    const values = {
      owner: 'group:default/platform-team',
      target: 'local',
      githubOrg: 'zeroops-demo',
      repositoryName: 'rerun-platform',
      awsRegion: 'us-east-1',
      replicaRegion: 'us-west-2',
      productionAccountId: '111111111111',
      stagingAccountId: '222222222222',
      baseDomain: 'zeroops.example.com',
      productionCidr: '10.10.0.0/16',
      stagingCidr: '10.20.0.0/16',
      ephemeralCidr: '10.30.0.0/16',
      monthlyBudgetUsd: 500,
      alertEmail: 'platform@example.com',
      sharedDataStores: false,
    };
    const first = await runTemplateTask(backend, 'zeroops-foundation', values);
    expect(first.status).toBe('completed');
    const second = await runTemplateTask(backend, 'zeroops-foundation', values);
    expect({ status: second.status, log: second.log }).toEqual({
      status: 'completed',
      log: expect.arrayContaining([expect.stringMatching(NOTHING_CHANGED)]),
    });
  });

  it('still fails the re-run that differs, saying what differs', async () => {
    const values = {
      ...DEFAULT_SERVICE_VALUES,
      serviceName: 'rerun-differs',
      system: '',
    };
    expect(
      (await runTemplateTask(backend, 'zeroops-service', values)).status,
    ).toBe('completed');
    const differs = await runTemplateTask(backend, 'zeroops-service', {
      ...values,
      description: 'Another description',
    });
    expect(differs.status).toBe('failed');
    expect(differs.log).toContainEqual(
      expect.stringContaining(
        `already exists at ${path.join(
          localRepositories,
          'rerun-differs',
        )} (content: "README.md" differs, "catalog-info.yaml" differs, "package.json" differs)`,
      ),
    );
  });
});
