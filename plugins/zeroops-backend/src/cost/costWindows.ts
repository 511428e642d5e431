import { addDays, firstOfMonth } from './dates';

/** Months shown: the current one and this many before it. */
export const HISTORY_MONTHS = 5;
/** Days shown in the daily series, ending with the snapshot day. */
export const DAILY_DAYS = 30;

/** A Cost Explorer time period: start inclusive, end exclusive. */
export interface CostPeriod {
  start: string;
  end: string;
}

/**
 * The two Cost Explorer queries of a refresh. Complete past months are asked for MONTHLY
 * (one row per group and month) and only the recent days DAILY: asking 6 months DAILY would
 * return ~30 times more groups, and Cost Explorer charges per page of results.
 *
 * - daily: from the earlier of "first of this month" and "29 days ago", up to today inclusive
 *   (today is partial);
 * - monthly: the 5 complete months before the current one.
 */
export function costQueryWindows(today: string): {
  daily: CostPeriod;
  monthly: CostPeriod;
} {
  const monthStart = firstOfMonth(today);
  const thirtyDaysAgo = addDays(today, -(DAILY_DAYS - 1));
  return {
    daily: {
      start: thirtyDaysAgo < monthStart ? thirtyDaysAgo : monthStart,
      end: addDays(today, 1),
    },
    monthly: { start: firstOfMonth(today, -HISTORY_MONTHS), end: monthStart },
  };
}
