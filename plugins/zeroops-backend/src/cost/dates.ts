/** UTC calendar helpers on `YYYY-MM-DD` strings (Cost Explorer's date format). */

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function parseIsoDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function addDays(day: string, days: number): string {
  const date = parseIsoDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return toIsoDate(date);
}

/** `2025-03-14` → `2025-03` */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** First day of the month `months` away from the month of `day`. */
export function firstOfMonth(day: string, months = 0): string {
  const date = parseIsoDate(day);
  const first = new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1),
  );
  return toIsoDate(first);
}

export function daysInMonth(day: string): number {
  const date = parseIsoDate(day);
  return new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0),
  ).getUTCDate();
}

/** Day of the month, 1-based. */
export function dayOfMonth(day: string): number {
  return parseIsoDate(day).getUTCDate();
}
