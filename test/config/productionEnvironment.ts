/** Plausible production values; every `${VAR}` in app-config.production.yaml must be listed. */
export const productionEnvironment: Record<string, string> = {
  APP_BASE_URL: 'https://backstage.example.com',
  BACKEND_BASE_URL: 'https://backstage.example.com',
  POSTGRES_HOST: 'backstage.cluster-abc.us-east-1.rds.amazonaws.com',
  POSTGRES_PORT: '5432',
  POSTGRES_USER: 'backstage',
  POSTGRES_PASSWORD: 'not-a-real-password',
  CACHE_URL:
    'rediss://backstage-cache.serverless.use1.cache.amazonaws.com:6379',
  AUTH_SESSION_SECRET: 'not-a-real-secret',
  AUTH_GITHUB_CLIENT_ID: 'Iv1.0000000000000000',
  AUTH_GITHUB_CLIENT_SECRET: 'not-a-real-secret',
  GITHUB_TOKEN: 'not-a-real-token',
  GITHUB_WEBHOOK_SECRET: 'not-a-real-secret',
  ZEROOPS_PRODUCTION_ACCOUNT_ID: '123456789012',
  ZEROOPS_STAGING_ACCOUNT_ID: '210987654321',
  ZEROOPS_COST_ACCOUNT_ID: '555555555555',
  ZEROOPS_AWS_REGION: 'eu-west-1',
};
