import { AwsError } from '../protocols/AwsError.ts';
import {
  addUtcMonths,
  parseUtcDate,
  startOfUtcDay,
  startOfUtcMonth,
} from '../time.ts';
import type { LinePredicate } from './costExpression.ts';
import type { CostLine, CostModel } from './costModel.ts';

/** The request parts and visibility rules GetCostAndUsage and GetCostForecast share. */

export interface CostQueryContext {
  now: Date;
  callerAccount: string;
  costAccount: string;
  accountNames: ReadonlyMap<string, string>;
}

export interface TimePeriod {
  start: Date;
  end: Date;
}

export function validation(message: string): AwsError {
  return new AwsError({ code: 'ValidationException', message });
}

/** Formats an amount the way Cost Explorer does: a decimal string, no trailing zeros. */
export function formatAmount(amount: number): string {
  if (Math.abs(amount) < 5e-11) return '0';
  return amount.toFixed(10).replace(/\.?0+$/, '');
}

export function parseTimePeriod(value: unknown): TimePeriod {
  if (typeof value !== 'object' || value === null) {
    throw validation('TimePeriod is required');
  }
  const { Start, End } = value as Record<string, unknown>;
  const start = typeof Start === 'string' ? parseUtcDate(Start) : undefined;
  const end = typeof End === 'string' ? parseUtcDate(End) : undefined;
  if (!start || !end) {
    throw validation(
      'TimePeriod Start and End must be dates formatted YYYY-MM-DD',
    );
  }
  if (end.getTime() <= start.getTime()) {
    throw validation(
      'Start date (inclusive) must be before end date (exclusive)',
    );
  }
  return { start, end };
}

export function parseGranularity(value: unknown): 'DAILY' | 'MONTHLY' {
  if (value === 'DAILY' || value === 'MONTHLY') return value;
  if (value === 'HOURLY') {
    throw validation('Hourly granularity is not enabled for this account');
  }
  throw validation('Granularity must be DAILY or MONTHLY');
}

/** Calendar periods (days or months) covering [start, end), clipped to the range. */
export function periodsOf(
  range: TimePeriod,
  granularity: 'DAILY' | 'MONTHLY',
  lastDay: Date,
): TimePeriod[] {
  const periods: TimePeriod[] = [];
  const limit = Math.min(
    range.end.getTime(),
    startOfUtcDay(lastDay).getTime() + 86_400_000,
  );
  let cursor = range.start;
  while (cursor.getTime() < limit) {
    const unitEnd =
      granularity === 'DAILY'
        ? new Date(cursor.getTime() + 86_400_000)
        : addUtcMonths(startOfUtcMonth(cursor), 1);
    const end = new Date(Math.min(unitEnd.getTime(), range.end.getTime()));
    periods.push({ start: cursor, end });
    cursor = end;
  }
  return periods;
}

/** Lines the caller may see: the payer sees every linked account, a member only itself. */
export function visibleLines(
  model: CostModel,
  context: CostQueryContext,
  filter: LinePredicate | undefined,
): CostLine[] {
  return model.lines.filter(
    line =>
      (context.callerAccount === context.costAccount ||
        line.account === context.callerAccount) &&
      (!filter || filter(line)),
  );
}
