import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { createDatabasePool } from './clients.ts';
import { loadConfig } from './config.ts';

/** Migration files run in name order: `001_create_items.sql`, `002_…`. */
export const MIGRATIONS_DIR = fileURLToPath(
  new URL('../migrations', import.meta.url),
);

/**
 * Statements that break the code still running during a blue/green deployment. They belong in
 * a later "contract" release, marked with `-- zeroops:contract` in the file, once no running
 * version uses the old shape.
 */
const DESTRUCTIVE = [
  /\bDROP\s+(TABLE|COLUMN|INDEX|VIEW|SCHEMA|TYPE)\b/i,
  /\bRENAME\s+(TO|COLUMN)\b/i,
  /\bALTER\s+COLUMN\s+\S+\s+(TYPE|SET\s+NOT\s+NULL)\b/i,
  /\bTRUNCATE\b/i,
];

/** Why a migration would break expand/contract, or undefined when it only expands. */
export function explainContractViolation(
  name: string,
  sql: string,
): string | undefined {
  if (/^--\s*zeroops:contract\b/m.test(sql)) return undefined;
  const withoutComments = sql.replace(/--.*$/gm, '');
  const match = DESTRUCTIVE.map(pattern => pattern.exec(withoutComments)).find(
    Boolean,
  );
  return match
    ? `${name}: "${match[0]}" removes or changes what the running version uses; ship it in a later release marked "-- zeroops:contract"`
    : undefined;
}

export async function listMigrations(dir = MIGRATIONS_DIR) {
  const files = (await readdir(dir)).filter(f => f.endsWith('.sql')).sort();
  return Promise.all(
    files.map(async name => ({
      name,
      sql: await readFile(path.join(dir, name), 'utf8'),
    })),
  );
}

/** Applies the migrations not yet recorded in schema_migrations, each in its own transaction. */
export async function migrate(
  pool: pg.Pool,
  dir = MIGRATIONS_DIR,
): Promise<string[]> {
  const migrations = await listMigrations(dir);
  for (const { name, sql } of migrations) {
    const violation = explainContractViolation(name, sql);
    if (violation) throw new Error(violation);
  }
  await pool.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied = new Set(
    (
      await pool.query<{ name: string }>('SELECT name FROM schema_migrations')
    ).rows.map(r => r.name),
  );
  const ran: string[] = [];
  for (const { name, sql } of migrations) {
    if (applied.has(name)) continue;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(sql);
      await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [
        name,
      ]);
      await client.query('COMMIT');
      ran.push(name);
    } catch (error) {
      await client.query('ROLLBACK');
      throw new Error(`Migration ${name} failed: ${(error as Error).message}`);
    } finally {
      client.release();
    }
  }
  return ran;
}

if (
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  const pool = createDatabasePool(loadConfig().database);
  migrate(pool)
    .then(ran =>
      console.log(
        ran.length ? `Applied ${ran.join(', ')}` : 'Schema is up to date',
      ),
    )
    .finally(() => pool.end())
    .catch(error => {
      console.error(error.message);
      process.exitCode = 1;
    });
}
