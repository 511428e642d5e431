import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createApp } from './app.ts';

let healthy = true;
let server: Server;
let baseUrl: string;

before(async () => {
  server = createServer(
    createApp({
      serviceName: 'example',
      healthChecks: [
        {
          name: 'database',
          check: async () => {
            if (!healthy) throw new Error('down');
          },
        },
      ],
    }),
  );
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => new Promise<void>(resolve => server.close(() => resolve())));

test('GET /healthz answers 200 while the dependencies are up', async () => {
  healthy = true;
  const response = await fetch(`${baseUrl}/healthz`);
  assert.equal(response.status, 200);
  assert.equal((await response.json()).status, 'ok');
});

test('GET /healthz answers 503 when a dependency is down, so traffic moves away', async () => {
  healthy = false;
  const response = await fetch(`${baseUrl}/healthz`);
  assert.equal(response.status, 503);
  assert.deepEqual((await response.json()).checks.database, {
    status: 'unavailable',
    error: 'down',
  });
});

test('GET / names the service; unknown paths are 404', async () => {
  assert.deepEqual(await (await fetch(baseUrl)).json(), { service: 'example' });
  assert.equal((await fetch(`${baseUrl}/nope`)).status, 404);
});
