/**
 * Runs the real CostRefresher against the AWS simulator on a simulated clock, refresh after
 * refresh as the global schedule would, and counts what the simulator received per UTC day.
 * Shared by the request-budget test and the benchmark (`yarn bench`).
 */
import { BudgetsClient } from '@aws-sdk/client-budgets';
import { CostExplorerClient } from '@aws-sdk/client-cost-explorer';
import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  type AwsSimulator,
  generateScenario,
  startAwsSimulator,
} from '@zeroops/aws-simulator';
import knexFactory from 'knex';
import { AwsClients } from '../../aws/AwsClients';
import { CostExplorerSettings } from '../../config/ZeroOpsConfig';
import { CostRefresher } from '../CostRefresher';
import { CostSnapshotStore } from '../CostSnapshotStore';

const DAY_MS = 86_400_000;

/** What the simulator received on one UTC day. */
export interface SimulatedCostDay {
  day: string;
  refreshes: number;
  /** Billed Cost Explorer requests (every page counts). */
  costExplorerRequests: number;
  /** Per Cost Explorer operation, e.g. `GetCostAndUsage`. */
  costExplorerByOperation: Record<string, number>;
  /** AWS Budgets requests (not billed per request). */
  budgetsRequests: number;
}

export interface SimulatedCostRefreshes {
  /** The first refresh, which fills an empty database. */
  firstRefreshRequests: number;
  /** The UTC days after the first refresh's day. */
  days: SimulatedCostDay[];
}

function callsOf(simulator: AwsSimulator, service: string) {
  const byOperation: Record<string, number> = {};
  for (const op of simulator.counters().operations) {
    if (op.service !== service) continue;
    byOperation[op.operation] = (byOperation[op.operation] ?? 0) + op.calls;
  }
  return byOperation;
}

const total = (counts: Record<string, number>) =>
  Object.values(counts).reduce((sum, n) => sum + n, 0);

/** SDK clients pointed at the simulator, in the shape CostRefresher uses. */
function simulatorClients(url: string): AwsClients {
  const config = {
    endpoint: url,
    credentials: { accessKeyId: 'simulator', secretAccessKey: 'simulator' },
    maxAttempts: 1,
  };
  return {
    get: async (kind: string, _accountId: string, region: string) =>
      kind === 'budgets'
        ? new BudgetsClient({ ...config, region })
        : new CostExplorerClient({ ...config, region }),
  } as unknown as AwsClients;
}

/**
 * Starts a simulator with `services` × `environments`, makes the first refresh at `start`
 * (an empty database), then one scheduled refresh every `settings.refreshIntervalMs` for
 * `days` whole UTC days after `start`'s day, and reports the requests per day.
 */
export async function simulateCostRefreshes(options: {
  services: number;
  environments: string[];
  settings: CostExplorerSettings;
  start: Date;
  days: number;
  /** Groups per GetCostAndUsage page of the simulator (its default: 500). */
  groupsPerPage?: number;
}): Promise<SimulatedCostRefreshes> {
  const clock = { now: options.start };
  const scenario = generateScenario({
    services: options.services,
    environments: options.environments,
    latencyMs: 0,
    jitterMs: 0,
  });
  if (options.groupsPerPage !== undefined) {
    scenario.cost = { ...scenario.cost, pageSize: options.groupsPerPage };
  }
  const simulator = await startAwsSimulator({
    scenario,
    port: 0,
    now: () => clock.now,
  });
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  try {
    const store = await CostSnapshotStore.create({
      getClient: async () => knex,
    } as DatabaseService);
    const refresher = new CostRefresher(
      options.settings,
      simulatorClients(simulator.url),
      store,
      {
        info() {},
        warn() {},
        error() {},
        debug() {},
        child() {
          return this;
        },
      } as never,
      () => clock.now,
    );
    const first = await refresher.run();
    if (first.status !== 'refreshed') {
      throw new Error(
        `first cost refresh ${first.status}: ${JSON.stringify(first)}`,
      );
    }
    const firstRefreshRequests = total(callsOf(simulator, 'ce'));

    const firstDay = Math.floor(options.start.getTime() / DAY_MS) + 1;
    const end = (firstDay + options.days) * DAY_MS;
    const days = new Map<number, SimulatedCostDay>();
    let seen = {
      ce: callsOf(simulator, 'ce'),
      budgets: callsOf(simulator, 'budgets'),
    };
    for (
      let t = options.start.getTime() + options.settings.refreshIntervalMs;
      t < end;
      t += options.settings.refreshIntervalMs
    ) {
      clock.now = new Date(t);
      const outcome = await refresher.run();
      if (outcome.status === 'failed') throw new Error(outcome.error);
      const now = {
        ce: callsOf(simulator, 'ce'),
        budgets: callsOf(simulator, 'budgets'),
      };
      const dayIndex = Math.floor(t / DAY_MS);
      if (dayIndex >= firstDay) {
        const day = days.get(dayIndex) ?? {
          day: new Date(dayIndex * DAY_MS).toISOString().slice(0, 10),
          refreshes: 0,
          costExplorerRequests: 0,
          costExplorerByOperation: {},
          budgetsRequests: 0,
        };
        day.refreshes += outcome.status === 'refreshed' ? 1 : 0;
        for (const [op, calls] of Object.entries(now.ce)) {
          const added = calls - (seen.ce[op] ?? 0);
          if (added === 0) continue;
          day.costExplorerByOperation[op] =
            (day.costExplorerByOperation[op] ?? 0) + added;
          day.costExplorerRequests += added;
        }
        day.budgetsRequests += total(now.budgets) - total(seen.budgets);
        days.set(dayIndex, day);
      }
      seen = now;
    }
    return { firstRefreshRequests, days: [...days.values()] };
  } finally {
    await knex.destroy();
    await simulator.stop();
  }
}
