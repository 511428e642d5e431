#!/usr/bin/env node
// Usage: node scripts/release/pack-packages.mjs <outDir>   (after `yarn tsc`)
// Builds and packs the four published packages, exactly as the release workflow publishes them,
// and prints {"<name>": "<tarball>"} as JSON. The tarball installation path of the README and
// the packaging test (test/packaging) use it.
import path from 'node:path';
import { packPackages } from './packages.mjs';

const outDir = process.argv[2];
if (!outDir) {
  console.error('Usage: node scripts/release/pack-packages.mjs <outDir>');
  process.exit(2);
}
console.log(JSON.stringify(packPackages(path.resolve(outDir)), null, 2));
