import {
  BudgetState,
  CostForecast,
  EntityCostResponse,
  RUN_RATE_FORECAST_DAYS,
} from '@zeroops/backstage-plugin-zeroops-common';

/** The series name all pull-request environments are summed into. */
export const PULL_REQUESTS_SERIES = 'pull requests';

/** One month of the trend chart: the amount of each series. */
export interface CostTrendPoint {
  /** `YYYY-MM` */
  month: string;
  partial: boolean;
  total: number;
  amounts: Record<string, number>;
}

export interface CostTrend {
  /** Persistent environments in the backend's order, then pull requests when any cost. */
  series: string[];
  points: CostTrendPoint[];
}

const round = (amount: number) => Math.round(amount * 100) / 100;

/**
 * The 6-month trend split by environment. Pull-request environments come and go (a closed PR
 * still has cost in past months), so they are summed into one series rather than one each.
 */
export function costTrend(cost: EntityCostResponse): CostTrend {
  const series: string[] = [];
  const points = cost.months.map(({ month, partial, amount }) => ({
    month,
    partial,
    total: amount,
    amounts: {} as Record<string, number>,
  }));
  const pointByMonth = new Map(points.map(point => [point.month, point]));

  for (const environment of cost.environments) {
    const name =
      environment.kind === 'ephemeral'
        ? PULL_REQUESTS_SERIES
        : environment.environment;
    for (const { month, amount } of environment.months) {
      const point = pointByMonth.get(month);
      if (!point || amount === 0) continue;
      point.amounts[name] = round((point.amounts[name] ?? 0) + amount);
      if (!series.includes(name)) series.push(name);
    }
  }
  // Keep persistent environments first in the backend's order and pull requests last.
  series.sort(
    (a, b) =>
      Number(a === PULL_REQUESTS_SERIES) - Number(b === PULL_REQUESTS_SERIES),
  );
  return { series, points };
}

/** The thresholds the budget bar marks, in percent of the limit. */
export const BUDGET_THRESHOLDS = [50, 80, 95] as const;

export type BudgetLevel = 'ok' | 'notice' | 'warning' | 'critical';

/**
 * How alarming a consumption is: below 50 % ok, from 50 % notice, from 80 % warning, from
 * 95 % (or over the limit) critical. The backend's own `status` decides the wording.
 */
export function budgetLevel(percent: number): BudgetLevel {
  if (percent >= BUDGET_THRESHOLDS[2]) return 'critical';
  if (percent >= BUDGET_THRESHOLDS[1]) return 'warning';
  if (percent >= BUDGET_THRESHOLDS[0]) return 'notice';
  return 'ok';
}

/** Sentence a screen reader announces for the budget bar. */
export function describeBudget(budget: BudgetState): string {
  const used = `${Math.round(budget.consumedPercent)} % of the ${
    budget.name
  } budget used`;
  const forecast =
    budget.forecastPercent !== undefined
      ? `, AWS Budgets forecasts ${Math.round(
          budget.forecastPercent,
        )} % at month end`
      : '';
  return `${used}${forecast}`;
}

/**
 * The name and method of a service's month-end forecast, in words: a card that shows two
 * forecasts (this one and the AWS Budgets one) must say where each comes from.
 */
export function describeForecast(forecast: CostForecast): {
  label: string;
  method: string;
} {
  if (forecast.method === 'cost-explorer') {
    return {
      label: 'Cost Explorer forecast',
      method: "AWS Cost Explorer's forecast (GetCostForecast)",
    };
  }
  return {
    label: 'Run-rate forecast',
    method: `this month so far + the daily average of the last ${RUN_RATE_FORECAST_DAYS} days × the days left`,
  };
}
