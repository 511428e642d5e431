import { unitHash } from '@zeroops/simulator-kit';
import type { ScenarioDocument, ScenarioService } from './types.ts';

/** Options of a synthetic scenario for load tests and benchmarks. @public */
export interface GenerateScenarioOptions {
  /** Number of services (`svc-001` ...). */
  services: number;
  /** Persistent environment instances every service has. Default production and staging. */
  environments?: string[];
  /** Latency injected into every AWS call, e.g. 80 for AWS-like round trips. */
  latencyMs?: number;
  /** Jitter around latencyMs, e.g. 40 for 80 ± 40 ms. */
  jitterMs?: number;
  seed?: number;
  name?: string;
}

const SERVICE_TYPES = ['api', 'website', 'worker'] as const;

/** Synthetic services with a deterministic mix of types and data stores. */
export function generatedServices(
  count: number,
  environments: string[],
  seed: number,
): ScenarioService[] {
  const services: ScenarioService[] = [];
  for (let i = 1; i <= count; i++) {
    const name = `svc-${String(i).padStart(3, '0')}`;
    const type = SERVICE_TYPES[i % SERVICE_TYPES.length];
    const instances: ScenarioService['instances'] = {};
    for (const env of environments) instances[env] = {};
    services.push({
      name,
      type,
      database: type !== 'website' && unitHash(`${seed}/${name}/db`) < 0.6,
      cache: unitHash(`${seed}/${name}/cache`) < 0.4,
      cdn: type === 'website',
      instances,
    });
  }
  return services;
}

/**
 * A scenario of `services` × `environments` for benchmarks: production lives in account
 * 111111111111, every other environment in 222222222222, Cost Explorer in 999999999999.
 *
 * @public
 */
export function generateScenario(
  options: GenerateScenarioOptions,
): ScenarioDocument {
  const environments = options.environments ?? ['production', 'staging'];
  const seed = options.seed ?? 1;
  const latency =
    options.latencyMs !== undefined || options.jitterMs !== undefined
      ? [{ latencyMs: options.latencyMs ?? 0, jitterMs: options.jitterMs ?? 0 }]
      : [];
  return {
    name:
      options.name ?? `generated-${options.services}x${environments.length}`,
    description: `${options.services} synthetic services in ${environments.join(
      ', ',
    )}`,
    seed,
    region: 'us-east-1',
    accounts: [
      { id: '111111111111', name: 'zeroops-production' },
      { id: '222222222222', name: 'zeroops-nonprod' },
      { id: '999999999999', name: 'zeroops-management' },
    ],
    defaultAccount: '999999999999',
    costAccount: '999999999999',
    environments: environments.map(name => ({
      name,
      kind: 'persistent',
      account: name === 'production' ? '111111111111' : '222222222222',
      cluster: `zeroops-${name}`,
    })),
    services: generatedServices(options.services, environments, seed),
    faults: latency,
  };
}
