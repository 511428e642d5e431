import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { ConfigSources, loadConfigSchema } from '@backstage/config-loader';
import { AppConfig } from '@backstage/config';
import { productionEnvironment } from './productionEnvironment';

const repoRoot = path.resolve(__dirname, '../..');

/**
 * Variables whose absence drops their key, so a built-in default applies: `make start` sets
 * ZEROOPS_LOCAL_REPOSITORIES to the checkout's .zeroops/repositories; elsewhere the scaffolder
 * module's default (~/.zeroops/repositories) is used.
 */
const OPTIONAL_VARIABLES = ['ZEROOPS_LOCAL_REPOSITORIES'];

async function readConfigs(
  files: string[],
  env: Record<string, string>,
): Promise<AppConfig[]> {
  const missing = new Set<string>();
  const source = ConfigSources.default({
    rootDir: repoRoot,
    argv: files.flatMap(file => ['--config', path.join(repoRoot, file)]),
    env: {},
    substitutionFunc: async name => {
      if (!(name in env) && !OPTIONAL_VARIABLES.includes(name)) {
        missing.add(name);
      }
      return env[name];
    },
  });
  for await (const { configs } of source.readConfigData()) {
    if (missing.size > 0) {
      throw new Error(`variables without a value: ${[...missing].join(', ')}`);
    }
    return configs;
  }
  throw new Error('no configuration was read');
}

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}

/** Keys of `schema` (leaves, and each item of arrays) that `value` leaves unset. */
function unsetKeys(schema: JsonSchema, value: unknown, key: string): string[] {
  if (value === undefined || value === null) return [key];
  if (schema.items && Array.isArray(value)) {
    return value.flatMap((item, index) =>
      unsetKeys(schema.items!, item, `${key}[${index}]`),
    );
  }
  if (!schema.properties) return [];
  return Object.entries(schema.properties).flatMap(([name, child]) =>
    unsetKeys(
      child,
      (value as Record<string, unknown>)[name],
      `${key}.${name}`,
    ),
  );
}

async function schemaOfTheProduct() {
  // The schema of every package the backend and app depend on, plus our own packages.
  return loadConfigSchema({
    dependencies: ['backend', 'app'],
    packagePaths: [path.join(repoRoot, 'package.json')],
  });
}

describe('app-config', () => {
  // Loading every config.d.ts of ~100 Backstage packages compiles TypeScript: allow time.
  jest.setTimeout(120_000);

  it('the embedded default validates against the config schemas', async () => {
    const schema = await schemaOfTheProduct();
    const configs = await readConfigs(['app-config.yaml'], {
      ZEROOPS_LOCAL_REPOSITORIES: path.join(
        repoRoot,
        '.zeroops',
        'repositories',
      ),
    });
    expect(() =>
      schema.process(configs, {
        visibility: ['frontend', 'backend', 'secret'],
      }),
    ).not.toThrow();
  });

  it('the production config (on top of the default) validates against the config schemas', async () => {
    const schema = await schemaOfTheProduct();
    const configs = await readConfigs(
      ['app-config.yaml', 'app-config.production.yaml'],
      productionEnvironment,
    );
    const processed = schema.process(configs, {
      visibility: ['frontend', 'backend', 'secret'],
    });
    const merged = Object.assign({}, ...processed.map(c => c.data));
    expect(merged.backend.database.client).toBe('pg');
    expect(merged.backend.cache.store).toBe('valkey');
    expect(merged.auth.providers.github.production.clientId).toBe(
      productionEnvironment.AUTH_GITHUB_CLIENT_ID,
    );
  });

  it('the production config sets every zeroops key itself, so none is inherited from the demo', async () => {
    const schema = await schemaOfTheProduct();
    const { schemas } = schema.serialize() as unknown as {
      schemas: Array<{ packageName?: string; value: JsonSchema }>;
    };
    const backendSchema = schemas.find(
      s => s.packageName === '@zeroops/backstage-plugin-zeroops-backend',
    )?.value.properties?.zeroops;
    expect(backendSchema).toBeDefined();
    const production = parse(
      await fs.readFile(
        path.join(repoRoot, 'app-config.production.yaml'),
        'utf8',
      ),
    );
    // zeroops.delivery is written by the delivery (GitHub) configuration, next to events and
    // integrations.github; zeroops.publish belongs to the opt-in local publisher only.
    const unset = unsetKeys(backendSchema!, production?.zeroops, 'zeroops')
      .filter(key => !key.startsWith('zeroops.delivery'))
      .sort();
    expect(unset).toEqual([]);
    expect(production.zeroops.demoData).toBe(false);
  });

  it('a schema error in the production config is reported, not ignored', async () => {
    const schema = await schemaOfTheProduct();
    const configs = await readConfigs(
      ['app-config.yaml', 'app-config.production.yaml'],
      productionEnvironment,
    );
    const broken: AppConfig = {
      context: 'broken',
      data: { backend: { cache: { store: 'not-a-store' } } },
    };
    expect(() =>
      schema.process([...configs, broken], {
        visibility: ['frontend', 'backend', 'secret'],
      }),
    ).toThrow(/Config validation failed/);
  });
});
