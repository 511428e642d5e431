import {
  AccessDeniedException,
  DescribeBudgetsCommand,
} from '@aws-sdk/client-budgets';
import { GetCostAndUsageCommand } from '@aws-sdk/client-cost-explorer';
import { assumeRoleIn, clients } from '../__testUtils__/clients.ts';
import { useSimulator } from '../__testUtils__/useSimulator.ts';

describe('Budgets DescribeBudgets through @aws-sdk/client-budgets', () => {
  const demo = useSimulator();

  it('reports the payments-api budget 80 % consumed, consistent with Cost Explorer', async () => {
    const out = await clients
      .budgets(demo.simulator)
      .send(new DescribeBudgetsCommand({ AccountId: '999999999999' }));
    expect(out.Budgets!.map(b => b.BudgetName)).toEqual([
      'payments-api-monthly',
      'zeroops-monthly',
    ]);
    const budget = out.Budgets![0];
    expect(budget).toMatchObject({
      BudgetType: 'COST',
      TimeUnit: 'MONTHLY',
      CostFilters: { TagKeyValue: ['user:zeroops:service$payments-api'] },
      BudgetLimit: { Unit: 'USD' },
    });
    expect(budget.TimePeriod!.Start).toBeInstanceOf(Date);
    const actual = Number(budget.CalculatedSpend!.ActualSpend!.Amount);
    const limit = Number(budget.BudgetLimit!.Amount);
    const forecast = Number(budget.CalculatedSpend!.ForecastedSpend!.Amount);
    expect((actual / limit) * 100).toBeCloseTo(80, 1);
    expect(forecast).toBeGreaterThan(actual);

    const mtd = await clients.costExplorer(demo.simulator).send(
      new GetCostAndUsageCommand({
        TimePeriod: { Start: '2026-11-01', End: '2026-11-19' },
        Granularity: 'MONTHLY',
        Metrics: ['UnblendedCost'],
        Filter: { Tags: { Key: 'zeroops:service', Values: ['payments-api'] } },
      }),
    );
    expect(
      Number(mtd.ResultsByTime![0].Total!.UnblendedCost.Amount),
    ).toBeCloseTo(actual, 1);

    expect(out.Budgets![1].BudgetLimit).toEqual({
      Amount: '650.00',
      Unit: 'USD',
    });
    expect(out.Budgets![1].CostFilters).toBeUndefined();
  });

  it('denies reading the budgets of another account', async () => {
    const member = clients.budgets(demo.simulator, {
      credentials: await assumeRoleIn(demo.simulator, '111111111111'),
    });
    await expect(
      member.send(new DescribeBudgetsCommand({ AccountId: '999999999999' })),
    ).rejects.toBeInstanceOf(AccessDeniedException);
    const own = await member.send(
      new DescribeBudgetsCommand({ AccountId: '111111111111' }),
    );
    expect(own.Budgets).toEqual([]);
  });
});
