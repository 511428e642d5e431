import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explainContractViolation, listMigrations } from './migrate.ts';

test('the shipped migrations only expand the schema', async () => {
  const migrations = await listMigrations();
  assert.ok(migrations.length > 0);
  for (const { name, sql } of migrations) {
    assert.equal(explainContractViolation(name, sql), undefined);
  }
});

test('rejects drops and renames that would break the running version', () => {
  assert.match(
    explainContractViolation(
      '002.sql',
      'ALTER TABLE items DROP COLUMN name;',
    ) ?? '',
    /002.sql: "DROP COLUMN" removes or changes/,
  );
  assert.ok(
    explainContractViolation(
      '003.sql',
      'ALTER TABLE items RENAME COLUMN name TO title;',
    ),
  );
  assert.ok(
    explainContractViolation(
      '004.sql',
      'ALTER TABLE items ALTER COLUMN name SET NOT NULL;',
    ),
  );
});

test('allows a contract release that says so', () => {
  assert.equal(
    explainContractViolation(
      '005.sql',
      '-- zeroops:contract\nALTER TABLE items DROP COLUMN legacy;',
    ),
    undefined,
  );
});
