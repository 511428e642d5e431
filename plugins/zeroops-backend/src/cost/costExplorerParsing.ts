/**
 * Pure parsing of Cost Explorer and Budgets responses into stored lines.
 */
import { Budget } from '@aws-sdk/client-budgets';
import { Expression as BudgetExpression } from '@aws-sdk/client-budgets';
import { ResultByTime } from '@aws-sdk/client-cost-explorer';
import { COST_ALLOCATION_TAGS } from '@zeroops/backstage-plugin-zeroops-common';
import { BudgetLine, CostLine } from './costAggregation';

/**
 * Cost Explorer returns a TAG group key as `<tag key>$<value>`, with an empty value for
 * resources that lack the tag.
 */
export function parseTagGroupKey(
  key: string,
): { tag: string; value: string } | undefined {
  const dollar = key.indexOf('$');
  if (dollar < 0) return undefined;
  return { tag: key.slice(0, dollar), value: key.slice(dollar + 1) };
}

/**
 * Lines of a GetCostAndUsage response grouped by `zeroops:service` then `zeroops:environment`.
 * Cost without a service tag (shared NAT gateways, ...) is not attributed to any service.
 */
export function linesFromResults(
  results: readonly ResultByTime[],
  granularity: CostLine['granularity'],
  metric: string,
): { lines: CostLine[]; currency?: string } {
  const lines: CostLine[] = [];
  let currency: string | undefined;
  for (const result of results) {
    const periodStart = result.TimePeriod?.Start;
    if (!periodStart) continue;
    for (const group of result.Groups ?? []) {
      let service: string | undefined;
      let environment: string | undefined;
      for (const key of group.Keys ?? []) {
        const parsed = parseTagGroupKey(key);
        if (parsed?.tag === COST_ALLOCATION_TAGS.service)
          service = parsed.value;
        if (parsed?.tag === COST_ALLOCATION_TAGS.environment) {
          environment = parsed.value;
        }
      }
      const value = group.Metrics?.[metric];
      if (!service || !environment || !value?.Amount) continue;
      const amount = Number(value.Amount);
      if (!Number.isFinite(amount)) continue;
      currency = currency ?? value.Unit;
      lines.push({ service, environment, granularity, periodStart, amount });
    }
  }
  return { lines, currency };
}

const TAG_PREFIXES = ['user:', ''];

function tagValue(filterValue: string, tag: string): string | undefined {
  for (const prefix of TAG_PREFIXES) {
    const key = `${prefix}${tag}$`;
    if (filterValue.startsWith(key)) return filterValue.slice(key.length);
  }
  return undefined;
}

function tagsInExpression(
  expression: BudgetExpression | undefined,
  into: Map<string, string[]>,
) {
  if (!expression) return;
  const tags = expression.Tags;
  if (tags?.Key && tags.Values) {
    const key = tags.Key.replace(/^user:/, '');
    into.set(key, [...(into.get(key) ?? []), ...tags.Values]);
  }
  for (const child of expression.And ?? []) tagsInExpression(child, into);
}

/**
 * Which service (and optionally environment) a budget is about, from its cost filter on the
 * ZeroOps cost-allocation tags: the legacy `CostFilters.TagKeyValue`
 * (`user:zeroops:service$payments-api`) or the newer `FilterExpression` (`Tags` inside `And`).
 * A budget that filters on several services is not attributed to any single one.
 */
export function budgetScope(budget: Budget): {
  service?: string;
  environment?: string;
} {
  const values = new Map<string, string[]>();
  for (const filterValue of budget.CostFilters?.TagKeyValue ?? []) {
    for (const tag of Object.values(COST_ALLOCATION_TAGS)) {
      const value = tagValue(filterValue, tag);
      if (value !== undefined) {
        values.set(tag, [...(values.get(tag) ?? []), value]);
      }
    }
  }
  tagsInExpression(budget.FilterExpression, values);
  const services = values.get(COST_ALLOCATION_TAGS.service) ?? [];
  const environments = values.get(COST_ALLOCATION_TAGS.environment) ?? [];
  return {
    service: services.length === 1 ? services[0] : undefined,
    environment: environments.length === 1 ? environments[0] : undefined,
  };
}

/** A monthly COST budget of one service, or undefined for any other budget. */
export function budgetLineOf(budget: Budget): BudgetLine | undefined {
  if (budget.BudgetType && budget.BudgetType !== 'COST') return undefined;
  if (budget.TimeUnit && budget.TimeUnit !== 'MONTHLY') return undefined;
  const { service, environment } = budgetScope(budget);
  const limit = Number(budget.BudgetLimit?.Amount);
  if (!service || !budget.BudgetName || !Number.isFinite(limit))
    return undefined;
  const actual = Number(budget.CalculatedSpend?.ActualSpend?.Amount ?? 0);
  const forecastRaw = budget.CalculatedSpend?.ForecastedSpend?.Amount;
  return {
    name: budget.BudgetName,
    service,
    environment,
    limit,
    actual: Number.isFinite(actual) ? actual : 0,
    forecast: forecastRaw !== undefined ? Number(forecastRaw) : undefined,
    currency: budget.BudgetLimit?.Unit ?? 'USD',
  };
}
