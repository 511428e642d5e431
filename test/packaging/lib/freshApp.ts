import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PackageName } from './packages';

/**
 * A Backstage app as `@backstage/create-app` makes it (root with workspaces, packages/app on the
 * new frontend system, packages/backend), with the ZeroOps tarballs added the way the README's
 * tarball installation says, installed by Yarn with the network turned off.
 *
 * Offline works because the app's lockfile starts as a copy of this repository's: every range
 * the app and the tarballs ask for is one this repository already resolved, so Yarn takes it
 * from the lockfile and the packages from its cache. A range the repository never resolved fails
 * the install instead of reaching the registry.
 */
export interface FreshApp {
  dir: string;
  installSeconds: number;
}

/** What create-app's packages/app and packages/backend depend on that the README snippets use. */
const APP_DEPENDENCIES = [
  '@backstage/core-app-api',
  '@backstage/core-components',
  '@backstage/frontend-defaults',
  '@backstage/plugin-catalog',
  '@material-ui/core',
  '@material-ui/icons',
  '@types/react',
  '@types/react-dom',
  'react',
  'react-dom',
  'react-router-dom',
];
const BACKEND_DEPENDENCIES = [
  '@backstage/backend-defaults',
  // For the environment-supplier module of the zeroops-backend README (a file of the user's own).
  '@backstage/backend-plugin-api',
  '@backstage/plugin-events-backend',
  '@backstage/plugin-events-backend-module-github',
  '@backstage/plugin-events-node',
];
/** create-app's own root resolutions. */
const CREATE_APP_RESOLUTIONS = {
  '@types/react': '^18',
  '@types/react-dom': '^18',
};

function compareVersions(a: number[], b: number[]): number {
  const index = a.findIndex((part, i) => part !== b[i]);
  return index === -1 ? 0 : a[index] - b[index];
}

/** The range of `name` in the lockfile that resolves to its highest locked version. */
export function lockedRange(lockfile: string, name: string): string {
  let best: { range: string; version: number[] } | undefined;
  const escaped = name.replace(/[/.]/g, '\\$&');
  const entry = new RegExp(
    `^"(${escaped}@npm:[^"]+)":\\n(?:  .*\\n)*?  resolution: "${escaped}@npm:([^"]+)"`,
    'gm',
  );
  for (const match of lockfile.matchAll(entry)) {
    const version = match[2].split('-')[0].split('.').map(Number);
    const ranges = match[1].split(', ').map(d => d.split('@npm:').pop()!);
    if (!best || compareVersions(version, best.version) > 0) {
      best = { range: ranges[0], version };
    }
  }
  if (!best) throw new Error(`${name} is not in this repository's yarn.lock`);
  return best.range;
}

function writeJson(file: string, value: unknown) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

export function createFreshApp(options: {
  dir: string;
  repoRoot: string;
  tarballs: Map<PackageName, string>;
  /** The `resolutions` the README tells a fresh app to add, with its tarball folder. */
  readmeResolutions: Record<string, string>;
  /** The folder the README's commands pack the tarballs into, relative to the app. */
  tarballFolder: string;
}): FreshApp {
  const { dir, repoRoot, tarballs } = options;
  const lockfile = fs.readFileSync(path.join(repoRoot, 'yarn.lock'), 'utf8');
  const ranges = (names: string[]) =>
    Object.fromEntries(names.map(name => [name, lockedRange(lockfile, name)]));
  const fromApp = (workspace: string, name: PackageName) =>
    `file:${path.relative(
      path.join(dir, 'packages', workspace),
      path.join(dir, options.tarballFolder, path.basename(tarballs.get(name)!)),
    )}`;

  fs.mkdirSync(path.join(dir, options.tarballFolder), { recursive: true });
  for (const tarball of tarballs.values()) {
    fs.copyFileSync(
      tarball,
      path.join(dir, options.tarballFolder, path.basename(tarball)),
    );
  }
  writeJson(path.join(dir, 'package.json'), {
    name: 'fresh-backstage-app',
    version: '1.0.0',
    private: true,
    workspaces: ['packages/*'],
    resolutions: {
      ...CREATE_APP_RESOLUTIONS,
      ...options.readmeResolutions,
    },
  });
  writeJson(path.join(dir, 'packages/app/package.json'), {
    name: 'app',
    version: '0.0.0',
    private: true,
    dependencies: {
      ...ranges(APP_DEPENDENCIES),
      '@zeroops/backstage-plugin-zeroops': fromApp(
        'app',
        '@zeroops/backstage-plugin-zeroops',
      ),
    },
  });
  writeJson(path.join(dir, 'packages/backend/package.json'), {
    name: 'backend',
    version: '0.0.0',
    private: true,
    dependencies: {
      ...ranges(BACKEND_DEPENDENCIES),
      '@zeroops/backstage-plugin-zeroops-backend': fromApp(
        'backend',
        '@zeroops/backstage-plugin-zeroops-backend',
      ),
      '@zeroops/backstage-plugin-scaffolder-backend-module-zeroops': fromApp(
        'backend',
        '@zeroops/backstage-plugin-scaffolder-backend-module-zeroops',
      ),
    },
  });
  fs.writeFileSync(path.join(dir, 'yarn.lock'), lockfile);
  fs.writeFileSync(
    path.join(dir, '.yarnrc.yml'),
    [
      'nodeLinker: node-modules',
      // Offline: everything comes from the lockfile and Yarn's cache.
      'enableNetwork: false',
      // CI=true would forbid the lockfile changes adding the tarballs makes.
      'enableImmutableInstalls: false',
      // Native builds (better-sqlite3, isolated-vm) take minutes; loading the plugins and
      // type-checking the wiring do not need them.
      'enableScripts: false',
      'enableTelemetry: false',
      '',
    ].join('\n'),
  );

  const started = Date.now();
  execFileSync('yarn', ['install'], {
    cwd: dir,
    stdio: 'pipe',
    encoding: 'utf8',
    env: { ...process.env, YARN_ENABLE_PROGRESS_BARS: '0' },
  });
  return { dir, installSeconds: (Date.now() - started) / 1000 };
}
