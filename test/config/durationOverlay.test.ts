/**
 * Backstage deep-merges config objects across files. A duration written as an object
 * (`{ hours: 6 }`) in the embedded default would therefore merge with a user's overlay
 * (`{ minutes: 1 }` → 6 h 1 min). Every duration we ship is a string, so an overlay of either form
 * replaces it (and the backend parses only the effective value: ZeroOpsConfig.test.ts).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  ConfigReader,
  readDurationFromConfig,
  type AppConfig,
} from '@backstage/config';
import { ConfigSources, loadConfigSchema } from '@backstage/config-loader';
import { durationToMilliseconds } from '@backstage/types';
import { parse } from 'yaml';
import { repoRoot } from '../src';

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
}

/**
 * Every duration key of the backend plugin, from its config.d.ts (`HumanDuration | string`
 * compiles to an anyOf with the duration object): a key added later is covered too.
 */
async function durationKeys(): Promise<string[]> {
  const schema = await loadConfigSchema({
    dependencies: [],
    packagePaths: [path.join(repoRoot, 'plugins/zeroops-backend/package.json')],
  });
  const isDuration = (node: JsonSchema) =>
    node.anyOf?.some(option => option.properties?.hours !== undefined) ?? false;
  const walk = (node: JsonSchema, key: string): string[] =>
    isDuration(node)
      ? [key]
      : Object.entries(node.properties ?? {}).flatMap(([name, child]) =>
          walk(child, key ? `${key}.${name}` : name),
        );
  // The schema also holds the Backstage packages the plugin depends on; ours are zeroops.*.
  // serialize() is typed as any JSON object; its documented shape is { schemas: [{ value }] }.
  const { schemas } = schema.serialize() as unknown as {
    schemas: Array<{ value: JsonSchema }>;
  };
  const keys = schemas
    .flatMap(({ value }) => walk(value, ''))
    .filter(key => key.startsWith('zeroops.'));
  return [...new Set(keys)];
}

/** What the backend parses: the effective value alone (see ZeroOpsConfig.readDurationMs). */
function effectiveMs(config: ConfigReader, key: string): number {
  return durationToMilliseconds(
    readDurationFromConfig(
      new ConfigReader({ value: config.getOptional(key) ?? null }),
      { key: 'value' },
    ),
  );
}

async function readMerged(files: string[]) {
  const source = ConfigSources.default({
    rootDir: repoRoot,
    argv: files.flatMap(file => ['--config', file]),
    env: {},
    substitutionFunc: async () => 'placeholder',
  });
  for await (const { configs } of source.readConfigData()) {
    return ConfigReader.fromConfigs(configs as AppConfig[]);
  }
  throw new Error('no configuration was read');
}

function valueAt(document: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object'
          ? (node as Record<string, unknown>)[part]
          : undefined,
      document,
    );
}

describe('durations in the shipped configuration', () => {
  // Loading a config schema compiles config.d.ts with TypeScript: allow time.
  jest.setTimeout(120_000);
  let keys: string[];

  beforeAll(async () => {
    keys = await durationKeys();
  });

  it('finds every duration key of the backend', () => {
    expect(keys.sort()).toEqual([
      'zeroops.aws.requestTimeout',
      'zeroops.cache.restingTtl',
      'zeroops.cache.ttl',
      'zeroops.costExplorer.refreshInterval',
      'zeroops.delivery.reconcileInterval',
      'zeroops.permissions.decisionCacheTtl',
      'zeroops.requestDeadline',
    ]);
  });

  it.each(['app-config.yaml', 'app-config.production.yaml'])(
    '%s writes every duration as a string',
    async file => {
      const document = parse(
        await fs.readFile(path.join(repoRoot, file), 'utf8'),
      );
      const written = keys
        .map(key => [key, typeof valueAt(document, key)])
        .filter(([, type]) => type !== 'undefined');
      expect(written).toEqual(written.map(([key]) => [key, 'string']));
    },
  );

  it('an overlay on the shipped files replaces every duration, in either form', async () => {
    // Inside the checkout (ignored by git), removed afterwards.
    const dir = await fs.mkdtemp(path.join(__dirname, '.overlay-'));
    try {
      const at = (key: string, value: unknown) =>
        key
          .split('.')
          .reduceRight<unknown>((inner, part) => ({ [part]: inner }), value);
      // A layer under the shipped files with a value for every key (they set only some).
      const base = path.join(dir, 'app-config.base.yaml');
      await fs.writeFile(
        base,
        JSON.stringify(
          keys.reduce(
            (doc, key) => mergeDeep(doc, at(key, '6h')),
            {} as Record<string, unknown>,
          ),
        ),
      );
      for (const form of ['1m', 'PT1M', { minutes: 1 }]) {
        const overlay = path.join(dir, 'app-config.local.yaml');
        await fs.writeFile(
          overlay,
          JSON.stringify(
            keys.reduce(
              (doc, key) => mergeDeep(doc, at(key, form)),
              {} as Record<string, unknown>,
            ),
          ),
        );
        // The shipped files over the base: their values are what the overlay must replace.
        const config = await readMerged([
          base,
          path.join(repoRoot, 'app-config.yaml'),
          path.join(repoRoot, 'app-config.production.yaml'),
          overlay,
        ]);
        // 6 h 1 min if an object overlay were merged into the value below it.
        expect(keys.map(key => [key, effectiveMs(config, key)])).toEqual(
          keys.map(key => [key, 60_000]),
        );
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

function mergeDeep(
  target: Record<string, unknown>,
  source: unknown,
): Record<string, unknown> {
  for (const [key, value] of Object.entries(source as object)) {
    const existing = target[key];
    target[key] =
      existing && typeof existing === 'object' && typeof value === 'object'
        ? mergeDeep(existing as Record<string, unknown>, value)
        : value;
  }
  return target;
}
