import { execFileSync } from 'node:child_process';

/** The four published packages (the fixed group of .changeset/config.json), dependencies first. */
export const PACKAGES = [
  {
    name: '@zeroops/backstage-plugin-zeroops-common',
    dir: 'plugins/zeroops-common',
    main: 'dist/index.cjs.js',
  },
  {
    name: '@zeroops/backstage-plugin-zeroops-backend',
    dir: 'plugins/zeroops-backend',
    main: 'dist/index.cjs.js',
  },
  {
    name: '@zeroops/backstage-plugin-scaffolder-backend-module-zeroops',
    dir: 'plugins/scaffolder-backend-module-zeroops',
    main: 'dist/index.cjs.js',
  },
  {
    name: '@zeroops/backstage-plugin-zeroops',
    dir: 'plugins/zeroops',
    // Frontend plugins ship ES modules only: the app's bundler consumes them.
    main: 'dist/index.esm.js',
  },
] as const;

export type PackageName = (typeof PACKAGES)[number]['name'];

export type Manifest = Record<string, unknown> & {
  name: string;
  version: string;
  main?: string;
  types?: string;
  dependencies?: Record<string, string>;
};

export function tarList(tarball: string): string[] {
  return execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
}

export function tarManifest(tarball: string): Manifest {
  return JSON.parse(
    execFileSync('tar', ['xzf', tarball, '-O', 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
}

/**
 * `^1.2.3`, `~1.2.3`, `>=1.2.3 <1.4.0` and exact versions: enough for the ranges these
 * packages use.
 */
export function satisfies(version: string, range: string): boolean {
  const bounded = /^>=(\S+) <(\S+)$/.exec(range);
  if (bounded) {
    return (
      satisfies(version, `>=${bounded[1]}`) &&
      !satisfies(version, `>=${bounded[2]}`)
    );
  }
  const parse = (v: string) =>
    v
      .replace(/^(\^|~|>=)/, '')
      .split('-')[0]
      .split('.')
      .map(Number);
  const [maj, min, pat] = parse(version);
  const [rMaj, rMin, rPat] = parse(range);
  const atLeast =
    maj > rMaj ||
    (maj === rMaj && (min > rMin || (min === rMin && pat >= rPat)));
  if (!atLeast) return false;
  if (range.startsWith('>=')) return true;
  if (range.startsWith('^')) {
    if (rMaj > 0) return maj === rMaj;
    if (rMin > 0) return maj === 0 && min === rMin;
    return maj === 0 && min === 0 && pat === rPat;
  }
  if (range.startsWith('~')) return maj === rMaj && min === rMin;
  return maj === rMaj && min === rMin && pat === rPat;
}
