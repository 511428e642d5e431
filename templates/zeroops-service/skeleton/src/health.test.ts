import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkHealth } from './health.ts';

test('is ok when every dependency answers', async () => {
  const report = await checkHealth([
    { name: 'database', check: async () => {} },
    { name: 'valkey', check: async () => {} },
  ]);
  assert.equal(report.status, 'ok');
  assert.deepEqual(Object.keys(report.checks), ['database', 'valkey']);
});

test('reports the failing dependency and its error', async () => {
  const report = await checkHealth([
    { name: 'database', check: async () => {} },
    {
      name: 'valkey',
      check: async () => {
        throw new Error('connection refused');
      },
    },
  ]);
  assert.equal(report.status, 'unavailable');
  assert.deepEqual(report.checks.valkey, {
    status: 'unavailable',
    error: 'connection refused',
  });
});

test('does not wait for a dependency that hangs', async () => {
  const started = Date.now();
  const report = await checkHealth(
    [{ name: 'database', check: () => new Promise(() => {}) }],
    50,
  );
  assert.equal(report.checks.database.error, 'timed out after 50 ms');
  assert.ok(Date.now() - started < 1000);
});
