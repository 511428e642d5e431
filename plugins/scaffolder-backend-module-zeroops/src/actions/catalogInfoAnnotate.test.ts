import { UrlReaderService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { ZEROOPS_TEMPLATE_VERSION } from '@zeroops/backstage-plugin-zeroops-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'yaml';
import {
  createActionTestContext,
  exampleInputs,
  readTree,
} from '../__testUtils__/actionTestContext';
import {
  createCheckoutTestFolder,
  folderWith,
} from '../__testUtils__/checkoutTestFolder';
import { createCatalogInfoAnnotateAction } from './catalogInfoAnnotate';
import { examples } from './catalogInfoAnnotate.examples';

const EXISTING = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments-api
  # Owned by the payments team since 2021.
  annotations:
    github.com/project-slug: acme/payments-api
spec:
  type: service
  owner: group:default/payments
  lifecycle: production
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: payments
spec:
  type: openapi
  owner: group:default/payments
  lifecycle: production
  definition: "openapi: 3.0.0"
`;

let root: string;
let baseDir: string;
const readUrls: string[] = [];

/** Reads file:// folders like the local publisher's reader; records every URL it is given. */
const reader = {
  async readTree(
    url: string,
    options?: { filter?: (file: string) => boolean },
  ) {
    readUrls.push(url);
    const tree: Record<string, string> = url.startsWith('file:')
      ? await readTree(fileURLToPath(url)).catch(() => ({}))
      : { 'catalog-info.yaml': EXISTING, 'README.md': '# Payments\n' };
    return {
      files: async () =>
        Object.entries(tree)
          .filter(([file]) => options?.filter?.(file) ?? true)
          .map(([file, content]) => ({
            path: file,
            content: async () => Buffer.from(content),
          })),
    };
  },
} as unknown as UrlReaderService;

const action = () =>
  createCatalogInfoAnnotateAction({
    reader,
    config: mockServices.rootConfig({
      data: { zeroops: { publish: { local: { baseDir } } } },
    }),
  });

async function localRepository(name: string, files: Record<string, string>) {
  const folder = await folderWith(root, files);
  // A repository of the local publisher is a git repository.
  await fs.mkdir(path.join(folder, '.git'));
  await fs.rename(folder, path.join(baseDir, name));
}

async function annotate(input: JsonObject, isDryRun = false) {
  const workspacePath = await folderWith(root, {});
  const annotateAction = action();
  const test = createActionTestContext(annotateAction, {
    input,
    workspacePath,
    isDryRun,
  });
  await annotateAction.handler(test.ctx);
  return { outputs: test.outputs, written: await readTree(workspacePath) };
}

beforeAll(async () => {
  root = await createCheckoutTestFolder('catalog-info-annotate');
  baseDir = path.join(root, 'repositories');
  await fs.mkdir(baseDir);
});

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('zeroops:catalog-info:annotate', () => {
  it("links an adopted repository's component to its service at the current template version, keeping the rest", async () => {
    await localRepository('payments-api', {
      'catalog-info.yaml': EXISTING,
    });
    const { outputs, written } = await annotate({
      serviceName: 'payments-api',
      localRepoName: 'payments-api',
    });
    expect(Object.keys(written)).toEqual(['catalog-info.yaml']);
    const [component, api] = yaml
      .parseAllDocuments(written['catalog-info.yaml'])
      .map(d => d.toJS());
    expect(component.metadata.annotations).toEqual({
      'github.com/project-slug': 'acme/payments-api',
      'zeroops.io/service-name': 'payments-api',
      'zeroops.io/template-version': String(ZEROOPS_TEMPLATE_VERSION),
    });
    expect(api).toEqual(yaml.parseAllDocuments(EXISTING)[1].toJS());
    expect(written['catalog-info.yaml']).toContain(
      '# Owned by the payments team since 2021.',
    );
    expect(outputs).toMatchObject({ annotated: true });
    expect(outputs.description).toContain(
      `records template version ${ZEROOPS_TEMPLATE_VERSION}`,
    );
  });

  it('writes nothing when the descriptor already records the service at this version', async () => {
    await localRepository('orders-api', {
      'catalog-info.yaml': `kind: Component\nmetadata:\n  name: orders-api\n  annotations:\n    zeroops.io/service-name: orders-api\n    zeroops.io/template-version: "${ZEROOPS_TEMPLATE_VERSION}"\n`,
    });
    const { outputs, written } = await annotate({
      serviceName: 'orders-api',
      localRepoName: 'orders-api',
    });
    expect(written).toEqual({});
    expect(outputs.annotated).toBe(false);
    expect(outputs.description).toContain('already records `orders-api`');
  });

  it('says in the pull request what to add when the repository has no descriptor', async () => {
    await localRepository('bare-api', { Dockerfile: 'FROM node:24\n' });
    const { outputs, written } = await annotate({
      serviceName: 'bare-api',
      localRepoName: 'bare-api',
    });
    expect(written).toEqual({});
    expect(outputs.annotated).toBe(false);
    expect(outputs.description).toContain(
      'the repository has no catalog-info.yaml',
    );
    expect(outputs.description).toContain(
      `    zeroops.io/service-name: bare-api\n    zeroops.io/template-version: "${ZEROOPS_TEMPLATE_VERSION}"`,
    );
  });

  it('refuses to adopt under another name than the descriptor gives', async () => {
    await localRepository('named-api', {
      'catalog-info.yaml':
        'kind: Component\nmetadata:\n  name: named-api\n  annotations:\n    zeroops.io/service-name: checkout-api\n',
    });
    await expect(
      annotate({ serviceName: 'named-api', localRepoName: 'named-api' }),
    ).rejects.toThrow(
      'serviceName: catalog-info.yaml names the service "checkout-api"',
    );
  });

  it('reads a GitHub repository on its default branch, as the examples show', async () => {
    const [githubExample] = exampleInputs(examples[0].example);
    const { written } = await annotate(githubExample);
    expect(readUrls).toContain('https://github.com/acme/payments-api');
    expect(
      yaml.parseDocument(written['catalog-info.yaml']).toJS().metadata
        .annotations['zeroops.io/service-name'],
    ).toBe('payments-api');
  });

  it('does not contact GitHub in a dry run, and says so', async () => {
    readUrls.length = 0;
    const [githubExample] = exampleInputs(examples[0].example);
    const { outputs, written } = await annotate(githubExample, true);
    expect(readUrls).toEqual([]);
    expect(written).toEqual({});
    expect(outputs.description).toContain('annotated when the task runs');
  });
});
