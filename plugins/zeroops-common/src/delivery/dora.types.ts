/**
 * Shapes of the DORA metrics. The definitions are in `dora.ts`; the bands and the seed's targets in
 * `doraTargets.ts`.
 */

import type { components } from '../api/generated/openapi';

/**
 * DORA performance band (Accelerate State of DevOps Report 2023).
 *
 * @public
 */
export type DoraBand = components['schemas']['DoraBand'];

/** @public */
export type DoraWindowDays = components['schemas']['DoraWindowDays'];

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
export type DoraMetric = components['schemas']['DoraMetric'];

/**
 * One UTC week (Monday 00:00) of the trend.
 *
 * @public
 */
export type DoraWeek = components['schemas']['DoraWeek'];

/**
 * DORA metrics of one service (or a team: the union of its services' deployments).
 *
 * @public
 */
export type DoraSummary = components['schemas']['DoraSummary'];
