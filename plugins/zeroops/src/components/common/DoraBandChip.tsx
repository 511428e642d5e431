import {
  DoraBand,
  DoraSummary,
  HealthStatus,
} from '@zeroops/backstage-plugin-zeroops-common';
import {
  DORA_BAND_LABELS,
  DORA_METRICS,
  DORA_METRIC_SHORT_LABELS,
} from '../../lib/doraMetrics';
import { pillStyle } from './healthStyles';

/** Bands read in the health colours: elite and high are good, medium a warning, low bad. */
const BAND_TONES: Record<DoraBand, HealthStatus> = {
  elite: 'healthy',
  high: 'healthy',
  medium: 'degraded',
  low: 'down',
  'no-data': 'unknown',
};

/**
 * A DORA performance band as a labelled pill; the word carries the meaning, the colour repeats
 * it. `metric` names the metric for screen readers when the chip stands alone.
 */
export function DoraBandChip(props: { band: DoraBand; metric?: string }) {
  const { band, metric } = props;
  const label = DORA_BAND_LABELS[band];
  return (
    <span
      style={pillStyle(BAND_TONES[band])}
      data-band={band}
      title={metric ? `${metric}: ${label}` : undefined}
    >
      {label}
    </span>
  );
}

/** The four bands of a summary, each after its metric's short name: "Frequency Elite · …". */
export function DoraBands(props: { dora: DoraSummary }) {
  return (
    <span
      style={{
        display: 'inline-flex',
        flexWrap: 'wrap',
        gap: 'var(--bui-space-1) var(--bui-space-3)',
      }}
    >
      {DORA_METRICS.map(name => (
        <span
          key={name}
          style={{ display: 'inline-flex', gap: 'var(--bui-space-1)' }}
        >
          <span style={{ color: 'var(--bui-fg-secondary)' }}>
            {DORA_METRIC_SHORT_LABELS[name]}
          </span>
          <DoraBandChip band={props.dora[name].band} />
        </span>
      ))}
    </span>
  );
}
