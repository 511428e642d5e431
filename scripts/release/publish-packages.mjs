#!/usr/bin/env node
// Usage: node scripts/release/publish-packages.mjs [--dry-run]   (after `yarn tsc`)
// The publish job of .github/workflows/release.yml: publishes every one of the four packages
// whose version is not on npm yet, with provenance, from the tarballs of pack-packages.mjs.
// Already-published versions are skipped, so a re-run after a partial failure finishes the
// release. Writes `version` and `published` (true when anything was published) to
// $GITHUB_OUTPUT for the job that tags the Terraform modules.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  PUBLISHED_PACKAGES,
  packPackages,
  releaseVersion,
} from './packages.mjs';

const dryRun = process.argv.includes('--dry-run');
const version = releaseVersion();

function isOnNpm(name) {
  try {
    const out = execFileSync(
      'npm',
      ['view', `${name}@${version}`, 'version', '--json'],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    return out.trim() !== '';
  } catch (error) {
    // A package that was never published answers E404; anything else must stop the release.
    if (/E404/.test(String(error.stderr))) return false;
    throw error;
  }
}

function setOutput(name, value) {
  if (process.env.GITHUB_OUTPUT) {
    fs.appendFileSync(process.env.GITHUB_OUTPUT, `${name}=${value}\n`);
  }
}

const pending = PUBLISHED_PACKAGES.filter(pkg => !isOnNpm(pkg.name));
setOutput('version', version);
if (pending.length === 0) {
  console.log(
    `All four packages are on npm at ${version}; nothing to publish.`,
  );
  setOutput('published', 'false');
  process.exit(0);
}

const tarballs = packPackages(
  fs.mkdtempSync(path.join(os.tmpdir(), 'zeroops-release-')),
);
for (const pkg of pending) {
  const args = ['publish', tarballs[pkg.name], '--access', 'public'];
  // Provenance needs the GitHub Actions OIDC token (id-token: write); a local dry run has none.
  if (!dryRun) args.push('--provenance');
  else args.push('--dry-run');
  console.log(`npm ${args.join(' ')}`);
  execFileSync('npm', args, { stdio: 'inherit' });
}
setOutput('published', dryRun ? 'false' : 'true');
