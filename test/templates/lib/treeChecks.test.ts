/**
 * The tree checks must catch what they claim to catch: each case writes a small broken
 * repository and expects the problem to be reported.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ZEROOPS_TERRAFORM_MODULES_REF } from '@zeroops/backstage-plugin-zeroops-common';
import {
  checkShellScripts,
  checkTerraform,
  checkWorkflows,
  findShellcheck,
  scanForSecrets,
} from './treeChecks';

const CHECKOUT =
  'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2';
const AWS =
  'aws-actions/configure-aws-credentials@b47578312673ae6fa5b5096b330d9fbac3d116df # v4.2.1';

async function tree(files: Record<string, string>, executable = false) {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'zeroops-check-'));
  for (const [file, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await fs.writeFile(path.join(root, file), content, {
      mode: executable ? 0o755 : 0o644,
    });
  }
  return root;
}

const workflow = (body: string) => ({
  '.github/workflows/w.yml': `name: W
on:
  pull_request: {}
permissions: {}
jobs:
${body}`,
});

describe('checkWorkflows', () => {
  const production = (branches: string) => ({
    '.github/workflows/p.yml': `name: P
on:
  push:
    branches: [${branches}]
permissions: {}
concurrency:
  group: deploy-production
jobs:
  deploy:
    runs-on: ubuntu-24.04
    environment: production
    permissions:
      contents: read
    steps:
      - uses: ${CHECKOUT}
`,
  });

  it.each([['main'], ["main, 'hotfix/*'"]])(
    'accepts production deployments on push to %s',
    async branches => {
      expect(await checkWorkflows(await tree(production(branches)))).toEqual(
        [],
      );
    },
  );

  it.each([['staging'], ["main, 'feature/*'"], ["'hotfix/*'"]])(
    'reports production deployments on push to %s',
    async branches => {
      expect(await checkWorkflows(await tree(production(branches)))).toEqual([
        '.github/workflows/p.yml job deploy: production deploys from something other than a push to main',
      ]);
    },
  );

  it('accepts a pinned, least-privilege job', async () => {
    const root = await tree(
      workflow(`  test:
    runs-on: ubuntu-24.04
    permissions:
      contents: read
    steps:
      - uses: ${CHECKOUT}
`),
    );
    expect(await checkWorkflows(root)).toEqual([]);
  });

  it('reports actions outside the pinned table, missing permissions and needless id-token', async () => {
    const root = await tree(
      workflow(`  a:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
  b:
    runs-on: ubuntu-24.04
    permissions:
      id-token: write
    steps:
      - run: echo hi
`),
    );
    expect(await checkWorkflows(root)).toEqual(
      expect.arrayContaining([
        '.github/workflows/w.yml: actions/checkout@v4 is not in the PINNED_ACTIONS table',
        '.github/workflows/w.yml job a: permissions not declared per job',
        '.github/workflows/w.yml job b: id-token: write but assumes no AWS role',
      ]),
    );
  });

  it('reports AWS access from fork pull requests and unguarded destroys', async () => {
    const root = await tree(
      workflow(`  destroy:
    runs-on: ubuntu-24.04
    environment: staging
    concurrency: x
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: ${CHECKOUT}
      - uses: ${AWS}
        with:
          role-to-assume: arn:aws:iam::222222222222:role/r
          aws-region: us-east-1
      - run: terragrunt destroy -auto-approve
        working-directory: infrastructure/environments/staging
`),
    );
    expect(await checkWorkflows(root)).toEqual(
      expect.arrayContaining([
        '.github/workflows/w.yml job destroy: reaches AWS for pull requests from forks',
        '.github/workflows/w.yml job destroy: destroys without first refusing anything but pr-<n>',
        '.github/workflows/w.yml job destroy: destroys outside environments/ephemeral (infrastructure/environments/staging)',
        '.github/workflows/w.yml job destroy: destroys with a role other than ephemeral',
        '.github/workflows/w.yml job destroy: destroy checks out the merge ref instead of the base branch',
      ]),
    );
  });
});

describe('checkTerraform', () => {
  it('reports inputs our modules do not declare and unpinned sources', async () => {
    const root = await tree({
      'main.tf': `module "cache" {
  source      = "git::https://github.com/acme/zeroops//terraform-modules/cache?ref=main"
  service     = "svc"
  environment = "staging"
  vpc_id      = "vpc-1"
  subnet_ids  = ["a", "b"]
  size        = 3
}
`,
    });
    const { problems } = await checkTerraform(root);
    expect(problems.join('\n')).toMatch(/unknown input "size"/);
    expect(problems.join('\n')).toMatch(/is not pinned to a tag or commit/);
  });

  it('reports a pinned ref other than the release of the modules the scaffolder module names', async () => {
    const cacheCall = (ref: string) => `module "cache" {
  source      = "git::https://github.com/acme/zeroops//terraform-modules/cache?ref=${ref}"
  service     = "svc"
  environment = "staging"
  vpc_id      = "vpc-1"
  subnet_ids  = ["a", "b"]
}
`;
    const stale = await checkTerraform(
      await tree({ 'staging/main.tf': cacheCall('v1.0.0') }),
    );
    expect(stale.problems).toEqual([
      `staging module.cache: git::https://github.com/acme/zeroops//terraform-modules/cache?ref=v1.0.0 pins v1.0.0 instead of ${ZEROOPS_TERRAFORM_MODULES_REF}, the modules released with the scaffolder module`,
    ]);
    const current = await checkTerraform(
      await tree({ 'main.tf': cacheCall(ZEROOPS_TERRAFORM_MODULES_REF) }),
    );
    expect(current).toEqual({ problems: [], moduleCalls: 1 });
  });

  it('reports files that do not parse', async () => {
    const root = await tree({ 'root.hcl': 'locals {\n  a = \n' });
    const { problems } = await checkTerraform(root);
    expect(problems.join('\n')).toMatch(/root.hcl: does not parse/);
  });
});

describe('checkShellScripts and scanForSecrets', () => {
  it('reports shellcheck findings', async () => {
    const root = await tree(
      { 'scripts/a.sh': '#!/usr/bin/env bash\nrm -rf $1/*\n' },
      true,
    );
    const { problems, scripts } = await checkShellScripts(
      root,
      findShellcheck(),
      { requireExecutable: true },
    );
    expect(scripts).toEqual(['scripts/a.sh']);
    expect(problems.join('\n')).toMatch(/SC2086/);
  });

  it('reports keys and hard-coded credentials', async () => {
    const root = await tree({
      'a.env.example': `AWS_ACCESS_KEY_ID=${'AKIA'}IOSFODNN7EXAMPLE\n`,
      'b.ts': `const password = "${'hunter2'}-correct-horse";\n`,
      'c.pem': `-----BEGIN ${'RSA'} PRIVATE KEY-----\n`,
    });
    const problems = (await scanForSecrets(root)).join('\n');
    expect(problems).toMatch(/a.env.example: looks like a AWS access key id/);
    expect(problems).toMatch(/b.ts: looks like a hard-coded credential/);
    expect(problems).toMatch(/c.pem: looks like a private key/);
  });
});
