#!/usr/bin/env node
// Runs after `changeset version` (root script `release:version`, which the release workflow's
// "Version packages" pull request uses): copies the version Changesets gave the fixed group of
// the four ZeroOps packages into ZEROOPS_TERRAFORM_MODULES_VERSION, the one place the templates
// and the scaffolder actions read the Terraform modules' release tag from.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.argv[2]
  ? path.resolve(process.argv[2])
  : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const RELEASED_TOGETHER = [
  'plugins/zeroops',
  'plugins/zeroops-backend',
  'plugins/zeroops-common',
  'plugins/scaffolder-backend-module-zeroops',
];
const CONSTANT_FILE =
  'plugins/zeroops-common/src/release/terraformModulesVersion.ts';
const CONSTANT =
  /(export const ZEROOPS_TERRAFORM_MODULES_VERSION = ')([^']*)(';)/;

const versions = new Map(
  RELEASED_TOGETHER.map(dir => [
    dir,
    JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8'))
      .version,
  ]),
);
const distinct = [...new Set(versions.values())];
if (distinct.length !== 1) {
  const list = [...versions].map(([dir, v]) => `${dir}@${v}`).join(', ');
  console.error(
    `The ZeroOps packages are released as one fixed group but have different versions: ${list}. Check "fixed" in .changeset/config.json.`,
  );
  process.exit(1);
}
const [version] = distinct;

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
