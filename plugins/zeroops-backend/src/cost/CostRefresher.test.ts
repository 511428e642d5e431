import { mockServices } from '@backstage/backend-test-utils';
import { AwsClients } from '../aws/AwsClients';
import { CostExplorerSettings } from '../config/ZeroOpsConfig';
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

/** A Cost Explorer answering in two pages per granularity, and Budgets. */
function fakeClients(calls: string[]): AwsClients {
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
  async latestSuccessful() {
    return this.latest;
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

  it('follows every page of both queries and counts the billed requests', async () => {
    const calls: string[] = [];
    const store = new MemoryStore();
    const refresher = new CostRefresher(
      settings,
      fakeClients(calls),
      store as unknown as CostSnapshotStore,
      mockServices.logger.mock(),
      now,
    );
    expect(await refresher.run()).toEqual({
      status: 'refreshed',
      costExplorerRequests: 4,
      lines: 4,
    });
    expect(calls.sort()).toEqual([
      'DescribeBudgetsCommand::',
      'GetCostAndUsageCommand:DAILY:',
      'GetCostAndUsageCommand:DAILY:next',
      'GetCostAndUsageCommand:MONTHLY:',
      'GetCostAndUsageCommand:MONTHLY:next',
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
    const refresher = new CostRefresher(
      settings,
      fakeClients(calls),
      store as unknown as CostSnapshotStore,
      mockServices.logger.mock(),
      now,
    );
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
    const refresher = new CostRefresher(
      settings,
      clients,
      store as unknown as CostSnapshotStore,
      mockServices.logger.mock(),
      now,
    );
    expect(await refresher.run()).toEqual({
      status: 'failed',
      error: 'LimitExceededException: Rate exceeded',
    });
    expect(store.failures).toEqual(['LimitExceededException: Rate exceeded']);
  });
});
