/*
 * The hung-account phase: one AWS account stops answering (every call holds its socket until
 * the SDK's request timeout), the cached data of the others is allowed to go stale, and entity
 * pages and the overview are requested at once. What a user waits for is the p99 of these
 * requests; the target is the request deadline (`zeroops.requestDeadline`, 1.5 s by default):
 * environments of the hung account are answered as `pending` and finish reading in the
 * background.
 */
import type { AwsSimulator } from '@zeroops/aws-simulator';
import type {
  EntityEnvironmentsResponse,
  OverviewResponse,
} from '@zeroops/backstage-plugin-zeroops-common';
import { PhaseResult, ratePhase, urlFor } from './phases';

export interface HungAccountResult {
  entity: PhaseResult;
  overview: PhaseResult;
  /** One entity requested alone at the start of the phase. */
  probe: { ms: number; states: string[] };
  overviewProbe: { ms: number; pending: number; environments: number };
}

const ENTITY_RATE = 20;
const OVERVIEW_RATE = 2;
const DURATION_SECONDS = 20;
/** Longer than any hang the backend can cause (3 attempts × 5 s request timeout and more). */
const CLIENT_TIMEOUT_MS = 60_000;

function stateOf(env: EntityEnvironmentsResponse['environments'][number]) {
  if (env.pending) return `${env.name} pending`;
  if (env.error) return `${env.name} error (${env.error.code})`;
  return `${env.name} ${env.health.status}`;
}

async function timedJson<T>(url: string, authHeader: string) {
  const t0 = performance.now();
  const res = await fetch(url, {
    headers: { authorization: authHeader },
    signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
  });
  const body = (await res.json()) as T;
  return { ms: performance.now() - t0, body };
}

export async function hungAccountPhase(options: {
  simulator: AwsSimulator;
  base: string;
  entities: string[];
  authHeader: string;
  account: string;
  ttlSeconds: number;
  connections: number;
}): Promise<HungAccountResult> {
  const { simulator, base, entities, authHeader } = options;
  const before = simulator.faults();
  simulator.setFaults([
    ...before,
    { account: options.account, timeoutRate: 1 },
  ]);
  try {
    // Past twice the TTL nothing cached may be served any more (stale-while-revalidate ends):
    // every request then needs the hung account.
    const waitMs = (2 * options.ttlSeconds + 1) * 1000;
    process.stdout.write(
      `\nhung-account phase: account ${
        options.account
      } never answers; waiting ${waitMs / 1000} s for the cache to expire\n`,
    );
    await new Promise(resolve => setTimeout(resolve, waitMs));

    const template = `${base}/api/zeroops/entities/{kind}/{namespace}/{name}/environments`;
    const entityUrls = entities.map(entity => urlFor(template, entity));
    const overviewUrl = `${base}/api/zeroops/overview`;
    const [probe, overviewProbe, entity, overview] = await Promise.all([
      timedJson<EntityEnvironmentsResponse>(entityUrls[0], authHeader).then(
        ({ ms, body }) => ({ ms, states: body.environments.map(stateOf) }),
      ),
      timedJson<OverviewResponse>(overviewUrl, authHeader).then(
        ({ ms, body }) => {
          const envs = body.services.flatMap(s => s.environments);
          return {
            ms,
            pending: envs.filter(e => e.pending).length,
            environments: envs.length,
          };
        },
      ),
      ratePhase({
        name: 'hung account: entity pages',
        urls: entityUrls,
        authHeader,
        load: {
          rate: ENTITY_RATE,
          duration: DURATION_SECONDS,
          connections: options.connections,
          driver: 'open',
        },
        timeoutMs: CLIENT_TIMEOUT_MS,
      }),
      ratePhase({
        name: 'hung account: overview',
        urls: [overviewUrl],
        authHeader,
        load: {
          rate: OVERVIEW_RATE,
          duration: DURATION_SECONDS,
          connections: options.connections,
          driver: 'open',
        },
        timeoutMs: CLIENT_TIMEOUT_MS,
      }),
    ]);
    return { entity, overview, probe, overviewProbe };
  } finally {
    simulator.setFaults(before);
  }
}

export function describeHungAccount(result: HungAccountResult): string {
  return [
    `first entity page alone: ${result.probe.ms.toFixed(
      0,
    )} ms — ${result.probe.states.join(', ')}`,
    `first overview alone: ${result.overviewProbe.ms.toFixed(0)} ms — ${
      result.overviewProbe.pending
    } of ${result.overviewProbe.environments} environments pending`,
  ].join('\n');
}
