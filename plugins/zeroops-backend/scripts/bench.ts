/*
 * Benchmark of the ZeroOps backend against the AWS simulator (`yarn bench:backend`).
 * Prints figures; it is not a test and asserts nothing.
 *
 * Default run: the simulator with 50 services × 4 environments and 80 ± 40 ms per AWS call,
 * the real backend (packages/backend, embedded default config) pointed at it through
 * AWS_ENDPOINT_URL, then
 *   1. cold phase: every entity requested once (sequentially, so each latency is one cold read);
 *   2. warm phase: 500 requests/s for 30 s over random entities, started at a constant rate
 *      (open loop, see openLoopLoad.ts; `--driver autocannon` for autocannon's per-second bursts);
 *   3. hung-account phase: the non-production account never answers; entity pages and the
 *      overview are requested together (bench/hungAccountPhase.ts);
 * and the scale targets: warm p99, backend RSS and AWS calls per cache TTL (bench/scaleTargets.ts).
 *
 * The load driver only needs a URL template, the entity list and an auth header, so the same
 * harness drives any other plugin's endpoint against the same simulator:
 *
 *   yarn bench:backend --target http://localhost:7007/api/amazon-ecs/v1/entity/{namespace}/{kind}/{name}/services \
 *     --entities component:default/svc-001,component:default/svc-002 --auth 'Bearer <token>' \
 *     --simulator http://127.0.0.1:4599
 *
 * Options: --services 50 (a count) --environments production,staging,qa,perf (names)
 *          --latency 80 --jitter 40 --rate 500 (0 with --driver autocannon: no limit)
 *          --duration 30 --connections 50 --ttl 15s --driver open|autocannon
 *          --resting-ttl 1m (the backend's zeroops.cache.restingTtl; default 4 × --ttl)
 *          --decision-cache-ttl 5s (0s: every request asks the permission backend)
 *          --request-deadline 1.5s (the backend's zeroops.requestDeadline)
 *          --no-hung-account (skip phase 3)
 *          --stores embedded|production (SQLite + memory cache, or PostgreSQL + Valkey/Redis
 *            as app-config.production.yaml: ZEROOPS_TEST_POSTGRES_URL, ZEROOPS_TEST_REDIS_URL)
 *          --hold (start everything, print the URL and token, wait for Ctrl-C)
 */
import fs from 'node:fs';
import os from 'node:os';
import { generateScenario, startAwsSimulator } from '@zeroops/aws-simulator';
import { describeReference, measureRoundTrips } from './awsRoundTrips';
import { printCostRequestBudget } from './benchCostBudget';
import { BenchOptions, parseBenchOptions, ttlSeconds } from './bench/args';
import {
  benchAccountOf,
  memoryOf,
  startBackend,
  stopChild,
  waitFor,
  waitUntilReady,
} from './bench/backendProcess';
import {
  describeHungAccount,
  hungAccountPhase,
} from './bench/hungAccountPhase';
import { coldPhase, warmPhase, warmUp } from './bench/phases';
import { printCalls, printPhases } from './bench/report';
import { printScaleTargets } from './bench/scaleTargets';
import { callsByOperation, externalSimulator } from './bench/simulatorCalls';
import { BenchStores, dropBenchDatabases } from './bench/stores';

const STORES_DESCRIPTION: Record<BenchStores, string> = {
  embedded: 'embedded stores (SQLite in memory, memory cache)',
  production: 'production stores (PostgreSQL, Valkey-protocol cache)',
};

/** Another plugin's endpoint: nothing is started but the load. */
async function benchTarget(args: BenchOptions & { target: string }) {
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
  const warm = await warmPhase(args.target, entities, args.auth, args);
  const t2 = await simulator?.counters();
  printPhases([cold, warm]);
  if (t0 && t1 && t2) {
    printCalls('cold phase', callsByOperation(t0, t1), cold.seconds);
    printCalls('warm phase', callsByOperation(t1, t2), warm.seconds);
  }
}

async function main() {
  const args = parseBenchOptions(process.argv.slice(2));
  const ttl = ttlSeconds(args.ttl);
  if (args.target) {
    await benchTarget({ ...args, target: args.target });
    return;
  }
  const { environments } = args;

  process.stdout.write(
    `ZeroOps backend benchmark: ${args.services} services × ${
      environments.length
    } environments (${environments.join(', ')}), AWS latency ${
      args.latency
    } ± ${args.jitter} ms, cache TTL ${args.ttl} (services at rest: ${
      args.restingTtl ?? '4 × TTL'
    }), ${STORES_DESCRIPTION[args.stores]}\n`,
  );
  const sim = await startAwsSimulator({
    scenario: generateScenario({
      services: args.services,
      environments,
      latencyMs: args.latency,
      jitterMs: args.jitter,
    }),
    port: 0,
  });
  const services = sim.scenario().services.map(s => s.name);
  const entities = services.map(name => `component:default/${name}`);

  const runId = String(process.pid);
  const started = performance.now();
  const backend = await startBackend({
    simulatorUrl: sim.url,
    services,
    environments,
    ttl: args.ttl,
    restingTtl: args.restingTtl,
    decisionCacheTtl: args.decisionCacheTtl,
    requestDeadline: args.requestDeadline,
    stores: args.stores,
    runId,
  });
  // Ctrl-C or a kill of the benchmark must not leave the backend running: orphaned, it keeps
  // its port and its memory (and its writes to a closed pipe pile up in its heap).
  const stopOnSignal = (signal: NodeJS.Signals) => {
    void stopChild(backend.child).finally(() =>
      process.exit(128 + os.constants.signals[signal]),
    );
  };
  if (!args.hold) {
    process.once('SIGINT', stopOnSignal);
  }
  process.once('SIGTERM', stopOnSignal);
  try {
    const base = `http://127.0.0.1:${backend.port}`;
    const authHeader = await waitUntilReady(backend, services.length);
    // The start-up cost refresh is the only Cost Explorer traffic; wait for it (or for its
    // failure, which the health and load figures below do not depend on).
    const cost = await waitFor(
      'the start-up cost refresh',
      async () => {
        const failure = backend.loggedErrors.find(m =>
          /cost refresh failed/i.test(m),
        );
        if (failure) return { lastRefreshedAt: `none: ${failure}` };
        const res = await fetch(
          `${base}/api/zeroops/entities/${entities[0].replace(':', '/')}/cost`,
          { headers: { authorization: authHeader } },
        );
        const body = (await res.json()) as { lastRefreshedAt?: string | null };
        return body.lastRefreshedAt ? body : undefined;
      },
      120_000,
      backend.failed,
    );
    const refreshCalls = sim
      .counters()
      .operations.filter(o => o.service === 'ce')
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
        `--hold: backend ${base}, simulator ${sim.url}\nAUTH='${authHeader}'\nCtrl-C to stop\n`,
      );
      await Promise.race([
        new Promise(resolve => process.once('SIGINT', resolve)),
        backend.failed,
      ]);
      return;
    }
    sim.resetCounters();
    const template = `${base}/api/zeroops/entities/{kind}/{namespace}/{name}/environments`;
    const c0 = sim.counters();
    const cold = await coldPhase(template, entities, authHeader);
    const c1 = sim.counters();
    if (cold.requests < entities.length) {
      const seconds = await warmUp(template, entities, authHeader);
      process.stdout.write(
        `warm-up: the other ${
          entities.length - cold.requests
        } entities read once in ${seconds.toFixed(1)} s (not measured)\n`,
      );
    }
    const warmStart = sim.counters();
    const warm = await Promise.race([
      warmPhase(template, entities, authHeader, args),
      backend.failed,
    ]);
    const c2 = sim.counters();
    const memory = memoryOf(backend.child.pid ?? -1);

    printPhases([cold, warm]);
    if (memory) {
      process.stdout.write(
        `\nbackend memory: RSS ${memory.rssMb.toFixed(
          0,
        )} MB now, peak ${memory.peakMb.toFixed(0)} MB\n`,
      );
    }
    const coldCalls = callsByOperation(c0, c1);
    const warmCalls = callsByOperation(warmStart, c2);
    printCalls('cold phase', coldCalls, cold.seconds);
    printCalls('warm phase', warmCalls, warm.seconds);
    const ceFromViews = [...coldCalls, ...warmCalls]
      .filter(([op]) => op.startsWith('ce:'))
      .reduce((n, [, calls]) => n + calls, 0);
    process.stdout.write(
      `\nCost Explorer calls from page views: ${ceFromViews}\n`,
    );
    await printCostRequestBudget({
      services: services.length,
      environments,
    });
    printScaleTargets({
      services: services.length,
      environments: environments.length,
      ttlSeconds: ttl,
      rate: args.rate,
      warm,
      warmCalls,
      rssMb: memory?.peakMb,
    });

    if (args.hungAccount) {
      const hung = await Promise.race([
        hungAccountPhase({
          simulator: sim,
          base,
          entities,
          authHeader,
          // The account of every environment but production (see generateScenario).
          account: benchAccountOf(
            environments.find(e => e !== 'production') ?? environments[0],
          ),
          ttlSeconds: ttl,
          connections: args.connections,
        }),
        backend.failed,
      ]);
      printPhases([hung.entity, hung.overview]);
      process.stdout.write(`${describeHungAccount(hung)}\n`);
    }

    // Last, so that its calls stay out of the counters above.
    const reference = await measureRoundTrips({
      endpoint: sim.url,
      environments: environments.map(name => ({
        accountId: benchAccountOf(name),
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
    await sim.stop();
    if (args.stores === 'production') await dropBenchDatabases(runId);
  }
  fs.rmSync(backend.dir, { recursive: true, force: true });
}

/** A bad option or a backend that did not start: the message says it all, no stack. */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return ['BenchUsageError', 'BackendStartError'].includes(error.name)
    ? error.message
    : error.stack ?? error.message;
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${describeFailure(error)}\n`);
    process.exit(1);
  },
);
