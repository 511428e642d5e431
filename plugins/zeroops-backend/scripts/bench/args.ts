/*
 * Command-line options of the benchmark, validated before anything starts: a mistake here
 * should cost a second, not a backend start-up.
 */
import { parseArgs } from 'node:util';
import { ENVIRONMENT_NAME_PATTERN } from '../../src/config/ZeroOpsConfig';
import { BENCH_STORES, BenchStores } from './stores';

export interface BenchOptions {
  services: number;
  /** Environment names, in order (`production,staging,qa,perf`). */
  environments: string[];
  latency: number;
  jitter: number;
  rate: number;
  duration: number;
  connections: number;
  ttl: string;
  /** `zeroops.cache.restingTtl`; unset: the backend's default (4 × ttl). */
  restingTtl?: string;
  decisionCacheTtl?: string;
  target?: string;
  entities?: string;
  auth?: string;
  simulator?: string;
  driver: 'open' | 'autocannon';
  hold: boolean;
  /** Run the hung-account phase (one account never answers). */
  hungAccount: boolean;
  /** Request budget given to the backend (`zeroops.requestDeadline`); unset: its default. */
  requestDeadline?: string;
  /** Database and cache of the backend (bench/stores.ts). */
  stores: BenchStores;
}

/** A bad option: printed as its message alone, without a stack. */
export class BenchUsageError extends Error {
  override name = 'BenchUsageError';
}

function count(name: string, raw: string, min: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new BenchUsageError(
      `--${name} must be a whole number >= ${min}, got '${raw}'`,
    );
  }
  return value;
}

/**
 * `--environments` takes names, because the backend's config and the simulator's scenario are
 * keyed by them. A bare number is rejected rather than read as a count: `--environments 3`
 * used to create one environment named "3", which the backend's config validation then
 * refused.
 */
export function parseEnvironmentNames(raw: string): string[] {
  const names = raw.split(',').map(name => name.trim());
  if (/^\d+$/.test(raw.trim())) {
    throw new BenchUsageError(
      `--environments takes environment names, not a count: got '${raw}'. ` +
        `Write e.g. --environments production,staging,qa,perf`,
    );
  }
  for (const name of names) {
    if (!ENVIRONMENT_NAME_PATTERN.test(name)) {
      throw new BenchUsageError(
        `--environments: '${name}' is not an environment name (a lowercase label: a-z, 0-9, -, starting with a letter, at most 20 characters)`,
      );
    }
  }
  if (new Set(names).size !== names.length) {
    throw new BenchUsageError(`--environments lists a name twice: '${raw}'`);
  }
  return names;
}

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      services: { type: 'string', default: '50' },
      environments: { type: 'string', default: 'production,staging,qa,perf' },
      latency: { type: 'string', default: '80' },
      jitter: { type: 'string', default: '40' },
      rate: { type: 'string', default: '500' },
      duration: { type: 'string', default: '30' },
      connections: { type: 'string', default: '50' },
      ttl: { type: 'string', default: '15s' },
      'resting-ttl': { type: 'string' },
      'decision-cache-ttl': { type: 'string' },
      'request-deadline': { type: 'string' },
      target: { type: 'string' },
      entities: { type: 'string' },
      auth: { type: 'string' },
      simulator: { type: 'string' },
      driver: { type: 'string', default: 'open' },
      hold: { type: 'boolean', default: false },
      'hung-account': { type: 'boolean', default: true },
      stores: { type: 'string', default: 'embedded' },
    },
    allowNegative: true,
  });
  const driver = values.driver;
  if (driver !== 'open' && driver !== 'autocannon') {
    throw new BenchUsageError(
      `--driver must be open or autocannon, got '${driver}'`,
    );
  }
  const stores = values.stores as BenchStores;
  if (!BENCH_STORES.includes(stores)) {
    throw new BenchUsageError(
      `--stores must be ${BENCH_STORES.join(' or ')}, got '${values.stores}'`,
    );
  }
  return {
    services: count('services', values.services, 1),
    environments: parseEnvironmentNames(values.environments),
    latency: count('latency', values.latency, 0),
    jitter: count('jitter', values.jitter, 0),
    rate: count('rate', values.rate, 0),
    duration: count('duration', values.duration, 1),
    connections: count('connections', values.connections, 1),
    ttl: values.ttl,
    restingTtl: values['resting-ttl'],
    decisionCacheTtl: values['decision-cache-ttl'],
    requestDeadline: values['request-deadline'],
    target: values.target,
    entities: values.entities,
    auth: values.auth,
    simulator: values.simulator,
    driver,
    hold: values.hold,
    hungAccount: values['hung-account'],
    stores,
  };
}

/** Seconds of a `15s` / `2m` TTL option, for the per-TTL call bound. */
export function ttlSeconds(ttl: string): number {
  const match = /^(\d+)(s|m)$/.exec(ttl.trim());
  if (!match) {
    throw new BenchUsageError(
      `--ttl must be written as seconds or minutes ('15s', '1m'), got '${ttl}'`,
    );
  }
  return Number(match[1]) * (match[2] === 'm' ? 60 : 1);
}
