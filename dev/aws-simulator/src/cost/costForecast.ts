import type {
  ForecastResult,
  GetCostForecastResponse,
} from '@aws-sdk/client-cost-explorer';
import { AwsError } from '../protocols/AwsError.ts';
import { formatUtcDate, startOfUtcDay } from '../time.ts';
import {
  type CostQueryContext,
  formatAmount,
  parseGranularity,
  parseTimePeriod,
  periodsOf,
  visibleLines,
} from './costQuery.ts';
import { compileCostFilter } from './costExpression.ts';
import { type CostModel, epochDay } from './costModel.ts';

/**
 * GetCostForecast: the noise-free trend of the cost model for the lines still running today,
 * with a prediction interval that widens with the requested confidence level.
 */

const FORECAST_METRICS = [
  'AMORTIZED_COST',
  'BLENDED_COST',
  'NET_AMORTIZED_COST',
  'NET_UNBLENDED_COST',
  'UNBLENDED_COST',
];

function validation(message: string): AwsError {
  return new AwsError({ code: 'ValidationException', message });
}

/** Two-sided z-score of a confidence level, by linear interpolation of a small table. */
function zScore(level: number): number {
  const table: [number, number][] = [
    [51, 0.03],
    [60, 0.84],
    [70, 1.04],
    [80, 1.28],
    [90, 1.64],
    [95, 1.96],
    [99, 2.58],
  ];
  for (let i = 1; i < table.length; i++) {
    const [l1, z1] = table[i - 1];
    const [l2, z2] = table[i];
    if (level <= l2) return z1 + ((level - l1) / (l2 - l1)) * (z2 - z1);
  }
  return 2.58;
}

export function getCostForecast(
  model: CostModel,
  params: Record<string, unknown>,
  context: CostQueryContext,
): GetCostForecastResponse {
  const range = parseTimePeriod(params.TimePeriod);
  const granularity = parseGranularity(params.Granularity);
  const metric = params.Metric;
  if (typeof metric !== 'string' || !FORECAST_METRICS.includes(metric)) {
    throw validation(`Metric must be one of ${FORECAST_METRICS.join(', ')}`);
  }
  const level =
    params.PredictionIntervalLevel === undefined
      ? 80
      : Number(params.PredictionIntervalLevel);
  if (!Number.isInteger(level) || level < 51 || level > 99) {
    throw validation(
      'PredictionIntervalLevel must be an integer from 51 to 99',
    );
  }
  const today = startOfUtcDay(context.now);
  if (range.start.getTime() < today.getTime()) {
    throw validation(
      'Start date must be equal to or no later than the current date',
    );
  }
  const filter =
    params.Filter === undefined ? undefined : compileCostFilter(params.Filter);
  const todayDay = epochDay(today);
  // Lines still running today carry on; ended ones (closed pull requests) do not.
  const lines = visibleLines(model, context, filter).filter(line =>
    model.isActive(line, todayDay, todayDay),
  );
  const farFuture = new Date(range.end.getTime() + 86_400_000);
  const periods = periodsOf(range, granularity, farFuture);
  const spread = model.options.noise * zScore(level);

  let total = 0;
  const results: ForecastResult[] = periods.map(period => {
    let mean = 0;
    for (let day = epochDay(period.start); day < epochDay(period.end); day++) {
      for (const line of lines) mean += model.expected(line, day);
    }
    total += mean;
    const days = Math.max(1, epochDay(period.end) - epochDay(period.start));
    // Daily noise averages out over longer periods.
    const relative = spread / Math.sqrt(days);
    return {
      TimePeriod: {
        Start: formatUtcDate(period.start),
        End: formatUtcDate(period.end),
      },
      MeanValue: formatAmount(mean),
      PredictionIntervalLowerBound: formatAmount(mean * (1 - relative)),
      PredictionIntervalUpperBound: formatAmount(mean * (1 + relative)),
    };
  });
  return {
    Total: { Amount: formatAmount(total), Unit: 'USD' },
    ForecastResultsByTime: results,
  };
}
