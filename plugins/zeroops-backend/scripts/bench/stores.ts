/*
 * Where the benchmarked backend keeps its database and cache. `embedded` is the README's
 * default (SQLite in memory, the memory cache store); `production` is what
 * app-config.production.yaml runs (PostgreSQL, a Valkey-protocol cache), pointed at this
 * machine's PostgreSQL and Redis. The scale targets are about a production backend, and an
 * in-memory SQLite catalog of 1,000 services lives in the backend's own RSS, where
 * PostgreSQL's does not.
 */
import knexFactory from 'knex';

export type BenchStores = 'embedded' | 'production';

export const BENCH_STORES: readonly BenchStores[] = ['embedded', 'production'];

// The same variables and defaults as the test services (scripts/lib/services.sh): the machine's
// one PostgreSQL and one Redis.
const POSTGRES_URL =
  process.env.ZEROOPS_TEST_POSTGRES_URL ??
  'postgresql://postgres@127.0.0.1:5432';
const CACHE_URL =
  process.env.ZEROOPS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The databases of one run share this prefix (one database per plugin), so the run starts on
 * empty databases and {@link dropBenchDatabases} finds what it created.
 */
export function benchDatabasePrefix(runId: string): string {
  return `zeroops_bench_${runId}_`;
}

/** The `backend` overlay of the generated app-config for these stores. */
export function storesConfig(
  stores: BenchStores,
  runId: string,
): Record<string, unknown> {
  if (stores === 'embedded') return {};
  return {
    database: {
      client: 'pg',
      connection: POSTGRES_URL,
      prefix: benchDatabasePrefix(runId),
    },
    cache: {
      store: 'valkey',
      connection: CACHE_URL,
      // A fresh namespace: no entry of an earlier run is served (entries expire on their own).
      valkey: { client: { namespace: `zeroops-bench-${runId}` } },
    },
  };
}

/** Drops the databases the run created; reports, but does not throw on, a failure. */
export async function dropBenchDatabases(runId: string): Promise<void> {
  const db = knexFactory({ client: 'pg', connection: POSTGRES_URL });
  try {
    const prefix = benchDatabasePrefix(runId);
    const { rows } = (await db.raw(
      'SELECT datname FROM pg_database WHERE starts_with(datname, ?)',
      [prefix],
    )) as { rows: { datname: string }[] };
    for (const { datname } of rows) {
      await db.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [datname]);
    }
  } catch (error) {
    process.stderr.write(
      `could not drop the benchmark databases (${String(
        error,
      )}); drop the ones named ${benchDatabasePrefix(runId)}* by hand\n`,
    );
  } finally {
    await db.destroy();
  }
}
