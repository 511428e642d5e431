/**
 * Pure cost arithmetic over the stored Cost Explorer lines: month and day series, month to
 * date, run-rate forecast and budget state. No I/O; tested on its own.
 */
import {
  BudgetState,
  CostForecast,
  DailyCost,
  EnvironmentCost,
  MonthlyCost,
  parseEphemeralEnvironmentName,
  RUN_RATE_FORECAST_DAYS,
} from '@zeroops/backstage-plugin-zeroops-common';
import { DAILY_DAYS, HISTORY_MONTHS } from './costWindows';
import {
  addDays,
  dayOfMonth,
  daysInMonth,
  firstOfMonth,
  monthOf,
} from './dates';

/** One stored cost line: a service × environment instance × period. */
export interface CostLine {
  service: string;
  environment: string;
  granularity: 'DAILY' | 'MONTHLY';
  /** `YYYY-MM-DD`: the day, or the first day of the month. */
  periodStart: string;
  amount: number;
}

/** Days of recent history the run rate averages (the frontend explains the forecast with it). */
export const RUN_RATE_DAYS = RUN_RATE_FORECAST_DAYS;

/** Cents are what people read; binary float noise is not. */
export function roundMoney(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/**
 * Forecast for the month of `today` from the daily run rate:
 *
 *   forecast = (cost of the complete days of this month)
 *            + rate × (days left in the month, today included)
 *
 * where rate is the mean cost of the last {@link RUN_RATE_DAYS} complete days before today
 * (fewer if there is less history). Today's cost is partial, so it is replaced by the rate.
 * Without any complete day the forecast is the month to date.
 */
export function runRateForecast(
  dailyByDay: ReadonlyMap<string, number>,
  today: string,
): number {
  const monthStart = firstOfMonth(today);
  let completeThisMonth = 0;
  for (let day = monthStart; day < today; day = addDays(day, 1)) {
    completeThisMonth += dailyByDay.get(day) ?? 0;
  }
  const recent: number[] = [];
  for (let i = 1; i <= RUN_RATE_DAYS; i++) {
    const day = addDays(today, -i);
    const amount = dailyByDay.get(day);
    if (amount !== undefined) recent.push(amount);
  }
  if (recent.length === 0) {
    return roundMoney(completeThisMonth + (dailyByDay.get(today) ?? 0));
  }
  const rate = recent.reduce((a, b) => a + b, 0) / recent.length;
  const daysLeft = daysInMonth(today) - dayOfMonth(today) + 1;
  return roundMoney(completeThisMonth + rate * daysLeft);
}

/** Cost figures of a set of lines (one environment, or all of a service). */
export interface CostFigures {
  monthToDate: number;
  forecast: CostForecast;
  months: MonthlyCost[];
  days: DailyCost[];
}

/**
 * Month series (5 complete months from MONTHLY lines, or from DAILY lines for the previous
 * month until it closes, + the current month from DAILY lines),
 * the last 30 days, month to date and the run-rate forecast.
 */
export function costFigures(
  lines: readonly CostLine[],
  today: string,
): CostFigures {
  const daily = new Map<string, number>();
  const monthly = new Map<string, number>();
  for (const line of lines) {
    if (line.granularity === 'DAILY') {
      daily.set(
        line.periodStart,
        (daily.get(line.periodStart) ?? 0) + line.amount,
      );
    } else {
      const month = monthOf(line.periodStart);
      monthly.set(month, (monthly.get(month) ?? 0) + line.amount);
    }
  }
  const currentMonth = monthOf(today);
  // A month without a MONTHLY line has not closed yet: its total is the sum of its days.
  const dailyByMonth = new Map<string, number>();
  for (const [day, amount] of daily) {
    if (day > today) continue;
    const month = monthOf(day);
    dailyByMonth.set(month, (dailyByMonth.get(month) ?? 0) + amount);
  }
  const monthToDate = dailyByMonth.get(currentMonth) ?? 0;
  const months: MonthlyCost[] = [];
  for (let i = -HISTORY_MONTHS; i <= 0; i++) {
    const month = monthOf(firstOfMonth(today, i));
    months.push(
      i === 0
        ? { month, amount: roundMoney(monthToDate), partial: true }
        : {
            month,
            amount: roundMoney(
              monthly.get(month) ?? dailyByMonth.get(month) ?? 0,
            ),
            partial: false,
          },
    );
  }
  const days: DailyCost[] = [];
  for (let i = DAILY_DAYS - 1; i >= 0; i--) {
    const date = addDays(today, -i);
    days.push({ date, amount: roundMoney(daily.get(date) ?? 0) });
  }
  return {
    monthToDate: roundMoney(monthToDate),
    forecast: { amount: runRateForecast(daily, today), method: 'run-rate' },
    months,
    days,
  };
}

/** Persistent instances first (by name), then pull requests by number. */
export function compareEnvironmentNames(a: string, b: string): number {
  const prA = parseEphemeralEnvironmentName(a);
  const prB = parseEphemeralEnvironmentName(b);
  if (prA !== undefined && prB !== undefined) return prA - prB;
  if (prA !== undefined) return 1;
  if (prB !== undefined) return -1;
  return a.localeCompare(b);
}

/** Cost of a service: totals plus one entry per environment instance it had cost in. */
export function serviceCost(
  lines: readonly CostLine[],
  today: string,
  persistentOrder: readonly string[] = [],
): CostFigures & { environments: EnvironmentCost[] } {
  const byEnvironment = new Map<string, CostLine[]>();
  for (const line of lines) {
    const list = byEnvironment.get(line.environment) ?? [];
    list.push(line);
    byEnvironment.set(line.environment, list);
  }
  const order = (name: string) => {
    const index = persistentOrder.indexOf(name);
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  const environments = [...byEnvironment.keys()]
    .sort((a, b) => order(a) - order(b) || compareEnvironmentNames(a, b))
    .map(environment => ({
      environment,
      kind:
        parseEphemeralEnvironmentName(environment) === undefined
          ? ('persistent' as const)
          : ('ephemeral' as const),
      ...costFigures(byEnvironment.get(environment) ?? [], today),
    }));
  return { ...costFigures(lines, today), environments };
}

/** A budget as stored from DescribeBudgets. */
export interface BudgetLine {
  name: string;
  service?: string;
  environment?: string;
  limit: number;
  actual: number;
  forecast?: number;
  currency: string;
}

/**
 * `over` once actual spend reaches the limit; `at-risk` when actual spend reaches the warning
 * percentage or the forecast exceeds the limit; `ok` otherwise.
 */
export function budgetState(
  budget: BudgetLine,
  warningPercent: number,
): BudgetState {
  const consumedPercent =
    budget.limit > 0 ? (budget.actual / budget.limit) * 100 : 0;
  const forecastPercent =
    budget.forecast !== undefined && budget.limit > 0
      ? (budget.forecast / budget.limit) * 100
      : undefined;
  let status: BudgetState['status'] = 'ok';
  if (budget.limit > 0 && budget.actual >= budget.limit) status = 'over';
  else if (
    consumedPercent >= warningPercent ||
    (forecastPercent !== undefined && forecastPercent > 100)
  ) {
    status = 'at-risk';
  }
  return {
    name: budget.name,
    limit: roundMoney(budget.limit),
    currency: budget.currency,
    actual: roundMoney(budget.actual),
    forecast:
      budget.forecast !== undefined ? roundMoney(budget.forecast) : undefined,
    consumedPercent: Math.round(consumedPercent * 10) / 10,
    forecastPercent:
      forecastPercent !== undefined
        ? Math.round(forecastPercent * 10) / 10
        : undefined,
    status,
  };
}
