#!/usr/bin/env node
// Starts the simulator (src/cli.ts) from a cached JavaScript copy of its TypeScript sources.
//
// Node 24 can run the .ts files directly, but its type stripper stays in memory for the life
// of the process (about 30 MB), which would put the simulator over its 100 MB budget. The copy
// is made once per source change by a child process (see stripTypes.mjs) and cached under
// node_modules/.cache, so there is no build step and a warm start takes a few hundred ms.
// The copy includes the shared @zeroops/simulator-kit (also TypeScript), so a change to the kit
// makes a new copy too.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const cacheRoot =
  process.env.AWS_SIMULATOR_CACHE_DIR ??
  join(packageRoot, 'node_modules', '.cache', 'aws-simulator');

function fingerprint(dir, hash) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) fingerprint(path, hash);
    else if (name.endsWith('.ts'))
      hash.update(`${path}:${stat.size}:${stat.mtimeMs}\n`);
  }
  return hash;
}

// The kit's real folder (the workspace link resolved), read as TypeScript sources below.
const kitRoot = dirname(
  createRequire(import.meta.url).resolve('@zeroops/simulator-kit/package.json'),
);

const key = fingerprint(
  join(kitRoot, 'src'),
  fingerprint(
    join(packageRoot, 'src'),
    createHash('sha256').update(`${process.version}\n`),
  ),
)
  .digest('hex')
  .slice(0, 16);
const compiled = join(cacheRoot, key);

if (!existsSync(compiled)) {
  if (existsSync(cacheRoot)) {
    for (const stale of readdirSync(cacheRoot)) {
      rmSync(join(cacheRoot, stale), { recursive: true, force: true });
    }
  }
  const result = spawnSync(
    process.execPath,
    [
      '--no-warnings',
      fileURLToPath(new URL('./stripTypes.mjs', import.meta.url)),
      packageRoot,
      kitRoot,
      compiled,
    ],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) {
    process.stderr.write(
      '[aws-simulator] could not prepare the JavaScript sources\n',
    );
    process.exit(1);
  }
}

await import(pathToFileURL(join(compiled, 'src', 'cli.mjs')).href);
