import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';

/**
 * A value of HCL converted to JSON by @cdktf/hcl2json: literals stay JSON values, expressions
 * become strings wrapped in `${...}`, blocks become arrays of objects.
 */
export type HclValue =
  | string
  | number
  | boolean
  | null
  | HclValue[]
  | { [key: string]: HclValue };

/** The body of a block: its arguments and nested blocks by name. */
export type HclBody = { [key: string]: HclValue };

/** One labelled top-level block such as `resource "aws_s3_bucket" "state"`. */
export interface HclBlock {
  /** File the block was declared in, relative to the module directory. */
  file: string;
  /** First label of two-label blocks (`aws_s3_bucket`), undefined otherwise. */
  type?: string;
  name: string;
  body: HclBody;
}

/** The parsed contents of one directory of `.tf` files, as Terraform reads a module. */
export interface TerraformModule {
  dir: string;
  files: string[];
  resources: HclBlock[];
  dataSources: HclBlock[];
  variables: HclBlock[];
  outputs: HclBlock[];
  locals: HclBlock[];
  moduleCalls: HclBlock[];
  providers: HclBlock[];
  /** `terraform { ... }` settings blocks. */
  settings: HclBlock[];
  /** Source text by file, when loaded from text (comments such as checkov:skip live only here). */
  sources: Record<string, string>;
}

export function isHclBody(value: HclValue | undefined): value is HclBody {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Nested block instances of `body[name]` (blocks are always arrays of bodies). */
export function blocksOf(body: HclBody, name: string): HclBody[] {
  const value = body[name];
  return Array.isArray(value) ? value.filter(isHclBody) : [];
}

/** Parses one HCL file; errors name the file and the position given by the HCL parser. */
export async function parseHclFile(
  filename: string,
  content: string,
): Promise<HclBody> {
  const result: HclBody = await parse(filename, content);
  return result;
}

function labelled(
  file: string,
  value: HclValue | undefined,
  twoLabels: boolean,
): HclBlock[] {
  const result: HclBlock[] = [];
  if (!isHclBody(value)) return result;
  for (const [first, inner] of Object.entries(value)) {
    if (twoLabels) {
      if (!isHclBody(inner)) continue;
      for (const [name, bodies] of Object.entries(inner)) {
        for (const body of Array.isArray(bodies) ? bodies : []) {
          if (isHclBody(body)) result.push({ file, type: first, name, body });
        }
      }
    } else {
      for (const body of Array.isArray(inner) ? inner : []) {
        if (isHclBody(body)) result.push({ file, name: first, body });
      }
    }
  }
  return result;
}

/** Builds a module model from already parsed files (`{ 'main.tf': body }`). */
export function moduleFromParsedFiles(
  dir: string,
  parsed: Record<string, HclBody>,
  sources: Record<string, string> = {},
): TerraformModule {
  const module: TerraformModule = {
    dir,
    files: Object.keys(parsed).sort(),
    resources: [],
    dataSources: [],
    variables: [],
    outputs: [],
    locals: [],
    moduleCalls: [],
    providers: [],
    settings: [],
    sources,
  };
  for (const file of module.files) {
    const body = parsed[file];
    module.resources.push(...labelled(file, body.resource, true));
    module.dataSources.push(...labelled(file, body.data, true));
    module.variables.push(...labelled(file, body.variable, false));
    module.outputs.push(...labelled(file, body.output, false));
    module.moduleCalls.push(...labelled(file, body.module, false));
    module.providers.push(...labelled(file, body.provider, false));
    for (const locals of blocksOf(body, 'locals')) {
      module.locals.push({ file, name: 'locals', body: locals });
    }
    for (const settings of blocksOf(body, 'terraform')) {
      module.settings.push({ file, name: 'terraform', body: settings });
    }
  }
  return module;
}

/** Parses HCL source files given as text (used by tests that feed snippets). */
export async function moduleFromSources(
  dir: string,
  sources: Record<string, string>,
): Promise<TerraformModule> {
  const parsed: Record<string, HclBody> = {};
  for (const [file, content] of Object.entries(sources)) {
    parsed[file] = await parseHclFile(file, content);
  }
  return moduleFromParsedFiles(dir, parsed, sources);
}

/** Loads the `.tf` files of one directory (not its subdirectories), like `terraform init`. */
export async function loadTerraformModule(
  dir: string,
): Promise<TerraformModule> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const sources: Record<string, string> = {};
  for (const entry of entries) {
    if (entry.isFile() && entry.name.endsWith('.tf')) {
      sources[entry.name] = await fs.readFile(
        path.join(dir, entry.name),
        'utf8',
      );
    }
  }
  return moduleFromSources(dir, sources);
}

/** Every file below `root` whose name ends with one of `extensions`, sorted. */
export async function findFiles(
  root: string,
  extensions: string[],
): Promise<string[]> {
  const result: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.terraform'))
        continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (extensions.some(ext => entry.name.endsWith(ext)))
        result.push(full);
    }
  };
  await walk(root);
  return result.sort();
}
