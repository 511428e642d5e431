import type { Finding } from './findings.ts';
import { isHclBody } from './hcl.ts';
import type { HclBlock, HclBody, HclValue, TerraformModule } from './hcl.ts';
import { FREE_FORM, REQUIRED } from './provider-schema.ts';
import type { ProviderSchema, SchemaBlock } from './provider-schema.ts';

/**
 * Offline substitute for the part of `terraform validate` that needs the provider: every resource
 * and data source type exists, every argument and nested block (at any depth, including
 * `dynamic` blocks) is known to the provider schema, and no required argument or block is missing.
 */

const CONDITION_BLOCK: SchemaBlock = {
  a: { condition: REQUIRED, error_message: REQUIRED },
};

/** Terraform's own meta-arguments of resources; `lifecycle` has a fixed schema. */
const RESOURCE_LIFECYCLE: SchemaBlock = {
  a: {
    create_before_destroy: 0,
    prevent_destroy: 0,
    ignore_changes: 0,
    replace_triggered_by: 0,
  },
  b: {
    precondition: [0, CONDITION_BLOCK],
    postcondition: [0, CONDITION_BLOCK],
  },
};

const DATA_LIFECYCLE: SchemaBlock = {
  b: {
    precondition: [0, CONDITION_BLOCK],
    postcondition: [0, CONDITION_BLOCK],
  },
};

const META_ARGUMENTS = new Set(['count', 'for_each', 'provider', 'depends_on']);
const RESOURCE_ONLY_META = new Set(['provisioner', 'connection']);

/** Resources built into Terraform itself rather than the AWS provider. */
const BUILTIN_RESOURCES: Record<string, SchemaBlock> = {
  terraform_data: { a: { input: 0, triggers_replace: 0 }, c: ['id', 'output'] },
};

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j];
      row[j] = Math.min(
        row[j] + 1,
        row[j - 1] + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length];
}

/** ` Did you mean "x"?` when a candidate is close enough to be a likely typo. */
export function suggestion(name: string, candidates: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = levenshtein(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, name.length / 4)
    ? ` Did you mean "${best}"?`
    : '';
}

interface Context {
  location: string;
  address: string;
  findings: Finding[];
}

function report(ctx: Context, path: string[], message: string) {
  ctx.findings.push({
    rule: 'schema',
    location: ctx.location,
    address: [ctx.address, ...path].join('.'),
    message,
  });
}

function instancesOf(value: HclValue): HclBody[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.every(isHclBody) ? (value as HclBody[]) : undefined;
}

function validateDynamic(
  ctx: Context,
  path: string[],
  value: HclValue,
  schema: SchemaBlock,
  present: Set<string>,
) {
  if (!isHclBody(value)) {
    report(ctx, path, '"dynamic" must be a labelled block');
    return;
  }
  for (const [name, raw] of Object.entries(value)) {
    const nested = schema.b?.[name];
    if (!nested) {
      const freeForm = ((schema.a?.[name] ?? 0) & FREE_FORM) !== 0;
      if (!freeForm) {
        report(
          ctx,
          [...path, `dynamic "${name}"`],
          `no block type "${name}" here.${suggestion(
            name,
            Object.keys(schema.b ?? {}),
          )}`,
        );
      }
      continue;
    }
    present.add(name);
    for (const instance of instancesOf(raw) ?? []) {
      for (const key of Object.keys(instance)) {
        if (!['for_each', 'iterator', 'labels', 'content'].includes(key)) {
          report(
            ctx,
            [...path, `dynamic "${name}"`],
            `unsupported argument "${key}" in a dynamic block`,
          );
        }
      }
      if (instance.for_each === undefined) {
        report(
          ctx,
          [...path, `dynamic "${name}"`],
          'missing required argument "for_each"',
        );
      }
      const contents = instancesOf(instance.content ?? null) ?? [];
      if (contents.length !== 1) {
        report(
          ctx,
          [...path, `dynamic "${name}"`],
          'a dynamic block needs exactly one "content" block',
        );
      }
      for (const content of contents) {
        validateBody(ctx, [...path, name], content, nested[1]);
      }
    }
  }
}

function validateBody(
  ctx: Context,
  path: string[],
  body: HclBody,
  schema: SchemaBlock,
  meta?: { lifecycle: SchemaBlock; allowed: Set<string> },
) {
  const present = new Set<string>();
  for (const [key, value] of Object.entries(body)) {
    if (key === 'dynamic') {
      validateDynamic(ctx, path, value, schema, present);
      continue;
    }
    if (meta && key === 'lifecycle') {
      for (const instance of instancesOf(value) ?? []) {
        validateBody(ctx, [...path, key], instance, meta.lifecycle);
      }
      continue;
    }
    if (meta?.allowed.has(key)) continue;
    const nested = schema.b?.[key];
    if (nested) {
      present.add(key);
      const instances = instancesOf(value);
      if (!instances) {
        report(
          ctx,
          [...path, key],
          `"${key}" is a block: write ${key} { ... } (or a dynamic "${key}" block), not ${key} = ...`,
        );
        continue;
      }
      for (const instance of instances) {
        validateBody(ctx, [...path, key], instance, nested[1]);
      }
      continue;
    }
    const flags = schema.a?.[key];
    if (flags !== undefined) {
      present.add(key);
      continue;
    }
    report(
      ctx,
      [...path, key],
      `unsupported argument or block "${key}".${suggestion(key, [
        ...Object.keys(schema.a ?? {}),
        ...Object.keys(schema.b ?? {}),
      ])}`,
    );
  }
  for (const [name, flags] of Object.entries(schema.a ?? {})) {
    if (flags & REQUIRED && !present.has(name)) {
      report(ctx, path, `missing required argument "${name}"`);
    }
  }
  for (const [name, [flags]] of Object.entries(schema.b ?? {})) {
    if (flags & REQUIRED && !present.has(name)) {
      report(ctx, path, `missing required block "${name}"`);
    }
  }
}

function validateTopLevel(
  findings: Finding[],
  location: string,
  block: HclBlock,
  kind: 'resource' | 'data',
  schema: ProviderSchema,
) {
  const type = block.type ?? '';
  const address = `${kind === 'data' ? 'data.' : ''}${type}.${block.name}`;
  const types = kind === 'data' ? schema.data : schema.resource;
  const blockSchema =
    types[type] ?? (kind === 'resource' ? BUILTIN_RESOURCES[type] : undefined);
  if (!blockSchema) {
    findings.push({
      rule: 'schema',
      location: `${location}/${block.file}`,
      address,
      message: `the AWS provider ${schema.provider_version} has no ${
        kind === 'data' ? 'data source' : 'resource type'
      } "${type}".${suggestion(type, Object.keys(types))}`,
    });
    return;
  }
  const allowed = new Set(META_ARGUMENTS);
  if (kind === 'resource') RESOURCE_ONLY_META.forEach(m => allowed.add(m));
  validateBody(
    { location: `${location}/${block.file}`, address, findings },
    [],
    block.body,
    blockSchema,
    {
      lifecycle: kind === 'resource' ? RESOURCE_LIFECYCLE : DATA_LIFECYCLE,
      allowed,
    },
  );
}

/** Checks every resource, data source and `provider "aws"` block of a module. */
export function validateModuleAgainstSchema(
  module: TerraformModule,
  schema: ProviderSchema,
  location: string = module.dir,
): Finding[] {
  const findings: Finding[] = [];
  for (const block of module.resources) {
    validateTopLevel(findings, location, block, 'resource', schema);
  }
  for (const block of module.dataSources) {
    validateTopLevel(findings, location, block, 'data', schema);
  }
  for (const block of module.providers) {
    if (block.name !== 'aws') continue;
    validateBody(
      {
        location: `${location}/${block.file}`,
        address: 'provider.aws',
        findings,
      },
      [],
      block.body,
      schema.provider,
    );
  }
  return findings;
}
