/*
 * The published packages install without Yarn workspaces or Backstage's Yarn plugin: each is
 * built and packed with `yarn pack`, its package.json must carry plain semver ranges only, and
 * the tarballs are installed into a throwaway app that loads them.
 *
 * The throwaway app is created inside the repository so that third-party dependencies resolve
 * from the monorepo's node_modules (offline, seconds). With ZEROOPS_PACK_NPM_INSTALL=1 the
 * tarballs are also installed with npm from the registry into an app outside the repository
 * (minutes; set it in CI).
 */
import { execFileSync, execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromRepoRoot, repoRoot } from '../src/repoRoot';

jest.setTimeout(10 * 60_000);

const PACKAGES = [
  {
    name: '@zeroops/backstage-plugin-zeroops-common',
    dir: 'plugins/zeroops-common',
  },
  {
    name: '@zeroops/backstage-plugin-zeroops-backend',
    dir: 'plugins/zeroops-backend',
  },
  {
    name: '@zeroops/backstage-plugin-scaffolder-backend-module-zeroops',
    dir: 'plugins/scaffolder-backend-module-zeroops',
  },
];

/** Protocols only Yarn workspaces (or Backstage's Yarn plugin) understand. */
const NON_SEMVER = /^(workspace|backstage|link|file|portal|patch|exec):/;
const DEPENDENCY_FIELDS = [
  'dependencies',
  'peerDependencies',
  'optionalDependencies',
  'devDependencies',
] as const;

type Manifest = Record<string, unknown> & {
  name: string;
  version: string;
  main?: string;
  types?: string;
  files?: string[];
};

function run(command: string, cwd = repoRoot) {
  return execSync(command, { cwd, stdio: 'pipe', encoding: 'utf8' });
}

function tarList(tarball: string): string[] {
  return execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
}

function tarManifest(tarball: string): Manifest {
  return JSON.parse(
    execFileSync('tar', ['xzf', tarball, '-O', 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
}

/** `^1.2.3`, `~1.2.3` and exact versions: enough for the ranges these packages use. */
function satisfies(version: string, range: string): boolean {
  const parse = (v: string) =>
    v
      .replace(/^[\^~]/, '')
      .split('-')[0]
      .split('.')
      .map(Number);
  const [maj, min, pat] = parse(version);
  const [rMaj, rMin, rPat] = parse(range);
  const atLeast =
    maj > rMaj ||
    (maj === rMaj && (min > rMin || (min === rMin && pat >= rPat)));
  if (!atLeast) return false;
  if (range.startsWith('^')) {
    if (rMaj > 0) return maj === rMaj;
    if (rMin > 0) return maj === 0 && min === rMin;
    return maj === 0 && min === 0 && pat === rPat;
  }
  if (range.startsWith('~')) return maj === rMaj && min === rMin;
  return maj === rMaj && min === rMin && pat === rPat;
}

describe('published packages', () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zeroops-pack-'));
  const tarballs = new Map<string, string>();
  const manifestsBefore = new Map<string, string>();

  beforeAll(() => {
    // Declarations first: the package builds bundle dist-types into dist/index.d.ts. Type
    // errors anywhere in the repository fail `yarn tsc` (checked on its own in CI) but tsc
    // still writes the declarations the builds need.
    try {
      run('yarn tsc');
    } catch {
      // see above
    }
    for (const pkg of PACKAGES) {
      const declarations = fromRepoRoot(
        'dist-types',
        pkg.dir,
        'src/index.d.ts',
      );
      if (!fs.existsSync(declarations)) {
        throw new Error(`yarn tsc did not write ${declarations}`);
      }
    }
    for (const pkg of PACKAGES) {
      const manifestPath = fromRepoRoot(pkg.dir, 'package.json');
      manifestsBefore.set(pkg.name, fs.readFileSync(manifestPath, 'utf8'));
      run(`yarn workspace ${pkg.name} build`);
      const tarball = path.join(outDir, `${pkg.name.replace('/', '-')}.tgz`);
      run(`yarn workspace ${pkg.name} pack --out ${tarball}`);
      tarballs.set(pkg.name, tarball);
    }
  });

  afterAll(() => {
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  it.each(PACKAGES)('$name restores its package.json after packing', pkg => {
    expect(fs.readFileSync(fromRepoRoot(pkg.dir, 'package.json'), 'utf8')).toBe(
      manifestsBefore.get(pkg.name),
    );
  });

  it.each(PACKAGES)('$name has only plain semver dependency ranges', pkg => {
    const manifest = tarManifest(tarballs.get(pkg.name)!);
    const offending: string[] = [];
    for (const field of DEPENDENCY_FIELDS) {
      const deps = (manifest[field] ?? {}) as Record<string, string>;
      for (const [dep, range] of Object.entries(deps)) {
        if (NON_SEMVER.test(range) || !/^[\^~]?\d+\.\d+\.\d+/.test(range)) {
          offending.push(`${field}.${dep}: ${range}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });

  it.each(PACKAGES)('$name points main and types at built files', pkg => {
    const tarball = tarballs.get(pkg.name)!;
    const manifest = tarManifest(tarball);
    const files = tarList(tarball);
    expect(manifest.main).toBe('dist/index.cjs.js');
    expect(manifest.types).toBe('dist/index.d.ts');
    expect(files).toContain('package/dist/index.cjs.js');
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

  describe('installed into a throwaway app', () => {
    // Inside the repository: third-party packages resolve from its node_modules.
    const appDir = fs.mkdtempSync(path.join(__dirname, '.app-'));

    beforeAll(() => {
      fs.writeFileSync(
        path.join(appDir, 'package.json'),
        JSON.stringify({
          name: 'throwaway-app',
          private: true,
          version: '0.0.0',
        }),
      );
      for (const [name, tarball] of tarballs) {
        const target = path.join(appDir, 'node_modules', name);
        fs.mkdirSync(target, { recursive: true });
        execFileSync('tar', [
          'xzf',
          tarball,
          '-C',
          target,
          '--strip-components=1',
        ]);
      }
    });

    afterAll(() => {
      fs.rmSync(appDir, { recursive: true, force: true });
    });

    it('resolves every runtime dependency to a version in range', () => {
      const problems: string[] = [];
      for (const pkg of PACKAGES) {
        const manifest = tarManifest(tarballs.get(pkg.name)!);
        const deps = (manifest.dependencies ?? {}) as Record<string, string>;
        const from = path.join(appDir, 'node_modules', pkg.name);
        for (const [dep, range] of Object.entries(deps)) {
          let version: string | undefined;
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
              version = JSON.parse(fs.readFileSync(candidate, 'utf8')).version;
              break;
            }
          }
          if (!version) problems.push(`${pkg.name}: ${dep} not found`);
          else if (!satisfies(version, range)) {
            problems.push(`${pkg.name}: ${dep}@${version} outside ${range}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it('loads the packed code, not the workspace sources', () => {
      const script = `
        const common = require('@zeroops/backstage-plugin-zeroops-common');
        const backend = require('@zeroops/backstage-plugin-zeroops-backend');
        const scaffolder = require('@zeroops/backstage-plugin-scaffolder-backend-module-zeroops');
        console.log(JSON.stringify({
          commonFile: require.resolve('@zeroops/backstage-plugin-zeroops-common'),
          permission: common.zeroopsCostReadPermission.name,
          backend: backend.default.$$type,
          scaffolder: scaffolder.default.$$type,
        }));`;
      const output = JSON.parse(
        execFileSync(process.execPath, ['-e', script], {
          cwd: appDir,
          encoding: 'utf8',
        }),
      );
      expect(output).toEqual({
        commonFile: path.join(
          appDir,
          'node_modules/@zeroops/backstage-plugin-zeroops-common/dist/index.cjs.js',
        ),
        permission: 'zeroops.cost.read',
        backend: '@backstage/BackendFeature',
        scaffolder: '@backstage/BackendFeature',
      });
    });
  });

  // Registered only with ZEROOPS_PACK_NPM_INSTALL=1 (CI sets it): it needs the npm registry
  // and minutes; the offline install above checks the same tarballs in seconds.
  if (process.env.ZEROOPS_PACK_NPM_INSTALL) {
    it('installs with npm from the registry into an app outside the repository', () => {
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
            ...tarballs.values(),
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
