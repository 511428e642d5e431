import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { CostSnapshot, CostSnapshotStore } from './CostSnapshotStore';

jest.setTimeout(60_000);

// SQLITE_3 always; PostgreSQL when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING or
// ..._POSTGRES17_CONNECTION_STRING is set.
const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'POSTGRES_17'],
});

function snapshot(
  amount: number,
  extra: Partial<CostSnapshot> = {},
): CostSnapshot {
  return {
    accountId: '999999999999',
    startedAt: new Date('2025-03-20T06:00:00Z'),
    finishedAt: new Date('2025-03-20T06:00:05Z'),
    snapshotDate: '2025-03-20',
    currency: 'USD',
    metric: 'UnblendedCost',
    costExplorerRequests: 4,
    forecastMethod: 'run-rate',
    coverage: {
      daysFinalThrough: '2025-03-17',
      monthsFinalThrough: '2025-02-01',
    },
    lines: Array.from({ length: 250 }, (_, i) => ({
      service: `svc-${i % 50}`,
      environment: i % 2 ? 'production' : 'staging',
      granularity: 'DAILY' as const,
      periodStart: `2025-03-${String((i % 20) + 1).padStart(2, '0')}`,
      amount,
    })),
    budgets: [
      {
        name: 'svc-1',
        service: 'svc-1',
        limit: 100,
        actual: 50,
        forecast: 90,
        currency: 'USD',
      },
    ],
    ...extra,
  };
}

describe.each(databases.eachSupportedId())('CostSnapshotStore on %s', id => {
  async function createStore() {
    const knex = await databases.init(id);
    const store = await CostSnapshotStore.create(
      mockServices.database({ knex }),
    );
    return { store, knex };
  }

  it('stores and reads back a snapshot', async () => {
    const { store } = await createStore();
    expect(await store.latestSuccessful()).toBeUndefined();
    const id1 = await store.saveSnapshot(snapshot(1.25));
    const latest = await store.latestSuccessful();
    expect(latest).toEqual({
      id: id1,
      accountId: '999999999999',
      startedAt: '2025-03-20T06:00:00.000Z',
      finishedAt: '2025-03-20T06:00:05.000Z',
      status: 'succeeded',
      error: undefined,
      snapshotDate: '2025-03-20',
      currency: 'USD',
      metric: 'UnblendedCost',
      costExplorerRequests: 4,
      forecastTotal: undefined,
      forecastMethod: 'run-rate',
      coverage: {
        daysFinalThrough: '2025-03-17',
        monthsFinalThrough: '2025-02-01',
      },
    });
    const lines = await store.linesOf(id1);
    expect(lines).toHaveLength(250);
    expect(lines[0]).toEqual({
      service: 'svc-0',
      environment: 'staging',
      granularity: 'DAILY',
      periodStart: '2025-03-01',
      amount: 1.25,
    });
    expect(await store.budgetsOf(id1)).toEqual([
      {
        name: 'svc-1',
        service: 'svc-1',
        environment: undefined,
        limit: 100,
        actual: 50,
        forecast: 90,
        currency: 'USD',
      },
    ]);
  });

  it('keeps the last successful snapshot visible after a failed refresh', async () => {
    const { store } = await createStore();
    const ok = await store.saveSnapshot(snapshot(2));
    await store.recordFailure({
      accountId: '999999999999',
      startedAt: new Date('2025-03-20T12:00:00Z'),
      finishedAt: new Date('2025-03-20T12:00:01Z'),
      error: 'LimitExceededException: Rate exceeded',
      costExplorerRequests: 1,
    });
    expect((await store.latestSuccessful())?.id).toBe(ok);
    expect(await store.latestAttempt()).toMatchObject({
      status: 'failed',
      error: 'LimitExceededException: Rate exceeded',
    });
  });

  it('prunes old snapshots with their lines', async () => {
    const { store, knex } = await createStore();
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(await store.saveSnapshot(snapshot(i)));
    const refreshes = await store.listRefreshes();
    expect(refreshes.map(r => r.id)).toEqual(ids.slice(2));
    expect(await store.linesOf(ids[0])).toEqual([]);
    const [{ count }] = await knex('zeroops_cost_lines').count({ count: '*' });
    expect(Number(count)).toBe(3 * 250);
  });

  it('reads a snapshot written before the final-coverage migration as having none', async () => {
    const knex = await databases.init(id);
    const directory = resolvePackagePath(
      '@zeroops/backstage-plugin-zeroops-backend',
      'migrations',
    );
    // The previous release's schema: the first migration only.
    await knex.migrate.up({
      directory,
      name: '20251126000000_cost_snapshots.js',
    });
    await knex('zeroops_cost_refreshes').insert({
      account_id: '999999999999',
      started_at: new Date('2025-03-19T06:00:00Z'),
      finished_at: new Date('2025-03-19T06:00:05Z'),
      status: 'succeeded',
      snapshot_date: '2025-03-19',
      cost_explorer_requests: 14,
    });
    const store = await CostSnapshotStore.create(
      mockServices.database({ knex }),
    );
    expect(await store.latestSuccessful()).toMatchObject({
      costExplorerRequests: 14,
      coverage: undefined,
    });
    await store.saveSnapshot(snapshot(1));
    expect((await store.latestSuccessful())?.coverage).toEqual({
      daysFinalThrough: '2025-03-17',
      monthsFinalThrough: '2025-02-01',
    });
  });
});
