import { DoraWindowDays } from './dora.types';

export const MS_PER_DAY = 86_400_000;
const MS_PER_WEEK = 7 * MS_PER_DAY;

/**
 * The windows DORA is measured over, in days. One source for the API's `window` parameter.
 *
 * @public
 */
export const DORA_WINDOWS: readonly DoraWindowDays[] = [7, 30, 90];

/** @public */
export const DEFAULT_DORA_WINDOW: DoraWindowDays = 30;

/**
 * Reads a `window` parameter ("7", "30", "90" or the number); undefined for anything else.
 *
 * @public
 */
export function parseDoraWindow(
  value: string | number | undefined,
): DoraWindowDays | undefined {
  const days = typeof value === 'number' ? value : Number(value);
  return DORA_WINDOWS.find(w => w === days);
}

/** A half-open interval of instants, in epoch milliseconds: [from, to). */
export interface InstantRange {
  from: number;
  to: number;
}

/** Monday 00:00 UTC of the week that contains `instant` (epoch ms). */
export function utcWeekStart(instant: number): number {
  const day = Math.floor(instant / MS_PER_DAY);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counted from Monday.
  const weekday = (((day + 3) % 7) + 7) % 7;
  return (day - weekday) * MS_PER_DAY;
}

/**
 * The UTC weeks (Monday 00:00 to Monday 00:00) that overlap `window`, each clipped to the
 * window, so that the weeks partition the window: the first and last weeks are usually partial,
 * and the weekly counts add up to the window's.
 */
export function utcWeeksOverlapping(
  window: InstantRange,
): Array<{ weekStart: number; range: InstantRange }> {
  const weeks: Array<{ weekStart: number; range: InstantRange }> = [];
  for (
    let weekStart = utcWeekStart(window.from);
    weekStart < window.to;
    weekStart += MS_PER_WEEK
  ) {
    weeks.push({
      weekStart,
      range: {
        from: Math.max(weekStart, window.from),
        to: Math.min(weekStart + MS_PER_WEEK, window.to),
      },
    });
  }
  return weeks;
}
