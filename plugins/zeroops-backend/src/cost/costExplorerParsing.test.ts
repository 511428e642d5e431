import {
  budgetLineOf,
  budgetScope,
  linesFromResults,
  parseTagGroupKey,
} from './costExplorerParsing';

describe('parseTagGroupKey', () => {
  it('splits the tag key and value', () => {
    expect(parseTagGroupKey('zeroops:service$payments-api')).toEqual({
      tag: 'zeroops:service',
      value: 'payments-api',
    });
    expect(parseTagGroupKey('zeroops:service$')).toEqual({
      tag: 'zeroops:service',
      value: '',
    });
    expect(parseTagGroupKey('Amazon ECS')).toBeUndefined();
  });
});

describe('linesFromResults', () => {
  it('reads service × environment groups and skips untagged cost', () => {
    const { lines, currency } = linesFromResults(
      [
        {
          TimePeriod: { Start: '2025-03-01', End: '2025-03-02' },
          Groups: [
            {
              Keys: [
                'zeroops:service$payments-api',
                'zeroops:environment$production',
              ],
              Metrics: { UnblendedCost: { Amount: '12.345', Unit: 'USD' } },
            },
            {
              Keys: ['zeroops:service$', 'zeroops:environment$production'],
              Metrics: { UnblendedCost: { Amount: '3', Unit: 'USD' } },
            },
            {
              Keys: [
                'zeroops:service$orders-worker',
                'zeroops:environment$pr-7',
              ],
              Metrics: { UnblendedCost: { Amount: '0.5', Unit: 'USD' } },
            },
          ],
        },
      ],
      'DAILY',
      'UnblendedCost',
    );
    expect(currency).toBe('USD');
    expect(lines).toEqual([
      {
        service: 'payments-api',
        environment: 'production',
        granularity: 'DAILY',
        periodStart: '2025-03-01',
        amount: 12.345,
      },
      {
        service: 'orders-worker',
        environment: 'pr-7',
        granularity: 'DAILY',
        periodStart: '2025-03-01',
        amount: 0.5,
      },
    ]);
  });
});

describe('budgetScope', () => {
  it('reads the legacy CostFilters tag filter', () => {
    expect(
      budgetScope({
        BudgetName: 'b',
        BudgetType: 'COST',
        TimeUnit: 'MONTHLY',
        CostFilters: {
          TagKeyValue: [
            'user:zeroops:service$payments-api',
            'user:zeroops:environment$production',
          ],
        },
      }),
    ).toEqual({ service: 'payments-api', environment: 'production' });
  });

  it('reads a FilterExpression and ignores multi-service budgets', () => {
    expect(
      budgetScope({
        BudgetName: 'b',
        BudgetType: 'COST',
        TimeUnit: 'MONTHLY',
        FilterExpression: {
          And: [
            { Tags: { Key: 'user:zeroops:service', Values: ['payments-api'] } },
            { Dimensions: { Key: 'REGION', Values: ['us-east-1'] } },
          ],
        },
      }),
    ).toEqual({ service: 'payments-api', environment: undefined });
    expect(
      budgetScope({
        BudgetName: 'b',
        BudgetType: 'COST',
        TimeUnit: 'MONTHLY',
        CostFilters: {
          TagKeyValue: ['user:zeroops:service$a', 'user:zeroops:service$b'],
        },
      }).service,
    ).toBeUndefined();
  });
});

describe('budgetLineOf', () => {
  it('keeps monthly cost budgets of one service', () => {
    expect(
      budgetLineOf({
        BudgetName: 'payments-api',
        BudgetType: 'COST',
        TimeUnit: 'MONTHLY',
        BudgetLimit: { Amount: '250.0', Unit: 'USD' },
        CalculatedSpend: {
          ActualSpend: { Amount: '120.5', Unit: 'USD' },
          ForecastedSpend: { Amount: '260', Unit: 'USD' },
        },
        CostFilters: { TagKeyValue: ['user:zeroops:service$payments-api'] },
      }),
    ).toEqual({
      name: 'payments-api',
      service: 'payments-api',
      environment: undefined,
      limit: 250,
      actual: 120.5,
      forecast: 260,
      currency: 'USD',
    });
    expect(
      budgetLineOf({
        BudgetName: 'usage',
        BudgetType: 'USAGE',
        TimeUnit: 'MONTHLY',
      }),
    ).toBeUndefined();
  });
});
