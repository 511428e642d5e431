import type { MetricValue } from '@aws-sdk/client-cost-explorer';
import {
  type CostDimension,
  asDimension,
  dimensionValue,
} from './costExpression.ts';
import type { CostLine } from './costModel.ts';
import { validation, formatAmount } from './costQuery.ts';

/** GetCostAndUsage's GroupBy and Metrics: parsing, group keys of a cost line, metric values. */

const COST_METRICS = [
  'AmortizedCost',
  'BlendedCost',
  'NetAmortizedCost',
  'NetUnblendedCost',
  'UnblendedCost',
];
const USAGE_METRICS = ['NormalizedUsageAmount', 'UsageQuantity'];
/** Usage units per dollar: the simulator has no usage records, only a plausible ratio. */
const USAGE_PER_DOLLAR = 9.5;

export type GroupDefinition =
  | { Type: 'TAG'; Key: string }
  | { Type: 'DIMENSION'; Key: CostDimension };

export function parseGroupBy(value: unknown): GroupDefinition[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw validation('GroupBy must be a list');
  if (value.length > 2) {
    throw validation('GroupBy supports at most two group definitions');
  }
  return value.map((raw: unknown) => {
    const { Type, Key } = (raw ?? {}) as Record<string, unknown>;
    if (Type === 'TAG') {
      if (typeof Key !== 'string' || Key.length === 0) {
        throw validation('GroupBy TAG needs a Key');
      }
      return { Type, Key };
    }
    if (Type === 'DIMENSION') return { Type, Key: asDimension(Key) };
    throw validation(
      `GroupBy Type ${String(
        Type,
      )} is not supported by the simulator; use TAG or DIMENSION`,
    );
  });
}

export function parseMetrics(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw validation('Metrics must list at least one metric');
  }
  const known = [...COST_METRICS, ...USAGE_METRICS];
  return value.map((metric: unknown) => {
    if (
      typeof metric !== 'string' ||
      !known.some(k => k.toLowerCase() === metric.toLowerCase())
    ) {
      throw validation(
        `Metric ${String(
          metric,
        )} is not supported; valid metrics are ${known.join(', ')}`,
      );
    }
    return metric;
  });
}

export function metricValues(
  metrics: string[],
  cost: number,
): Record<string, MetricValue> {
  const values: Record<string, MetricValue> = {};
  for (const metric of metrics) {
    const isUsage = USAGE_METRICS.some(
      u => u.toLowerCase() === metric.toLowerCase(),
    );
    values[metric] = isUsage
      ? { Amount: formatAmount(cost * USAGE_PER_DOLLAR), Unit: 'N/A' }
      : { Amount: formatAmount(cost), Unit: 'USD' };
  }
  return values;
}

export function groupKeys(line: CostLine, groups: GroupDefinition[]): string[] {
  return groups.map(group =>
    group.Type === 'TAG'
      ? `${group.Key}$${line.tags[group.Key] ?? ''}`
      : dimensionValue(line, group.Key),
  );
}
