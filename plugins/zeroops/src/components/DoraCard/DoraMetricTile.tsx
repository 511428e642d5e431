import { Flex, Text } from '@backstage/ui';
import {
  DoraMetric,
  DoraMetricName,
} from '@zeroops/backstage-plugin-zeroops-common';
import {
  DORA_METRIC_DEFINITIONS,
  DORA_METRIC_LABELS,
  formatDoraTarget,
  formatDoraValue,
  formatSamples,
} from '../../lib/doraMetrics';
import { DoraBandChip } from '../common/DoraBandChip';
import { StatusText } from '../common/StatusText';
import { TooltipBadge } from '../common/TooltipBadge';

const helpStyle = {
  display: 'inline-flex',
  justifyContent: 'center',
  width: '1.4em',
  borderRadius: 'var(--bui-radius-full)',
  border: '1px solid var(--bui-border-2)',
  color: 'var(--bui-fg-secondary)',
  fontSize: 'var(--bui-font-size-1)',
  cursor: 'help',
};

/** The metric's definition on hover and keyboard focus of a "?" next to its name. */
function MetricHelp(props: { name: DoraMetricName }) {
  const label = DORA_METRIC_LABELS[props.name];
  return (
    <TooltipBadge
      label={`How ${label.toLocaleLowerCase('en-US')} is measured`}
      tooltip={DORA_METRIC_DEFINITIONS[props.name]}
      style={helpStyle}
    >
      ?
    </TooltipBadge>
  );
}

function TargetLine(props: { name: DoraMetricName; metric: DoraMetric }) {
  const { name, metric } = props;
  const target = `Target ${formatDoraTarget(name, metric.target)}`;
  if (metric.meetsTarget === undefined) {
    return (
      <Text variant="body-x-small" color="secondary">
        {target}
      </Text>
    );
  }
  return (
    <Text variant="body-x-small">
      {target}:{' '}
      <StatusText tone={metric.meetsTarget ? 'positive' : 'negative'}>
        {metric.meetsTarget ? 'met' : 'missed'}
      </StatusText>
    </Text>
  );
}

/** One DORA metric: value in its unit, band, the seed's target met or missed, sample count. */
export function DoraMetricTile(props: {
  name: DoraMetricName;
  metric: DoraMetric;
}) {
  const { name, metric } = props;
  const label = DORA_METRIC_LABELS[name];
  return (
    <Flex
      direction="column"
      gap="1"
      role="group"
      aria-label={label}
      data-metric={name}
    >
      <Flex align="center" gap="1">
        <Text variant="body-small" color="secondary">
          {label}
        </Text>
        <MetricHelp name={name} />
      </Flex>
      <Flex align="center" gap="2">
        <Text variant="title-small" weight="bold" data-testid="dora-value">
          {formatDoraValue(name, metric.value)}
        </Text>
        <DoraBandChip band={metric.band} metric={label} />
      </Flex>
      <TargetLine name={name} metric={metric} />
      <Text variant="body-x-small" color="secondary">
        {metric.samples === 0
          ? 'nothing to measure in this window'
          : `based on ${formatSamples(name, metric.samples)}`}
        {metric.excluded
          ? `; ${formatSamples(
              name,
              metric.excluded,
            )} left out (no commit time)`
          : null}
      </Text>
    </Flex>
  );
}
