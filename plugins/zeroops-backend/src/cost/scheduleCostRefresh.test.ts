import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { AwsSimulator } from '@zeroops/aws-simulator';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import { zeroopsPlugin } from '../plugin';
import {
  startSimulatorForSdk,
  zeroopsConfig,
} from '../__testUtils__/testBackend';
import { CostRefresh, CostSnapshotStore } from './CostSnapshotStore';

jest.setTimeout(90_000);

// PostgreSQL when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (or ..._POSTGRES17_...)
// is set; SQLite always, as a file two connections share.
const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'POSTGRES_17'] });
const cases: string[] = [
  'SQLITE_FILE',
  ...databases.eachSupportedId().map(([id]) => id),
];

async function twoConnections(id: string): Promise<[Knex, Knex]> {
  if (id === 'SQLITE_FILE') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zeroops-sched-'));
    const config = {
      client: 'better-sqlite3',
      connection: { filename: path.join(dir, 'zeroops.sqlite') },
      useNullAsDefault: true,
    };
    return [knexFactory(config), knexFactory(config)];
  }
  const first = await databases.init(id as 'POSTGRES_15');
  return [first, knexFactory(first.client.config)];
}

describe.each(cases)('cost refresh with two backend instances on %s', id => {
  let simulator: AwsSimulator;

  beforeAll(async () => {
    simulator = await startSimulatorForSdk();
  });

  afterAll(async () => {
    await simulator?.stop();
  });

  it('runs one refresh per interval across instances', async () => {
    const intervalMs = 4000;
    const [knexA, knexB] = await twoConnections(id);
    simulator.resetCounters();
    const start = (knex: Knex) =>
      startTestBackend({
        features: [
          zeroopsPlugin,
          mockServices.rootConfig.factory({
            data: zeroopsConfig({
              costExplorer: {
                accountId: '999999999999',
                refreshInterval: { milliseconds: intervalMs },
              },
            }),
          }),
          mockServices.database.factory({ knex }),
          schedulerServiceFactory,
        ],
      });
    // One after the other: Backstage's own scheduler migrations do not tolerate two
    // instances creating an empty database at the same instant. The refresh task then races.
    const backends = [await start(knexA)];
    try {
      backends.push(await start(knexB));
    } catch (error) {
      await backends[0].stop();
      throw error;
    }
    const store = new CostSnapshotStore(knexA);
    // The store keeps the newest 3 refreshes; watching it while the instances run sees every
    // refresh (a row is pruned only three intervals after it was written), so every Cost
    // Explorer request can be accounted for even though refreshes after the first are smaller.
    const seen = new Map<number, CostRefresh>();
    const watch = async () => {
      for (const refresh of await store.listRefreshes()) {
        seen.set(refresh.id, refresh);
      }
    };
    const startedAt = Date.now();
    try {
      while (Date.now() - startedAt < 2.5 * intervalMs) {
        await watch();
        await new Promise(resolve => setTimeout(resolve, 250));
      }
      // A refresh writes its row when it ends: stop right after the next row appears, when the
      // following refresh is an interval away and no Cost Explorer request is in flight.
      const settled = seen.size;
      while (seen.size === settled && Date.now() - startedAt < 5 * intervalMs) {
        await watch();
        await new Promise(resolve => setTimeout(resolve, 100));
      }
    } finally {
      await Promise.all(backends.map(b => b.stop()));
    }
    const elapsedMs = Date.now() - startedAt;
    await watch();

    const refreshes = [...seen.values()].sort((a, b) => a.id - b.id);
    expect(refreshes.every(r => r.status === 'succeeded')).toBe(true);
    // Ids count every refresh ever run (the store prunes all but the last 3 snapshots).
    const runs = refreshes[refreshes.length - 1].id;
    // Without the scheduler's lock each instance would refresh: 2 per interval.
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBeLessThanOrEqual(Math.ceil(elapsedMs / intervalMs) + 1);
    const starts = refreshes.map(r => Date.parse(r.startedAt));
    for (let i = 1; i < starts.length; i++) {
      expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(
        intervalMs * 0.75,
      );
    }
    // Every Cost Explorer request was made by a refresh, none by the second instance.
    expect(refreshes.map(r => r.id)).toEqual(
      Array.from({ length: runs }, (_, i) => i + 1),
    );
    expect(simulator.callCount({ service: 'ce' })).toBe(
      refreshes.reduce((sum, r) => sum + r.costExplorerRequests, 0),
    );
    await knexA.destroy();
    await knexB.destroy();
  });
});
