import { estimateMonthlyCost } from './estimateMonthlyCost';
import { formatCostEstimateMarkdown, formatUsd } from './formatCostEstimate';
import {
  AWS_PRICE_TABLES,
  AWS_PRICES_US_EAST_1,
  HOURS_PER_MONTH,
  priceTableForRegion,
} from './priceTable';
import { DEFAULT_SERVICE_SIZING, EnvironmentSizing } from './sizing';

const oneTask: EnvironmentSizing = {
  concurrentInstances: 1,
  compute: {
    taskCount: 1,
    vcpu: 1,
    memoryGb: 2,
    architecture: 'x86_64',
    runningHoursPerMonth: HOURS_PER_MONTH,
  },
  secrets: 0,
  alarms: 0,
  loadBalancerCapacityUnits: 0,
};

describe('estimateMonthlyCost', () => {
  it('prices Fargate by vCPU-hours and GB-hours of the chosen architecture', () => {
    const estimate = estimateMonthlyCost({
      environments: { production: oneTask },
    });
    const [production] = estimate.environments;
    // 730 h × (1 vCPU × 0.04048 + 2 GB × 0.004445) = 29.55 + 6.49
    expect(production.lineItems.map(i => i.monthlyUsd)).toEqual([29.55, 6.49]);
    expect(production.monthlyUsd).toBe(36.04);
    expect(estimate.monthlyUsd).toBe(36.04);

    const arm = estimateMonthlyCost({
      environments: {
        production: {
          ...oneTask,
          compute: { ...oneTask.compute, architecture: 'arm64' },
        },
      },
    });
    // 730 × 0.03238 = 23.64; 730 × 2 × 0.00356 = 5.20
    expect(arm.monthlyUsd).toBe(28.84);
  });

  it('multiplies by concurrent instances and running hours (scheduled shutdown)', () => {
    const estimate = estimateMonthlyCost({
      environments: {
        ephemeral: {
          ...oneTask,
          concurrentInstances: 3,
          compute: { ...oneTask.compute, runningHoursPerMonth: 100 },
        },
      },
    });
    const vcpu = estimate.environments[0].lineItems[0];
    expect(vcpu.quantity).toBe(300);
    expect(vcpu.monthlyUsd).toBe(12.14);
  });

  it('bills Valkey every hour at no less than the 100 MB minimum, and Aurora only while active', () => {
    const estimate = estimateMonthlyCost({
      environments: {
        staging: {
          ...oneTask,
          cache: { averageDataGb: 0.01, millionEcpuPerMonth: 0 },
          database: {
            minAcu: 0,
            maxAcu: 2,
            averageAcu: 0.5,
            activeHoursPerMonth: 200,
            storageGb: 10,
            millionIoRequestsPerMonth: 0,
          },
        },
      },
    });
    const byCategory = (category: string) =>
      estimate.environments[0].lineItems.filter(i => i.category === category);
    // 0.1 GB × 730 h × 0.084 = 6.13
    expect(byCategory('valkey')).toEqual([
      expect.objectContaining({ quantity: 73, monthlyUsd: 6.13 }),
    ]);
    // 0.5 ACU × 200 h × 0.12 = 12; 10 GB × 0.10 = 1
    expect(byCategory('aurora').map(i => i.monthlyUsd)).toEqual([12, 1]);
  });

  it('charges a share of the platform divided by the services sharing it', () => {
    const estimate = estimateMonthlyCost({
      environments: {
        production: {
          ...oneTask,
          platformShare: {
            servicesSharing: 2,
            loadBalancers: 1,
            natGateways: 1,
            natProcessedGbPerMonth: 0,
            cloudFrontTransferOutGbPerMonth: 0,
            cloudFrontMillionRequestsPerMonth: 0,
            wafWebAcls: 1,
            wafRules: 0,
            wafMillionRequestsPerMonth: 0,
            hostedZones: 0,
          },
        },
      },
    });
    const items = estimate.environments[0].lineItems;
    // ALB 730 × 0.0225 / 2 = 8.21; NAT 730 × 0.045 / 2 = 16.43; IPv4 730 × 0.005 / 2 = 1.83; WAF 5 / 2
    expect(
      items.filter(i => i.category !== 'fargate').map(i => i.monthlyUsd),
    ).toEqual([8.21, 16.43, 1.83, 2.5]);
    expect(items.find(i => i.category === 'waf')?.description).toContain(
      '1/2 of the shared',
    );
  });

  it('makes every total the sum of the rounded line items', () => {
    const estimate = estimateMonthlyCost(DEFAULT_SERVICE_SIZING);
    for (const env of estimate.environments) {
      const sum = env.lineItems.reduce((s, i) => s + i.monthlyUsd, 0);
      expect(env.monthlyUsd).toBeCloseTo(sum, 6);
    }
    expect(estimate.monthlyUsd).toBeCloseTo(
      estimate.environments.reduce((s, e) => s + e.monthlyUsd, 0),
      6,
    );
    expect(estimate.priceTableDate).toBe(AWS_PRICES_US_EAST_1.asOf);
  });

  it('keeps the default sizing within the seed budget of $500 a month', () => {
    const estimate = estimateMonthlyCost(DEFAULT_SERVICE_SIZING);
    expect(estimate.environments.map(e => e.environment)).toEqual([
      'production',
      'staging',
      'ephemeral',
    ]);
    expect(estimate.monthlyUsd).toBeGreaterThan(100);
    expect(estimate.monthlyUsd).toBeLessThan(500);
    const [production, staging, ephemeral] = estimate.environments;
    expect(production.monthlyUsd).toBeGreaterThan(staging.monthlyUsd);
    expect(staging.monthlyUsd).toBeGreaterThan(0);
    expect(ephemeral.monthlyUsd).toBeGreaterThan(0);
  });

  it('rejects invalid sizing with the field and the rule', () => {
    expect(() =>
      estimateMonthlyCost({
        environments: {
          production: {
            ...oneTask,
            compute: { ...oneTask.compute, vcpu: 0.5, memoryGb: 16 },
          },
        },
      }),
    ).toThrow(
      /environment "production": compute.vcpu\/compute.memoryGb: 16 GB of memory is not a Fargate size for 0.5 vCPU/,
    );
    expect(() =>
      estimateMonthlyCost({
        environments: { staging: { ...oneTask, secrets: -1 } },
      }),
    ).toThrow(/secrets: must be a finite number of 0 or more/);
    expect(() =>
      estimateMonthlyCost({
        environments: {
          production: {
            ...oneTask,
            database: {
              minAcu: 0.5,
              maxAcu: 2,
              averageAcu: 1,
              activeHoursPerMonth: 100,
              storageGb: 1,
              millionIoRequestsPerMonth: 0,
            },
          },
        },
      }),
    ).toThrow(
      /database.activeHoursPerMonth: Aurora only pauses when minAcu is 0/,
    );
  });
});

describe('formatCostEstimateMarkdown', () => {
  it('shows the total, the price table date and one row per environment and item', () => {
    const estimate = estimateMonthlyCost(DEFAULT_SERVICE_SIZING);
    const markdown = formatCostEstimateMarkdown(estimate);
    if (process.env.PRINT_ESTIMATE) process.stdout.write(`${markdown}\n`);
    expect(markdown).toContain('list prices as of 2026-11');
    const total = estimate.monthlyUsd.toLocaleString('en-US', {
      minimumFractionDigits: 2,
    });
    expect(markdown).toContain(`**Estimated monthly cost: $${total}**`);
    expect(markdown).toMatch(/\| production \| 1 \| \$\d+\.\d\d \|/);
    expect(markdown).toMatch(/\| ephemeral \| 3 \| \$\d+\.\d\d \|/);
    const itemRows = markdown
      .split('\n')
      .filter(
        line =>
          /^\| (production|staging|ephemeral) \|/.test(line) &&
          line.split(' | ').length === 5,
      );
    expect(itemRows).toHaveLength(
      estimate.environments.reduce((n, e) => n + e.lineItems.length, 0),
    );
  });
});

describe('price tables by region', () => {
  it('returns the dated table of a priced region, with its source', () => {
    const table = priceTableForRegion('us-east-1');
    expect(table).toBe(AWS_PRICES_US_EAST_1);
    expect(table.asOf).toMatch(/^\d{4}-\d\d$/);
    expect(table.source).toContain('aws-prices-us-east-1.md');
    expect(estimateMonthlyCost(DEFAULT_SERVICE_SIZING, table).region).toBe(
      'us-east-1',
    );
  });

  it("fails clearly for a region without a table instead of using another region's prices", () => {
    expect(() => priceTableForRegion('ap-south-1')).toThrow(
      'No dated AWS price table for region "ap-south-1"; prices are available for us-east-1',
    );
    expect(() => priceTableForRegion('__proto__')).toThrow(RangeError);
  });

  it('lists every table under its own region', () => {
    for (const [region, table] of Object.entries(AWS_PRICE_TABLES)) {
      expect(table.region).toBe(region);
    }
  });
});

describe('absurd sizes', () => {
  const production = DEFAULT_SERVICE_SIZING.environments.production;
  it.each([
    [
      { compute: { ...production.compute, taskCount: 1e308 } },
      'compute.taskCount: 1e+308 is too large',
    ],
    [{ concurrentInstances: 1e6 }, 'concurrentInstances: 1000000 is too large'],
    [{ secrets: Infinity }, 'secrets: must be a finite number of 0 or more'],
    [{ alarms: NaN }, 'alarms: must be a finite number of 0 or more'],
  ])(
    'rejects %j naming the field, never estimating $∞',
    (override, message) => {
      expect(() =>
        estimateMonthlyCost({
          environments: { production: { ...production, ...override } },
        }),
      ).toThrow(message);
    },
  );

  it('never formats a non-finite amount', () => {
    expect(() => formatUsd(Infinity)).toThrow(RangeError);
    expect(() => formatUsd(NaN)).toThrow(RangeError);
    expect(formatUsd(1234.5)).toBe('$1,234.50');
  });
});
