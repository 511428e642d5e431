import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { CostTrend } from '../../lib/costSeries';
import { formatMoney, formatMonth } from '../../lib/format';
import { AXIS_TICK, CHART_PROPS, ChartFigure } from '../common/ChartFigure';

const CAPTION = 'Cost per month by environment';

/**
 * Colours per series: distinct hues with at least 3:1 contrast on light and dark card
 * backgrounds (WCAG 1.4.11 for graphics), in a fixed order so an environment keeps its colour.
 */
const SERIES_COLORS = ['#3b6fd8', '#2a9d8f', '#9b5de5', '#e76f51', '#8d99ae'];

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
        <BarChart data={data} {...CHART_PROPS}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} />
          <YAxis
            tick={AXIS_TICK}
            tickFormatter={(value: number) =>
              formatMoney(value, currency).replace(/\.00$/, '')
            }
            width={64}
          />
          <Tooltip
            formatter={(value: unknown) =>
              typeof value === 'number'
                ? formatMoney(value, currency)
                : String(value)
            }
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {trend.series.map((series, index) => (
            <Bar
              key={series}
              dataKey={series}
              name={series}
              stackId="cost"
              fill={SERIES_COLORS[index % SERIES_COLORS.length]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      }
      table={
        <table>
          <caption>{CAPTION}</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              {trend.series.map(series => (
                <th scope="col" key={series}>
                  {series}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {trend.points.map(point => (
              <tr key={point.month}>
                <th scope="row">{monthLabel(point.month, point.partial)}</th>
                {trend.series.map(series => (
                  <td key={series}>
                    {formatMoney(point.amounts[series] ?? 0, currency)}
                  </td>
                ))}
                <td>{formatMoney(point.total, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
