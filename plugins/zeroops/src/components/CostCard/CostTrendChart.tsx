import { Bar, BarChart, YAxis } from 'recharts';
import { CostTrend } from '../../lib/costSeries';
import { formatMoney, formatMonth } from '../../lib/format';
import {
  AXIS_TICK,
  CHART_COLORS,
  ChartFigure,
  ChartTable,
} from '../common/ChartFigure';
import { TrendChart } from '../common/TrendChart';

const CAPTION = 'Cost per month by environment';

function monthLabel(month: string, partial: boolean): string {
  return partial ? `${formatMonth(month)} (to date)` : formatMonth(month);
}

/**
 * Six months of cost as stacked bars, one colour per environment. The same figures are in a
 * visually hidden table for screen readers.
 */
export function CostTrendChart(props: { trend: CostTrend; currency: string }) {
  const { trend, currency } = props;
  const data = trend.points.map(point => ({
    label: monthLabel(point.month, point.partial),
    ...point.amounts,
  }));
  return (
    <ChartFigure
      caption={CAPTION}
      height={220}
      chart={
        <TrendChart
          kind={BarChart}
          data={data}
          yAxes={
            <YAxis
              tick={AXIS_TICK}
              tickFormatter={(value: number) =>
                formatMoney(value, currency).replace(/\.00$/, '')
              }
              width={64}
            />
          }
          formatValue={value => formatMoney(value, currency)}
        >
          {trend.series.map((series, index) => (
            <Bar
              key={series}
              dataKey={series}
              name={series}
              stackId="cost"
              fill={CHART_COLORS[index % CHART_COLORS.length]}
              isAnimationActive={false}
            />
          ))}
        </TrendChart>
      }
      table={
        <ChartTable
          caption={CAPTION}
          columns={['Month', ...trend.series, 'Total']}
          rows={trend.points.map(point => ({
            key: point.month,
            label: monthLabel(point.month, point.partial),
            cells: [
              ...trend.series.map(series =>
                formatMoney(point.amounts[series] ?? 0, currency),
              ),
              formatMoney(point.total, currency),
            ],
          }))}
        />
      }
    />
  );
}
