import type {
  DimensionValuesWithAttributes,
  GetCostAndUsageResponse,
  Group,
  ResultByTime,
} from '@aws-sdk/client-cost-explorer';
import { AwsError } from '../protocols/AwsError.ts';
import {
  decodePageToken,
  encodePageToken,
  requestFingerprint,
} from '../services/pagination.ts';
import { formatUtcDate, startOfUtcDay, startOfUtcMonth } from '../time.ts';
import { type LinePredicate, compileCostFilter } from './costExpression.ts';
import { type CostLine, type CostModel, epochDay } from './costModel.ts';
import {
  type CostQueryContext,
  type TimePeriod,
  parseTimePeriod,
  parseGranularity,
  periodsOf,
  visibleLines,
} from './costQuery.ts';
import {
  type GroupDefinition,
  parseGroupBy,
  parseMetrics,
  metricValues,
  groupKeys,
} from './costGroupsAndMetrics.ts';

/**
 * GetCostAndUsage over the cost model: time periods by granularity, metrics, up to two
 * GroupBy definitions, Filter, and NextPageToken pagination over (period × group) cells.
 */

function invalidToken(): AwsError {
  return new AwsError({
    code: 'InvalidNextTokenException',
    message:
      'The pagination token is invalid. Try again without a pagination token.',
  });
}

/** Sum of actual cost per line over one period. */
export function lineCostInPeriod(
  model: CostModel,
  line: CostLine,
  period: TimePeriod,
  todayDay: number,
  historyStart: number,
): number {
  let sum = 0;
  for (let day = epochDay(period.start); day < epochDay(period.end); day++) {
    sum += model.actual(line, day, todayDay, historyStart);
  }
  return sum;
}

/** One page slot: a period with one of its groups, or a period with no group at all. */
interface Slot {
  periodIndex: number;
  group?: Group;
}

/** What the cells of an answer depend on, from the request. */
interface CellsQuery {
  range: TimePeriod;
  granularity: 'DAILY' | 'MONTHLY';
  metrics: string[];
  groupBy: GroupDefinition[];
  filter: LinePredicate | undefined;
}

/** The whole answer of one query: its periods and its (period × group) page slots. */
interface Cells {
  results: ResultByTime[];
  slots: Slot[];
}

/**
 * Answers kept per model for the pages of one query. Computing the cells walks every line and
 * day of the range, so recomputing them for each page made a paginated read quadratic: the
 * first cost refresh of 1,000 services (344 pages) took minutes. The model is immutable and
 * the cells depend only on the query, the caller and the day, which is what the key holds.
 */
const cellsByModel = new WeakMap<CostModel, Map<string, Cells>>();
const CELLS_KEPT_PER_MODEL = 8;

function answerCells(
  model: CostModel,
  context: CostQueryContext,
  query: CellsQuery & { fingerprint: string },
): Cells {
  const key = [
    query.fingerprint,
    epochDay(startOfUtcDay(context.now)),
    context.callerAccount,
    context.costAccount,
  ].join('|');
  let kept = cellsByModel.get(model);
  if (!kept) {
    kept = new Map();
    cellsByModel.set(model, kept);
  }
  const hit = kept.get(key);
  if (hit) return hit;
  const cells = computeCells(model, context, query);
  kept.set(key, cells);
  if (kept.size > CELLS_KEPT_PER_MODEL) {
    kept.delete(kept.keys().next().value as string);
  }
  return cells;
}

function computeCells(
  model: CostModel,
  context: CostQueryContext,
  query: CellsQuery,
): Cells {
  const { range, granularity, metrics, groupBy, filter } = query;
  const today = startOfUtcDay(context.now);
  const todayDay = epochDay(today);
  const historyStart = model.historyStartDay(today);
  const periods = periodsOf(range, granularity, today);
  const lines = visibleLines(model, context, filter);
  const lineKeys = lines.map(line => groupKeys(line, groupBy));
  const currentMonthStart = startOfUtcMonth(today).getTime();

  const results: ResultByTime[] = periods.map(period => ({
    TimePeriod: {
      Start: formatUtcDate(period.start),
      End: formatUtcDate(period.end),
    },
    Total: {},
    Groups: [],
    // Cost Explorer marks the current month as estimated until the bill is final.
    Estimated: period.end.getTime() > currentMonthStart,
  }));

  const slots: Slot[] = [];
  periods.forEach((period, periodIndex) => {
    if (groupBy.length === 0) {
      let total = 0;
      for (const line of lines) {
        total += lineCostInPeriod(model, line, period, todayDay, historyStart);
      }
      results[periodIndex].Total = metricValues(metrics, total);
      slots.push({ periodIndex });
      return;
    }
    const sums = new Map<string, { keys: string[]; amount: number }>();
    lines.forEach((line, i) => {
      const amount = lineCostInPeriod(
        model,
        line,
        period,
        todayDay,
        historyStart,
      );
      if (amount === 0) return;
      const id = lineKeys[i].join('\u0000');
      const entry = sums.get(id);
      if (entry) entry.amount += amount;
      else sums.set(id, { keys: lineKeys[i], amount });
    });
    const groups = [...sums.values()]
      .sort((a, b) =>
        a.keys.join('\u0000').localeCompare(b.keys.join('\u0000')),
      )
      .map(({ keys, amount }) => ({
        Keys: keys,
        Metrics: metricValues(metrics, amount),
      }));
    if (groups.length === 0) slots.push({ periodIndex });
    for (const group of groups) slots.push({ periodIndex, group });
  });

  return { results, slots };
}

export function getCostAndUsage(
  model: CostModel,
  params: Record<string, unknown>,
  context: CostQueryContext,
): GetCostAndUsageResponse {
  const range = parseTimePeriod(params.TimePeriod);
  const granularity = parseGranularity(params.Granularity ?? 'MONTHLY');
  const metrics = parseMetrics(params.Metrics);
  const groupBy = parseGroupBy(params.GroupBy);
  const filter =
    params.Filter === undefined ? undefined : compileCostFilter(params.Filter);

  const fingerprint = requestFingerprint(params, 'NextPageToken');
  let offset = 0;
  if (params.NextPageToken !== undefined) {
    const decoded =
      typeof params.NextPageToken === 'string'
        ? decodePageToken(params.NextPageToken, fingerprint)
        : undefined;
    if (decoded === undefined) throw invalidToken();
    offset = decoded;
  }

  const { results, slots } = answerCells(model, context, {
    fingerprint,
    range,
    granularity,
    metrics,
    groupBy,
    filter,
  });

  if (offset > slots.length) throw invalidToken();
  const pageSize = model.options.pageSize;
  const pageSlots = slots.slice(offset, offset + pageSize);
  const pageResults: ResultByTime[] = [];
  let lastIndex = -1;
  for (const slot of pageSlots) {
    if (slot.periodIndex !== lastIndex) {
      const result = results[slot.periodIndex];
      pageResults.push({ ...result, Groups: [] });
      lastIndex = slot.periodIndex;
    }
    if (slot.group)
      pageResults[pageResults.length - 1].Groups!.push(slot.group);
  }
  const next = offset + pageSize;

  const response: GetCostAndUsageResponse = {
    GroupDefinitions:
      groupBy.length > 0
        ? groupBy.map(g => ({ Type: g.Type, Key: g.Key }))
        : undefined,
    ResultsByTime: pageResults,
    DimensionValueAttributes: linkedAccountAttributes(
      groupBy,
      pageSlots,
      context,
    ),
    NextPageToken:
      next < slots.length ? encodePageToken(next, fingerprint) : undefined,
  };
  return response;
}

function linkedAccountAttributes(
  groupBy: GroupDefinition[],
  slots: Slot[],
  context: CostQueryContext,
): DimensionValuesWithAttributes[] {
  const index = groupBy.findIndex(
    g => g.Type === 'DIMENSION' && g.Key === 'LINKED_ACCOUNT',
  );
  if (index < 0) return [];
  const accounts = new Set<string>();
  for (const slot of slots) {
    const account = slot.group?.Keys?.[index];
    if (account) accounts.add(account);
  }
  return [...accounts].sort().map(account => ({
    Value: account,
    Attributes: { description: context.accountNames.get(account) ?? account },
  }));
}
