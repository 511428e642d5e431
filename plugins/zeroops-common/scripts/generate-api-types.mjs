#!/usr/bin/env node
/*
 * Writes src/api/generated/openapi.ts (`paths`, `components`, `operations`) from the ZeroOps
 * backend's OpenAPI document, plugins/zeroops-backend/src/schema/openapi.yaml, with
 * openapi-typescript (pure npm, no Java). The hand-written API types in src/api are aliases of
 * these, so the spec is the one HTTP contract of backend and frontend.
 *
 * Usage (in plugins/zeroops-common):
 *   yarn generate:api-types            rewrite the file
 *   yarn generate:api-types --check    exit 1 when the checked-in file differs from the spec
 * src/api/generated/openapi.test.ts runs the check in the Jest step of `make test`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import openapiTS, { astToString } from 'openapi-typescript';

const require = createRequire(import.meta.url);
// The repository's formatter, so that the generated file is formatted as `yarn prettier` would.
const prettier = require('prettier');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const specPath = path.resolve(
  root,
  '../zeroops-backend/src/schema/openapi.yaml',
);
const outPath = path.join(root, 'src/api/generated/openapi.ts');

const HEADER = `/*
 * Generated from plugins/zeroops-backend/src/schema/openapi.yaml by \`yarn generate:api-types\`
 * (plugins/zeroops-common/scripts/generate-api-types.mjs); do not edit.
 */
`;

const EXPORT_DOCS = {
  paths: 'Routes of the ZeroOps backend API, by path and method.',
  components: 'Schemas, parameters and responses of the ZeroOps backend API.',
  operations: 'Operations of the ZeroOps backend API, by operationId.',
};

/**
 * openapi-typescript writes JSDoc tags (`@description`, `@enum`) that TSDoc and API Extractor
 * do not define; keep the text, drop the tags, and mark the exported roots `@public` so the
 * API report of this package can include them.
 */
function toTsdoc(source) {
  let out = source
    .replace(/^\s*\/\*\* @enum \{\w+\} \*\/\n/gm, '')
    .replace(/^(\s*)\* @enum \{\w+\}\n/gm, '')
    .replace(/@description /g, '');
  for (const [name, doc] of Object.entries(EXPORT_DOCS)) {
    out = out.replace(
      `export interface ${name} {`,
      `/**\n * ${doc}\n *\n * @public\n */\nexport interface ${name} {`,
    );
  }
  return out;
}

/** The generated module, formatted with the repository's prettier config. */
export async function generateApiTypes() {
  const ast = await openapiTS(new URL(`file://${specPath}`), {
    // The spec is the contract: an invalid document must fail generation, not be skipped.
    silent: true,
  });
  const source = `${HEADER}\n${toTsdoc(astToString(ast))}`;
  const options = (await prettier.resolveConfig(outPath)) ?? {};
  return prettier.format(source, { ...options, filepath: outPath });
}

async function main() {
  const generated = await generateApiTypes();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(outPath)
      ? fs.readFileSync(outPath, 'utf8')
      : '';
    if (current !== generated) {
      process.stderr.write(
        `${path.relative(process.cwd(), outPath)} differs from ${path.relative(
          process.cwd(),
          specPath,
        )}: run \`yarn generate:api-types\` in plugins/zeroops-common.\n`,
      );
      process.exit(1);
    }
    return;
  }
  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  fs.writeFileSync(outPath, generated);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch(error => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  });
}
