// The four packages ZeroOps publishes, in dependency order (common first). They are one fixed
// Changesets group (.changeset/config.json): one version for all four and for the Terraform
// modules (tag terraform-modules/v<version>).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);

export const PUBLISHED_PACKAGES = [
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
  { name: '@zeroops/backstage-plugin-zeroops', dir: 'plugins/zeroops' },
];

/** The version the fixed group shares; fails when the packages disagree. */
export function releaseVersion(root = repoRoot) {
  const versions = PUBLISHED_PACKAGES.map(pkg => {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(root, pkg.dir, 'package.json'), 'utf8'),
    );
    return `${pkg.dir}@${manifest.version}`;
  });
  const distinct = new Set(versions.map(v => v.split('@').pop()));
  if (distinct.size !== 1) {
    throw new Error(
      `The ZeroOps packages are released as one fixed group but have different versions: ${versions.join(
        ', ',
      )}. Check "fixed" in .changeset/config.json.`,
    );
  }
  return [...distinct][0];
}

/**
 * Builds each package with the Backstage CLI and packs it with `yarn pack`, which replaces
 * `workspace:` ranges with the versions and lets `backstage-cli package prepack` point main and
 * types at dist/. Expects the declarations of `yarn tsc` in dist-types/. Returns name → tarball.
 */
export function packPackages(
  outDir,
  log = message => process.stderr.write(`${message}\n`),
) {
  fs.mkdirSync(outDir, { recursive: true });
  const tarballs = {};
  for (const pkg of PUBLISHED_PACKAGES) {
    const tarball = path.join(
      outDir,
      `${pkg.name.slice(1).replace('/', '-')}.tgz`,
    );
    log(`Building and packing ${pkg.name}`);
    execFileSync('yarn', ['workspace', pkg.name, 'build'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    execFileSync('yarn', ['workspace', pkg.name, 'pack', '--out', tarball], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    tarballs[pkg.name] = tarball;
  }
  return tarballs;
}
