import { Agent, request } from 'node:http';
import { signRequest } from './signRequest.ts';

/**
 * Drives DescribeServices at a simulator over signed raw HTTP with a fixed concurrency, the
 * way a busy backend would, and reports the sustained rate and latency percentiles.
 */

export interface BenchOptions {
  url: string;
  concurrency: number;
  durationMs: number;
  /** Temporary-style key of the production account (`ASIA` + account + suffix). */
  accessKeyId?: string;
}

export interface BenchResult {
  requests: number;
  errors: number;
  durationMs: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

const BODY = JSON.stringify({
  cluster: 'zeroops-production',
  services: ['payments-api', 'storefront-web', 'orders-worker'],
});

function describeServices(
  url: URL,
  agent: Agent,
  accessKeyId: string,
): Promise<number> {
  const headers = signRequest({
    method: 'POST',
    host: url.host,
    path: '/',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AmazonEC2ContainerServiceV20141113.DescribeServices',
    },
    body: BODY,
    region: 'us-east-1',
    service: 'ecs',
    accessKeyId,
    secretAccessKey: 'simulator',
    now: new Date(),
  });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: '/',
        method: 'POST',
        agent,
        headers: {
          ...headers,
          'content-length': String(Buffer.byteLength(BODY)),
        },
      },
      res => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(BODY);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const url = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const accessKeyId = options.accessKeyId ?? 'ASIA111111111111BNCH';
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        const status = await describeServices(url, agent, accessKeyId);
        if (status !== 200) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const durationMs = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    durationMs,
    requestsPerSecond: (latencies.length / durationMs) * 1000,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}
