import { DoraBand, DoraMetricName } from './dora.types';

const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
/** The report's "one month", taken as 30 days. */
const MINUTES_PER_MONTH = 30 * MINUTES_PER_DAY;

/**
 * Performance levels of the Accelerate State of DevOps Report 2023 (DORA, Google Cloud), table
 * "Software delivery performance" — https://dora.dev/research/2023/dora-report/ — with each
 * level's range reduced to its better bound so that every value falls in exactly one band:
 *
 * - deployment frequency (changes per day): elite ≥ 1/day (on demand), high ≥ 1/week,
 *   medium ≥ 1/month (30 days), low below;
 * - lead time for changes: elite under 1 day, high under 1 week, medium under 1 month (30 days), low otherwise;
 * - change failure rate: elite ≤ 5 %, high ≤ 10 %, medium ≤ 15 %, low above;
 * - time to restore (the 2023 report's "failed deployment recovery time"): elite under 1 hour,
 *   high under 1 day, medium under 1 week, low otherwise.
 *
 * Units are those of {@link DoraMetric}'s `value`: per day, minutes, a fraction 0–1, minutes.
 *
 * @public
 */
export const DORA_BANDS = {
  deploymentFrequency: {
    better: 'higher',
    inclusive: true,
    elite: 1,
    high: 1 / 7,
    medium: 1 / 30,
  },
  leadTime: {
    better: 'lower',
    inclusive: false,
    elite: MINUTES_PER_DAY,
    high: MINUTES_PER_WEEK,
    medium: MINUTES_PER_MONTH,
  },
  changeFailureRate: {
    better: 'lower',
    inclusive: true,
    elite: 0.05,
    high: 0.1,
    medium: 0.15,
  },
  timeToRestore: {
    better: 'lower',
    inclusive: false,
    elite: MINUTES_PER_HOUR,
    high: MINUTES_PER_DAY,
    medium: MINUTES_PER_WEEK,
  },
} as const satisfies Record<
  DoraMetricName,
  {
    /** Whether a higher or a lower value is better. */
    better: 'higher' | 'lower';
    /** Whether a value equal to a bound is in the better band. */
    inclusive: boolean;
    elite: number;
    high: number;
    medium: number;
  }
>;

/**
 * The seed's success metrics (`seed/architecture-overview.md`, "Success Metrics"), in the units
 * of {@link DoraMetric}'s `value`, and how a value meets them:
 *
 * - deployment frequency "multiple per day": at least 2 changes per day;
 * - lead time "under 30 minutes from commit to production": under 30 minutes;
 * - mean time to recovery "under 15 minutes": under 15 minutes;
 * - change failure rate "under 5 %": under 0.05.
 *
 * @public
 */
export const DORA_TARGETS = {
  deploymentFrequency: { value: 2, meets: 'at-least' },
  leadTime: { value: 30, meets: 'below' },
  changeFailureRate: { value: 0.05, meets: 'below' },
  timeToRestore: { value: 15, meets: 'below' },
} as const satisfies Record<
  DoraMetricName,
  { value: number; meets: 'at-least' | 'below' }
>;

/**
 * The DORA band of a value, `no-data` when there is no value.
 *
 * @public
 */
export function doraBandOf(
  metric: DoraMetricName,
  value: number | undefined,
): DoraBand {
  if (value === undefined || Number.isNaN(value)) return 'no-data';
  const bands = DORA_BANDS[metric];
  const within = (bound: number) => {
    if (bands.better === 'higher') return value >= bound;
    return bands.inclusive ? value <= bound : value < bound;
  };
  if (within(bands.elite)) return 'elite';
  if (within(bands.high)) return 'high';
  if (within(bands.medium)) return 'medium';
  return 'low';
}

/**
 * Whether a value meets the seed's target; undefined when there is no value.
 *
 * @public
 */
export function meetsDoraTarget(
  metric: DoraMetricName,
  value: number | undefined,
): boolean | undefined {
  if (value === undefined || Number.isNaN(value)) return undefined;
  const target = DORA_TARGETS[metric];
  return target.meets === 'at-least'
    ? value >= target.value
    : value < target.value;
}
