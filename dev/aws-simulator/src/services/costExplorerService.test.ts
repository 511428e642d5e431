import {
  CostExplorerServiceException,
  type CostExplorerClient,
  GetCostAndUsageCommand,
  type GetCostAndUsageCommandInput,
  type GetCostAndUsageCommandOutput,
  GetCostForecastCommand,
  InvalidNextTokenException,
} from '@aws-sdk/client-cost-explorer';
import { assumeRoleIn, clients } from '../__testUtils__/clients.ts';
import { useSimulator } from '../__testUtils__/useSimulator.ts';

const SIX_MONTHS = { Start: '2026-05-01', End: '2026-12-01' };
const BY_SERVICE_AND_ENVIRONMENT = [
  { Type: 'TAG' as const, Key: 'zeroops:service' },
  { Type: 'TAG' as const, Key: 'zeroops:environment' },
];

/** Follows NextPageToken the way a Cost Explorer client must (the SDK has no paginator). */
async function allPages(
  client: CostExplorerClient,
  input: GetCostAndUsageCommandInput,
) {
  const pages: GetCostAndUsageCommandOutput[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new GetCostAndUsageCommand({ ...input, NextPageToken: token }),
    );
    pages.push(page);
    token = page.NextPageToken;
  } while (token);
  return pages;
}

describe('Cost Explorer through @aws-sdk/client-cost-explorer', () => {
  const demo = useSimulator();
  let ce: CostExplorerClient;

  beforeAll(async () => {
    // Backstage's own credentials belong to the management account, where CE is read.
    ce = clients.costExplorer(demo.simulator);
  });

  it('groups monthly cost by the ZeroOps tags with AWS-formatted keys and a visible trend', async () => {
    const out = await ce.send(
      new GetCostAndUsageCommand({
        TimePeriod: SIX_MONTHS,
        Granularity: 'MONTHLY',
        Metrics: ['UnblendedCost', 'AmortizedCost'],
        GroupBy: BY_SERVICE_AND_ENVIRONMENT,
      }),
    );
    expect(out.NextPageToken).toBeUndefined();
    expect(out.GroupDefinitions).toEqual(BY_SERVICE_AND_ENVIRONMENT);
    const months = out.ResultsByTime!;
    expect(months.map(m => m.TimePeriod!.Start)).toEqual([
      '2026-05-01',
      '2026-06-01',
      '2026-07-01',
      '2026-08-01',
      '2026-09-01',
      '2026-10-01',
      '2026-11-01',
    ]);
    expect(months[6].Estimated).toBe(true);
    expect(months[0].Estimated).toBe(false);
    const november = months[6].Groups!.map(g => g.Keys!.join(' '));
    expect(november).toEqual(
      expect.arrayContaining([
        'zeroops:service$payments-api zeroops:environment$production',
        'zeroops:service$payments-api zeroops:environment$pr-7',
        'zeroops:service$storefront-web zeroops:environment$pr-42',
        'zeroops:service$orders-worker zeroops:environment$staging',
        // Shared networking carries no service tag.
        'zeroops:service$ zeroops:environment$production',
      ]),
    );
    const group = months[6].Groups![0];
    expect(group.Metrics!.UnblendedCost).toEqual({
      Amount: expect.stringMatching(/^\d+(\.\d+)?$/),
      Unit: 'USD',
    });
    const total = (i: number) =>
      months[i].Groups!.reduce(
        (sum, g) => sum + Number(g.Metrics!.UnblendedCost.Amount),
        0,
      );
    // Full months grow: October costs clearly more than May.
    expect(total(5)).toBeGreaterThan(total(0) * 1.15);
  });

  it('paginates six months of daily cost and returns every day and group exactly once', async () => {
    const input: GetCostAndUsageCommandInput = {
      TimePeriod: SIX_MONTHS,
      Granularity: 'DAILY',
      Metrics: ['UnblendedCost'],
      GroupBy: BY_SERVICE_AND_ENVIRONMENT,
    };
    const pages = await allPages(ce, input);
    expect(pages.length).toBeGreaterThan(1);
    const seen = new Set<string>();
    const dailyByMonth = new Map<string, number>();
    for (const page of pages) {
      for (const result of page.ResultsByTime!) {
        for (const g of result.Groups!) {
          const key = `${result.TimePeriod!.Start} ${g.Keys!.join(' ')}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
          const month = result.TimePeriod!.Start!.slice(0, 7);
          dailyByMonth.set(
            month,
            (dailyByMonth.get(month) ?? 0) +
              Number(g.Metrics!.UnblendedCost.Amount),
          );
        }
      }
    }
    const days = new Set([...seen].map(k => k.split(' ')[0]));
    // 2026-05-01 .. 2026-11-18 inclusive: no data after today.
    expect(days.size).toBe(202);
    expect([...days].sort().at(-1)).toBe('2026-11-18');

    const monthly = await ce.send(
      new GetCostAndUsageCommand({
        ...input,
        Granularity: 'MONTHLY',
        GroupBy: undefined,
      }),
    );
    for (const result of monthly.ResultsByTime!) {
      const month = result.TimePeriod!.Start!.slice(0, 7);
      expect(Number(result.Total!.UnblendedCost.Amount)).toBeCloseTo(
        dailyByMonth.get(month)!,
        4,
      );
    }
  });

  it('filters on tags with And / Not and groups by AWS service', async () => {
    const out = await ce.send(
      new GetCostAndUsageCommand({
        TimePeriod: { Start: '2026-11-01', End: '2026-11-18' },
        Granularity: 'MONTHLY',
        Metrics: ['UnblendedCost'],
        GroupBy: [{ Type: 'DIMENSION', Key: 'SERVICE' }],
        Filter: {
          And: [
            { Tags: { Key: 'zeroops:service', Values: ['payments-api'] } },
            { Not: { Tags: { Key: 'zeroops:environment', Values: ['pr-7'] } } },
          ],
        },
      }),
    );
    const services = out.ResultsByTime![0].Groups!.map(g => g.Keys![0]);
    expect(services).toEqual(
      expect.arrayContaining([
        'Amazon Elastic Container Service',
        'Amazon Relational Database Service',
        'Amazon ElastiCache',
        'Amazon Elastic Load Balancing',
      ]),
    );
    expect(services).not.toContain('Amazon CloudFront');
  });

  it('names linked accounts and shows a member account only its own cost', async () => {
    const period = { Start: '2026-10-01', End: '2026-11-01' };
    const byAccount = await ce.send(
      new GetCostAndUsageCommand({
        TimePeriod: period,
        Granularity: 'MONTHLY',
        Metrics: ['UnblendedCost'],
        GroupBy: [{ Type: 'DIMENSION', Key: 'LINKED_ACCOUNT' }],
      }),
    );
    expect(byAccount.ResultsByTime![0].Groups!.map(g => g.Keys![0])).toEqual([
      '111111111111',
      '222222222222',
    ]);
    expect(byAccount.DimensionValueAttributes).toEqual([
      {
        Value: '111111111111',
        Attributes: { description: 'zeroops-production' },
      },
      { Value: '222222222222', Attributes: { description: 'zeroops-staging' } },
    ]);
    const member = clients.costExplorer(demo.simulator, {
      credentials: await assumeRoleIn(demo.simulator, '111111111111'),
    });
    const own = await member.send(
      new GetCostAndUsageCommand({
        TimePeriod: period,
        Granularity: 'MONTHLY',
        Metrics: ['UnblendedCost'],
      }),
    );
    expect(
      Number(own.ResultsByTime![0].Total!.UnblendedCost.Amount),
    ).toBeCloseTo(
      Number(
        byAccount.ResultsByTime![0].Groups![0].Metrics!.UnblendedCost.Amount,
      ),
      6,
    );
  });

  it('rejects a foreign NextPageToken and invalid periods like AWS', async () => {
    await expect(
      ce.send(
        new GetCostAndUsageCommand({
          TimePeriod: SIX_MONTHS,
          Granularity: 'DAILY',
          Metrics: ['UnblendedCost'],
          NextPageToken: 'not-a-token',
        }),
      ),
    ).rejects.toBeInstanceOf(InvalidNextTokenException);
    const error = await ce
      .send(
        new GetCostAndUsageCommand({
          TimePeriod: { Start: '2026-11-10', End: '2026-11-01' },
          Granularity: 'DAILY',
          Metrics: ['UnblendedCost'],
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CostExplorerServiceException);
    expect((error as Error).name).toBe('ValidationException');
  });

  it('forecasts the rest of the month from the trend', async () => {
    const out = await ce.send(
      new GetCostForecastCommand({
        TimePeriod: { Start: '2026-11-18', End: '2026-12-01' },
        Metric: 'UNBLENDED_COST',
        Granularity: 'DAILY',
        PredictionIntervalLevel: 80,
        Filter: { Tags: { Key: 'zeroops:service', Values: ['payments-api'] } },
      }),
    );
    expect(out.ForecastResultsByTime).toHaveLength(13);
    let sum = 0;
    for (const day of out.ForecastResultsByTime!) {
      const mean = Number(day.MeanValue);
      sum += mean;
      expect(Number(day.PredictionIntervalLowerBound)).toBeLessThan(mean);
      expect(Number(day.PredictionIntervalUpperBound)).toBeGreaterThan(mean);
    }
    expect(Number(out.Total!.Amount)).toBeCloseTo(sum, 4);
    expect(out.Total!.Unit).toBe('USD');
    // payments-api costs about $220 a month: 13 days are in that range.
    expect(sum).toBeGreaterThan(50);
    expect(sum).toBeLessThan(200);

    const past = await ce
      .send(
        new GetCostForecastCommand({
          TimePeriod: { Start: '2026-11-01', End: '2026-12-01' },
          Metric: 'UNBLENDED_COST',
          Granularity: 'MONTHLY',
        }),
      )
      .catch((e: unknown) => e);
    expect((past as Error).name).toBe('ValidationException');
  });
});
