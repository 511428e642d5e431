import { Bar, ComposedChart, Line, YAxis } from 'recharts';
import { DoraWeek } from '@zeroops/backstage-plugin-zeroops-common';
import { formatFraction, formatMinutes } from '../../lib/doraMetrics';
import {
  AXIS_TICK,
  CHART_COLORS,
  ChartFigure,
  ChartTable,
} from '../common/ChartFigure';
import { TrendChart } from '../common/TrendChart';

const TABLE_CAPTION = 'DORA metrics per week';
const DEPLOYMENTS_COLOR = CHART_COLORS[0];
const LEAD_TIME_COLOR = CHART_COLORS[3];

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
        <TrendChart
          kind={ComposedChart}
          data={data}
          yAxes={
            <>
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
            </>
          }
          formatValue={(value, name) =>
            name === 'Median lead time' ? formatMinutes(value) : String(value)
          }
        >
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
        </TrendChart>
      }
      table={
        <ChartTable
          caption={TABLE_CAPTION}
          columns={[
            'Week of',
            'Changes deployed',
            'Lead time',
            'Change failure rate',
            'Time to restore',
          ]}
          rows={weeks.map(week => ({
            key: week.weekStart,
            label: weekLabel(week.weekStart),
            cells: [
              week.deployments,
              optional(week.leadTimeMinutes, formatMinutes),
              optional(week.changeFailureRate, formatFraction),
              optional(week.timeToRestoreMinutes, formatMinutes),
            ],
          }))}
        />
      }
    />
  );
}
