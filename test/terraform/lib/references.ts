import { getReferencesInExpression } from '@cdktf/hcl2json';
import type { Finding } from './findings.ts';
import { isHclBody } from './hcl.ts';
import type { HclBlock, HclValue, TerraformModule } from './hcl.ts';
import { readableAttributes } from './provider-schema.ts';
import type { ProviderSchema } from './provider-schema.ts';
import { suggestion } from './schema-validator.ts';

/**
 * The part of `terraform validate` that needs no provider: every `var.`, `local.`, `module.`,
 * `data.` and resource reference points at something declared, and attributes read from
 * resources exist in the provider schema (`aws_lb.this.arn_sufix` is caught here).
 */

/** Roots that are not declarations of the module. */
const IGNORED_ROOTS = new Set(['each', 'count', 'self', 'path', 'terraform']);

interface Expression {
  text: string;
  file: string;
  address: string;
  /** Only set inside a variable's own validation. */
  variable?: string;
}

function collectExpressions(
  value: HclValue,
  file: string,
  address: string,
  out: Expression[],
  variable?: string,
) {
  if (typeof value === 'string') {
    if (value.includes('${'))
      out.push({ text: value, file, address, variable });
  } else if (Array.isArray(value)) {
    for (const item of value)
      collectExpressions(item, file, address, out, variable);
  } else if (isHclBody(value)) {
    for (const [key, inner] of Object.entries(value)) {
      // ignore_changes lists attribute names of the resource itself, not references.
      if (key === 'ignore_changes') continue;
      collectExpressions(inner, file, address, out, variable);
    }
  }
}

function blockExpressions(
  blocks: HclBlock[],
  prefix: string,
  out: Expression[],
) {
  for (const block of blocks) {
    const address = `${prefix}${block.type ? `${block.type}.` : ''}${
      block.name
    }`;
    collectExpressions(block.body, block.file, address, out);
  }
}

/** Every interpolated expression of the module, with the address of the block it sits in. */
function moduleExpressions(module: TerraformModule): Expression[] {
  const expressions: Expression[] = [];
  blockExpressions(module.resources, '', expressions);
  blockExpressions(module.dataSources, 'data.', expressions);
  blockExpressions(module.outputs, 'output.', expressions);
  blockExpressions(module.moduleCalls, 'module.', expressions);
  blockExpressions(module.providers, 'provider.', expressions);
  blockExpressions(module.locals, '', expressions);
  for (const v of module.variables) {
    collectExpressions(v.body, v.file, `var.${v.name}`, expressions, v.name);
  }
  return expressions;
}

/**
 * References in an expression. @cdktf/hcl2json does not report references inside the body of
 * `for` expressions, so a token scan of the expression text complements it.
 */
const parsedReferences = new Map<string, Promise<string[] | undefined>>();

/** Parser references of an expression text (cached: many expressions repeat), or undefined. */
function parserReferences(text: string): Promise<string[] | undefined> {
  let cached = parsedReferences.get(text);
  if (!cached) {
    cached = getReferencesInExpression('expression.tf', text).then(
      refs => refs.map(r => r.value),
      () => undefined,
    );
    parsedReferences.set(text, cached);
  }
  return cached;
}

async function referencesIn(e: Expression): Promise<string[]> {
  const found = new Set<string>(await parserReferences(e.text));
  for (const m of e.text.matchAll(
    /(?<![\w.])(var|local)\.([A-Za-z_][\w-]*)/g,
  )) {
    found.add(`${m[1]}.${m[2]}`);
  }
  for (const m of e.text.matchAll(
    /(?<![\w.])data\.([a-z][\w]*)\.([A-Za-z_][\w-]*)/g,
  )) {
    found.add(`data.${m[1]}.${m[2]}`);
  }
  for (const m of e.text.matchAll(
    /(?<![\w.])(aws_[a-z0-9_]+)\.([A-Za-z_][\w-]*)/g,
  )) {
    found.add(`${m[1]}.${m[2]}`);
  }
  return [...found];
}

/** Outputs of modules called by this one, when their source can be read locally. */
export type ModuleOutputs = (callName: string) => Set<string> | undefined;

export async function validateReferences(
  module: TerraformModule,
  schema: ProviderSchema,
  moduleOutputs: ModuleOutputs = () => undefined,
  location: string = module.dir,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const variables = new Set(module.variables.map(v => v.name));
  const locals = new Set(module.locals.flatMap(l => Object.keys(l.body)));
  const calls = new Set(module.moduleCalls.map(m => m.name));
  const resources = new Map(
    module.resources.map(r => [`${r.type}.${r.name}`, r.type ?? '']),
  );
  const dataSources = new Map(
    module.dataSources.map(d => [`${d.type}.${d.name}`, d.type ?? '']),
  );

  const expressions = moduleExpressions(module);

  const seen = new Set<string>();
  const report = (e: Expression, message: string) => {
    const finding = {
      rule: 'reference',
      location: `${location}/${e.file}`,
      address: e.address,
      message,
    };
    const key = JSON.stringify(finding);
    if (!seen.has(key)) findings.push(finding);
    seen.add(key);
  };

  const checkAttribute = (
    e: Expression,
    kind: 'resource' | 'data',
    type: string,
    name: string,
    segments: string[],
  ) => {
    const attribute = segments.find(s => !/^(?:\d+|".*")$/.test(s));
    const blockSchema =
      kind === 'data' ? schema.data[type] : schema.resource[type];
    if (!attribute || !blockSchema) return;
    const readable = readableAttributes(blockSchema);
    readable.add('id');
    if (!readable.has(attribute)) {
      report(
        e,
        `${
          kind === 'data' ? 'data.' : ''
        }${type}.${name} has no attribute "${attribute}".${suggestion(
          attribute,
          readable,
        )}`,
      );
    }
  };

  for (const e of expressions) {
    if ((await parserReferences(e.text)) === undefined) {
      report(e, `cannot parse expression ${e.text}`);
      continue;
    }
    for (const value of await referencesIn(e)) {
      const [root, second, ...rest] = value.split('.');
      if (IGNORED_ROOTS.has(root) || second === undefined) continue;
      if (root === 'var') {
        if (!variables.has(second)) {
          report(
            e,
            `undeclared variable var.${second}.${suggestion(
              second,
              variables,
            )}`,
          );
        }
      } else if (root === 'local') {
        if (!locals.has(second)) {
          report(
            e,
            `undeclared local value local.${second}.${suggestion(
              second,
              locals,
            )}`,
          );
        }
      } else if (root === 'module') {
        if (!calls.has(second)) {
          report(e, `undeclared module module.${second}`);
        } else {
          // `module.kms[0].key_arn` (a call with count): the output follows the instance key.
          const output = rest.find(s => !/^(?:\d+|".*")$/.test(s));
          const outputs =
            output === undefined ? undefined : moduleOutputs(second);
          if (output !== undefined && outputs && !outputs.has(output)) {
            report(
              e,
              `module.${second} has no output "${output}".${suggestion(
                output,
                outputs,
              )}`,
            );
          }
        }
      } else if (root === 'data') {
        const [name, ...attrs] = rest;
        if (name === undefined) continue;
        const type = dataSources.get(`${second}.${name}`);
        if (type === undefined) {
          report(e, `undeclared data source data.${second}.${name}`);
        } else {
          checkAttribute(e, 'data', type, name, attrs);
        }
      } else if (root.startsWith('aws_') || root === 'terraform_data') {
        const type = resources.get(`${root}.${second}`);
        if (type === undefined) {
          report(e, `undeclared resource ${root}.${second}`);
          continue;
        }
        if (rest.length > 0) {
          checkAttribute(e, 'resource', type, second, rest);
        } else {
          const plain = new RegExp(
            `(?<![\\w.])${root}\\.${second}\\.(\\w+)`,
            'g',
          );
          for (const m of e.text.matchAll(plain)) {
            checkAttribute(e, 'resource', type, second, [m[1]]);
          }
          // `aws_x.y[count.index].attr`: the parser stops at the computed index.
          const indexed = new RegExp(
            `\\b${root}\\.${second}(?:\\[[^\\]]*\\])+\\.(\\w+)`,
            'g',
          );
          for (const m of e.text.matchAll(indexed)) {
            checkAttribute(e, 'resource', type, second, [m[1]]);
          }
        }
      }
    }
  }
  return findings;
}

/**
 * Variables, locals and data sources nothing refers to (what tflint's
 * terraform_unused_declarations reports). A variable used only by its own validation counts as
 * unused.
 */
export async function findUnusedDeclarations(
  module: TerraformModule,
  location: string = module.dir,
): Promise<Finding[]> {
  const expressions = moduleExpressions(module);
  const used = new Set<string>();
  for (const e of expressions) {
    for (const value of await referencesIn(e)) {
      const [root, second, third] = value.split('.');
      if (root === 'var' && e.variable === second) continue;
      if (root === 'var' || root === 'local') used.add(`${root}.${second}`);
      if (root === 'data') used.add(`data.${second}.${third}`);
    }
  }
  const findings: Finding[] = [];
  const report = (file: string, address: string) =>
    findings.push({
      rule: 'unused',
      location: `${location}/${file}`,
      address,
      message: `${address} is declared but not used`,
    });
  for (const v of module.variables) {
    if (!used.has(`var.${v.name}`)) report(v.file, `var.${v.name}`);
  }
  for (const block of module.locals) {
    for (const name of Object.keys(block.body)) {
      if (!used.has(`local.${name}`)) report(block.file, `local.${name}`);
    }
  }
  for (const d of module.dataSources) {
    if (!used.has(`data.${d.type}.${d.name}`))
      report(d.file, `data.${d.type}.${d.name}`);
  }
  return findings;
}
