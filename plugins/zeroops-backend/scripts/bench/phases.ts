/*
 * The load phases of the benchmark. Each returns latencies as seen by a client, so that the
 * same phases drive our endpoint or any other plugin's.
 */
import autocannon from 'autocannon';
import { percentile, runOpenLoop } from '../openLoopLoad';

export interface PhaseResult {
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

export interface LoadOptions {
  rate: number;
  duration: number;
  connections: number;
  driver: 'open' | 'autocannon';
}

/** `{kind}/{namespace}/{name}` of a URL template filled from an entity ref. */
export function urlFor(template: string, entityRef: string): string {
  const match = /^([^:]+):([^/]+)\/(.+)$/.exec(entityRef);
  if (!match) throw new Error(`not an entity ref: ${entityRef}`);
  const [, kind, namespace, name] = match;
  return template
    .replace('{kind}', encodeURIComponent(kind))
    .replace('{namespace}', encodeURIComponent(namespace))
    .replace('{name}', encodeURIComponent(name));
}

/** Each URL once, one after the other, so each latency is one request alone. */
export async function sequentialPhase(
  name: string,
  urls: string[],
  authHeader: string,
): Promise<PhaseResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  for (const url of urls) {
    const t0 = performance.now();
    try {
      const res = await fetch(url, { headers: { authorization: authHeader } });
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
    name,
    first,
    requests: urls.length,
    errors,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
    seconds: (performance.now() - started) / 1000,
  };
}

/** At most this many entities are read one by one in the cold phase. */
export const COLD_SAMPLE = 100;

/** `max` entities spread evenly over the list (each in a different roster batch when possible). */
export function evenSample<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  return Array.from(
    { length: max },
    (_, i) => items[Math.floor((i * items.length) / max)],
  );
}

/**
 * Cold phase: each entity once, one after the other; with more than {@link COLD_SAMPLE}
 * entities, an even sample of them (1,000 cold reads in a row would take many minutes and
 * say nothing more).
 */
export function coldPhase(
  template: string,
  entities: string[],
  authHeader: string,
): Promise<PhaseResult> {
  const sample = evenSample(entities, COLD_SAMPLE);
  return sequentialPhase(
    sample.length === entities.length
      ? 'cold (each entity once)'
      : `cold (${sample.length} of ${entities.length} entities once)`,
    sample.map(entity => urlFor(template, entity)),
    authHeader,
  );
}

/**
 * Reads every entity once, `concurrency` at a time, unmeasured: the warm phase then measures a
 * warm cache, not the cold reads the cold phase sample left out.
 */
export async function warmUp(
  template: string,
  entities: string[],
  authHeader: string,
  concurrency = 20,
): Promise<number> {
  const started = performance.now();
  const queue = [...entities];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let entity = queue.pop(); entity; entity = queue.pop()) {
        const res = await fetch(urlFor(template, entity), {
          headers: { authorization: authHeader },
        });
        await res.arrayBuffer();
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

/** A fixed request rate over random URLs (open loop unless `--driver autocannon`). */
export async function ratePhase(options: {
  name: string;
  urls: string[];
  authHeader: string;
  load: LoadOptions;
  /** A request not answered by then is an error; default 10 s. */
  timeoutMs?: number;
}): Promise<PhaseResult> {
  const { urls, authHeader, load } = options;
  const paths = urls.map(u => {
    const url = new URL(u);
    return `${url.pathname}${url.search}`;
  });
  const base = new URL(urls[0]);
  if (load.driver === 'autocannon') {
    return autocannonPhase(options.name, base, paths, authHeader, load);
  }
  const result = await runOpenLoop({
    origin: base.origin,
    paths,
    headers: { authorization: authHeader },
    rate: load.rate,
    durationSeconds: load.duration,
    maxConnections: load.connections,
    timeoutMs: options.timeoutMs,
  });
  return {
    name: `${options.name} (${load.rate} req/s open loop, ${load.duration} s)`,
    requests: result.sent,
    errors: result.non2xx + result.failed,
    p50: percentile(result.latencies, 50),
    p99: percentile(result.latencies, 99),
    max: result.latencies[result.latencies.length - 1] ?? NaN,
    seconds: result.seconds,
    first: NaN,
  };
}

/** Warm phase: the configured rate over random entities. */
export function warmPhase(
  template: string,
  entities: string[],
  authHeader: string,
  load: LoadOptions,
): Promise<PhaseResult> {
  return ratePhase({
    name: 'warm',
    urls: entities.map(entity => urlFor(template, entity)),
    authHeader,
    load,
  });
}

/**
 * autocannon's rate limit: each connection's share of a second, sent back to back; with
 * `--rate 0`, no limit (closed loop), which measures capacity.
 */
async function autocannonPhase(
  name: string,
  base: URL,
  paths: string[],
  authHeader: string,
  load: LoadOptions,
): Promise<PhaseResult> {
  const result = await autocannon({
    url: base.origin,
    connections: load.connections,
    // --rate 0: closed loop, as fast as the backend answers (its capacity).
    ...(load.rate > 0 ? { overallRate: load.rate } : {}),
    duration: load.duration,
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
    name: `${name} (${
      load.rate > 0 ? `${load.rate} req/s` : 'unlimited'
    } autocannon, ${load.duration} s)`,
    requests,
    errors: result.errors + result.timeouts + result.non2xx,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    seconds: result.duration,
    first: NaN,
  };
}
