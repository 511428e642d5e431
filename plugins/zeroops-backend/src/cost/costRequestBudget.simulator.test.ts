import { ConfigReader } from '@backstage/config';
import { readZeroOpsConfig } from '../config/ZeroOpsConfig';
import { simulateCostRefreshes } from './__testUtils__/simulateCostRefreshes';
import { costExplorerRequestBudget } from './costRequestBudget';

// The first refresh fills six months of a 200-group estate from the simulator.
jest.setTimeout(600_000);

describe('the cost refresh against the AWS simulator', () => {
  it('makes at most 8 Cost Explorer requests a day at 50 services × 4 environments with the default settings', async () => {
    const settings = readZeroOpsConfig(
      new ConfigReader({
        zeroops: { costExplorer: { accountId: '999999999999' } },
      }),
    ).costExplorer!;
    const budget = costExplorerRequestBudget({
      services: 50,
      environments: 4,
      refreshIntervalMs: settings.refreshIntervalMs,
      forecast: settings.forecast,
    });

    // From the 6th to the 9th of March: February closes on the 8th.
    const simulated = await simulateCostRefreshes({
      services: 50,
      environments: ['production', 'staging', 'qa', 'perf'],
      settings,
      start: new Date('2025-03-06T01:00:00Z'),
      days: 3,
    });

    expect(simulated.firstRefreshRequests).toBeLessThanOrEqual(
      budget.firstRefreshRequests,
    );
    expect(
      simulated.days.map(d => [d.day, d.refreshes, d.costExplorerRequests]),
    ).toEqual([
      ['2025-03-07', 3, 3 * budget.requestsPerRefresh],
      ['2025-03-08', 3, budget.requestsPerDay],
      ['2025-03-09', 3, 3 * budget.requestsPerRefresh],
    ]);
    expect(budget.requestsPerDay).toBeLessThanOrEqual(8);
    for (const day of simulated.days) {
      // Only GetCostAndUsage is billed here: the default forecast is the free run rate.
      expect(Object.keys(day.costExplorerByOperation)).toEqual([
        'GetCostAndUsage',
      ]);
      // DescribeBudgets (AWS Budgets, not billed per request): one per refresh.
      expect(day.budgetsRequests).toBe(day.refreshes);
    }
  });

  it('follows a first read of more than 100 pages to the end, within its stated budget', async () => {
    // 1,000 services × 4 environments make a first read of ~320 pages of 500 groups: it used
    // to stop at collectPages' 100-page guard, so the cost of a large estate never loaded.
    // Smaller pages give the same page count here at a fraction of the simulator's work.
    const settings = readZeroOpsConfig(
      new ConfigReader({
        zeroops: { costExplorer: { accountId: '999999999999' } },
      }),
    ).costExplorer!;
    const groupsPerPage = 50;
    const budget = costExplorerRequestBudget({
      services: 50,
      environments: 4,
      refreshIntervalMs: settings.refreshIntervalMs,
      forecast: settings.forecast,
      groupsPerPage,
    });

    const simulated = await simulateCostRefreshes({
      services: 50,
      environments: ['production', 'staging', 'qa', 'perf'],
      settings,
      start: new Date('2025-03-06T01:00:00Z'),
      days: 1,
      groupsPerPage,
    });

    expect(simulated.firstRefreshRequests).toBeGreaterThan(100);
    expect(simulated.firstRefreshRequests).toBeLessThanOrEqual(
      budget.firstRefreshRequests,
    );
    expect(simulated.days[0].costExplorerRequests).toBeLessThanOrEqual(
      budget.requestsPerDay,
    );
  });
});
