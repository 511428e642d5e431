// Writes a JavaScript copy of the simulator's TypeScript sources: node:module's type stripper
// blanks the type annotations (positions are kept, so stack traces still point at the right
// lines) and relative `.ts` imports become `.mjs`. Runs as a short-lived child process of the
// launcher so that the stripper's memory is never held by the simulator itself.
//
// The simulator imports @zeroops/simulator-kit, whose sources are TypeScript too: resolved
// through the workspace link, they would be loaded through the stripper after all. So the copy
// gets its own node_modules/@zeroops/simulator-kit with a stripped copy of the kit; Node resolves
// a bare import from the nearest node_modules up from the importing file, which is this one.
import {
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { dirname, join, relative } from 'node:path';

const [packageRoot, kitRoot, targetDir] = process.argv.slice(2);
const staging = `${targetDir}.${process.pid}.tmp`;

function* sources(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== '__testUtils__') yield* sources(path);
    } else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) {
      yield path;
    }
  }
}

const RELATIVE_TS_IMPORT = /((?:from|import)\s*\(?\s*)'(\.{1,2}\/[^']+)\.ts'/g;

/** Writes every source below `sourceDir` as JavaScript below `outDir`. */
function stripSources(sourceDir, outDir) {
  for (const file of sources(sourceDir)) {
    const javascript = stripTypeScriptTypes(readFileSync(file, 'utf8'), {
      mode: 'strip',
    }).replace(RELATIVE_TS_IMPORT, "$1'$2.mjs'");
    const target = join(outDir, relative(sourceDir, file)).replace(
      /\.ts$/,
      '.mjs',
    );
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, javascript);
  }
}

rmSync(staging, { recursive: true, force: true });
stripSources(join(packageRoot, 'src'), join(staging, 'src'));

const kitTarget = join(staging, 'node_modules', '@zeroops', 'simulator-kit');
stripSources(join(kitRoot, 'src'), join(kitTarget, 'src'));
const kitPackage = JSON.parse(
  readFileSync(join(kitRoot, 'package.json'), 'utf8'),
);
writeFileSync(
  join(kitTarget, 'package.json'),
  `${JSON.stringify(
    {
      name: kitPackage.name,
      version: kitPackage.version,
      main: 'src/index.mjs',
    },
    null,
    2,
  )}\n`,
);

symlinkSync(join(packageRoot, 'scenarios'), join(staging, 'scenarios'), 'dir');
try {
  renameSync(staging, targetDir);
} catch (error) {
  // Another launcher finished first: its copy is identical.
  rmSync(staging, { recursive: true, force: true });
  if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
}
