import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderGithubModule from '@backstage/plugin-scaffolder-backend-module-github';
import { JsonObject } from '@backstage/types';
import zeroopsScaffolderModule from '@zeroops/backstage-plugin-scaffolder-backend-module-zeroops';
import zeroopsLocalPublishing from '@zeroops/backstage-plugin-scaffolder-backend-module-zeroops/local';
import { AddressInfo } from 'node:net';
import path from 'node:path';

/** Repository root (this file is test/templates/lib/backend.ts). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const TEMPLATES_DIR = path.join(REPO_ROOT, 'templates');
export const MODULES_DIR = path.join(REPO_ROOT, 'terraform-modules');

export interface ZeroopsTestBackend {
  request<T = JsonObject>(
    method: string,
    route: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
}

/**
 * A real Backstage backend with the scaffolder, its GitHub module, our module and its opt-in
 * local publisher (zeroops:publish:local and the file:// reader for local repositories) and
 * optionally the catalog with the ZeroOps service template (plus `extraTemplates`, absolute
 * paths), in the same shape as packages/backend. Requests run as a signed-in user.
 * `githubToken: false` leaves out the GitHub integration, as on the embedded default.
 */
export async function startZeroopsBackend(options: {
  localRepositoriesDir: string;
  withCatalog: boolean;
  extraTemplates?: string[];
  githubToken?: boolean;
}): Promise<ZeroopsTestBackend> {
  const features = [
    scaffolderPlugin,
    scaffolderGithubModule,
    zeroopsScaffolderModule,
    // The embedded default's publisher, as packages/backend adds it under `make start`.
    zeroopsLocalPublishing,
  ];
  if (options.withCatalog)
    features.push(catalogPlugin, catalogScaffolderEntityModel);
  const backend = await startTestBackend({
    features: [
      ...features,
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          // publish:github:pull-request builds its client (no request) even in a dry run.
          ...(options.githubToken === false
            ? {}
            : {
                integrations: {
                  github: [
                    { host: 'github.com', token: 'placeholder-for-dry-runs' },
                  ],
                },
              }),
          zeroops: {
            publish: { local: { baseDir: options.localRepositoriesDir } },
          },
          scaffolder: {
            defaultAuthor: {
              name: 'ZeroOps Scaffolder',
              email: 'scaffolder@zeroops.local',
            },
            defaultCommitMessage: 'Initial commit from the ZeroOps template',
          },
          catalog: {
            rules: [
              {
                allow: [
                  'Component',
                  'System',
                  'API',
                  'Resource',
                  'Location',
                  'Template',
                  'User',
                  'Group',
                ],
              },
            ],
            locations: [
              path.join(TEMPLATES_DIR, 'zeroops-service/template.yaml'),
              ...(options.extraTemplates ?? []),
            ].map(target => ({ type: 'file', target })),
          },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  const baseUrl = `http://localhost:${port}`;
  return {
    async request(method, route, body) {
      const response = await fetch(`${baseUrl}${route}`, {
        method,
        headers: {
          authorization: mockCredentials.user.header(),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : {} };
    },
    stop: () => backend.stop(),
  };
}
