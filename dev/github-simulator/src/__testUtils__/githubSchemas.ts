import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';

/**
 * Validators from GitHub's own descriptions: the REST API's OpenAPI document
 * (`@octokit/openapi`, api.github.com) and the webhook payload schemas
 * (`@octokit/webhooks-schemas`). Loading the OpenAPI document takes a few seconds: call
 * {@link loadGithubSchemas} once per test file.
 */

type JsonObject = Record<string, unknown>;

interface OpenApiOperation {
  operationId: string;
  responses: Record<
    string,
    { content?: Record<string, { schema: JsonObject }>; $ref?: string }
  >;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    responses: Record<
      string,
      { content?: Record<string, { schema: JsonObject }> }
    >;
  };
}

const OPENAPI_ID = 'https://api.github.com/openapi.json';
const WEBHOOKS_ID = 'https://github.com/octokit/webhooks/schema.json';

/** Points the `#/…` references of a fragment taken out of a document back at that document. */
function rebase(schema: unknown, documentId: string): unknown {
  if (Array.isArray(schema)) return schema.map(s => rebase(s, documentId));
  if (schema && typeof schema === 'object') {
    return Object.fromEntries(
      Object.entries(schema).map(([key, value]) =>
        key === '$ref' && typeof value === 'string' && value.startsWith('#')
          ? [key, `${documentId}${value}`]
          : [key, rebase(value, documentId)],
      ),
    );
  }
  return schema;
}

/**
 * OpenAPI 3.0's `nullable: true` beside `oneOf`/`anyOf`/`allOf` (no `type`) means "or null";
 * Ajv only supports `nullable` next to `type`, so those become `anyOf: [schema, null]`.
 */
function normalizeNullable(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(normalizeNullable);
  if (!schema || typeof schema !== 'object') return schema;
  const entries = Object.entries(schema).map(
    ([k, v]) => [k, normalizeNullable(v)] as const,
  );
  const object = Object.fromEntries(entries) as JsonObject;
  if (object.nullable === true && object.type === undefined) {
    const { nullable: _nullable, ...rest } = object;
    return { anyOf: [rest, { type: 'null' }] };
  }
  return object;
}

export interface GithubSchemas {
  /** The JSON schema of `operationId`'s response with `status`. */
  response(operationId: string, status: number): ValidateFunction;
  /** A webhook definition such as `deployment_status$created` or `push$event`. */
  webhook(definition: string): ValidateFunction;
  /** The OpenAPI path and method of an operation. */
  operation(operationId: string): { path: string; method: string };
}

export function loadGithubSchemas(): GithubSchemas {
  const openapi = JSON.parse(
    readFileSync(
      require.resolve('@octokit/openapi/generated/api.github.com.json'),
      'utf8',
    ),
  ) as OpenApiDocument;
  const webhooks = JSON.parse(
    readFileSync(
      require.resolve('@octokit/webhooks-schemas/schema.json'),
      'utf8',
    ),
  ) as JsonObject;
  // OpenAPI 3.0 marks optional nulls with `nullable`, which Ajv understands; its extension keywords
  // (`x-github`, `example`, `discriminator`) are not JSON Schema, hence `strict: false`.
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    validateSchema: false,
    discriminator: false,
  });
  addFormats(ajv);
  ajv.addFormat('uri-template', true);
  ajv.addFormat('repo.nwo', true);
  ajv.addFormat('ssh-key', true);
  ajv.addFormat('ssh-key fingerprint', true);
  ajv.addSchema({
    $id: OPENAPI_ID,
    paths: openapi.paths,
    components: normalizeNullable(openapi.components),
  } as JsonObject);
  ajv.addSchema({ ...webhooks, $id: WEBHOOKS_ID });

  const operations = new Map<
    string,
    { path: string; method: string; operation: OpenApiOperation }
  >();
  for (const [path, methods] of Object.entries(openapi.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (operation?.operationId)
        operations.set(operation.operationId, { path, method, operation });
    }
  }
  const cache = new Map<string, ValidateFunction>();
  const cached = (key: string, build: () => ValidateFunction) => {
    let validate = cache.get(key);
    if (!validate) {
      validate = build();
      cache.set(key, validate);
    }
    return validate;
  };

  return {
    operation(operationId) {
      const found = operations.get(operationId);
      if (!found)
        throw new Error(
          `no operation ${operationId} in GitHub's OpenAPI description`,
        );
      return { path: found.path, method: found.method };
    },
    response(operationId, status) {
      return cached(`${operationId} ${status}`, () => {
        const found = operations.get(operationId);
        if (!found)
          throw new Error(
            `no operation ${operationId} in GitHub's OpenAPI description`,
          );
        let response = found.operation.responses[String(status)];
        if (response?.$ref) {
          response =
            openapi.components.responses[response.$ref.split('/').pop()!];
        }
        const schema = response?.content?.['application/json']?.schema;
        if (!schema)
          throw new Error(
            `${operationId} documents no JSON response ${status}`,
          );
        return ajv.compile(
          rebase(normalizeNullable(schema), OPENAPI_ID) as JsonObject,
        );
      });
    },
    webhook(definition) {
      return cached(`webhook ${definition}`, () =>
        ajv.compile({ $ref: `${WEBHOOKS_ID}#/definitions/${definition}` }),
      );
    },
  };
}

/** Ajv's errors, readable in a failed expectation. */
export function describeErrors(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map(
    e => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`,
  );
}
