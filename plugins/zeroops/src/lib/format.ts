/**
 * Formatting shared by the cards and the overview page. English only for now, with an explicit
 * locale so that server and test environments render the same text.
 */

const LOCALE = 'en-US';

export function formatMoney(amount: number, currency = 'USD'): string {
  return new Intl.NumberFormat(LOCALE, {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(amount);
}

export function formatPercent(percent: number): string {
  return `${new Intl.NumberFormat(LOCALE, {
    maximumFractionDigits: 1,
  }).format(percent)} %`;
}

/** The first 7 characters of a git commit SHA, as GitHub shows it. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** How long ago an ISO 8601 time was, coarsely: "just now", "12 min", "5 h", "3 d". */
export function formatAge(iso: string, now: number = Date.now()): string {
  const ms = now - new Date(iso).getTime();
  if (!Number.isFinite(ms)) return 'unknown';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

/** "5 h ago", or "just now". */
export function formatAgo(iso: string, now: number = Date.now()): string {
  const age = formatAge(iso, now);
  return age === 'just now' || age === 'unknown' ? age : `${age} ago`;
}

/** An absolute time for tooltips and titles: "2026-11-26 06:35 UTC". */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * When data was last refreshed, for a card's footer line: the time since then, then the exact
 * time, "5 h ago (2026-11-26 01:00 UTC)".
 */
export function formatAgoWithTimestamp(
  iso: string,
  now: number = Date.now(),
): string {
  return `${formatAgo(iso, now)} (${formatTimestamp(iso)})`;
}

/** "2026-06" → "Jun 2026" */
export function formatMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  if (!year || !monthNumber) return month;
  return new Intl.DateTimeFormat(LOCALE, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, monthNumber - 1, 1)));
}

/** ECS enum words for people: "TEST_TRAFFIC_SHIFT" → "test traffic shift". */
export function humanizeEnum(value: string): string {
  return value.toLocaleLowerCase(LOCALE).replace(/_/g, ' ');
}
