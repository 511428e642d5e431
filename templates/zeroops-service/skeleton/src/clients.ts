import { Redis } from 'iovalkey';
import pg from 'pg';
import type { Config } from './config.ts';
import type { HealthCheck } from './health.ts';

/**
 * PostgreSQL (Aurora in AWS, the compose container locally). The pool is small and lets idle
 * connections go after 30 s: Aurora Serverless only pauses when no connection stays open.
 */
export function createDatabasePool(config: Config['database']): pg.Pool {
  return new pg.Pool({
    host: config.host,
    port: config.port,
    database: config.database,
    user: config.user,
    password: config.password,
    ssl: config.ssl ? { rejectUnauthorized: true } : undefined,
    max: 5,
    idleTimeoutMillis: 30_000,
  });
}

/** Valkey (ElastiCache Serverless in AWS, always TLS; the compose container locally). */
export function createValkeyClient(config: Config['valkey']): Redis {
  return new Redis({
    host: config.host,
    port: config.port,
    tls: config.tls ? {} : undefined,
    lazyConnect: true,
    maxRetriesPerRequest: 1,
  });
}

export function databaseHealthCheck(pool: pg.Pool): HealthCheck {
  return {
    name: 'database',
    check: async () => void (await pool.query('SELECT 1')),
  };
}

export function valkeyHealthCheck(client: Redis): HealthCheck {
  return { name: 'valkey', check: async () => void (await client.ping()) };
}
