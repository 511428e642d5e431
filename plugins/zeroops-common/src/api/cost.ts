import type { components } from './generated/openapi';

/**
 * Cost of one calendar month (UTC). `partial` marks the current month (month to date).
 *
 * @public
 */
export type MonthlyCost = components['schemas']['MonthlyCost'];

/**
 * Cost of one UTC day.
 *
 * @public
 */
export type DailyCost = components['schemas']['DailyCost'];

/**
 * How the month-end forecast was computed: the daily run rate of the snapshot, or AWS Cost
 * Explorer's `GetCostForecast` (called only by the scheduled refresh, never per view).
 *
 * @public
 */
export type ForecastMethod = components['schemas']['CostForecast']['method'];

/**
 * Complete days before today whose mean cost is the daily rate of the `run-rate` forecast:
 * forecast = cost of this month's complete days + rate × days left (today included).
 *
 * @public
 */
export const RUN_RATE_FORECAST_DAYS = 7;

/** @public */
export type CostForecast = components['schemas']['CostForecast'];

/**
 * `ok` below the warning threshold, `at-risk` when actual or forecast reach it, `over` when
 * actual spend exceeds the limit.
 *
 * @public
 */
export type BudgetStatus = components['schemas']['BudgetState']['status'];

/**
 * An AWS Budget of the service and its consumption this month.
 *
 * @public
 */
export type BudgetState = components['schemas']['BudgetState'];

/**
 * Cost of one environment instance of the service.
 *
 * @public
 */
export type EnvironmentCost = components['schemas']['EnvironmentCost'];

/**
 * `GET /entities/{kind}/{namespace}/{name}/cost`
 *
 * Served from the plugin database, filled by the scheduled refresh; a page view never calls
 * Cost Explorer. Before the first refresh, `lastRefreshedAt` is null and the series are empty.
 *
 * @public
 */
export type EntityCostResponse = components['schemas']['EntityCostResponse'];
