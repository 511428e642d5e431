import { mockServices } from '@backstage/backend-test-utils';
import { AwsClients } from '../aws/AwsClients';
import { CostExplorerSettings } from '../config/ZeroOpsConfig';
import { CostLine } from './costAggregation';
import { CostRefresher } from './CostRefresher';
import {
  CostSnapshot,
  CostSnapshotStore,
  CostRefresh,
} from './CostSnapshotStore';

const settings: CostExplorerSettings = {
  accountId: '999999999999',
  region: 'us-east-1',
  refreshIntervalMs: 6 * 3600_000,
  metric: 'UnblendedCost',
  forecast: 'run-rate',
  budgetWarningPercent: 80,
};

/**
 * A Cost Explorer answering in two pages per granularity, and Budgets. `firstPageAttempts` is
 * what the SDK reports in `$metadata.attempts` for each first page (retries included).
 */
function fakeClients(calls: string[], firstPageAttempts = 1): AwsClients {
  const send = async (command: {
    constructor: { name: string };
    input: any;
  }) => {
    const name = command.constructor.name;
    const { input } = command;
    calls.push(
      `${name}:${input.Granularity ?? ''}:${
        input.NextPageToken ?? input.NextToken ?? ''
      }`,
    );
    if (input.TimePeriod && !input.NextPageToken) {
      calls.push(
        `${input.Granularity} ${input.TimePeriod.Start}..${input.TimePeriod.End}`,
      );
    }
    if (name === 'GetCostAndUsageCommand') {
      const page = input.NextPageToken ? 2 : 1;
      return {
        ResultsByTime: [
          {
            TimePeriod: { Start: input.TimePeriod.Start },
            Groups: [
              {
                Keys: [
                  `zeroops:service$svc-${page}`,
                  'zeroops:environment$production',
                ],
                Metrics: { UnblendedCost: { Amount: '1.5', Unit: 'USD' } },
              },
            ],
          },
        ],
        NextPageToken: page === 1 ? 'next' : undefined,
        $metadata: { attempts: page === 1 ? firstPageAttempts : 1 },
      };
    }
    if (name === 'DescribeBudgetsCommand') {
      return {
        Budgets: [
          {
            BudgetName: 'svc-1',
            BudgetType: 'COST',
            TimeUnit: 'MONTHLY',
            BudgetLimit: { Amount: '10', Unit: 'USD' },
            CalculatedSpend: { ActualSpend: { Amount: '3', Unit: 'USD' } },
            CostFilters: { TagKeyValue: ['user:zeroops:service$svc-1'] },
          },
        ],
      };
    }
    throw new Error(`unexpected ${name}`);
  };
  return { get: async () => ({ send }) } as unknown as AwsClients;
}

class MemoryStore {
  saved: CostSnapshot[] = [];
  failures: string[] = [];
  latest?: CostRefresh;
  latestLines: CostLine[] = [];
  async latestSuccessful() {
    return this.latest;
  }
  async linesOf(id: number) {
    return id === this.latest?.id ? this.latestLines : [];
  }
  async saveSnapshot(snapshot: CostSnapshot) {
    this.saved.push(snapshot);
    return this.saved.length;
  }
  async recordFailure(failure: { error: string }) {
    this.failures.push(failure.error);
  }
}

describe('CostRefresher', () => {
  const now = () => new Date('2025-03-20T06:00:00Z');

  const refresherOf = (store: MemoryStore, clients: AwsClients) =>
    new CostRefresher(
      settings,
      clients,
      store as unknown as CostSnapshotStore,
      mockServices.logger.mock(),
      now,
    );

  it('follows every page of both queries and counts the billed requests', async () => {
    const calls: string[] = [];
    const store = new MemoryStore();
    const refresher = refresherOf(store, fakeClients(calls));
    expect(await refresher.run()).toEqual({
      status: 'refreshed',
      costExplorerRequests: 4,
      lines: 4,
    });
    expect(calls.sort()).toEqual([
      'DAILY 2025-02-19..2025-03-21',
      'DescribeBudgetsCommand::',
      'GetCostAndUsageCommand:DAILY:',
      'GetCostAndUsageCommand:DAILY:next',
      'GetCostAndUsageCommand:MONTHLY:',
      'GetCostAndUsageCommand:MONTHLY:next',
      'MONTHLY 2024-10-01..2025-03-01',
    ]);
    expect(store.saved[0]).toMatchObject({
      snapshotDate: '2025-03-20',
      costExplorerRequests: 4,
      currency: 'USD',
      budgets: [{ name: 'svc-1', service: 'svc-1', limit: 10, actual: 3 }],
    });
    expect(
      store.saved[0].lines.map(l => `${l.granularity}:${l.service}`).sort(),
    ).toEqual(['DAILY:svc-1', 'DAILY:svc-2', 'MONTHLY:svc-1', 'MONTHLY:svc-2']);
  });

  it('counts the attempts the SDK retried as billed requests', async () => {
    const store = new MemoryStore();
    const refresher = refresherOf(store, fakeClients([], 3));
    // Two first pages answered on the third attempt (3 + 3) and two second pages (1 + 1).
    expect(await refresher.run()).toMatchObject({ costExplorerRequests: 8 });
  });

  it('continues the last snapshot: re-reads only the revisable days and keeps the final lines', async () => {
    const calls: string[] = [];
    const store = new MemoryStore();
    store.latest = {
      id: 7,
      accountId: '999999999999',
      startedAt: '2025-03-19T22:00:00.000Z',
      finishedAt: '2025-03-19T22:00:05.000Z',
      status: 'succeeded',
      metric: 'UnblendedCost',
      currency: 'USD',
      costExplorerRequests: 2,
      coverage: {
        daysFinalThrough: '2025-03-16',
        monthsFinalThrough: '2025-02-01',
      },
    };
    const line = (
      granularity: CostLine['granularity'],
      periodStart: string,
    ) => ({
      service: 'svc-1',
      environment: 'production',
      granularity,
      periodStart,
      amount: 2,
    });
    store.latestLines = [
      line('DAILY', '2025-02-10'), // older than the 30 days shown: dropped
      line('DAILY', '2025-03-01'), // final: kept
      line('DAILY', '2025-03-18'), // revisable: read again
      line('MONTHLY', '2025-01-01'), // closed month: kept
    ];
    const refresher = refresherOf(store, fakeClients(calls));
    expect(await refresher.run()).toMatchObject({
      status: 'refreshed',
      costExplorerRequests: 2,
    });
    expect(calls.filter(c => !c.startsWith('Get'))).toEqual([
      'DAILY 2025-03-17..2025-03-21',
      'DescribeBudgetsCommand::',
    ]);
    expect(
      store.saved[0].lines.map(l => `${l.granularity}:${l.periodStart}`).sort(),
    ).toEqual([
      'DAILY:2025-03-01',
      'DAILY:2025-03-17',
      'DAILY:2025-03-17',
      'MONTHLY:2025-01-01',
    ]);
    expect(store.saved[0].coverage).toEqual({
      daysFinalThrough: '2025-03-17',
      monthsFinalThrough: '2025-02-01',
    });

    // Another metric cannot reuse those lines: everything is read again.
    calls.length = 0;
    store.latest = { ...store.latest, metric: 'AmortizedCost' };
    await refresher.run({ force: true });
    expect(calls.filter(c => !c.startsWith('Get'))).toEqual([
      'DAILY 2025-02-19..2025-03-21',
      'MONTHLY 2024-10-01..2025-03-01',
      'DescribeBudgetsCommand::',
    ]);
  });

  it('skips when a snapshot younger than half the interval exists', async () => {
    const calls: string[] = [];
    const store = new MemoryStore();
    store.latest = {
      id: 1,
      accountId: '999999999999',
      startedAt: '2025-03-20T04:00:00.000Z',
      finishedAt: '2025-03-20T04:00:05.000Z',
      status: 'succeeded',
      costExplorerRequests: 4,
    };
    const refresher = refresherOf(store, fakeClients(calls));
    expect((await refresher.run()).status).toBe('skipped');
    expect(calls).toEqual([]);
    expect(await refresher.isStale()).toBe(false);
    expect((await refresher.run({ force: true })).status).toBe('refreshed');
  });

  it('records a failure and keeps going', async () => {
    const store = new MemoryStore();
    const clients = {
      get: async () => ({
        send: async () => {
          throw Object.assign(new Error('Rate exceeded'), {
            name: 'LimitExceededException',
          });
        },
      }),
    } as unknown as AwsClients;
    const refresher = refresherOf(store, clients);
    expect(await refresher.run()).toEqual({
      status: 'failed',
      error: 'LimitExceededException: Rate exceeded',
    });
    expect(store.failures).toEqual(['LimitExceededException: Rate exceeded']);
  });
});
