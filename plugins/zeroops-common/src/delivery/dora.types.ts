/**
 * Shapes of the DORA metrics. The definitions are in `dora.ts`; the bands and the seed's targets in
 * `doraTargets.ts`.
 */

/**
 * DORA performance band (Accelerate State of DevOps Report 2023).
 *
 * @public
 */
export type DoraBand = 'elite' | 'high' | 'medium' | 'low' | 'no-data';

/** @public */
export type DoraWindowDays = 7 | 30 | 90;

/** @public */
export type DoraMetricName =
  | 'deploymentFrequency'
  | 'leadTime'
  | 'changeFailureRate'
  | 'timeToRestore';

/**
 * One metric over the window: its value, its band and whether it meets the seed's target.
 *
 * @public
 */
export interface DoraMetric {
  /**
   * deploymentFrequency: successful production changes per day; leadTime and timeToRestore:
   * median minutes; changeFailureRate: a fraction 0–1. Absent when there is nothing to measure.
   */
  value?: number;
  /**
   * How many observations the value rests on: deploymentFrequency and leadTime, changes deployed
   * in the window; changeFailureRate, changes with a finished production deployment in the
   * window; timeToRestore, incidents restored in the window.
   */
  samples: number;
  /**
   * Observations left out because a time was missing: for leadTime, deployed changes whose
   * records carry neither `firstCommitAt` nor `commitAt`. Absent for the other metrics.
   */
  excluded?: number;
  band: DoraBand;
  /** The seed's target for this metric, in the same unit as `value`. */
  target: number;
  /** Absent when there is no value. */
  meetsTarget?: boolean;
}

/**
 * One UTC week (Monday 00:00) of the trend.
 *
 * @public
 */
export interface DoraWeek {
  /** ISO 8601 date of the Monday. The first and last weeks are clipped to the window. */
  weekStart: string;
  /** Changes whose first successful production deployment finished in the week. */
  deployments: number;
  leadTimeMinutes?: number;
  changeFailureRate?: number;
  timeToRestoreMinutes?: number;
}

/**
 * DORA metrics of one service (or a team: the union of its services' deployments).
 *
 * @public
 */
export interface DoraSummary {
  windowDays: DoraWindowDays;
  /** ISO 8601, inclusive. */
  from: string;
  /** ISO 8601, exclusive. */
  to: string;
  deploymentFrequency: DoraMetric;
  leadTime: DoraMetric;
  changeFailureRate: DoraMetric;
  timeToRestore: DoraMetric;
  /** Failures with no healthy production deployment after them yet. */
  openIncidents: number;
  weekly: DoraWeek[];
}
