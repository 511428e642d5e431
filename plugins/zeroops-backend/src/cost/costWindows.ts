import { addDays, dayOfMonth, firstOfMonth } from './dates';

/** Months shown: the current one and this many before it. */
export const HISTORY_MONTHS = 5;
/** Days shown in the daily series, ending with the snapshot day. */
export const DAILY_DAYS = 30;

/**
 * Days after a day during which Cost Explorer may still change its cost. Cost Explorer
 * refreshes its data at least once every 24 hours and usage records reach it up to a day
 * late, so a day is complete about two days after it ends; one more day is margin. A read
 * made this many days after the day (or later) is kept as final and never repeated.
 */
export const REVISABLE_DAYS = 3;

/**
 * Day of the month from which the previous month counts as closed. AWS finalizes the bill
 * for the previous month at the beginning of the month and charges it "usually between the
 * third and the fifth day" (AWS re:Post, "When will my AWS bill be ready?"); support fees,
 * which depend on the final usage, are added "on the sixth or seventh of the month" (AWS Cost
 * and Usage Report guide, "Viewing finalized reports"). From the 8th the month is read once,
 * MONTHLY, and kept. Refunds or credits AWS applies later are not picked up.
 */
export const MONTH_CLOSES_ON_DAY = 8;

/** A Cost Explorer time period: start inclusive, end exclusive. */
export interface CostPeriod {
  start: string;
  end: string;
}

/** What the stored snapshot already holds as final (from the previous refresh). */
export interface FinalCoverage {
  /** Last day whose stored DAILY cost was read after it stopped changing. */
  daysFinalThrough: string;
  /** First day of the last month whose stored MONTHLY cost was read after it closed. */
  monthsFinalThrough?: string;
}

/** The Cost Explorer reads of one refresh and which stored lines it keeps. */
export interface CostReadPlan {
  /** DAILY read: the days Cost Explorer can still revise (plus any gap since the last read). */
  daily: CostPeriod;
  /** MONTHLY read: the closed months not stored yet, if any. */
  monthly?: CostPeriod;
  /** Stored DAILY lines kept as they are (final). */
  keepDaily: CostPeriod;
  /** Stored MONTHLY lines kept as they are (closed months). */
  keepMonthly: CostPeriod;
  /** Coverage after this refresh, stored with the snapshot for the next one. */
  coverage: FinalCoverage;
}

const earlier = (a: string, b: string) => (a < b ? a : b);
const later = (a: string, b: string) => (a > b ? a : b);

/** Whether the month before `today`'s has closed (see {@link MONTH_CLOSES_ON_DAY}). */
export function previousMonthClosed(today: string): boolean {
  return dayOfMonth(today) >= MONTH_CLOSES_ON_DAY;
}

/**
 * Plans a refresh on `today` given what the stored snapshot holds (`kept`; undefined when
 * there is no usable snapshot, which reads everything once).
 *
 * - Daily lines are stored from the earlier of "29 days ago" and the first day of the
 *   oldest month that is not closed yet (the current month, or also the previous one before
 *   it closes, whose total is then the sum of its days).
 * - A refresh reads DAILY from the first day not yet final up to today: normally the last
 *   {@link REVISABLE_DAYS} days and today, after an outage also the days it missed.
 * - Closed months are read MONTHLY once, when they close, and kept for
 *   {@link HISTORY_MONTHS} months.
 */
export function costReadPlan(
  today: string,
  kept?: FinalCoverage,
): CostReadPlan {
  const monthStart = firstOfMonth(today);
  const closed = previousMonthClosed(today);
  const lastClosedMonth = firstOfMonth(today, closed ? -1 : -2);
  const oldestMonth = firstOfMonth(today, -HISTORY_MONTHS);
  const dailyFrom = earlier(
    addDays(today, -(DAILY_DAYS - 1)),
    closed ? monthStart : firstOfMonth(today, -1),
  );
  const revisableFrom = addDays(today, -REVISABLE_DAYS);
  const firstNotFinal = kept ? addDays(kept.daysFinalThrough, 1) : dailyFrom;
  const dailyStart = later(dailyFrom, earlier(revisableFrom, firstNotFinal));

  const monthlyStart = later(
    oldestMonth,
    kept?.monthsFinalThrough ? firstOfMonth(kept.monthsFinalThrough, 1) : '',
  );
  const monthsToRead = monthlyStart <= lastClosedMonth;
  return {
    daily: { start: dailyStart, end: addDays(today, 1) },
    monthly: monthsToRead
      ? { start: monthlyStart, end: firstOfMonth(lastClosedMonth, 1) }
      : undefined,
    keepDaily: { start: dailyFrom, end: dailyStart },
    keepMonthly: { start: oldestMonth, end: monthlyStart },
    coverage: {
      daysFinalThrough: revisableFrom,
      monthsFinalThrough: monthsToRead
        ? lastClosedMonth
        : kept?.monthsFinalThrough,
    },
  };
}
