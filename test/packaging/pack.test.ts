/*
 * The four published packages, as a user gets them: built and packed exactly as the release
 * workflow publishes them (scripts/release/pack-packages.mjs), installed with the README's
 * tarball instructions into a fresh app (create-app's layout) by Yarn with the network off, the
 * backend packages loaded, and every TypeScript snippet of the READMEs type-checked against the
 * installed packages.
 *
 * With ZEROOPS_PACK_NPM_INSTALL=1 (CI) the backend tarballs are also installed with npm from the
 * registry into an app outside the repository.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ZEROOPS_TERRAFORM_MODULES_REF } from '@zeroops/backstage-plugin-zeroops-common';
import { fromRepoRoot, repoRoot } from '../src/repoRoot';
import { createFreshApp, FreshApp } from './lib/freshApp';
import {
  Manifest,
  PACKAGES,
  PackageName,
  satisfies,
  tarList,
  tarManifest,
} from './lib/packages';
import { asModule, extractSnippets, ReadmeSnippet } from './lib/readmeSnippets';

// tsc, four builds, an offline install of ~1,600 packages and a type check, on a loaded machine.
jest.setTimeout(20 * 60_000);

/** Protocols only Yarn workspaces (or Backstage's Yarn plugin) understand. */
const NON_SEMVER = /^(workspace|backstage|link|file|portal|patch|exec):/;
const DEPENDENCY_FIELDS = [
  'dependencies',
  'peerDependencies',
  'optionalDependencies',
  'devDependencies',
] as const;

/** The READMEs a user installs from: the repository's and the plugins'. */
const READMES = ['README.md', ...PACKAGES.map(pkg => `${pkg.dir}/README.md`)];

/** The tarball folder and `resolutions` of the README's "From tarballs" instructions. */
function readmeTarballInstructions(): {
  folder: string;
  resolutions: Record<string, string>;
} {
  const readme = fs.readFileSync(fromRepoRoot('README.md'), 'utf8');
  const block = [...readme.matchAll(/^```json\n([\s\S]*?)^```/gm)]
    .map(m => m[1])
    .find(json => json.includes('"resolutions"'));
  if (!block) throw new Error('README.md has no resolutions block');
  const resolutions: Record<string, string> = JSON.parse(block).resolutions;
  const common = resolutions['@zeroops/backstage-plugin-zeroops-common'];
  const folder = /^file:\.\/([^/]+)\//.exec(common ?? '')?.[1];
  if (!folder) throw new Error(`unexpected common resolution ${common}`);
  return { folder, resolutions };
}

function run(command: string, args: string[], cwd = repoRoot) {
  return execFileSync(command, args, { cwd, stdio: 'pipe', encoding: 'utf8' });
}

describe('published packages', () => {
  // Under .zeroops/ (git- and Jest-ignored): a Yarn project of its own inside the checkout.
  fs.mkdirSync(fromRepoRoot('.zeroops'), { recursive: true });
  const workDir = fs.mkdtempSync(fromRepoRoot('.zeroops', 'packaging-'));
  const tarballs = new Map<PackageName, string>();
  const manifestsBefore = new Map<string, string>();
  const manifest = (name: PackageName): Manifest =>
    tarManifest(tarballs.get(name)!);

  beforeAll(() => {
    // Declarations first: the package builds bundle dist-types into dist/index.d.ts. Type
    // errors anywhere in the repository fail `yarn tsc` (checked on its own in CI) but tsc
    // still writes the declarations the builds need.
    spawnSync('yarn', ['tsc'], { cwd: repoRoot, stdio: 'ignore' });
    for (const pkg of PACKAGES) {
      const declarations = fromRepoRoot(
        'dist-types',
        pkg.dir,
        'src/index.d.ts',
      );
      if (!fs.existsSync(declarations)) {
        throw new Error(`yarn tsc did not write ${declarations}`);
      }
      manifestsBefore.set(
        pkg.name,
        fs.readFileSync(fromRepoRoot(pkg.dir, 'package.json'), 'utf8'),
      );
    }
    const packed: Record<string, string> = JSON.parse(
      run('node', [
        'scripts/release/pack-packages.mjs',
        path.join(workDir, 'tarballs'),
      ]),
    );
    for (const pkg of PACKAGES) tarballs.set(pkg.name, packed[pkg.name]);
  });

  afterAll(() => {
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('packs all four packages, the release script and this test agreeing on which', () => {
    expect([...tarballs.keys()]).toEqual(PACKAGES.map(pkg => pkg.name));
  });

  it.each(PACKAGES)('$name restores its package.json after packing', pkg => {
    expect(fs.readFileSync(fromRepoRoot(pkg.dir, 'package.json'), 'utf8')).toBe(
      manifestsBefore.get(pkg.name),
    );
  });

  it.each(PACKAGES)('$name has only plain semver dependency ranges', pkg => {
    const packed = manifest(pkg.name);
    const offending: string[] = [];
    for (const field of DEPENDENCY_FIELDS) {
      const deps = (packed[field] ?? {}) as Record<string, string>;
      for (const [dep, range] of Object.entries(deps)) {
        const plain =
          /^[\^~]?\d+\.\d+\.\d+/.test(range) ||
          /^>=\d+\.\d+\.\d+ <\d+\.\d+\.\d+$/.test(range);
        if (NON_SEMVER.test(range) || !plain) {
          offending.push(`${field}.${dep}: ${range}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });

  it.each(PACKAGES)('$name points main and types at built files', pkg => {
    const packed = manifest(pkg.name);
    const files = tarList(tarballs.get(pkg.name)!);
    expect(packed.main).toBe(pkg.main);
    expect(packed.types).toBe('dist/index.d.ts');
    expect(files).toContain(`package/${pkg.main}`);
    expect(files).toContain('package/dist/index.d.ts');
    expect(files.some(f => f.startsWith('package/src/'))).toBe(false);
  });

  it('ships the backend migrations and config schema', () => {
    const files = tarList(
      tarballs.get('@zeroops/backstage-plugin-zeroops-backend')!,
    );
    expect(files).toContain(
      'package/migrations/20251126000000_cost_snapshots.js',
    );
    expect(files).toContain('package/config.schema.json');
  });

  describe('installed from the tarballs into a fresh app, offline', () => {
    let app: FreshApp;

    beforeAll(() => {
      const { folder, resolutions } = readmeTarballInstructions();
      app = createFreshApp({
        dir: path.join(workDir, 'app'),
        repoRoot,
        tarballs,
        readmeResolutions: resolutions,
        tarballFolder: folder,
      });
      // The figure the CI time budget is checked against.
      process.stdout.write(
        `packaging: offline install into the fresh app took ${app.installSeconds.toFixed(
          0,
        )} s\n`,
      );
    });

    it("uses the tarball names of the README's resolutions", () => {
      const { folder, resolutions } = readmeTarballInstructions();
      expect(resolutions['@zeroops/backstage-plugin-zeroops-common']).toBe(
        `file:./${folder}/${path.basename(
          tarballs.get('@zeroops/backstage-plugin-zeroops-common')!,
        )}`,
      );
    });

    it('resolves every runtime dependency inside the app, to a version in range', () => {
      const problems: string[] = [];
      for (const pkg of PACKAGES) {
        const from = path.join(app.dir, 'node_modules', pkg.name);
        for (const [dep, range] of Object.entries(
          manifest(pkg.name).dependencies ?? {},
        )) {
          let found: string | undefined;
          // Walk node_modules up from the installed package, as Node does.
          for (
            let dir = from;
            dir !== path.dirname(dir);
            dir = path.dirname(dir)
          ) {
            const candidate = path.join(
              dir,
              'node_modules',
              dep,
              'package.json',
            );
            if (fs.existsSync(candidate)) {
              found = candidate;
              break;
            }
          }
          if (!found || !found.startsWith(app.dir)) {
            problems.push(`${pkg.name}: ${dep} not installed in the app`);
            continue;
          }
          const { version } = JSON.parse(fs.readFileSync(found, 'utf8'));
          if (!satisfies(version, range)) {
            problems.push(`${pkg.name}: ${dep}@${version} outside ${range}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it('loads the packed backend packages, not the workspace sources', () => {
      const script = `
        const common = require('@zeroops/backstage-plugin-zeroops-common');
        const backend = require('@zeroops/backstage-plugin-zeroops-backend');
        const scaffolder = require('@zeroops/backstage-plugin-scaffolder-backend-module-zeroops');
        const local = require('@zeroops/backstage-plugin-scaffolder-backend-module-zeroops/local');
        console.log(JSON.stringify({
          commonFile: require.resolve('@zeroops/backstage-plugin-zeroops-common'),
          permission: common.zeroopsCostReadPermission.name,
          modulesRef: common.ZEROOPS_TERRAFORM_MODULES_REF,
          backend: backend.default.$$type,
          webhookGuard: backend.zeroopsWebhookGuardModule.$$type,
          scaffolder: scaffolder.default.$$type,
          local: local.default.$$type,
        }));`;
      const output = JSON.parse(
        execFileSync(process.execPath, ['-e', script], {
          cwd: path.join(app.dir, 'packages/backend'),
          encoding: 'utf8',
        }),
      );
      expect(output).toEqual({
        commonFile: path.join(
          app.dir,
          'node_modules/@zeroops/backstage-plugin-zeroops-common/dist/index.cjs.js',
        ),
        permission: 'zeroops.cost.read',
        modulesRef: ZEROOPS_TERRAFORM_MODULES_REF,
        backend: '@backstage/BackendFeature',
        webhookGuard: '@backstage/BackendFeature',
        scaffolder: '@backstage/BackendFeature',
        local: '@backstage/BackendFeature',
      });
    });

    it("compiles every TypeScript snippet of the READMEs in the app's files", () => {
      const snippets: ReadmeSnippet[] = [];
      const unmarked: string[] = [];
      for (const readme of READMES) {
        const found = extractSnippets(repoRoot, readme);
        snippets.push(...found.snippets);
        unmarked.push(...found.unmarked);
      }
      // A block that names no app file would go unchecked.
      expect(unmarked).toEqual([]);
      expect(snippets.map(s => s.target)).toEqual(
        expect.arrayContaining([
          'packages/backend/src/index.ts',
          'packages/app/src/App.tsx',
          'packages/app/src/components/catalog/EntityPage.tsx',
          'packages/app/src/components/Root/Root.tsx',
        ]),
      );
      snippets.forEach((snippet, index) => {
        const workspace = snippet.target.split('/')[1];
        const file = path.join(
          app.dir,
          'packages',
          workspace,
          'src/readme-snippets',
          `${String(index).padStart(2, '0')}-${path.basename(snippet.target)}`,
        );
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, asModule(snippet));
      });
      fs.writeFileSync(
        path.join(app.dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            lib: ['DOM', 'ES2022'],
            module: 'ESNext',
            moduleResolution: 'bundler',
            jsx: 'react-jsx',
            strict: true,
            skipLibCheck: true,
            noEmit: true,
            types: [],
          },
          include: ['packages/*/src'],
        }),
      );
      const tsc = spawnSync(
        process.execPath,
        [
          require.resolve('typescript/bin/tsc'),
          '-p',
          'tsconfig.json',
          '--listFiles',
        ],
        { cwd: app.dir, encoding: 'utf8' },
      );
      const lines = tsc.stdout.split('\n').filter(Boolean);
      const errors = lines.filter(line => !line.startsWith('/'));
      expect(errors).toEqual([]);
      // The snippets' @zeroops imports were checked against the packed declarations.
      const zeroopsFiles = lines.filter(line => line.includes('/@zeroops/'));
      expect(zeroopsFiles).toEqual(
        expect.arrayContaining(
          PACKAGES.map(pkg =>
            path.join(app.dir, 'node_modules', pkg.name, 'dist/index.d.ts'),
          ),
        ),
      );
      expect(
        zeroopsFiles.filter(
          file => !file.startsWith(path.join(app.dir, 'node_modules')),
        ),
      ).toEqual([]);
    });
  });

  // Registered only with ZEROOPS_PACK_NPM_INSTALL=1 (CI sets it): it needs the npm registry
  // and minutes; the offline install above checks the same tarballs.
  if (process.env.ZEROOPS_PACK_NPM_INSTALL) {
    it('installs the backend packages with npm from the registry into an app outside the repository', () => {
      const appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zeroops-npm-app-'));
      try {
        fs.writeFileSync(
          path.join(appDir, 'package.json'),
          JSON.stringify({
            name: 'throwaway-app',
            private: true,
            version: '0.0.0',
          }),
        );
        execFileSync(
          'npm',
          [
            'install',
            '--no-audit',
            '--no-fund',
            '--ignore-scripts',
            '--prefer-offline',
            '--omit=dev',
            ...PACKAGES.filter(
              pkg => pkg.name !== '@zeroops/backstage-plugin-zeroops',
            ).map(pkg => tarballs.get(pkg.name)!),
          ],
          { cwd: appDir, stdio: 'pipe' },
        );
        const output = execFileSync(
          process.execPath,
          [
            '-e',
            "console.log(require('@zeroops/backstage-plugin-zeroops-backend').default.$$type)",
          ],
          { cwd: appDir, encoding: 'utf8' },
        );
        // eslint-disable-next-line jest/no-standalone-expect -- inside it(), registered conditionally
        expect(output.trim()).toBe('@backstage/BackendFeature');
      } finally {
        fs.rmSync(appDir, { recursive: true, force: true });
      }
    });
  }
});
