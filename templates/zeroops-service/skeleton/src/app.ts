import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkHealth, type HealthCheck } from './health.ts';

export interface AppOptions {
  serviceName: string;
  healthChecks: HealthCheck[];
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** The HTTP handler: `/healthz` for the platform, `/` describing the service. */
export function createApp(options: AppOptions) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET') {
      sendJson(response, 405, { error: 'method not allowed' });
      return;
    }
    if (url.pathname === '/healthz') {
      const report = await checkHealth(options.healthChecks);
      sendJson(response, report.status === 'ok' ? 200 : 503, report);
      return;
    }
    if (url.pathname === '/') {
      sendJson(response, 200, { service: options.serviceName });
      return;
    }
    sendJson(response, 404, { error: 'not found' });
  };
}
