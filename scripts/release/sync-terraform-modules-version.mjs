#!/usr/bin/env node
// Usage: node scripts/release/sync-terraform-modules-version.mjs [repositoryRoot]
// Runs after `changeset version` (root script `release:version`, which the release workflow's
// "Version packages" pull request uses): copies the version Changesets gave the fixed group of
// the four ZeroOps packages into ZEROOPS_TERRAFORM_MODULES_VERSION, the one place the templates
// and the scaffolder actions read the Terraform modules' release tag from.
import fs from 'node:fs';
import path from 'node:path';
import { releaseVersion, repoRoot } from './packages.mjs';

const root = process.argv[2] ? path.resolve(process.argv[2]) : repoRoot;
const CONSTANT_FILE =
  'plugins/zeroops-common/src/release/terraformModulesVersion.ts';
const CONSTANT =
  /(export const ZEROOPS_TERRAFORM_MODULES_VERSION: string = ')([^']*)(';)/;

let version;
try {
  version = releaseVersion(root);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const file = path.join(root, CONSTANT_FILE);
const source = fs.readFileSync(file, 'utf8');
if (!CONSTANT.test(source)) {
  console.error(`${CONSTANT_FILE} no longer declares ${CONSTANT.source}`);
  process.exit(1);
}
fs.writeFileSync(file, source.replace(CONSTANT, `$1${version}$3`));
console.log(
  `ZEROOPS_TERRAFORM_MODULES_VERSION = ${version} (tag terraform-modules/v${version})`,
);
