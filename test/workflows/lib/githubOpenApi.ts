/**
 * GitHub's official OpenAPI description (@octokit/openapi, api.github.com) as the judge of the
 * requests our generated workflows send with `gh api`: what we send must be what GitHub
 * documents, not what we believe it accepts.
 */
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type JsonSchema = Record<string, unknown>;

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  $ref?: string;
}

interface OpenApiOperation {
  operationId: string;
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

interface OpenApiDescription {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { parameters: Record<string, OpenApiParameter> };
}

let description: OpenApiDescription | undefined;

function api(): OpenApiDescription {
  // The referenced (not dereferenced) description: 13 MB instead of 73; the request bodies we
  // check are inline in it, and parameters are resolved below.
  description ??=
    require('@octokit/openapi/generated/api.github.com.json') as OpenApiDescription;
  return description;
}

/** The operation with this `operationId` (e.g. `repos/create-deployment`), with its path and method. */
export function githubOperation(operationId: string) {
  for (const [path, methods] of Object.entries(api().paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (operation.operationId === operationId) {
        return { path, method: method.toUpperCase(), operation };
      }
    }
  }
  throw new Error(`GitHub's OpenAPI description has no ${operationId}`);
}

/**
 * GitHub ignores body fields it does not know, so a misspelt `transient_enviroment` would be
 * dropped silently. Every object schema that does not say otherwise is closed here, so such a
 * field fails validation; schemas that allow any field (a deployment's `payload`) stay open.
 */
function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    copy[key] =
      key === 'properties'
        ? Object.fromEntries(
            Object.entries(value as JsonSchema).map(([name, property]) => [
              name,
              closeObjects(property),
            ]),
          )
        : closeObjects(value);
  }
  if ('properties' in copy && !('additionalProperties' in copy)) {
    copy.additionalProperties = false;
  }
  return copy;
}

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validators = new Map<string, ValidateFunction>();

/**
 * Problems of a JSON request body against the operation's request-body schema; empty when
 * GitHub's description accepts it.
 */
export function requestBodyProblems(
  operationId: string,
  body: unknown,
): string[] {
  let validate = validators.get(operationId);
  if (!validate) {
    const schema =
      githubOperation(operationId).operation.requestBody?.content[
        'application/json'
      ]?.schema;
    if (!schema) throw new Error(`${operationId} takes no JSON body`);
    validate = ajv.compile(closeObjects(schema) as JsonSchema);
    validators.set(operationId, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    error =>
      `${operationId}: ${error.instancePath || 'body'} ${error.message}${
        error.keyword === 'additionalProperties'
          ? ` (${String(error.params.additionalProperty)})`
          : ''
      }`,
  );
}

/** Query parameters of the operation, as GitHub documents them. */
export function queryParameterNames(operationId: string): string[] {
  const { operation } = githubOperation(operationId);
  return (operation.parameters ?? [])
    .map(parameter =>
      parameter.$ref
        ? api().components.parameters[
            parameter.$ref.replace('#/components/parameters/', '')
          ]
        : parameter,
    )
    .filter(parameter => parameter.in === 'query')
    .map(parameter => parameter.name);
}
