/**
 * Health roll-up rules. Each rule is a pure function from what AWS reported about one
 * environment instance to zero or more reasons; `rollUpHealth` runs them all and keeps the
 * worst severity. They live in -common so the frontend can explain a status with the same
 * wording the backend used.
 */
import { DeploymentState } from '../api/deployments';
import {
  AlarmSummary,
  DataStoreStatus,
  ServiceSummary,
  TargetHealthSummary,
} from '../api/environments';
import {
  EnvironmentHealth,
  HealthReason,
  HealthReasonSeverity,
  HealthStatus,
} from '../api/health';
import { HealthSignal, unreadableSignalReasons } from './unreadableSignals';

/**
 * Everything the rules look at for one environment instance. `service` undefined means ECS
 * answered but has no such service. `unreadable` lists the signals AWS failed to return (their
 * fields are then empty, which must not read as "nothing wrong").
 *
 * @public
 */
export interface HealthInputs {
  service?: ServiceSummary;
  deployment?: DeploymentState;
  alarms: AlarmSummary[];
  targets?: TargetHealthSummary;
  dataStores: DataStoreStatus[];
  unreadable?: ReadonlyArray<HealthSignal>;
}

/** @public */
export type HealthRule = (inputs: HealthInputs) => HealthReason[];

/**
 * The ECS service must exist and be ACTIVE. No service at all (ECS reports it MISSING) is a
 * service nothing was deployed to yet: a new service before its first push, not an outage.
 * DRAINING or INACTIVE means it is being deleted or was deleted, so nothing serves traffic.
 *
 * @public
 */
export const serviceExistsRule: HealthRule = ({ service }) => {
  if (!service) {
    return [
      {
        code: 'service-missing',
        severity: 'not-deployed',
        message:
          'Not deployed yet: there is no ECS service in this environment',
      },
    ];
  }
  if (service.status !== 'ACTIVE') {
    return [
      {
        code: 'service-inactive',
        severity: 'down',
        message: `The ECS service is ${service.status}`,
      },
    ];
  }
  return [];
};

/**
 * Running tasks against the desired count: none running is down, fewer than desired is
 * degraded, desired 0 (scheduled scale-to-zero outside production) is only informative.
 *
 * @public
 */
export const taskCountRule: HealthRule = ({ service }) => {
  if (!service || service.status !== 'ACTIVE') return [];
  const { desiredCount, runningCount } = service;
  if (desiredCount === 0) {
    return [
      {
        code: 'scaled-to-zero',
        severity: 'info',
        message: 'Scaled to zero tasks (desired count is 0)',
      },
    ];
  }
  if (runningCount === 0) {
    return [
      {
        code: 'no-running-tasks',
        severity: 'down',
        message: `0 of ${desiredCount} tasks running`,
      },
    ];
  }
  if (runningCount < desiredCount) {
    return [
      {
        code: 'tasks-below-desired',
        severity: 'degraded',
        message: `${runningCount} of ${desiredCount} tasks running`,
      },
    ];
  }
  return [];
};

const CIRCUIT_BREAKER_PATTERN = /circuit breaker/i;

/**
 * Deployments: a failed rollout is degraded, and when the ECS deployment circuit breaker
 * caused it (ECS says so in `rolloutStateReason`) the reason says the service was rolled back.
 * A rollout in progress is informative.
 *
 * @public
 */
export const rolloutRule: HealthRule = ({ deployment }) => {
  if (!deployment) return [];
  const reasons: HealthReason[] = [];
  const failed = [deployment.primary, deployment.lastFailed].filter(
    (d): d is NonNullable<typeof d> => d?.rolloutState === 'FAILED',
  );
  const seen = new Set<string>();
  for (const d of failed) {
    if (seen.has(d.id)) continue;
    seen.add(d.id);
    const revision = `${d.taskDefinitionFamily}:${d.taskDefinitionRevision}`;
    const why = d.rolloutStateReason ? `: ${d.rolloutStateReason}` : '';
    if (
      d.rolloutStateReason &&
      CIRCUIT_BREAKER_PATTERN.test(d.rolloutStateReason)
    ) {
      reasons.push({
        code: 'circuit-breaker-rollback',
        severity: 'degraded',
        message: `Deployment of ${revision} was rolled back by the deployment circuit breaker${why}`,
        resource: d.id,
      });
    } else {
      reasons.push({
        code: 'rollout-failed',
        severity: 'degraded',
        message: `Deployment of ${revision} failed${why}`,
        resource: d.id,
      });
    }
  }
  const inProgress = [deployment.primary, ...deployment.inFlight].find(
    d => d?.rolloutState === 'IN_PROGRESS',
  );
  if (inProgress) {
    const stage = inProgress.blueGreenStage
      ? ` (blue/green stage ${inProgress.blueGreenStage})`
      : '';
    reasons.push({
      code: 'rollout-in-progress',
      severity: 'info',
      message: `Deploying ${inProgress.taskDefinitionFamily}:${inProgress.taskDefinitionRevision}${stage}`,
      resource: inProgress.id,
    });
  }
  return reasons;
};

/**
 * Every CloudWatch alarm of the service in ALARM degrades it; alarms only report symptoms,
 * the task count and target rules decide "down".
 *
 * @public
 */
export const alarmRule: HealthRule = ({ alarms }) =>
  alarms.map(alarm => ({
    code: 'alarm' as const,
    severity: 'degraded' as const,
    message: `Alarm ${alarm.name} is in ALARM${
      alarm.reason ? `: ${alarm.reason}` : ''
    }`,
    resource: alarm.name,
  }));

/**
 * ALB targets: no healthy target while targets are registered is down (the load balancer has
 * nowhere to send traffic), some unhealthy is degraded.
 *
 * @public
 */
export const targetHealthRule: HealthRule = ({ targets }) => {
  if (!targets || targets.unhealthy === 0) return [];
  const detail = targets.unhealthyReasons.length
    ? ` (${targets.unhealthyReasons.join(', ')})`
    : '';
  if (targets.healthy === 0) {
    return [
      {
        code: 'unhealthy-targets',
        severity: 'down',
        message: `No healthy targets in ${targets.targetGroupName}: ${targets.unhealthy} unhealthy${detail}`,
        resource: targets.targetGroupArn,
      },
    ];
  }
  return [
    {
      code: 'unhealthy-targets',
      severity: 'degraded',
      message: `${targets.unhealthy} of ${targets.total} targets unhealthy in ${targets.targetGroupName}${detail}`,
      resource: targets.targetGroupArn,
    },
  ];
};

/**
 * States from which a data store does not come back by itself (or is gone): the service
 * cannot work. Any other non-available state (modifying, backing-up, upgrading, ...) is
 * transient and only degrades.
 */
const DATA_STORE_DOWN_STATES = new Set([
  'failed',
  'create-failed',
  'deleting',
  'deleted',
  'stopped',
  'stopping',
  'inaccessible-encryption-credentials',
  'inaccessible-encryption-credentials-recoverable',
  'incompatible-parameters',
  'incompatible-restore',
  'incompatible-network',
]);

/**
 * The Aurora cluster and the Valkey cache must be `available`.
 *
 * @public
 */
export const dataStoreRule: HealthRule = ({ dataStores }) =>
  dataStores
    .filter(store => !store.available)
    .map(store => ({
      code:
        store.kind === 'aurora'
          ? ('database-unavailable' as const)
          : ('cache-unavailable' as const),
      severity: DATA_STORE_DOWN_STATES.has(store.status.toLowerCase())
        ? ('down' as const)
        : ('degraded' as const),
      message: `${
        store.kind === 'aurora' ? 'Aurora cluster' : 'Valkey cache'
      } ${store.identifier} is ${store.status}`,
      resource: store.identifier,
    }));

/**
 * A signal that could reveal a problem but was not read leaves the verdict open: see
 * `UNREADABLE_SIGNALS` for which signal caps which verdict.
 *
 * @public
 */
export const unreadableSignalRule: HealthRule = ({ unreadable }) =>
  unreadableSignalReasons(unreadable ?? []);

/**
 * The rules in the order their reasons are listed at equal severity.
 *
 * @public
 */
export const healthRules: ReadonlyArray<HealthRule> = [
  serviceExistsRule,
  taskCountRule,
  rolloutRule,
  targetHealthRule,
  dataStoreRule,
  alarmRule,
  unreadableSignalRule,
];

/**
 * Worst first. `not-deployed` ranks above `unknown`: ECS said there is no service, so an
 * unread alarm cannot make it worse; a `degraded` or `down` finding (a failed database, an
 * alarm in ALARM) still shows.
 */
const SEVERITY_ORDER: Record<HealthReasonSeverity, number> = {
  down: 0,
  degraded: 1,
  'not-deployed': 2,
  unknown: 3,
  info: 4,
};

const STATUS_OF_WORST: Record<HealthReasonSeverity, HealthStatus> = {
  down: 'down',
  degraded: 'degraded',
  'not-deployed': 'not-deployed',
  unknown: 'unknown',
  info: 'healthy',
};

/**
 * The status of an environment with these reasons: that of the worst severity (down, then
 * degraded, then not-deployed, then unknown); healthy when there is none or only `info`.
 *
 * @public
 */
export function healthStatusOf(
  reasons: ReadonlyArray<Pick<HealthReason, 'severity'>>,
): HealthStatus {
  let worst: HealthReasonSeverity = 'info';
  for (const { severity } of reasons) {
    if (SEVERITY_ORDER[severity] < SEVERITY_ORDER[worst]) worst = severity;
  }
  return STATUS_OF_WORST[worst];
}

/**
 * Runs every rule and rolls the reasons up (see {@link healthStatusOf}), listing the reasons
 * worst first.
 *
 * @public
 */
export function rollUpHealth(inputs: HealthInputs): EnvironmentHealth {
  const reasons = healthRules
    .flatMap(rule => rule(inputs))
    .map((reason, index) => ({ reason, index }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.reason.severity] - SEVERITY_ORDER[b.reason.severity] ||
        a.index - b.index,
    )
    .map(({ reason }) => reason);
  return { status: healthStatusOf(reasons), reasons };
}

/**
 * The health of an environment AWS could not be read for: `unknown`, never a guess.
 *
 * @public
 */
export function unknownHealth(message: string): EnvironmentHealth {
  return {
    status: 'unknown',
    reasons: [{ code: 'data-unavailable', severity: 'unknown', message }],
  };
}
