/**
 * Cost of one calendar month (UTC). `partial` marks the current month (month to date).
 *
 * @public
 */
export interface MonthlyCost {
  /** `YYYY-MM` */
  month: string;
  amount: number;
  partial: boolean;
}

/**
 * Cost of one UTC day.
 *
 * @public
 */
export interface DailyCost {
  /** `YYYY-MM-DD` */
  date: string;
  amount: number;
}

/**
 * How the month-end forecast was computed: the daily run rate of the snapshot, or AWS Cost
 * Explorer's `GetCostForecast` (called only by the scheduled refresh, never per view).
 *
 * @public
 */
export type ForecastMethod = 'run-rate' | 'cost-explorer';

/**
 * Complete days before today whose mean cost is the daily rate of the `run-rate` forecast:
 * forecast = cost of this month's complete days + rate × days left (today included).
 *
 * @public
 */
export const RUN_RATE_FORECAST_DAYS = 7;

/** @public */
export interface CostForecast {
  /** Expected total for the current month. */
  amount: number;
  method: ForecastMethod;
}

/**
 * `ok` below the warning threshold, `at-risk` when actual or forecast reach it, `over` when
 * actual spend exceeds the limit.
 *
 * @public
 */
export type BudgetStatus = 'ok' | 'at-risk' | 'over';

/**
 * An AWS Budget of the service and its consumption this month.
 *
 * @public
 */
export interface BudgetState {
  name: string;
  limit: number;
  currency: string;
  actual: number;
  forecast?: number;
  /** actual / limit × 100 */
  consumedPercent: number;
  /** forecast / limit × 100 */
  forecastPercent?: number;
  status: BudgetStatus;
}

/**
 * Cost of one environment instance of the service.
 *
 * @public
 */
export interface EnvironmentCost {
  /** `production`, `staging`, `pr-12` (the `zeroops:environment` tag value). */
  environment: string;
  kind: 'persistent' | 'ephemeral';
  monthToDate: number;
  forecast: CostForecast;
  /** Current month and the 5 before it, oldest first. */
  months: MonthlyCost[];
  /** Last 30 days ending on the snapshot day, oldest first. */
  days: DailyCost[];
}

/**
 * `GET /entities/{kind}/{namespace}/{name}/cost`
 *
 * Served from the plugin database, filled by the scheduled refresh; a page view never calls
 * Cost Explorer. Before the first refresh, `lastRefreshedAt` is null and the series are empty.
 *
 * @public
 */
export interface EntityCostResponse {
  entityRef: string;
  serviceName: string;
  currency: string;
  monthToDate: number;
  forecast: CostForecast;
  /** Current month and the 5 before it, oldest first. */
  months: MonthlyCost[];
  /** Last 30 days ending on the snapshot day, oldest first. */
  days: DailyCost[];
  /** Per environment instance, persistent first then ephemeral by PR number. */
  environments: EnvironmentCost[];
  budget?: BudgetState;
  /** ISO 8601 time of the snapshot; null before the first refresh. */
  lastRefreshedAt: string | null;
  demoData: boolean;
}
