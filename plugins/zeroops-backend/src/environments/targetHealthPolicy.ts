import { AlarmSummary } from '@zeroops/backstage-plugin-zeroops-common';
import { EcsServiceRecord, StoppedTaskRecord } from './records';

/** `always`, or `on-symptom` (default): see {@link needsTargetHealth}. */
export type TargetHealthMode = 'always' | 'on-symptom';

/** How far back a health-check event or stopped task counts as a symptom. */
const RECENT_MS = 15 * 60 * 1000;
const HEALTH_CHECK_PATTERN = /health ?check|unhealthy/i;

/**
 * Whether to read the ALB target health of a service. DescribeTargetHealth takes one target
 * group per call, so reading it for every service on every cache refresh would cost one call
 * per service, environment and TTL — more than everything else together. ECS already reacts
 * to failing ALB health checks (it replaces the tasks, logs an event, the running count drops)
 * and the monitoring module's `unhealthy-hosts` alarm fires, so target health is read when one
 * of those symptoms is present, or while a deployment is shifting traffic:
 *
 * - fewer tasks running than desired, or tasks pending;
 * - a rollout in progress or failed;
 * - an alarm of the service in ALARM;
 * - a service event or stopped task of the last 15 minutes about health checks;
 * - the alarms or the stopped tasks could not be read (`undefined`): a symptom may be hiding.
 */
export function needsTargetHealth(options: {
  mode: TargetHealthMode;
  service: EcsServiceRecord;
  alarms: readonly AlarmSummary[] | undefined;
  stoppedTasks: readonly StoppedTaskRecord[] | undefined;
  now: number;
}): boolean {
  const { mode, service, alarms, stoppedTasks, now } = options;
  if (service.targetGroupArns.length === 0) return false;
  if (mode === 'always') return true;
  if (service.runningCount < service.desiredCount || service.pendingCount > 0) {
    return true;
  }
  if (
    service.deployments.some(
      d => d.rolloutState && d.rolloutState !== 'COMPLETED',
    )
  ) {
    return true;
  }
  if (!alarms || !stoppedTasks) return true;
  if (alarms.length > 0) return true;
  const recent = (iso?: string) => !!iso && now - Date.parse(iso) < RECENT_MS;
  if (
    service.events.some(
      e => recent(e.createdAt) && HEALTH_CHECK_PATTERN.test(e.message),
    )
  ) {
    return true;
  }
  return stoppedTasks.some(
    t =>
      recent(t.stoppedAt) && HEALTH_CHECK_PATTERN.test(t.stoppedReason ?? ''),
  );
}
