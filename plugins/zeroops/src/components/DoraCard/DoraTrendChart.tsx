import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { DoraWeek } from '@zeroops/backstage-plugin-zeroops-common';
import { formatFraction, formatMinutes } from '../../lib/doraMetrics';
import { AXIS_TICK, CHART_PROPS, ChartFigure } from '../common/ChartFigure';

const CAPTION = 'DORA metrics per week';
/** Same palette as the cost chart: at least 3:1 on light and dark backgrounds. */
const DEPLOYMENTS_COLOR = '#3b6fd8';
const LEAD_TIME_COLOR = '#e76f51';

const LOCALE = 'en-US';

function weekLabel(weekStart: string): string {
  const date = new Date(`${weekStart}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return weekStart;
  return new Intl.DateTimeFormat(LOCALE, {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

const optional = (value: number | undefined, format: (v: number) => string) =>
  value === undefined ? '—' : format(value);

/**
 * Changes deployed to production per week as bars and the week's median lead time as a line. All four
 * weekly figures are in a visually hidden table for screen readers.
 */
export function DoraTrendChart(props: { weeks: DoraWeek[] }) {
  const { weeks } = props;
  const data = weeks.map(week => ({
    label: weekLabel(week.weekStart),
    deployments: week.deployments,
    leadTime: week.leadTimeMinutes,
  }));
  return (
    <ChartFigure
      caption="Changes deployed to production and lead time per week"
      height={200}
      chart={
        <ComposedChart data={data} {...CHART_PROPS}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} />
          <YAxis
            yAxisId="deployments"
            allowDecimals={false}
            tick={AXIS_TICK}
            width={32}
          />
          <YAxis
            yAxisId="leadTime"
            orientation="right"
            tick={AXIS_TICK}
            tickFormatter={(minutes: number) => formatMinutes(minutes)}
            width={56}
          />
          <Tooltip
            formatter={(value: unknown, name: unknown) =>
              typeof value === 'number' && name === 'Median lead time'
                ? formatMinutes(value)
                : String(value)
            }
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar
            yAxisId="deployments"
            dataKey="deployments"
            name="Changes deployed"
            fill={DEPLOYMENTS_COLOR}
            isAnimationActive={false}
          />
          <Line
            yAxisId="leadTime"
            dataKey="leadTime"
            name="Median lead time"
            stroke={LEAD_TIME_COLOR}
            strokeWidth={2}
            connectNulls
            isAnimationActive={false}
          />
        </ComposedChart>
      }
      table={
        <table>
          <caption>{CAPTION}</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Changes deployed</th>
              <th scope="col">Lead time</th>
              <th scope="col">Change failure rate</th>
              <th scope="col">Time to restore</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map(week => (
              <tr key={week.weekStart}>
                <th scope="row">{weekLabel(week.weekStart)}</th>
                <td>{week.deployments}</td>
                <td>{optional(week.leadTimeMinutes, formatMinutes)}</td>
                <td>{optional(week.changeFailureRate, formatFraction)}</td>
                <td>{optional(week.timeToRestoreMinutes, formatMinutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
