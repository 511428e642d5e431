/**
 * Runtime configuration from the environment. In AWS the ECS task definition sets these (the
 * database credentials come from Secrets Manager as DATABASE_CREDENTIALS); locally
 * docker/docker-compose.yml does.
 */
export interface Config {
  serviceName: string;
  environment: string;
  port: number;
  database: {
    host: string;
    port: number;
    database: string;
    user: string;
    password?: string;
    ssl: boolean;
  };
  valkey: { host: string; port: number; tls: boolean };
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`Environment variable ${name} is required`);
  return value;
}

/** Secrets Manager JSON of an RDS-managed secret: {"username": "...", "password": "..."}. */
function databaseCredentials(env: NodeJS.ProcessEnv) {
  if (!env.DATABASE_CREDENTIALS) {
    return {
      user: env.DATABASE_USER ?? 'postgres',
      password: env.DATABASE_PASSWORD,
    };
  }
  const parsed = JSON.parse(env.DATABASE_CREDENTIALS) as {
    username?: string;
    password?: string;
  };
  if (!parsed.username || !parsed.password) {
    throw new Error(
      'DATABASE_CREDENTIALS must be JSON with username and password',
    );
  }
  return { user: parsed.username, password: parsed.password };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    serviceName: env.SERVICE_NAME ?? 'service',
    environment: env.ZEROOPS_ENVIRONMENT ?? 'local',
    port: Number(env.PORT ?? 8080),
    database: {
      host: required(env, 'DATABASE_HOST'),
      port: Number(env.DATABASE_PORT ?? 5432),
      database: env.DATABASE_NAME ?? 'app',
      ...databaseCredentials(env),
      ssl: env.DATABASE_SSL !== 'false',
    },
    valkey: {
      host: required(env, 'VALKEY_HOST'),
      port: Number(env.VALKEY_PORT ?? 6379),
      tls: env.VALKEY_TLS !== 'false',
    },
  };
}
