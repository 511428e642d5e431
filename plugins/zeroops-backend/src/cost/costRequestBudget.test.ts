import { costExplorerRequestBudget } from './costRequestBudget';

const HOUR = 3_600_000;

describe('costExplorerRequestBudget', () => {
  it('stays within 8 requests a day at 50 services × 4 environments with the default 8 h', () => {
    expect(
      costExplorerRequestBudget({
        services: 50,
        environments: 4,
        refreshIntervalMs: 8 * HOUR,
        forecast: 'run-rate',
      }),
    ).toEqual({
      groupsPerDay: 200,
      daysPerRefresh: 4,
      refreshesPerDay: 3,
      requestsPerRefresh: 2,
      monthCloseRequests: 1,
      requestsPerDay: 7,
      firstRefreshRequests: 16 + 2,
    });
  });

  it('grows with the refresh frequency, the estate and the Cost Explorer forecast', () => {
    const base = {
      services: 50,
      environments: 4,
      refreshIntervalMs: 6 * HOUR,
      forecast: 'run-rate' as const,
    };
    expect(costExplorerRequestBudget(base).requestsPerDay).toBe(9);
    expect(
      costExplorerRequestBudget({ ...base, forecast: 'cost-explorer' })
        .requestsPerDay,
    ).toBe(13);
    expect(
      costExplorerRequestBudget({
        ...base,
        services: 1000,
        refreshIntervalMs: 24 * HOUR,
      }),
    ).toMatchObject({ requestsPerRefresh: 32, requestsPerDay: 40 });
    // A refresh every other day reads the days in between too.
    expect(
      costExplorerRequestBudget({ ...base, refreshIntervalMs: 48 * HOUR }),
    ).toMatchObject({
      daysPerRefresh: 5,
      refreshesPerDay: 1,
      requestsPerDay: 3,
    });
  });
});
