#!/usr/bin/env node
/*
 * Extracts the configuration schema of the Terraform AWS provider from the generated
 * @cdktf/provider-aws package into a compact JSON file that the offline Terraform tests use as a
 * substitute for `terraform validate` (no terraform binary and no registry access in CI here).
 *
 * Why @cdktf/provider-aws: it is generated from the provider's own schema (21.22.1 <- hashicorp/aws
 * 6.25.0) and is published on the npm registry, which is the only registry we can reach. Each
 * `lib/<resource>/index.js` lists every argument and nested block in `synthesizeHclAttributes()`
 * and in one `<struct>ToHclTerraform()` function per nested block; `index.d.ts` marks required
 * arguments (fields without `?`).
 *
 * Usage:
 *   node scripts/terraform/extract-provider-schema.mjs [--package <dir|tgz>] [--out <file>]
 * Without --package the script runs `npm pack @cdktf/provider-aws@21.22.1` in a temp directory.
 *
 * Output format (kept small on purpose, it is committed):
 *   { provider: Block, resource: { [type]: Block }, data: { [type]: Block }, ... }
 *   Block = { a?: { [argument]: Flags }, b?: { [block]: [Flags, Block] }, c?: string[] }
 *   (`c`: read-only attributes of a resource or data source, such as `arn`)
 *   Flags: bit 1 = required, bit 2 = free-form ("any": the generator did not model the nesting,
 *   e.g. aws_wafv2_web_acl rule statements), so nothing below it can be checked.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const PACKAGE_SPEC = '@cdktf/provider-aws@21.22.1';
const PROVIDER_VERSION = '6.25.0';
const REQUIRED = 1;
const FREE_FORM = 2;

const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);

function parseArgs(argv) {
  const args = {
    out: path.join(repoRoot, 'test/terraform/aws-provider-schema.json'),
  };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--package') args.package = argv[++i];
    else if (argv[i] === '--out') args.out = path.resolve(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

/** Returns the `lib` folder of an unpacked provider package, downloading it when needed. */
function locateLib(packageArg) {
  let source = packageArg;
  if (!source) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-aws-'));
    execFileSync('npm', ['pack', PACKAGE_SPEC, '--silent'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    source = path.join(
      dir,
      fs.readdirSync(dir).find(f => f.endsWith('.tgz')),
    );
  }
  if (source.endsWith('.tgz')) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provider-aws-x-'));
    execFileSync('tar', ['xzf', source, '-C', dir]);
    source = path.join(dir, 'package');
  }
  const lib = fs.existsSync(path.join(source, 'lib'))
    ? path.join(source, 'lib')
    : source;
  if (!fs.existsSync(path.join(lib, 'provider', 'index.js'))) {
    throw new Error(`${lib} does not look like @cdktf/provider-aws/lib`);
  }
  return lib;
}

function filesOf(dir, ext) {
  const result = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) result.push(...filesOf(full, ext));
    else if (entry.name.endsWith(ext)) result.push(full);
  }
  return result;
}

const ATTR_ENTRY =
  /^\s{8,}(\w+): \{\s*value: ([\s\S]*?),\s*isBlock: (true|false),\s*type: "(\w+)",\s*storageClassType: "(\w+)",\s*\}/gm;

/** Parses the body of a `const attrs = { ... }` literal into attribute descriptors. */
function parseAttrs(body) {
  const attrs = [];
  for (const m of body.matchAll(ATTR_ENTRY)) {
    const [, name, value, isBlock, , storageClassType] = m;
    const camel = /(?:struct|this)\.(?:_)?(\w+)/.exec(value)?.[1];
    const nested = [
      ...value.matchAll(/(?<!cdktf\.)\b([a-z]\w*)ToHclTerraform\b/g),
    ]
      .map(x => x[1])
      .find(fn => !fn.startsWith('cdktf'));
    attrs.push({
      name,
      camel,
      isBlock: isBlock === 'true',
      freeForm: storageClassType === 'any',
      nested,
    });
  }
  return attrs;
}

/** `const attrs = {...};` literal that follows `start` in `text`. */
function attrsBodyAfter(text, start) {
  const open = text.indexOf('const attrs = {', start);
  if (open < 0) return '';
  const close = text.indexOf('\n    };', open);
  const empty = text.indexOf('const attrs = {};', start);
  if (empty === open) return '';
  return text.slice(open, close);
}

/**
 * Interfaces of the .d.ts files: name -> Map(field -> required), keyed both by the camelCase
 * field and by the Terraform name in its registry doc link (cdktf renames some fields, e.g.
 * `self` -> `selfAttribute`). `configInterface` is the one extending TerraformMetaArguments.
 */
function parseInterfaces(dts) {
  const result = new Map();
  let configInterface;
  for (const m of dts.matchAll(
    /export interface (\w+)(?: extends ([\w.]+))? \{([\s\S]*?)\n\}/g,
  )) {
    const fields = new Map();
    for (const f of m[3].matchAll(
      /(?:\{@link \S+#(\w+) [\w.]+#\w+\}[\s\S]*?\*\/\s*)?readonly (\w+)(\??):/g,
    )) {
      const required = f[3] !== '?';
      fields.set(f[2], required);
      if (f[1]) fields.set(`#${f[1]}`, required);
    }
    result.set(m[1], fields);
    if (m[2] === 'cdktf.TerraformMetaArguments') configInterface = m[1];
  }
  return { interfaces: result, configInterface };
}

/**
 * Every attribute a resource exposes for references (`aws_lb.this.arn_suffix`): the getters of the
 * generated class read them with `getXAttribute('name')` or wrap them in `new XList(this, "name")`.
 */
function readableAttributes(classBody) {
  const names = new Set();
  for (const m of classBody.matchAll(/this\.get\w*Attribute\('(\w+)'\)/g)) {
    names.add(m[1]);
  }
  for (const m of classBody.matchAll(/new \w+\(this, "(\w+)"/g)) {
    names.add(m[1]);
  }
  return names;
}

function upperFirst(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Builds the compact schema of one lib/<folder>. */
function extractFolder(folder) {
  const js = filesOf(folder, '.js')
    .map(f => fs.readFileSync(f, 'utf8'))
    .join('\n');
  const dts = filesOf(folder, '.d.ts')
    .map(f => fs.readFileSync(f, 'utf8'))
    .join('\n');
  const { interfaces, configInterface } = parseInterfaces(dts);

  const structs = new Map();
  for (const m of js.matchAll(/^function (\w+)ToHclTerraform\(struct\) \{/gm)) {
    structs.set(m[1], parseAttrs(attrsBodyAfter(js, m.index)));
  }

  const problems = [];
  const build = (attrs, interfaceName, trail) => {
    const fields = interfaces.get(interfaceName);
    if (!fields) problems.push(`no interface ${interfaceName}`);
    const block = {};
    for (const attr of attrs) {
      const key = fields?.has(attr.camel) ? attr.camel : `#${attr.name}`;
      const required = fields?.get(key) === true;
      if (fields && !fields.has(key)) {
        problems.push(
          `${interfaceName}.${attr.camel} (${attr.name}) not in d.ts`,
        );
      }
      let flags = required ? REQUIRED : 0;
      if (attr.freeForm) flags |= FREE_FORM;
      if (attr.isBlock && attr.nested && !attr.freeForm) {
        if (trail.includes(attr.nested)) {
          problems.push(`recursive struct ${attr.nested}`);
          continue;
        }
        const nestedAttrs = structs.get(attr.nested);
        if (!nestedAttrs) {
          problems.push(`missing struct function ${attr.nested}`);
          continue;
        }
        block.b ??= {};
        block.b[attr.name] = [
          flags,
          build(nestedAttrs, upperFirst(attr.nested), [...trail, attr.nested]),
        ];
      } else {
        block.a ??= {};
        block.a[attr.name] = flags;
      }
    }
    return block;
  };

  const results = [];
  for (const m of js.matchAll(
    /^class (\w+) extends cdktf\.(TerraformResource|TerraformDataSource|TerraformProvider) \{/gm,
  )) {
    const className = m[1];
    const kind = m[2];
    const typeMatch = new RegExp(
      `^${className}\\.tfResourceType = "([\\w-]+)";`,
      'm',
    ).exec(js);
    const synth = js.indexOf('synthesizeHclAttributes() {', m.index);
    const attrs = parseAttrs(attrsBodyAfter(js, synth));
    const classEnd = js.indexOf(
      `exports.${className} = ${className};`,
      m.index,
    );
    results.push({
      kind,
      type: typeMatch?.[1],
      readable: readableAttributes(js.slice(m.index, classEnd)),
      schema: build(
        attrs,
        interfaces.has(`${className}Config`)
          ? `${className}Config`
          : configInterface,
        [],
      ),
    });
  }
  return { results, problems };
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const lib = locateLib(args.package);
  const output = {
    source: PACKAGE_SPEC,
    provider_version: PROVIDER_VERSION,
    format:
      'Block = {a: {argument: flags}, b: {block: [flags, Block]}, c: [read-only attribute]}; flags: 1 required, 2 free-form',
    provider: undefined,
    resource: {},
    data: {},
  };
  const problems = [];
  const folders = fs
    .readdirSync(lib, { withFileTypes: true })
    .filter(d => d.isDirectory())
    .map(d => d.name)
    .sort();
  for (const folder of folders) {
    const { results, problems: p } = extractFolder(path.join(lib, folder));
    problems.push(...p.map(x => `${folder}: ${x}`));
    for (const r of results) {
      // Attributes that can be read but not set (arn, dns_name, ...), for reference checks.
      const computed = [...r.readable]
        .filter(n => !(n in (r.schema.a ?? {})) && !(n in (r.schema.b ?? {})))
        .sort();
      if (computed.length > 0) r.schema.c = computed;
      if (r.kind === 'TerraformProvider') output.provider = r.schema;
      else if (r.kind === 'TerraformDataSource') output.data[r.type] = r.schema;
      else output.resource[r.type] = r.schema;
    }
  }
  if (!output.provider) throw new Error('provider schema not found');
  // One line per resource type keeps regenerated files reviewable in a diff.
  const section = obj =>
    `{\n${Object.entries(obj)
      .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
      .join(',\n')}\n}`;
  const json = `{\n${Object.entries(output)
    .map(
      ([k, v]) =>
        `${JSON.stringify(k)}:${
          k === 'resource' || k === 'data' ? section(v) : JSON.stringify(v)
        }`,
    )
    .join(',\n')}\n}\n`;
  const data = args.out.endsWith('.gz')
    ? zlib.gzipSync(json, { level: 9 })
    : json;
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  fs.writeFileSync(args.out, data);
  const count = o => Object.keys(o).length;
  console.log(
    `wrote ${path.relative(process.cwd(), args.out)}: ${count(
      output.resource,
    )} resources, ` +
      `${count(output.data)} data sources, ${json.length} bytes JSON, ${
        data.length
      } bytes on disk`,
  );
  if (problems.length > 0) {
    console.warn(`${problems.length} extraction warnings:`);
    for (const p of problems.slice(0, 30)) console.warn(`  ${p}`);
  }
}

main();
