import { ChildProcess, spawn } from 'node:child_process';
import { repoRoot } from '../src';

// A port of its own, so a developer's running `make start` does not interfere.
const port = 17007;
const baseUrl = `http://localhost:${port}`;

async function waitFor<T>(
  what: string,
  attempt: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  throw new Error(`timed out waiting for ${what}: ${lastError ?? 'no result'}`);
}

describe('the backend on the embedded default', () => {
  jest.setTimeout(180_000);
  let backend: ChildProcess;
  let output = '';

  beforeAll(() => {
    backend = spawn('yarn', ['workspace', 'backend', 'start'], {
      cwd: repoRoot,
      detached: true,
      env: {
        ...process.env,
        // As under `make start`; Jest's NODE_ENV=test would turn guest sign-in off.
        NODE_ENV: 'development',
        APP_CONFIG_backend_listen_port: String(port),
        APP_CONFIG_backend_baseUrl: baseUrl,
      },
    });
    backend.stdout?.on('data', chunk => (output += chunk));
    backend.stderr?.on('data', chunk => (output += chunk));
  });

  afterAll(async () => {
    if (backend.pid) process.kill(-backend.pid, 'SIGTERM');
    await new Promise(resolve => backend.once('exit', resolve));
  });

  it('boots and serves the example catalog to a guest', async () => {
    await waitFor(
      'backend readiness',
      async () => {
        const response = await fetch(
          `${baseUrl}/.backstage/health/v1/readiness`,
        );
        return response.ok ? true : undefined;
      },
      120_000,
    ).catch(error => {
      throw new Error(`${error.message}\n--- backend output ---\n${output}`);
    });

    const refresh = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    expect(refresh.status).toBe(200);
    const token = (await refresh.json()).backstageIdentity.token as string;

    // The catalog processes the example locations asynchronously after start.
    const names = await waitFor(
      'the example components',
      async () => {
        const response = await fetch(
          `${baseUrl}/api/catalog/entities?filter=kind=component`,
          { headers: { Authorization: `Bearer ${token}` } },
        );
        const entities = (await response.json()) as Array<{
          metadata: { name: string; annotations?: Record<string, string> };
        }>;
        return entities.length >= 3 ? entities : undefined;
      },
      60_000,
    );

    expect(names.map(e => e.metadata.name).sort()).toEqual([
      'orders-worker',
      'payments-api',
      'storefront-web',
    ]);
    for (const entity of names) {
      expect(entity.metadata.annotations?.['zeroops.io/service-name']).toBe(
        entity.metadata.name,
      );
    }
  });

  it('refuses the catalog without credentials', async () => {
    const response = await fetch(`${baseUrl}/api/catalog/entities`);
    expect(response.status).toBe(401);
  });
});
