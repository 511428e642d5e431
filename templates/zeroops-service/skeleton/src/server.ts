import { createServer } from 'node:http';
import { createApp } from './app.ts';
import {
  createDatabasePool,
  createValkeyClient,
  databaseHealthCheck,
  valkeyHealthCheck,
} from './clients.ts';
import { loadConfig } from './config.ts';

const config = loadConfig();
const pool = createDatabasePool(config.database);
const valkey = createValkeyClient(config.valkey);

const server = createServer(
  createApp({
    serviceName: config.serviceName,
    healthChecks: [databaseHealthCheck(pool), valkeyHealthCheck(valkey)],
  }),
);

server.listen(config.port, () => {
  console.log(
    `${config.serviceName} (${config.environment}) listening on ${config.port}`,
  );
});

// ECS stops tasks with SIGTERM: finish in-flight requests, then close the connections.
process.on('SIGTERM', () => {
  server.close(async () => {
    await Promise.allSettled([pool.end(), valkey.quit()]);
    process.exit(0);
  });
});
