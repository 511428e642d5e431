#!/usr/bin/env node
/*
 * Writes src/schema/openapi.generated.ts from src/schema/openapi.yaml: the spec as a typed
 * constant for createValidatedOpenApiRouter. It replaces
 * `backstage-repo-tools package schema openapi generate`, which downloads a Java generator
 * from Maven Central. src/schema/openapi.test.ts fails when the two files disagree.
 *
 * Usage: node scripts/generate-openapi-spec.js
 */
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('yaml');
const prettier = require('prettier');

const root = path.resolve(__dirname, '..');
const yamlPath = path.join(root, 'src/schema/openapi.yaml');
const outPath = path.join(root, 'src/schema/openapi.generated.ts');

const spec = parse(fs.readFileSync(yamlPath, 'utf8'));
const source = `// Generated from openapi.yaml by scripts/generate-openapi-spec.js. Do not edit.

/** The OpenAPI 3.1 document of the ZeroOps backend, as a typed constant. */
export const spec = ${JSON.stringify(spec, null, 2)} as const;
`;
fs.writeFileSync(outPath, source);

// Format with the repository's prettier config so lint and prettier --check pass.
Promise.resolve(prettier.resolveConfig(outPath))
  .then(options =>
    prettier.format(fs.readFileSync(outPath, 'utf8'), {
      ...options,
      filepath: outPath,
    }),
  )
  .then(formatted => fs.writeFileSync(outPath, formatted));
