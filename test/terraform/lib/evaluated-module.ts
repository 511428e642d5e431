import path from 'node:path';
import { isHclBody, loadTerraformModule } from './hcl.ts';
import type { HclBody, HclValue, TerraformModule } from './hcl.ts';
import { ExpressionEvaluator, withBindings } from './evaluator.ts';
import type { Scope } from './evaluator.ts';
import { moduleCallInputs } from './module-call-inputs.ts';
import { resolveModuleSource } from './module-source.ts';
import { EvaluationError } from './value-conversions.ts';
import { isTfObject, isUnknown, Unknown } from './values.ts';
import type { TfObject, TfValue } from './values.ts';

/** One instance of a resource or data source, with its arguments evaluated for a scenario. */
export interface EvaluatedResource {
  kind: 'resource' | 'data';
  type: string;
  name: string;
  /** `aws_s3_bucket.logs`, `aws_subnet.private[0]`, `data.aws_iam_policy_document.kms`. */
  address: string;
  /** Address without instance key, as references name it. */
  baseAddress: string;
  file: string;
  /** Source text of the `provider` meta-argument, e.g. `aws.us_east_1`. */
  provider?: string;
  body: TfObject;
  /** `#checkov:skip=<rule>:<reason>` comments inside the block. */
  skips: Record<string, string>;
}

/** A module evaluated with the inputs of one scenario (typically one of its examples). */
export interface EvaluatedModule {
  /** Module folder name, e.g. `database`. */
  name: string;
  dir: string;
  scenario: string;
  inputs: Record<string, TfValue>;
  /** Value of `var.environment` in this scenario (input or default), when known. */
  environment?: string;
  /** Present instances only: resources whose count or for_each is zero are left out. */
  resources: EvaluatedResource[];
  module: TerraformModule;
}

export interface Scenario {
  name: string;
  inputs: Record<string, TfValue>;
}

const TOP_LEVEL_META = new Set([
  'count',
  'for_each',
  'depends_on',
  'lifecycle',
  'provider',
  'provisioner',
  'connection',
]);

/** Maximum instances evaluated per count/for_each resource; enough for policies. */
const MAX_INSTANCES = 10;

/** `#checkov:skip=ID:reason` comments, by the address of the top-level block they sit in. */
export function checkovSkips(
  module: TerraformModule,
): Map<string, Record<string, string>> {
  const result = new Map<string, Record<string, string>>();
  for (const text of Object.values(module.sources)) {
    let current: string | undefined;
    for (const line of text.split('\n')) {
      const header = /^(resource|data)\s+"([\w-]+)"\s+"([\w-]+)"/.exec(line);
      if (header) {
        current = `${header[1] === 'data' ? 'data.' : ''}${header[2]}.${
          header[3]
        }`;
        continue;
      }
      if (/^\S/.test(line)) current = undefined;
      const skip = /#\s*checkov:skip=([A-Z0-9_]+)(?::(.*))?/.exec(line);
      if (skip && current) {
        const entry = result.get(current) ?? {};
        entry[skip[1]] = (skip[2] ?? '').trim();
        result.set(current, entry);
      }
    }
  }
  return result;
}

function createScope(
  module: TerraformModule,
  evaluator: ExpressionEvaluator,
  inputs: Record<string, TfValue>,
): Scope {
  const variables = new Map<string, TfValue>();
  for (const v of module.variables) {
    if ('default' in v.body) variables.set(v.name, v.body.default as TfValue);
  }
  for (const [name, value] of Object.entries(inputs))
    variables.set(name, value);
  const localSources = new Map<string, HclValue>();
  for (const block of module.locals) {
    for (const [k, v] of Object.entries(block.body)) localSources.set(k, v);
  }
  const memo = new Map<string, Promise<TfValue>>();
  const scope: Scope = {
    variables,
    bindings: new Map(),
    local(name: string) {
      let value = memo.get(name);
      if (!value) {
        const source = localSources.get(name);
        value =
          source === undefined
            ? Promise.resolve(new Unknown(`local.${name}`, false))
            : evaluator.evaluateOrUnknown(source, {
                ...scope,
                bindings: new Map(),
              });
        memo.set(name, value);
      }
      return value;
    },
  };
  return scope;
}

/** Key/value pairs a dynamic block iterates over; one unknown pair when only known at apply. */
function dynamicEntries(collection: TfValue): [TfValue, TfValue][] {
  if (isUnknown(collection)) return [[collection, collection]];
  if (Array.isArray(collection)) return collection.map((v, i) => [i, v]);
  if (isTfObject(collection)) return Object.entries(collection);
  return [];
}

async function evaluateBody(
  raw: HclBody,
  scope: Scope,
  evaluator: ExpressionEvaluator,
  topLevel: boolean,
): Promise<TfObject> {
  const result: TfObject = {};
  const append = (key: string, items: TfObject[]) => {
    const existing = result[key];
    result[key] = [...(Array.isArray(existing) ? existing : []), ...items];
  };
  for (const [key, value] of Object.entries(raw)) {
    if (topLevel && TOP_LEVEL_META.has(key)) continue;
    if (key === 'dynamic' && isHclBody(value)) {
      for (const [blockName, instances] of Object.entries(value)) {
        for (const instance of Array.isArray(instances) ? instances : []) {
          if (!isHclBody(instance)) continue;
          const iterator =
            typeof instance.iterator === 'string'
              ? instance.iterator
              : blockName;
          const collection = await evaluator.evaluateOrUnknown(
            instance.for_each ?? null,
            scope,
          );
          const entries = dynamicEntries(collection);
          const contents = Array.isArray(instance.content)
            ? instance.content.filter(isHclBody)
            : [];
          for (const [k, v] of entries) {
            const inner = withBindings(scope, {
              [iterator]: { key: k, value: v },
            });
            for (const content of contents) {
              append(blockName, [
                await evaluateBody(content, inner, evaluator, false),
              ]);
            }
          }
        }
      }
      continue;
    }
    if (Array.isArray(value) && value.length > 0 && value.every(isHclBody)) {
      const items: TfObject[] = [];
      for (const item of value as HclBody[]) {
        items.push(await evaluateBody(item, scope, evaluator, false));
      }
      append(key, items);
      continue;
    }
    result[key] = await evaluator.evaluateOrUnknown(value, scope);
  }
  return result;
}

async function instancesOf(
  raw: HclBody,
  scope: Scope,
  evaluator: ExpressionEvaluator,
): Promise<{ key?: string; bindings: Record<string, TfValue> }[]> {
  if (raw.count !== undefined) {
    const count = await evaluator.evaluateOrUnknown(raw.count, scope);
    if (typeof count === 'number') {
      return Array.from({ length: Math.min(count, MAX_INSTANCES) }, (_, i) => ({
        key: `[${i}]`,
        bindings: { count: { index: i } },
      }));
    }
    return [
      { bindings: { count: { index: new Unknown('count.index', true) } } },
    ];
  }
  if (raw.for_each !== undefined) {
    const collection = await evaluator.evaluateOrUnknown(raw.for_each, scope);
    let entries: [string, TfValue][] | undefined;
    if (Array.isArray(collection)) {
      entries = collection.map(v => [
        typeof v === 'string' ? v : JSON.stringify(v),
        v,
      ]);
    } else if (isTfObject(collection)) {
      entries = Object.entries(collection);
    }
    if (!entries) {
      const unknown = new Unknown('each', true);
      return [{ bindings: { each: { key: unknown, value: unknown } } }];
    }
    return entries.slice(0, MAX_INSTANCES).map(([k, v]) => ({
      key: `[${JSON.stringify(k)}]`,
      bindings: { each: { key: k, value: v } },
    }));
  }
  return [{ bindings: {} }];
}

/** Evaluates every resource and data source of a module for the given input variables. */
export async function evaluateModule(
  module: TerraformModule,
  scenario: Scenario,
  evaluator: ExpressionEvaluator = new ExpressionEvaluator(),
): Promise<EvaluatedModule> {
  const scope = createScope(module, evaluator, scenario.inputs);
  const skips = checkovSkips(module);
  const resources: EvaluatedResource[] = [];
  const blocks = [
    ...module.resources.map(b => ({ block: b, kind: 'resource' as const })),
    ...module.dataSources.map(b => ({ block: b, kind: 'data' as const })),
  ];
  for (const { block, kind } of blocks) {
    const baseAddress = `${kind === 'data' ? 'data.' : ''}${block.type}.${
      block.name
    }`;
    const provider =
      typeof block.body.provider === 'string'
        ? block.body.provider.replace(/^\$\{(.*)\}$/, '$1')
        : undefined;
    for (const instance of await instancesOf(block.body, scope, evaluator)) {
      const inner = withBindings(scope, instance.bindings);
      resources.push({
        kind,
        type: block.type ?? '',
        name: block.name,
        address: `${baseAddress}${instance.key ?? ''}`,
        baseAddress,
        file: block.file,
        provider,
        body: await evaluateBody(block.body, inner, evaluator, true),
        skips: skips.get(baseAddress) ?? {},
      });
    }
  }
  const environment =
    scope.variables.get('environment') ?? scenario.inputs.environment;
  return {
    name: path.basename(module.dir),
    dir: module.dir,
    scenario: scenario.name,
    inputs: scenario.inputs,
    environment: typeof environment === 'string' ? environment : undefined,
    resources,
    module,
  };
}

/** Evaluates one expression of a module (a validation condition, a local) for given inputs. */
export async function evaluateIn(
  module: TerraformModule,
  expression: HclValue,
  inputs: Record<string, TfValue>,
): Promise<TfValue> {
  const probe = await evaluateModule(
    {
      ...module,
      resources: [
        {
          file: 'probe.tf',
          type: 'terraform_data',
          name: 'probe',
          body: { input: expression },
        },
      ],
      dataSources: [],
    },
    { name: 'probe', inputs },
  );
  return probe.resources[0].body.input;
}

/**
 * The inputs each example passes to the module (`module "x" { source = "../../" ... }`),
 * evaluated in the example: literals are known, other modules' outputs are unknown.
 */
export async function scenariosFromExamples(
  moduleDir: string,
  exampleDirs: string[],
  modulesRoot: string,
  evaluator: ExpressionEvaluator = new ExpressionEvaluator(),
): Promise<Scenario[]> {
  const scenarios: Scenario[] = [];
  for (const exampleDir of exampleDirs) {
    const example = await loadTerraformModule(exampleDir);
    const scope = createScope(example, evaluator, {});
    for (const call of example.moduleCalls) {
      const source = call.body.source;
      if (typeof source !== 'string') continue;
      if (
        resolveModuleSource(source, exampleDir, modulesRoot) !==
        path.resolve(moduleDir)
      ) {
        continue;
      }
      const inputs: Record<string, TfValue> = {};
      for (const [key, value] of Object.entries(moduleCallInputs(call.body))) {
        try {
          inputs[key] = await evaluator.evaluate(value, scope);
        } catch (error) {
          if (!(error instanceof EvaluationError)) throw error;
          inputs[key] = new Unknown(String(value), false);
        }
      }
      scenarios.push({
        name: `${path.relative(moduleDir, exampleDir)} (module.${call.name})`,
        inputs,
      });
    }
  }
  return scenarios;
}
