import type { components } from './generated/openapi';

/**
 * Health of one environment instance of a service on the overview.
 *
 * @public
 */
export type OverviewEnvironment = components['schemas']['OverviewEnvironment'];

/**
 * A pull-request environment of a service.
 *
 * @public
 */
export type OverviewEphemeralEnvironment =
  components['schemas']['OverviewEphemeralEnvironment'];

/**
 * Cost of a service on the overview (only for callers allowed `zeroops.cost.read`).
 *
 * @public
 */
export type OverviewServiceCost = NonNullable<
  components['schemas']['OverviewService']['cost']
>;

/** @public */
export type OverviewService = components['schemas']['OverviewService'];

/**
 * `GET /overview`: every service the caller may read.
 *
 * @public
 */
export type OverviewResponse = components['schemas']['OverviewResponse'];
