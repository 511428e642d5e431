/**
 * How the DORA metrics read in the UI: names, units, what each one measures, the bands. The
 * values, bands and targets come computed from the backend; this file only words them.
 */
import {
  DORA_TARGETS,
  DoraBand,
  DoraMetricName,
} from '@zeroops/backstage-plugin-zeroops-common';

const LOCALE = 'en-US';

/** The order the metrics are shown in: throughput first, then stability. */
export const DORA_METRICS: ReadonlyArray<DoraMetricName> = [
  'deploymentFrequency',
  'leadTime',
  'changeFailureRate',
  'timeToRestore',
];

export const DORA_METRIC_LABELS: Record<DoraMetricName, string> = {
  deploymentFrequency: 'Deployment frequency',
  leadTime: 'Lead time for changes',
  changeFailureRate: 'Change failure rate',
  timeToRestore: 'Time to restore',
};

/** Short labels for tight places (the team rows of the overview). */
export const DORA_METRIC_SHORT_LABELS: Record<DoraMetricName, string> = {
  deploymentFrequency: 'Frequency',
  leadTime: 'Lead time',
  changeFailureRate: 'Failure rate',
  timeToRestore: 'Restore',
};

/**
 * What each metric counts, as the backend computes it (definitions in zeroops-common's
 * `delivery/dora.ts`). A change is a distinct commit deployed to production.
 */
export const DORA_METRIC_DEFINITIONS: Record<DoraMetricName, string> = {
  deploymentFrequency:
    'Changes whose first successful production deployment finished in the window, per day. Re-running a deployment or rolling back to an older commit is not a new change.',
  leadTime:
    "Median time from a change's first commit (the first commit of its pull request, or of the push that brought it) to the end of its first successful production deployment. Re-runs do not restart the clock.",
  changeFailureRate:
    'Among the changes whose production deployment finished in the window, the share with at least one failed production deployment, counting rollouts AWS rolled back (ECS circuit breaker or blue/green alarm). A successful re-run after a failure leaves the change failed.',
  timeToRestore:
    'Median time from a failed or rolled-back production deployment, when production was healthy before it, to the next successful production deployment of any commit (a revert, a hotfix or a re-run), over the incidents restored in the window.',
};

/** What each metric's observations are, for "based on 12 changes". */
const SAMPLE_NOUNS: Record<DoraMetricName, [string, string]> = {
  deploymentFrequency: ['change', 'changes'],
  leadTime: ['change', 'changes'],
  changeFailureRate: ['change', 'changes'],
  timeToRestore: ['restored incident', 'restored incidents'],
};

export const DORA_BAND_LABELS: Record<DoraBand, string> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  'no-data': 'No data',
};

function number(value: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(LOCALE, { maximumFractionDigits }).format(value);
}

/** A per-day rate in the unit that reads best: "2.4 per day", "3 per week", "1.5 per month". */
export function formatPerDay(perDay: number): string {
  if (perDay <= 0) return 'none';
  if (perDay >= 1) return `${number(perDay)} per day`;
  if (perDay * 7 >= 1) return `${number(perDay * 7)} per week`;
  return `${number(perDay * 30)} per month`;
}

/** A duration in minutes: "12 min", "3.5 h", "2.1 d". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${number(minutes, 0)} min`;
  if (minutes < 48 * 60) return `${number(minutes / 60)} h`;
  return `${number(minutes / 1440)} d`;
}

/** A 0–1 fraction as a percentage: "12.5 %". */
export function formatFraction(fraction: number): string {
  return `${number(fraction * 100)} %`;
}

/** A metric's value in its unit; "—" when there was nothing to measure. */
export function formatDoraValue(
  name: DoraMetricName,
  value: number | undefined,
): string {
  if (value === undefined) return '—';
  switch (name) {
    case 'deploymentFrequency':
      return formatPerDay(value);
    case 'changeFailureRate':
      return formatFraction(value);
    case 'leadTime':
    case 'timeToRestore':
    default:
      return formatMinutes(value);
  }
}

/** The seed's target in words, in the direction the backend compares (`DORA_TARGETS`). */
export function formatDoraTarget(name: DoraMetricName, target: number): string {
  const direction =
    DORA_TARGETS[name].meets === 'at-least' ? 'at least' : 'under';
  return `${direction} ${formatDoraValue(name, target)}`;
}

export function formatSamples(name: DoraMetricName, samples: number): string {
  const [one, many] = SAMPLE_NOUNS[name];
  return `${number(samples, 0)} ${samples === 1 ? one : many}`;
}
