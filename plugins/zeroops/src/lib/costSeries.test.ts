import {
  budgetLevel,
  costTrend,
  describeBudget,
  PULL_REQUESTS_SERIES,
  describeForecast,
} from './costSeries';
import { paymentsCost } from '../__testUtils__/costFixtures';

describe('costTrend', () => {
  it('splits each month by environment and sums pull requests into one series', () => {
    const trend = costTrend(paymentsCost());
    expect(trend.series).toEqual([
      'production',
      'staging',
      PULL_REQUESTS_SERIES,
    ]);
    expect(trend.points).toHaveLength(6);
    expect(trend.points[4].amounts).toEqual({
      production: 143.61,
      staging: 42.75,
      [PULL_REQUESTS_SERIES]: 3.61,
    });
    expect(trend.points[0].amounts).toEqual({
      production: 113.69,
      staging: 34.29,
    });
    expect(trend.points[5]).toEqual(
      expect.objectContaining({ partial: true, total: 164.29 }),
    );
  });

  it('is empty before the first refresh', () => {
    expect(
      costTrend({ ...paymentsCost(), months: [], environments: [] }),
    ).toEqual({ series: [], points: [] });
  });
});

describe('budgetLevel', () => {
  it('marks the 50, 80 and 95 % thresholds', () => {
    expect(budgetLevel(49.9)).toBe('ok');
    expect(budgetLevel(50)).toBe('notice');
    expect(budgetLevel(80)).toBe('warning');
    expect(budgetLevel(95)).toBe('critical');
    expect(budgetLevel(130)).toBe('critical');
  });

  it('describes the budget for screen readers', () => {
    expect(describeBudget(paymentsCost().budget!)).toBe(
      '80 % of the payments-api-monthly budget used, AWS Budgets forecasts 94 % at month end',
    );
  });
});

describe('describeForecast', () => {
  it('names the method and the source of each forecast', () => {
    expect(describeForecast({ amount: 188, method: 'run-rate' })).toEqual({
      label: 'Run-rate forecast',
      method:
        'this month so far + the daily average of the last 7 days × the days left',
    });
    expect(
      describeForecast({ amount: 188, method: 'cost-explorer' }).label,
    ).toBe('Cost Explorer forecast');
  });
});
