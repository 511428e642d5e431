/*
 * Benchmark of the ZeroOps backend against the AWS simulator (`yarn bench:backend`).
 * Prints figures; it is not a test and asserts nothing.
 *
 * Default run: the simulator with 50 services × 4 environments and 80 ± 40 ms per AWS call,
 * the real backend (packages/backend, embedded default config) pointed at it through
 * AWS_ENDPOINT_URL, then
 *   1. cold phase: every entity requested once (sequentially, so each latency is one cold read);
 *   2. warm phase: 500 requests/s for 30 s over random entities, started at a constant rate
 *      (open loop, see openLoopLoad.ts; `--driver autocannon` for autocannon's per-second bursts).
 * It prints p50/p99 latency per phase, the error rate, the backend's memory, and the AWS calls
 * per operation from the simulator's counters.
 *
 * The load driver only needs a URL template, the entity list and an auth header, so the same
 * harness drives any other plugin's endpoint against the same simulator:
 *
 *   yarn bench:backend --target http://localhost:7007/api/amazon-ecs/v1/entity/{namespace}/{kind}/{name}/services \
 *     --entities component:default/svc-001,component:default/svc-002 --auth 'Bearer <token>' \
 *     --simulator http://127.0.0.1:4599
 *
 * Options: --services 50 --environments production,staging,qa,perf --latency 80 --jitter 40
 *          --rate 500 (0 with --driver autocannon: no limit) --duration 30 --connections 50
 *          --ttl 15s --driver open|autocannon
 *          --decision-cache-ttl 5s (0s: every request asks the permission backend)
 *          --hold (start everything, print the URL and token, wait for Ctrl-C)
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import {
  generateScenario,
  startAwsSimulator,
  type CounterSnapshot,
} from '@zeroops/aws-simulator';
import { percentile, runOpenLoop } from './openLoopLoad';
import { describeReference, measureRoundTrips } from './awsRoundTrips';

const ROOT = path.resolve(__dirname, '../../..');

const { values: args } = parseArgs({
  options: {
    services: { type: 'string', default: '50' },
    environments: { type: 'string', default: 'production,staging,qa,perf' },
    latency: { type: 'string', default: '80' },
    jitter: { type: 'string', default: '40' },
    rate: { type: 'string', default: '500' },
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '50' },
    ttl: { type: 'string', default: '15s' },
    'decision-cache-ttl': { type: 'string' },
    target: { type: 'string' },
    entities: { type: 'string' },
    auth: { type: 'string' },
    simulator: { type: 'string' },
    driver: { type: 'string', default: 'open' },
    hold: { type: 'boolean', default: false },
  },
});

interface PhaseResult {
  name: string;
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
  seconds: number;
  /** Latency of the first request of the phase. */
  first: number;
}

function urlFor(template: string, entityRef: string): string {
  const match = /^([^:]+):([^/]+)\/(.+)$/.exec(entityRef);
  if (!match) throw new Error(`not an entity ref: ${entityRef}`);
  const [, kind, namespace, name] = match;
  return template
    .replace('{kind}', encodeURIComponent(kind))
    .replace('{namespace}', encodeURIComponent(namespace))
    .replace('{name}', encodeURIComponent(name));
}

/** Cold phase: each entity once, one after the other. */
async function coldPhase(
  template: string,
  entities: string[],
  authHeader: string,
): Promise<PhaseResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  for (const entity of entities) {
    const t0 = performance.now();
    try {
      const res = await fetch(urlFor(template, entity), {
        headers: { authorization: authHeader },
      });
      await res.arrayBuffer();
      if (res.status >= 400) errors++;
    } catch {
      errors++;
    }
    latencies.push(performance.now() - t0);
  }
  const first = latencies[0];
  latencies.sort((a, b) => a - b);
  return {
    name: 'cold (each entity once)',
    first,
    requests: entities.length,
    errors,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
    seconds: (performance.now() - started) / 1000,
  };
}

/** Warm phase: a fixed request rate over random entities. */
async function warmPhase(
  template: string,
  entities: string[],
  authHeader: string,
): Promise<PhaseResult> {
  const paths = entities.map(entity => {
    const url = new URL(urlFor(template, entity));
    return `${url.pathname}${url.search}`;
  });
  const base = new URL(urlFor(template, entities[0]));
  if (args.driver === 'autocannon')
    return autocannonPhase(base, paths, authHeader);
  if (args.driver !== 'open')
    throw new Error(`unknown --driver ${args.driver}`);
  const result = await runOpenLoop({
    origin: base.origin,
    paths,
    headers: { authorization: authHeader },
    rate: Number(args.rate),
    durationSeconds: Number(args.duration),
    maxConnections: Number(args.connections),
  });
  return {
    name: `warm (${args.rate} req/s open loop, ${args.duration} s)`,
    requests: result.sent,
    errors: result.non2xx + result.failed,
    p50: percentile(result.latencies, 50),
    p99: percentile(result.latencies, 99),
    max: result.latencies[result.latencies.length - 1] ?? NaN,
    seconds: result.seconds,
    first: NaN,
  };
}

/**
 * autocannon's rate limit: each connection's share of a second, sent back to back; with
 * `--rate 0`, no limit (closed loop), which measures capacity.
 */
async function autocannonPhase(
  base: URL,
  paths: string[],
  authHeader: string,
): Promise<PhaseResult> {
  const result = await autocannon({
    url: base.origin,
    connections: Number(args.connections),
    // --rate 0: closed loop, as fast as the backend answers (its capacity).
    ...(Number(args.rate) > 0 ? { overallRate: Number(args.rate) } : {}),
    duration: Number(args.duration),
    headers: { authorization: authHeader },
    requests: [
      {
        method: 'GET',
        setupRequest: request => ({
          ...request,
          path: paths[Math.floor(Math.random() * paths.length)],
        }),
      },
    ],
  });
  const requests = result.requests.total;
  return {
    name: `warm (${
      Number(args.rate) > 0 ? `${args.rate} req/s` : 'unlimited'
    } autocannon, ${args.duration} s)`,
    requests,
    errors: result.errors + result.timeouts + result.non2xx,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    seconds: result.duration,
    first: NaN,
  };
}

interface SimulatorHandle {
  url: string;
  counters(): Promise<CounterSnapshot>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

async function externalSimulator(url: string): Promise<SimulatorHandle> {
  return {
    url,
    counters: async () =>
      (await (
        await fetch(`${url}/_simulator/counters`)
      ).json()) as CounterSnapshot,
    reset: async () => {
      await fetch(`${url}/_simulator/counters`, { method: 'DELETE' });
    },
    stop: async () => undefined,
  };
}

function callsByOperation(before: CounterSnapshot, after: CounterSnapshot) {
  const key = (o: { service: string; operation: string }) =>
    `${o.service}:${o.operation}`;
  const counts = new Map<string, number>();
  for (const o of after.operations)
    counts.set(key(o), (counts.get(key(o)) ?? 0) + o.calls);
  for (const o of before.operations)
    counts.set(key(o), (counts.get(key(o)) ?? 0) - o.calls);
  return [...counts]
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => a.localeCompare(b));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function memoryOf(pid: number): { rssMb: number; peakMb: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) =>
      Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {
      // not ready yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 500));
  }
}

/** Starts packages/backend on the embedded default config, pointed at the simulator. */
async function startBackend(
  simulatorUrl: string,
  services: string[],
  environments: string[],
) {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zeroops-bench-'));
  const catalogFile = path.join(dir, 'catalog.yaml');
  fs.writeFileSync(
    catalogFile,
    [
      'apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-bench\nspec:\n  type: team\n  children: []\n',
      ...services.map(
        name =>
          `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  annotations:\n    zeroops.io/service-name: ${name}\nspec:\n  type: service\n  lifecycle: production\n  owner: group:default/team-bench\n`,
      ),
    ].join('---\n'),
  );
  const configFile = path.join(dir, 'app-config.bench.yaml');
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      backend: { baseUrl: `http://127.0.0.1:${port}`, listen: { port } },
      // The load runs with NODE_ENV=production; the embedded default signs in as guest.
      auth: {
        providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
      },
      catalog: { locations: [{ type: 'file', target: catalogFile }] },
      zeroops: {
        demoData: true,
        environments: environments.map(name => ({
          name,
          kind: 'persistent',
          accountId: name === 'production' ? '111111111111' : '222222222222',
          region: 'us-east-1',
          cluster: `zeroops-${name}`,
        })),
        costExplorer: { accountId: '999999999999', region: 'us-east-1' },
        cache: { ttl: args.ttl },
        ...(args['decision-cache-ttl'] !== undefined && {
          permissions: { decisionCacheTtl: args['decision-cache-ttl'] },
        }),
      },
    }),
  );
  const backendDir = path.join(ROOT, 'packages/backend');
  const child = spawn(
    process.execPath,
    [
      // e.g. ZEROOPS_BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile.
      ...(process.env.ZEROOPS_BENCH_NODE_ARGS?.split(' ').filter(Boolean) ??
        []),
      '--enable-source-maps',
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      'src/index.ts',
      '--config',
      path.join(ROOT, 'app-config.yaml'),
      '--config',
      configFile,
    ],
    {
      cwd: backendDir,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        AWS_ENDPOINT_URL: simulatorUrl,
        AWS_ACCESS_KEY_ID: 'simulator',
        AWS_SECRET_ACCESS_KEY: 'simulator',
        AWS_REGION: 'us-east-1',
        AWS_EC2_METADATA_DISABLED: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const log = fs.createWriteStream(path.join(dir, 'backend.log'));
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return { child, port, dir, logFile: path.join(dir, 'backend.log') };
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise(resolve => {
    if (child.exitCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

function print(results: PhaseResult[]) {
  const row = (cells: Array<string | number>, widths: number[]) =>
    cells
      .map((cell, i) =>
        i === 0
          ? String(cell).padEnd(widths[i])
          : String(cell).padStart(widths[i]),
      )
      .join('');
  const widths = [36, 9, 8, 8, 8, 9, 9, 9];
  process.stdout.write(
    `\n${row(
      [
        'phase',
        'requests',
        'req/s',
        'errors',
        'error%',
        'p50 ms',
        'p99 ms',
        'max ms',
      ],
      widths,
    )}\n`,
  );
  for (const r of results) {
    process.stdout.write(
      `${row(
        [
          r.name,
          r.requests,
          (r.requests / r.seconds).toFixed(0),
          r.errors,
          ((100 * r.errors) / Math.max(1, r.requests)).toFixed(2),
          r.p50.toFixed(1),
          r.p99.toFixed(1),
          r.max.toFixed(1),
        ],
        widths,
      )}\n`,
    );
  }
}

function printCalls(
  title: string,
  calls: Array<[string, number]>,
  seconds: number,
) {
  process.stdout.write(`\nAWS calls, ${title} (${seconds.toFixed(0)} s)\n`);
  let total = 0;
  for (const [op, n] of calls) {
    total += n;
    process.stdout.write(
      `  ${op.padEnd(40)}${String(n).padStart(7)}   ${((n * 60) / seconds)
        .toFixed(1)
        .padStart(8)}/min\n`,
    );
  }
  process.stdout.write(
    `  ${'total'.padEnd(40)}${String(total).padStart(7)}   ${(
      (total * 60) /
      seconds
    )
      .toFixed(1)
      .padStart(8)}/min\n`,
  );
}

async function main() {
  const serviceCount = Number(args.services);
  const environments = String(args.environments).split(',');

  // Driving another plugin's endpoint: nothing is started but the load.
  if (args.target) {
    if (!args.entities || !args.auth) {
      throw new Error('--target needs --entities and --auth');
    }
    const entities =
      args.entities.includes(',') || !fs.existsSync(args.entities)
        ? args.entities.split(',')
        : (JSON.parse(fs.readFileSync(args.entities, 'utf8')) as string[]);
    const simulator = args.simulator
      ? await externalSimulator(args.simulator)
      : undefined;
    await simulator?.reset();
    const t0 = await simulator?.counters();
    const cold = await coldPhase(args.target, entities, args.auth);
    const t1 = await simulator?.counters();
    const warm = await warmPhase(args.target, entities, args.auth);
    const t2 = await simulator?.counters();
    print([cold, warm]);
    if (t0 && t1 && t2) {
      printCalls('cold phase', callsByOperation(t0, t1), cold.seconds);
      printCalls('warm phase', callsByOperation(t1, t2), warm.seconds);
    }
    return;
  }

  process.stdout.write(
    `ZeroOps backend benchmark: ${serviceCount} services × ${
      environments.length
    } environments (${environments.join(', ')}), AWS latency ${
      args.latency
    } ± ${args.jitter} ms, cache TTL ${args.ttl}\n`,
  );
  const scenario = generateScenario({
    services: serviceCount,
    environments,
    latencyMs: Number(args.latency),
    jitterMs: Number(args.jitter),
  });
  const sim = await startAwsSimulator({ scenario, port: 0 });
  const simulator: SimulatorHandle = {
    url: sim.url,
    counters: async () => sim.counters(),
    reset: async () => sim.resetCounters(),
    stop: () => sim.stop(),
  };
  const services = sim.scenario().services.map(s => s.name);
  const entities = services.map(name => `component:default/${name}`);

  const started = performance.now();
  const backend = await startBackend(simulator.url, services, environments);
  try {
    const base = `http://127.0.0.1:${backend.port}`;
    const token = await waitFor(
      'the backend (guest sign-in)',
      async () => {
        if (backend.child.exitCode !== null) {
          throw Object.assign(
            new Error(`backend exited, see ${backend.logFile}`),
            { fatal: true },
          );
        }
        const res = await fetch(`${base}/api/auth/guest/refresh`);
        if (!res.ok) return undefined;
        const body = (await res.json()) as {
          backstageIdentity?: { token?: string };
        };
        return body.backstageIdentity?.token;
      },
      180_000,
    );
    const authHeader = `Bearer ${token}`;
    await waitFor(
      `${services.length} catalog entities`,
      async () => {
        const res = await fetch(
          `${base}/api/catalog/entities/by-query?filter=kind=component&limit=1`,
          { headers: { authorization: authHeader } },
        );
        const body = (await res.json()) as { totalItems?: number };
        return (body.totalItems ?? 0) >= services.length ? true : undefined;
      },
      180_000,
    );
    // The start-up cost refresh is the only Cost Explorer traffic; wait for it.
    const cost = await waitFor(
      'the start-up cost refresh',
      async () => {
        const res = await fetch(
          `${base}/api/zeroops/entities/${entities[0].replace(':', '/')}/cost`,
          {
            headers: { authorization: authHeader },
          },
        );
        const body = (await res.json()) as { lastRefreshedAt?: string | null };
        return body.lastRefreshedAt ? body : undefined;
      },
      120_000,
    );
    const refreshCalls = (await simulator.counters()).operations
      .filter(o => o.service === 'ce')
      .reduce((n, o) => n + o.calls, 0);
    process.stdout.write(
      `backend ready after ${((performance.now() - started) / 1000).toFixed(
        1,
      )} s; start-up cost refresh made ${refreshCalls} Cost Explorer requests (snapshot ${
        cost.lastRefreshedAt
      })\n`,
    );

    if (args.hold) {
      process.stdout.write(
        `--hold: backend ${base}, simulator ${simulator.url}\nAUTH='${authHeader}'\nCtrl-C to stop\n`,
      );
      await new Promise(resolve => process.once('SIGINT', resolve));
      return;
    }
    await simulator.reset();
    const template = `${base}/api/zeroops/entities/{kind}/{namespace}/{name}/environments`;
    const c0 = await simulator.counters();
    const cold = await coldPhase(template, entities, authHeader);
    const c1 = await simulator.counters();
    const warm = await warmPhase(template, entities, authHeader);
    const c2 = await simulator.counters();
    const memory = memoryOf(backend.child.pid ?? -1);

    print([cold, warm]);
    if (memory) {
      process.stdout.write(
        `\nbackend memory: RSS ${memory.rssMb.toFixed(
          0,
        )} MB now, peak ${memory.peakMb.toFixed(0)} MB\n`,
      );
    }
    const coldCalls = callsByOperation(c0, c1);
    const warmCalls = callsByOperation(c1, c2);
    printCalls('cold phase', coldCalls, cold.seconds);
    printCalls('warm phase', warmCalls, warm.seconds);
    const ttlSeconds = Number(/^(\d+)s$/.exec(String(args.ttl))?.[1] ?? 15);
    const describe =
      warmCalls.find(([op]) => op === 'ecs:DescribeServices')?.[1] ?? 0;
    const bound = Math.ceil(serviceCount / 10) * environments.length;
    process.stdout.write(
      `\nDescribeServices in the warm phase: ${(
        (describe * 60) /
        warm.seconds
      ).toFixed(
        1,
      )}/min; bound services × environments ÷ 10 per TTL = ${bound} per ${ttlSeconds} s = ${(
        (bound * 60) /
        ttlSeconds
      ).toFixed(0)}/min\n`,
    );
    const ceFromViews = [...coldCalls, ...warmCalls]
      .filter(([op]) => op.startsWith('ce:'))
      .reduce((n, [, calls]) => n + calls, 0);
    process.stdout.write(
      `Cost Explorer calls from page views: ${ceFromViews}\n`,
    );
    process.stdout.write(
      `Cost Explorer requests per day at the default 6 h interval: 4 refreshes × ${refreshCalls} = ${
        4 * refreshCalls
      }\n`,
    );

    // Last, so that its calls stay out of the counters above.
    const reference = await measureRoundTrips({
      endpoint: simulator.url,
      environments: environments.map(name => ({
        accountId: name === 'production' ? '111111111111' : '222222222222',
        region: 'us-east-1',
        cluster: `zeroops-${name}`,
      })),
      roleName: 'zeroops-backstage-readonly',
      serviceNames: services,
      trials: 20,
    });
    process.stdout.write(
      `\n${describeReference(
        reference,
      )}\ncold phase of the backend: p99 ${cold.p99.toFixed(
        0,
      )} ms (the first request, which also assumes the roles: ${cold.first.toFixed(
        0,
      )} ms)\n`,
    );
  } catch (error) {
    process.stderr.write(`backend log: ${backend.logFile}\n`);
    throw error;
  } finally {
    await stopChild(backend.child);
    await simulator.stop();
  }
  fs.rmSync(backend.dir, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
    process.exit(1);
  },
);
