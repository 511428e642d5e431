import { BackendProcess, startBackendProcess, waitFor } from './backendProcess';

// A port of its own, so a developer's running `make start` does not interfere.
const port = 17007;
const baseUrl = `http://localhost:${port}`;

describe('the backend on the embedded default', () => {
  jest.setTimeout(180_000);
  let backend: BackendProcess;

  beforeAll(() => {
    backend = startBackendProcess({
      port,
      env: {
        ...process.env,
        // As under `make start`; Jest's NODE_ENV=test would turn guest sign-in off.
        NODE_ENV: 'development',
        APP_CONFIG_backend_listen_port: String(port),
        APP_CONFIG_backend_baseUrl: baseUrl,
      },
    });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('boots and serves the example catalog to a guest', async () => {
    await backend.waitUntilReady(120_000);

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
