/** Cost responses shaped like the backend's for the demo scenario, in months relative to now. */
import {
  EntityCostResponse,
  EnvironmentCost,
  MonthlyCost,
} from '@zeroops/backstage-plugin-zeroops-common';
import { hoursAgo } from './fixtures';

function months(amounts: number[]): MonthlyCost[] {
  const now = new Date();
  return amounts.map((amount, index) => {
    const date = new Date(
      Date.UTC(
        now.getUTCFullYear(),
        now.getUTCMonth() - (amounts.length - 1 - index),
        1,
      ),
    );
    return {
      month: date.toISOString().slice(0, 7),
      amount,
      partial: index === amounts.length - 1,
    };
  });
}

function environmentCost(
  name: string,
  kind: 'persistent' | 'ephemeral',
  amounts: number[],
): EnvironmentCost {
  const monthToDate = amounts[amounts.length - 1];
  return {
    environment: name,
    kind,
    monthToDate,
    forecast: { amount: monthToDate * 1.15, method: 'run-rate' },
    months: months(amounts),
    days: [],
  };
}

/** payments-api: 80 % of its budget consumed. */
export function paymentsCost(): EntityCostResponse {
  return {
    entityRef: 'component:default/payments-api',
    serviceName: 'payments-api',
    currency: 'USD',
    monthToDate: 164.29,
    forecast: { amount: 188, method: 'run-rate' },
    months: months([151.06, 160.84, 168.61, 171.96, 189.97, 164.29]),
    days: [],
    environments: [
      environmentCost(
        'production',
        'persistent',
        [113.69, 123.31, 128.32, 132.05, 143.61, 125.64],
      ),
      environmentCost(
        'staging',
        'persistent',
        [34.29, 37.52, 38.24, 39.91, 42.75, 37.7],
      ),
      environmentCost('pr-4', 'ephemeral', [0, 0, 0, 0, 3.61, 0]),
      environmentCost('pr-7', 'ephemeral', [0, 0, 0, 0, 0, 0.94]),
    ],
    budget: {
      name: 'payments-api-monthly',
      limit: 205.36,
      currency: 'USD',
      actual: 164.29,
      forecast: 191.94,
      consumedPercent: 80,
      forecastPercent: 93.5,
      status: 'at-risk',
    },
    lastRefreshedAt: hoursAgo(0.25),
    demoData: true,
  };
}
