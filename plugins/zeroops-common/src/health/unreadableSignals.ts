/**
 * What the roll-up does when a signal it needs could not be read. A verdict built without a
 * signal must not claim more than the signals that were read can prove: with the alarms
 * unreadable, "healthy" would hide a firing alarm. This table is the one place that says which
 * missing signal caps which verdict; the backend README prints it (checked by a test).
 */
import { HealthReason, HealthReasonCode } from '../api/health';

/**
 * A signal of one environment instance, read from AWS separately from the ECS service itself
 * (without the ECS service the whole environment is an error, see `unknownHealth`).
 *
 * @public
 */
export type HealthSignal =
  | 'alarms'
  | 'target-health'
  | 'database'
  | 'cache'
  | 'task-definition'
  | 'stopped-tasks';

/**
 * One row of {@link UNREADABLE_SIGNALS}.
 *
 * @public
 */
export interface UnreadableSignalEffect {
  /** The AWS call that reads the signal (IAM action). */
  awsAction: string;
  /**
   * The worst status the signal can reveal by itself; `none` when no roll-up rule reads it
   * (it only fills in details), so its absence lowers no verdict.
   */
  canReveal: 'degraded' | 'down' | 'none';
  /** The reason added when the signal is unreadable; absent when `canReveal` is `none`. */
  reason?: {
    code: HealthReasonCode;
    message: string;
  };
  /** What the page shows instead, in one sentence (for the README table). */
  shownAs: string;
}

/**
 * Every signal and what its absence does to the roll-up. A signal that can reveal a problem
 * adds a reason of severity `unknown`: a verdict that would otherwise be `healthy` becomes
 * `unknown`, a `degraded` or `down` verdict stands (it is already proven by what was read),
 * and the reason says what could not be checked.
 *
 * @public
 */
export const UNREADABLE_SIGNALS: Readonly<
  Record<HealthSignal, UnreadableSignalEffect>
> = {
  alarms: {
    awsAction: 'cloudwatch:DescribeAlarms',
    canReveal: 'degraded',
    reason: {
      code: 'alarms-unreadable',
      message:
        'CloudWatch alarms could not be read, so a firing alarm would not show',
    },
    shownAs: 'no alarms listed; target health is read as if a symptom showed',
  },
  'target-health': {
    awsAction: 'elasticloadbalancing:DescribeTargetHealth',
    canReveal: 'down',
    reason: {
      code: 'target-health-unreadable',
      message:
        'Load balancer target health could not be read, so unhealthy targets would not show',
    },
    shownAs: 'no target counts',
  },
  database: {
    awsAction: 'rds:DescribeDBClusters',
    canReveal: 'down',
    reason: {
      code: 'database-unreadable',
      message:
        'Aurora cluster status could not be read, so an unavailable database would not show',
    },
    shownAs: 'no Aurora cluster listed',
  },
  cache: {
    awsAction: 'elasticache:DescribeServerlessCaches',
    canReveal: 'down',
    reason: {
      code: 'cache-unreadable',
      message:
        'Valkey cache status could not be read, so an unavailable cache would not show',
    },
    shownAs: 'no Valkey cache listed',
  },
  'task-definition': {
    awsAction: 'ecs:DescribeTaskDefinition',
    canReveal: 'none',
    shownAs: 'deployments without image, commit and log links',
  },
  'stopped-tasks': {
    awsAction: 'ecs:ListTasks, ecs:DescribeTasks',
    canReveal: 'none',
    shownAs:
      'no stopped tasks listed; target health is read as if a symptom showed',
  },
};

/**
 * The reasons the unreadable signals add, in table order, each of severity `unknown`.
 *
 * @public
 */
export function unreadableSignalReasons(
  unreadable: Iterable<HealthSignal>,
): HealthReason[] {
  const missing = new Set(unreadable);
  return (Object.keys(UNREADABLE_SIGNALS) as HealthSignal[]).flatMap(signal => {
    const reason = UNREADABLE_SIGNALS[signal].reason;
    if (!missing.has(signal) || !reason) return [];
    return [{ ...reason, severity: 'unknown' as const }];
  });
}
