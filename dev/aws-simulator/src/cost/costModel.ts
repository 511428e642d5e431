import { unitHash } from '@zeroops/simulator-kit';
import { MS_PER_DAY, addUtcMonths, startOfUtcMonth } from '../time.ts';

/**
 * Daily cost of the simulated estate. Nothing is stored per day: the cost of a line on a day
 * is a pure function of the seed, the line and the date, so six months of history for
 * hundreds of resources costs no memory and every query sees the same numbers.
 */

/** The cost allocation tags every ZeroOps resource carries. */
export const SERVICE_TAG = 'zeroops:service';
export const ENVIRONMENT_TAG = 'zeroops:environment';

/**
 * One billed thing: the cost of one AWS service (Cost Explorer's SERVICE dimension) for one
 * tagged group of resources, e.g. Fargate of payments-api in production.
 */
export interface CostLine {
  /** Stable identity, used to derive the day-to-day noise. */
  key: string;
  account: string;
  region: string;
  /** Cost Explorer SERVICE dimension value, e.g. `Amazon Elastic Container Service`. */
  awsService: string;
  /** Cost allocation tags; an absent key means the resources do not carry that tag. */
  tags: Readonly<Record<string, string>>;
  /** What a full month costs at the level of the day the simulator started. */
  monthlyAtAnchor: number;
  /** Cost on Saturdays and Sundays relative to weekdays (scale-down outside production). */
  weekendFactor: number;
  /** First active day, in days before today (inclusive). Undefined: since the history began. */
  activeFromDaysAgo?: number;
  /** Last active day, in days before today (exclusive). Undefined: still running. */
  activeUntilDaysAgo?: number;
}

export interface CostModelOptions {
  seed: number;
  /** Month-over-month growth. */
  monthlyGrowth: number;
  /** Relative daily noise amplitude. */
  noise: number;
  /** Months of history before the current month. */
  historyMonths: number;
  /** Groups per GetCostAndUsage page. */
  pageSize: number;
  /** The day the monthly amounts refer to (the simulator's start day). */
  anchor: Date;
}

const AVERAGE_DAYS_PER_MONTH = 30.436875;

/** Days since 1970-01-01 UTC. */
export function epochDay(date: Date): number {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

function isWeekend(day: number): boolean {
  // 1970-01-01 was a Thursday: day 2 is Saturday, day 3 is Sunday.
  const weekday = (day + 4) % 7;
  return weekday === 0 || weekday === 6;
}

export class CostModel {
  readonly lines: readonly CostLine[];
  readonly options: CostModelOptions;
  readonly #anchorDay: number;

  constructor(lines: CostLine[], options: CostModelOptions) {
    this.lines = lines;
    this.options = options;
    this.#anchorDay = epochDay(options.anchor);
  }

  /** First day with cost data: the first day of the month `historyMonths` before today's. */
  historyStartDay(today: Date): number {
    return epochDay(
      addUtcMonths(startOfUtcMonth(today), -this.options.historyMonths),
    );
  }

  isActive(line: CostLine, day: number, todayDay: number): boolean {
    const daysAgo = todayDay - day;
    if (daysAgo < 0) return false;
    if (
      line.activeFromDaysAgo !== undefined &&
      daysAgo > line.activeFromDaysAgo
    ) {
      return false;
    }
    if (
      line.activeUntilDaysAgo !== undefined &&
      daysAgo <= line.activeUntilDaysAgo
    ) {
      return false;
    }
    return true;
  }

  /** The noise-free cost of the line on the day: the trend a forecast follows. */
  expected(line: CostLine, day: number): number {
    const { monthlyGrowth } = this.options;
    const trend = Math.pow(
      1 + monthlyGrowth,
      (day - this.#anchorDay) / AVERAGE_DAYS_PER_MONTH,
    );
    const weekendShare = (5 + 2 * line.weekendFactor) / 7;
    const dayFactor = (isWeekend(day) ? line.weekendFactor : 1) / weekendShare;
    return (line.monthlyAtAnchor / AVERAGE_DAYS_PER_MONTH) * trend * dayFactor;
  }

  /** What the line cost on the day (0 outside its life, before the history, or in the future). */
  actual(
    line: CostLine,
    day: number,
    todayDay: number,
    historyStart: number,
  ): number {
    if (day < historyStart || !this.isActive(line, day, todayDay)) return 0;
    const noise =
      this.options.noise *
      (2 * unitHash(`${this.options.seed}/${line.key}/${day}`) - 1);
    return this.expected(line, day) * (1 + noise);
  }
}
