import {
  coreServices,
  createBackendPlugin,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createCheckoutTestFolder,
  folderWith,
} from '../__testUtils__/checkoutTestFolder';
import { openLocalChangeRequest } from '../localRepositories/openLocalChangeRequest';
import { publishLocalRepository } from '../localRepositories/publishLocalRepository';
import { createLocalChangesRoute } from './localChangesRoute';

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', ...args],
    { cwd, encoding: 'utf8' },
  ).trim();

const author = { name: 'Dev', email: 'dev@example.com' };

/** A user the permission policy below denies `catalog.entity.read` on payments-api. */
const OUTSIDER = 'user:default/outsider';

/** Denies OUTSIDER the payments-api entity; allows everything else. */
const authorize: PermissionsService['authorize'] = async (
  requests,
  { credentials },
) =>
  requests.map(request => ({
    result:
      (credentials.principal as { userEntityRef?: string }).userEntityRef ===
        OUTSIDER &&
      request.permission.name === 'catalog.entity.read' &&
      'resourceRef' in request &&
      request.resourceRef === 'component:default/payments-api'
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
  }));

describe('GET /api/scaffolder/zeroops/local-changes', () => {
  let root: string;
  let baseDir: string;
  let baseUrl: string;
  let stop: () => Promise<void>;

  async function openChange(
    repoName: string,
    branchName: string,
    files: Record<string, string>,
  ) {
    return openLocalChangeRequest({
      baseDir,
      repoName,
      branchName,
      title: `Change on ${branchName}`,
      description: 'Why it matters',
      sourceDir: await folderWith(root, files),
      commitMessage: branchName,
      author,
      dryRun: false,
    });
  }

  beforeAll(async () => {
    root = await createCheckoutTestFolder('local-changes-route');
    baseDir = path.join(root, 'repositories');
    for (const repoName of ['payments-api', 'orders-worker']) {
      await publishLocalRepository({
        baseDir,
        repoName,
        sourceDir: await folderWith(root, {
          'catalog-info.yaml': 'kind: Component\n',
          Dockerfile: 'FROM node:22\nEXPOSE 8080\n',
        }),
        defaultBranch: 'main',
        commitMessage: 'Initial commit',
        author,
      });
    }
    const payments = path.join(baseDir, 'payments-api');
    await openChange('payments-api', 'zeroops/adopt', {
      Dockerfile: 'FROM node:24\nEXPOSE 8080\n',
      '.github/workflows/ci.yml': 'name: CI\non: push\n',
    });
    await openChange('payments-api', 'zeroops/merged', {
      'README.md': '# Payments\n',
    });
    git(payments, 'merge', '--quiet', '--no-edit', 'zeroops/merged');
    await openChange('payments-api', 'zeroops/dropped', { LICENSE: 'MIT\n' });
    git(payments, 'branch', '-D', 'zeroops/dropped');

    const plugin = createBackendPlugin({
      pluginId: 'scaffolder',
      register(env) {
        env.registerInit({
          deps: {
            httpRouter: coreServices.httpRouter,
            httpAuth: coreServices.httpAuth,
            auth: coreServices.auth,
            permissions: coreServices.permissions,
            catalog: catalogServiceRef,
          },
          async init(deps) {
            deps.httpRouter.use(createLocalChangesRoute({ baseDir, ...deps }));
          },
        });
      },
    });
    const backend = await startTestBackend({
      features: [
        plugin,
        // A request without a token has no credentials, as in a real backend.
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.permissions.mock({ authorize }).factory,
        // payments-api is in the catalog, registered from its repository's catalog-info.yaml as
        // the templates do; orders-worker is not registered.
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: {
                name: 'payments-api',
                namespace: 'default',
                annotations: {
                  'backstage.io/managed-by-location': `url:${
                    pathToFileURL(path.join(payments, 'catalog-info.yaml')).href
                  }`,
                },
              },
              spec: {
                type: 'service',
                owner: 'payments',
                lifecycle: 'production',
              },
            },
          ],
        }),
      ],
    });
    baseUrl = `http://localhost:${
      (backend.server.address() as AddressInfo).port
    }/api/scaffolder`;
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await stop?.();
    await fs.rm(root, { recursive: true, force: true });
  });

  const get = async (
    query = '',
    authorization = mockCredentials.user.header(),
  ) => {
    const response = await fetch(`${baseUrl}/zeroops/local-changes${query}`, {
      headers: authorization ? { authorization } : {},
    });
    return { status: response.status, body: await response.json() };
  };

  it('lists every local repository with its changes, newest first, with status and diff stats', async () => {
    const { status, body } = await get();
    expect(status).toBe(200);
    expect(body.items.map((r: { repository: string }) => r.repository)).toEqual(
      ['orders-worker', 'payments-api'],
    );
    const [orders, payments] = body.items;
    expect(orders).toEqual({
      repository: 'orders-worker',
      path: path.join(baseDir, 'orders-worker'),
      changes: [],
    });
    expect(
      payments.changes.map(
        (c: { id: string; branch: string; status: string }) => [
          c.id,
          c.branch,
          c.status,
        ],
      ),
    ).toEqual([
      ['3', 'zeroops/dropped', 'closed'],
      ['2', 'zeroops/merged', 'merged'],
      ['1', 'zeroops/adopt', 'open'],
    ]);
    expect(payments.changes[2]).toMatchObject({
      title: 'Change on zeroops/adopt',
      description: 'Why it matters',
      targetBranch: 'main',
      changedFiles: ['.github/workflows/ci.yml', 'Dockerfile'],
      files: [
        {
          path: '.github/workflows/ci.yml',
          additions: 2,
          deletions: 0,
          binary: false,
        },
        { path: 'Dockerfile', additions: 1, deletions: 1, binary: false },
      ],
    });
    // A merged or closed change still shows what it changed.
    expect(payments.changes[0].files).toEqual([
      { path: 'LICENSE', additions: 1, deletions: 0, binary: false },
    ]);
  });

  it('lists one repository by name or by a file:// location inside it', async () => {
    const byName = await get('?repository=payments-api');
    expect(byName.body.items).toHaveLength(1);
    expect(byName.body.items[0].changes).toHaveLength(3);

    const location = `${
      pathToFileURL(path.join(baseDir, 'payments-api')).href
    }/catalog-info.yaml`;
    const byLocation = await get(`?location=${encodeURIComponent(location)}`);
    expect(byLocation.body).toEqual(byName.body);

    const outside = await get(
      `?location=${encodeURIComponent(pathToFileURL(root).href)}`,
    );
    expect(outside).toEqual({ status: 200, body: { items: [] } });
  });

  it('answers 404 for an unknown repository and 400 for a query it cannot read', async () => {
    expect((await get('?repository=nope')).status).toBe(404);
    expect((await get('?location=https://github.com/x')).status).toBe(400);
    expect((await get('?repository=a&repository=b')).status).toBe(400);
  });

  it("hides a repository's changes from a user denied the catalog entity registered from it", async () => {
    const outsider = mockCredentials.user.header(OUTSIDER);
    const all = await get('', outsider);
    expect(all.status).toBe(200);
    // orders-worker has no entity in the catalog: still listed.
    expect(
      all.body.items.map((r: { repository: string }) => r.repository),
    ).toEqual(['orders-worker']);
    const location = `${
      pathToFileURL(path.join(baseDir, 'payments-api')).href
    }/catalog-info.yaml`;
    expect(
      await get(`?location=${encodeURIComponent(location)}`, outsider),
    ).toEqual({ status: 200, body: { items: [] } });
    expect((await get('?repository=payments-api', outsider)).status).toBe(403);
    // The same request of a user allowed the entity lists its changes.
    const allowed = await get('?repository=payments-api');
    expect(allowed.body.items[0].changes).toHaveLength(3);
  });

  it('refuses requests without credentials', async () => {
    expect((await get('', '')).status).toBe(401);
  });
});
