import { deliveryRequestBudget } from './requestBudget';

describe('deliveryRequestBudget', () => {
  it('states the figures config.d.ts and the README give for 10, 50 and 200 repositories', () => {
    const figures = [10, 50, 200].map(repositories =>
      deliveryRequestBudget({ repositories, intervalMinutes: 15 }),
    );
    expect(figures).toEqual([
      { requestsPerHour: 89, rateLimitedPerHour: 13 },
      { requestsPerHour: 444, rateLimitedPerHour: 61 },
      { requestsPerHour: 1775, rateLimitedPerHour: 242 },
    ]);
  });

  it('grows with repositories and runs, not with anything else', () => {
    const base = deliveryRequestBudget({
      repositories: 100,
      intervalMinutes: 15,
    });
    const twiceAsOften = deliveryRequestBudget({
      repositories: 100,
      intervalMinutes: 7.5,
    });
    // Two more list reads per repository and hour, all conditional: free when unchanged.
    expect(twiceAsOften.requestsPerHour - base.requestsPerHour).toBe(800);
    expect(twiceAsOften.rateLimitedPerHour).toBe(base.rateLimitedPerHour);
    // A quiet organisation costs only the conditional reads.
    expect(
      deliveryRequestBudget({
        repositories: 100,
        intervalMinutes: 15,
        deploymentsPerDay: 0,
        productionChangesPerDay: 0,
        approvalsPerDay: 0,
      }),
    ).toEqual({ requestsPerHour: 800, rateLimitedPerHour: 0 });
  });
});
