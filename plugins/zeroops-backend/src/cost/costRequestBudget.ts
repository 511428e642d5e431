import { CostExplorerSettings } from '../config/ZeroOpsConfig';
import {
  HISTORY_MONTHS,
  MONTH_CLOSES_ON_DAY,
  REVISABLE_DAYS,
} from './costWindows';

const DAY_MS = 86_400_000;

/**
 * Groups (service × environment pairs of one period) per GetCostAndUsage page. AWS does not
 * document Cost Explorer's page size; this is the AWS simulator's, and the formula takes it
 * as a parameter so an operator can put in what their refreshes record.
 */
export const COST_EXPLORER_GROUPS_PER_PAGE = 500;

/** Most days a first refresh reads DAILY: a 31-day previous month not closed yet, plus today's month so far. */
const FIRST_REFRESH_MAX_DAYS = 31 + MONTH_CLOSES_ON_DAY - 1;

export interface CostRequestBudgetInput {
  services: number;
  /** Environment instances per service that have cost (persistent ones plus open pull requests). */
  environments: number;
  refreshIntervalMs: CostExplorerSettings['refreshIntervalMs'];
  forecast: CostExplorerSettings['forecast'];
  groupsPerPage?: number;
}

/** Billed Cost Explorer requests of the cost refresh ($0.01 each). */
export interface CostRequestBudget {
  /** Groups per day of cost: services × environments. */
  groupsPerDay: number;
  /** Days each refresh reads DAILY. */
  daysPerRefresh: number;
  refreshesPerDay: number;
  /** GetCostAndUsage pages plus GetCostForecast of one refresh. */
  requestsPerRefresh: number;
  /** The MONTHLY read of a month when it closes, once a month. */
  monthCloseRequests: number;
  /** The busiest day (the day a month closes): an upper bound for every day. */
  requestsPerDay: number;
  /** At most, once, with an empty database. */
  firstRefreshRequests: number;
}

const pages = (groups: number, perPage: number) =>
  Math.max(1, Math.ceil(groups / perPage));

/**
 * The Cost Explorer requests of the scheduled refresh, from the size of the estate and the
 * settings (README "Cost Explorer requests"):
 *
 *   G = services × environments, P = groups per page,
 *   D = REVISABLE_DAYS + ⌈interval / 24 h⌉ days read DAILY per refresh,
 *   R = ⌈24 h / interval⌉ refreshes a day, F = 1 with `forecast: cost-explorer`, else 0
 *
 *   requests per refresh = ⌈D × G / P⌉ + F
 *   requests per day    ≤ R × (⌈D × G / P⌉ + F) + ⌈G / P⌉   (the last term on the day a month closes)
 *   first refresh       ≤ ⌈38 × G / P⌉ + ⌈5 × G / P⌉ + F
 *
 * DescribeBudgets (AWS Budgets) is one request per 100 budgets per refresh and is not billed
 * per request, so it is not counted here.
 */
export function costExplorerRequestBudget(
  input: CostRequestBudgetInput,
): CostRequestBudget {
  const perPage = input.groupsPerPage ?? COST_EXPLORER_GROUPS_PER_PAGE;
  const groupsPerDay = input.services * input.environments;
  const daysPerRefresh =
    REVISABLE_DAYS + Math.ceil(input.refreshIntervalMs / DAY_MS);
  const refreshesPerDay = Math.ceil(DAY_MS / input.refreshIntervalMs);
  const forecast = input.forecast === 'cost-explorer' ? 1 : 0;
  const requestsPerRefresh =
    pages(daysPerRefresh * groupsPerDay, perPage) + forecast;
  const monthCloseRequests = pages(groupsPerDay, perPage);
  return {
    groupsPerDay,
    daysPerRefresh,
    refreshesPerDay,
    requestsPerRefresh,
    monthCloseRequests,
    requestsPerDay: refreshesPerDay * requestsPerRefresh + monthCloseRequests,
    firstRefreshRequests:
      pages(FIRST_REFRESH_MAX_DAYS * groupsPerDay, perPage) +
      pages(HISTORY_MONTHS * groupsPerDay, perPage) +
      forecast,
  };
}
