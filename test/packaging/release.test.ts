/*
 * The release wiring agrees with itself: the packages Changesets versions together, the packages
 * the workflow publishes, the version constant the templates' Terraform ref comes from, and the
 * tag the workflow creates.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { terraformModulesTag } from '@zeroops/backstage-plugin-zeroops-common';
import { fromRepoRoot } from '../src/repoRoot';
import { PACKAGES } from './lib/packages';

const readJson = (...segments: string[]) =>
  JSON.parse(fs.readFileSync(fromRepoRoot(...segments), 'utf8'));

const CONSTANT_FILE =
  'plugins/zeroops-common/src/release/terraformModulesVersion.ts';

describe('release configuration', () => {
  it('versions the four published packages as one fixed Changesets group', () => {
    const config = readJson('.changeset', 'config.json');
    expect(config.fixed).toHaveLength(1);
    expect([...config.fixed[0]].sort()).toEqual(
      PACKAGES.map(pkg => pkg.name).sort(),
    );
    expect(config.access).toBe('public');
  });

  it('leaves no other workspace package publishable', () => {
    const publishable = ['packages', 'plugins', 'dev', 'test']
      .flatMap(root =>
        root === 'test'
          ? ['test']
          : fs.readdirSync(fromRepoRoot(root)).map(dir => `${root}/${dir}`),
      )
      .filter(dir => fs.existsSync(fromRepoRoot(dir, 'package.json')))
      .map(dir => readJson(dir, 'package.json'))
      .filter(manifest => !manifest.private)
      .map(manifest => manifest.name)
      .sort();
    expect(publishable).toEqual(PACKAGES.map(pkg => pkg.name).sort());
  });

  it('tags the Terraform modules with the tag the generated code pins', () => {
    const workflow = yaml.parse(
      fs.readFileSync(fromRepoRoot('.github/workflows/release.yml'), 'utf8'),
    );
    const tagStep = workflow.jobs['tag-modules'].steps.find(
      (step: { env?: Record<string, string> }) => step.env?.TAG,
    );
    expect(tagStep.env.TAG).toBe(
      terraformModulesTag('${{ needs.publish.outputs.version }}'),
    );
    expect(workflow.jobs.publish.permissions).toEqual({
      contents: 'read',
      'id-token': 'write',
    });
    expect(
      workflow.jobs.publish.steps.map((step: { run?: string }) => step.run),
    ).toContain('node scripts/release/publish-packages.mjs');
    expect(
      fs.readFileSync(
        fromRepoRoot('scripts/release/publish-packages.mjs'),
        'utf8',
      ),
    ).toContain("'--provenance'");
  });
});

describe('scripts/release/sync-terraform-modules-version.mjs', () => {
  // A copy of the files the script reads and writes, inside the checkout (git-ignored).
  let root: string;

  beforeEach(() => {
    fs.mkdirSync(fromRepoRoot('.zeroops'), { recursive: true });
    root = fs.mkdtempSync(fromRepoRoot('.zeroops', 'release-sync-'));
    fs.mkdirSync(path.join(root, path.dirname(CONSTANT_FILE)), {
      recursive: true,
    });
    fs.copyFileSync(
      fromRepoRoot(CONSTANT_FILE),
      path.join(root, CONSTANT_FILE),
    );
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  function writeVersions(versions: string[]) {
    PACKAGES.forEach((pkg, index) => {
      fs.mkdirSync(path.join(root, pkg.dir), { recursive: true });
      fs.writeFileSync(
        path.join(root, pkg.dir, 'package.json'),
        JSON.stringify({ name: pkg.name, version: versions[index] }),
      );
    });
  }

  const sync = () =>
    spawnSync(
      process.execPath,
      [
        fromRepoRoot('scripts/release/sync-terraform-modules-version.mjs'),
        root,
      ],
      { encoding: 'utf8' },
    );

  it('writes the version Changesets gave the group into the constant', () => {
    writeVersions(['1.4.0', '1.4.0', '1.4.0', '1.4.0']);
    const result = sync();
    expect(result.status).toBe(0);
    expect(fs.readFileSync(path.join(root, CONSTANT_FILE), 'utf8')).toContain(
      "export const ZEROOPS_TERRAFORM_MODULES_VERSION: string = '1.4.0';",
    );
    expect(result.stdout).toContain('terraform-modules/v1.4.0');
  });

  it('fails, changing nothing, when the packages disagree on the version', () => {
    const before = fs.readFileSync(path.join(root, CONSTANT_FILE), 'utf8');
    writeVersions(['1.4.0', '1.4.0', '1.3.2', '1.4.0']);
    const result = sync();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('different versions');
    expect(fs.readFileSync(path.join(root, CONSTANT_FILE), 'utf8')).toBe(
      before,
    );
  });
});
