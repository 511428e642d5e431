import path from 'node:path';
import { ConfigSources, loadConfigSchema } from '@backstage/config-loader';
import { AppConfig } from '@backstage/config';

const repoRoot = path.resolve(__dirname, '../..');

/** Plausible production values; every `${VAR}` in app-config.production.yaml must be listed. */
const productionEnvironment: Record<string, string> = {
  APP_BASE_URL: 'https://backstage.example.com',
  BACKEND_BASE_URL: 'https://backstage.example.com',
  POSTGRES_HOST: 'backstage.cluster-abc.us-east-1.rds.amazonaws.com',
  POSTGRES_PORT: '5432',
  POSTGRES_USER: 'backstage',
  POSTGRES_PASSWORD: 'not-a-real-password',
  CACHE_URL:
    'rediss://backstage-cache.serverless.use1.cache.amazonaws.com:6379',
  AUTH_SESSION_SECRET: 'not-a-real-secret',
  AUTH_GITHUB_CLIENT_ID: 'Iv1.0000000000000000',
  AUTH_GITHUB_CLIENT_SECRET: 'not-a-real-secret',
  GITHUB_TOKEN: 'not-a-real-token',
};

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
