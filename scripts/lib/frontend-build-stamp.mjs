#!/usr/bin/env node
// Prints a hash of everything the built frontend (packages/app/dist) is made from, so that
// `make start` rebuilds it only when one of these changed (scripts/lib/frontend.sh):
//   - the sources of packages/app and of every workspace package it depends on, directly or not
//     (today plugins/zeroops and plugins/zeroops-common), tests excepted;
//   - the installed dependencies (the install stamp covers yarn.lock, every package.json and Node);
//   - app-config.yaml, which the build embeds as the fallback configuration.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.argv[2];
if (!root) {
  console.error('usage: frontend-build-stamp.mjs <repository root>');
  process.exit(2);
}

const readJson = file => JSON.parse(readFileSync(file, 'utf8'));

/** Workspace package name -> folder, from the root package.json's `workspaces` globs (`dir/*`). */
function workspaceFolders() {
  const folders = new Map();
  for (const pattern of readJson(join(root, 'package.json')).workspaces) {
    const candidates = pattern.endsWith('/*')
      ? readdirSync(join(root, pattern.slice(0, -2)), { withFileTypes: true })
          .filter(entry => entry.isDirectory())
          .map(entry => join(root, pattern.slice(0, -2), entry.name))
      : [join(root, pattern)];
    for (const folder of candidates) {
      const manifest = join(folder, 'package.json');
      if (existsSync(manifest)) folders.set(readJson(manifest).name, folder);
    }
  }
  return folders;
}

/** The app's folder and those of the workspace packages it bundles (runtime dependencies). */
function bundledWorkspaces(folders) {
  const found = new Set();
  const visit = name => {
    const folder = folders.get(name);
    if (!folder || found.has(folder)) return;
    found.add(folder);
    const { dependencies = {} } = readJson(join(folder, 'package.json'));
    Object.keys(dependencies).forEach(visit);
  };
  visit('app');
  return [...found].sort();
}

const skippedFolders = new Set([
  'node_modules',
  'dist',
  'dist-types',
  'coverage',
]);
const isTest = name => /\.test\.[cm]?[jt]sx?$/.test(name);

function* filesUnder(folder) {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!skippedFolders.has(entry.name)) yield* filesUnder(path);
    } else if (entry.isFile() && !isTest(entry.name)) {
      yield path;
    }
  }
}

const hash = createHash('sha1');
const addFile = path => {
  hash.update(`${relative(root, path)}\0`);
  hash.update(readFileSync(path));
  hash.update('\0');
};
for (const folder of bundledWorkspaces(workspaceFolders())) {
  for (const file of filesUnder(folder)) addFile(file);
}
addFile(join(root, 'app-config.yaml'));
const installStamp = join(root, 'node_modules', '.zeroops-install-stamp');
if (existsSync(installStamp)) addFile(installStamp);
console.log(hash.digest('hex'));
