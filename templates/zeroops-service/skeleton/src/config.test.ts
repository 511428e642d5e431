import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from './config.ts';

test('reads the RDS-managed credentials secret injected by ECS', () => {
  const config = loadConfig({
    DATABASE_HOST: 'db.internal',
    DATABASE_CREDENTIALS: JSON.stringify({
      username: 'app',
      password: 'example',
    }),
    VALKEY_HOST: 'cache.internal',
  });
  assert.equal(config.database.user, 'app');
  assert.equal(config.database.ssl, true);
  assert.equal(config.valkey.tls, true);
  assert.equal(config.port, 8080);
});

test('names the missing variable', () => {
  assert.throws(
    () => loadConfig({ VALKEY_HOST: 'x' }),
    /DATABASE_HOST is required/,
  );
});
