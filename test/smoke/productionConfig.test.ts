/**
 * The backend as production runs it: app-config.yaml + app-config.production.yaml with the
 * placeholder variables set, against PostgreSQL and Redis. None of the embedded default's demo
 * settings may be in effect: no demo-data label, no simulator accounts or endpoints, no local
 * publisher and no file:// reader.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';
import { repoRoot } from '../src';
import { productionEnvironment } from '../config/productionEnvironment';
import { BackendProcess, startBackendProcess, waitFor } from './backendProcess';

// Ports of its own, so a developer's `make start` or the embedded-default smoke test do not clash.
const port = 17017;
const baseUrl = `http://localhost:${port}`;
const token = randomBytes(24).toString('hex');
// Every plugin gets its own database; a prefix per run keeps parallel runs apart.
const databasePrefix = `zeroops_prod_${randomBytes(4).toString('hex')}_`;
const SIMULATOR_ACCOUNTS = ['111111111111', '222222222222', '999999999999'];

const environment: Record<string, string> = {
  ...productionEnvironment,
  APP_BASE_URL: baseUrl,
  BACKEND_BASE_URL: baseUrl,
  POSTGRES_HOST: '127.0.0.1',
  POSTGRES_PORT: '5432',
  POSTGRES_USER: 'postgres',
  CACHE_URL: 'redis://127.0.0.1:6379',
};

async function api(route: string, init: RequestInit = {}) {
  const response = await fetch(`${baseUrl}${route}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...init.headers,
    },
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

describe('the backend on the production config', () => {
  jest.setTimeout(300_000);
  let backend: BackendProcess | undefined;
  let workDir: string;

  beforeAll(async () => {
    workDir = await fs.mkdtemp(
      path.join(repoRoot, '.zeroops', 'production-smoke-'),
    );
    // What the test needs on top of production: its own port, database prefix, a static token to
    // call the API with (production signs users in with GitHub only) and one catalog service.
    const overlay = path.join(workDir, 'app-config.test.yaml');
    await fs.writeFile(
      overlay,
      JSON.stringify({
        backend: {
          // A string, as in app-config.production.yaml: an object would clash with its layer.
          listen: `:${port}`,
          database: { prefix: databasePrefix },
          auth: {
            externalAccess: [
              {
                type: 'static',
                options: { token, subject: 'production-smoke-test' },
              },
            ],
          },
        },
        catalog: {
          locations: [
            {
              type: 'file',
              target: path.join(
                __dirname,
                'fixtures/production-component.yaml',
              ),
            },
          ],
        },
      }),
    );
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...environment };
    // Nothing of `make start` may leak in: simulator endpoints and local publishing come from
    // the environment there.
    for (const name of Object.keys(childEnv)) {
      if (
        name.startsWith('AWS_ENDPOINT_URL') ||
        name === 'ZEROOPS_LOCAL_REPOSITORIES'
      ) {
        delete childEnv[name];
      }
    }
    // No instance metadata on a developer box or CI: fail AWS credential lookups fast.
    childEnv.AWS_EC2_METADATA_DISABLED = 'true';
    backend = startBackendProcess({
      port,
      args: [
        '--config',
        path.join(repoRoot, 'app-config.yaml'),
        '--config',
        path.join(repoRoot, 'app-config.production.yaml'),
        '--config',
        overlay,
      ],
      env: childEnv,
    });
    await backend.waitUntilReady(240_000);
  });

  afterAll(async () => {
    await backend?.stop();
    await fs.rm(workDir, { recursive: true, force: true });
    const client = new Client({
      host: '127.0.0.1',
      port: 5432,
      user: 'postgres',
      database: 'test',
    });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${databasePrefix}%`],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await client.end();
  });

  it('registers the ZeroOps actions but not the local publisher', async () => {
    const { status, body } = await api('/api/scaffolder/v2/actions');
    expect(status).toBe(200);
    const ids = (body as Array<{ id: string }>).map(action => action.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'zeroops:workflows:generate',
        'zeroops:infrastructure:generate',
        'zeroops:cost:estimate',
        'publish:github',
      ]),
    );
    expect(ids).not.toContain('zeroops:publish:local');
  });

  it('reads no file:// URL', async () => {
    const target = `file://${path.join(repoRoot, 'catalog', 'all.yaml')}`;
    const { status, body } = await api('/api/catalog/locations?dryRun=true', {
      method: 'POST',
      body: JSON.stringify({ type: 'url', target }),
    });
    expect({ status, message: body.error?.message }).toEqual({
      status: expect.any(Number),
      message: expect.stringMatching(/not allowed/i),
    });
    expect(status).toBeGreaterThanOrEqual(400);
  });

  it('labels nothing as demo data and reads the configured accounts, not the simulator', async () => {
    const overview = await api('/api/zeroops/overview');
    expect(overview.status).toBe(200);
    expect(overview.body.demoData).toBe(false);

    const environments = await waitFor(
      'the service in the catalog',
      async () => {
        const response = await api(
          '/api/zeroops/entities/component/default/prod-smoke-api/environments',
        );
        return response.status === 200 ? response.body : undefined;
      },
      120_000,
    );
    expect(environments.demoData).toBe(false);
    const locations = (
      environments.environments as Array<{
        name: string;
        location?: { accountId: string; region: string };
      }>
    ).map(env => [env.name, env.location?.accountId, env.location?.region]);
    expect(locations).toEqual([
      [
        'production',
        productionEnvironment.ZEROOPS_PRODUCTION_ACCOUNT_ID,
        'eu-west-1',
      ],
      [
        'staging',
        productionEnvironment.ZEROOPS_STAGING_ACCOUNT_ID,
        'eu-west-1',
      ],
      [
        'ephemeral',
        productionEnvironment.ZEROOPS_STAGING_ACCOUNT_ID,
        'eu-west-1',
      ],
    ]);
    const text = JSON.stringify(environments);
    for (const account of SIMULATOR_ACCOUNTS) {
      expect(text).not.toContain(account);
    }
  });
});
