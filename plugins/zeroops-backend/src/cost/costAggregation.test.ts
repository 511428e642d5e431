import {
  budgetState,
  CostLine,
  costFigures,
  runRateForecast,
  serviceCost,
} from './costAggregation';
import { addDays } from './dates';

function daily(
  from: string,
  amounts: number[],
  environment = 'production',
  service = 'payments-api',
): CostLine[] {
  return amounts.map((amount, i) => ({
    service,
    environment,
    granularity: 'DAILY',
    periodStart: addDays(from, i),
    amount,
  }));
}

describe('runRateForecast', () => {
  it('adds the last 7 complete days average for the rest of the month', () => {
    // 2025-04-10: 9 complete days at 10/day, today partial at 3.
    const lines = new Map(
      daily('2025-04-01', [10, 10, 10, 10, 10, 10, 10, 10, 10, 3]).map(l => [
        l.periodStart,
        l.amount,
      ]),
    );
    // 90 so far + 10/day × 21 days left (10th..30th).
    expect(runRateForecast(lines, '2025-04-10')).toBe(300);
  });

  it('uses the previous month on the first day', () => {
    const lines = new Map(
      daily('2025-04-24', [2, 2, 2, 2, 2, 2, 2, 0.5]).map(l => [
        l.periodStart,
        l.amount,
      ]),
    );
    expect(runRateForecast(lines, '2025-05-01')).toBe(62);
  });

  it('falls back to month to date without history', () => {
    expect(runRateForecast(new Map([['2025-04-01', 4]]), '2025-04-01')).toBe(4);
  });
});

describe('costFigures', () => {
  it('builds 6 months (current partial), 30 days and month to date', () => {
    const lines: CostLine[] = [
      ...['2024-11-01', '2024-12-01', '2025-01-01', '2025-02-01'].map(
        (periodStart, i) => ({
          service: 'payments-api',
          environment: 'production',
          granularity: 'MONTHLY' as const,
          periodStart,
          amount: 100 + i,
        }),
      ),
      ...daily('2025-02-20', Array(19).fill(1)),
      ...daily('2025-03-11', Array(10).fill(2)),
    ];
    const figures = costFigures(lines, '2025-03-20');
    expect(figures.months).toEqual([
      { month: '2024-10', amount: 0, partial: false },
      { month: '2024-11', amount: 100, partial: false },
      { month: '2024-12', amount: 101, partial: false },
      { month: '2025-01', amount: 102, partial: false },
      { month: '2025-02', amount: 103, partial: false },
      { month: '2025-03', amount: 30, partial: true },
    ]);
    expect(figures.monthToDate).toBe(30);
    expect(figures.days).toHaveLength(30);
    expect(figures.days[0]).toEqual({ date: '2025-02-19', amount: 0 });
    expect(figures.days[29]).toEqual({ date: '2025-03-20', amount: 2 });
    expect(figures.forecast.method).toBe('run-rate');
  });
});

describe('serviceCost', () => {
  it('splits by environment instance, persistent in config order then PRs by number', () => {
    const cost = serviceCost(
      [
        ...daily('2025-03-01', [1, 1], 'pr-12'),
        ...daily('2025-03-01', [5, 5], 'production'),
        ...daily('2025-03-01', [2, 2], 'staging'),
        ...daily('2025-03-01', [1, 1], 'pr-3'),
      ],
      '2025-03-02',
      ['production', 'staging'],
    );
    expect(
      cost.environments.map(e => [e.environment, e.kind, e.monthToDate]),
    ).toEqual([
      ['production', 'persistent', 10],
      ['staging', 'persistent', 4],
      ['pr-3', 'ephemeral', 2],
      ['pr-12', 'ephemeral', 2],
    ]);
    expect(cost.monthToDate).toBe(18);
  });
});

describe('budgetState', () => {
  const budget = {
    name: 'payments-api-monthly',
    service: 'payments-api',
    limit: 200,
    actual: 100,
    forecast: 180,
    currency: 'USD',
  };

  it('is ok below the warning threshold', () => {
    expect(budgetState(budget, 80)).toEqual({
      name: 'payments-api-monthly',
      limit: 200,
      currency: 'USD',
      actual: 100,
      forecast: 180,
      consumedPercent: 50,
      forecastPercent: 90,
      status: 'ok',
    });
  });

  it('is at risk at the threshold or when the forecast exceeds the limit', () => {
    expect(budgetState({ ...budget, actual: 160 }, 80).status).toBe('at-risk');
    expect(budgetState({ ...budget, forecast: 201 }, 80).status).toBe(
      'at-risk',
    );
  });

  it('is over once actual spend reaches the limit', () => {
    expect(budgetState({ ...budget, actual: 200 }, 80).status).toBe('over');
  });
});
