import fs from 'node:fs';
import path from 'node:path';

/** Flag bits of arguments and blocks in the extracted schema. */
export const REQUIRED = 1;
/** The generator left this argument untyped (e.g. WAF rule statements): nothing below is checked. */
export const FREE_FORM = 2;

/** Schema of one block, as written by scripts/terraform/extract-provider-schema.mjs. */
export interface SchemaBlock {
  /** Arguments: name -> flags. */
  a?: Record<string, number>;
  /** Nested blocks: name -> [flags, schema]. */
  b?: Record<string, [number, SchemaBlock]>;
  /** Read-only attributes (`arn`, `dns_name`), only on resources and data sources. */
  c?: string[];
}

export interface ProviderSchema {
  source: string;
  provider_version: string;
  provider: SchemaBlock;
  resource: Record<string, SchemaBlock>;
  data: Record<string, SchemaBlock>;
}

/** Where scripts/terraform/extract-provider-schema.mjs writes the schema. */
export function defaultSchemaPath(): string {
  return path.resolve(__dirname, '..', 'aws-provider-schema.json');
}

const cache = new Map<string, ProviderSchema>();

/** The AWS provider schema extracted from @cdktf/provider-aws (hashicorp/aws 6.25.0). */
export function loadProviderSchema(
  file: string = defaultSchemaPath(),
): ProviderSchema {
  let schema = cache.get(file);
  if (!schema) {
    schema = JSON.parse(fs.readFileSync(file, 'utf8')) as ProviderSchema;
    cache.set(file, schema);
  }
  return schema;
}

/** Every attribute name a reference may read on a resource or data source. */
export function readableAttributes(block: SchemaBlock): Set<string> {
  return new Set([
    ...Object.keys(block.a ?? {}),
    ...Object.keys(block.b ?? {}),
    ...(block.c ?? []),
  ]);
}
