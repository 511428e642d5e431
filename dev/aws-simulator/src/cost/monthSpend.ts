import { daysInUtcMonth, startOfUtcDay, startOfUtcMonth } from '../time.ts';
import { type CostLine, type CostModel, epochDay } from './costModel.ts';

/**
 * Month-to-date spend and month-end forecast of a set of cost lines, as AWS Budgets reports
 * them in CalculatedSpend: actual cost so far this month (today included) plus the expected
 * cost of the remaining days for lines still running.
 */
export function monthSpend(
  model: CostModel,
  lines: readonly CostLine[],
  now: Date,
): { actual: number; forecast: number } {
  const today = startOfUtcDay(now);
  const todayDay = epochDay(today);
  const monthStart = epochDay(startOfUtcMonth(today));
  const monthEnd = monthStart + daysInUtcMonth(today);
  const historyStart = model.historyStartDay(today);
  let actual = 0;
  let remaining = 0;
  for (const line of lines) {
    for (let day = monthStart; day <= todayDay; day++) {
      actual += model.actual(line, day, todayDay, historyStart);
    }
    if (model.isActive(line, todayDay, todayDay)) {
      for (let day = todayDay + 1; day < monthEnd; day++) {
        remaining += model.expected(line, day);
      }
    }
  }
  return { actual, forecast: actual + remaining };
}
