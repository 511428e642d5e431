import { ReactNode } from 'react';
import {
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Tooltip,
  XAxis,
} from 'recharts';
import { AXIS_TICK, CHART_PROPS } from './ChartFigure';

/**
 * The frame the ZeroOps trend charts share, so that they read alike: horizontal grid lines, each
 * point's `label` along the x axis, a tooltip and a legend. The chart brings its y axes and
 * series. Recharts 3 finds its parts through context, so they may come as children.
 */
export function TrendChart<T extends { label: string }>(props: {
  /**
   * `BarChart` for bars only (its hover cursor covers the whole band), `ComposedChart` to mix
   * bars and lines.
   */
  kind: typeof BarChart | typeof ComposedChart;
  data: T[];
  /** The y axes, drawn after the x axis. */
  yAxes: ReactNode;
  /** A numeric value of a series in the tooltip; other values are shown as they are. */
  formatValue: (value: number, seriesName: unknown) => string;
  /** The series: `Bar`s and `Line`s. */
  children: ReactNode;
}) {
  const { kind: Chart, data, yAxes, formatValue, children } = props;
  return (
    <Chart data={data} {...CHART_PROPS}>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" tick={AXIS_TICK} />
      {yAxes}
      <Tooltip
        formatter={(value: unknown, name: unknown) =>
          typeof value === 'number' ? formatValue(value, name) : String(value)
        }
      />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      {children}
    </Chart>
  );
}
