import {
  alarmRule,
  dataStoreRule,
  rolloutRule,
  serviceExistsRule,
  targetHealthRule,
  taskCountRule,
} from './rules';
import {
  service,
  deployment,
  state,
  healthy,
} from './__testUtils__/healthInputs';

describe('serviceExistsRule', () => {
  it('says not deployed yet, not down, when ECS has no such service', () => {
    expect(serviceExistsRule({ ...healthy, service: undefined })).toEqual([
      expect.objectContaining({
        code: 'service-missing',
        severity: 'not-deployed',
      }),
    ]);
  });

  it('is down when the service is draining or inactive', () => {
    expect(
      serviceExistsRule({
        ...healthy,
        service: service({ status: 'DRAINING' }),
      }),
    ).toEqual([
      expect.objectContaining({
        code: 'service-inactive',
        severity: 'down',
        message: 'The ECS service is DRAINING',
      }),
    ]);
  });

  it('accepts an active service', () => {
    expect(serviceExistsRule(healthy)).toEqual([]);
  });
});

describe('taskCountRule', () => {
  it('is down with no running task', () => {
    expect(
      taskCountRule({ ...healthy, service: service({ runningCount: 0 }) }),
    ).toEqual([
      expect.objectContaining({
        code: 'no-running-tasks',
        severity: 'down',
        message: '0 of 2 tasks running',
      }),
    ]);
  });

  it('is degraded with fewer tasks than desired', () => {
    expect(
      taskCountRule({
        ...healthy,
        service: service({ desiredCount: 3, runningCount: 1 }),
      }),
    ).toEqual([
      expect.objectContaining({
        code: 'tasks-below-desired',
        severity: 'degraded',
        message: '1 of 3 tasks running',
      }),
    ]);
  });

  it('only informs about a service scaled to zero', () => {
    expect(
      taskCountRule({
        ...healthy,
        service: service({ desiredCount: 0, runningCount: 0 }),
      }),
    ).toEqual([
      expect.objectContaining({ code: 'scaled-to-zero', severity: 'info' }),
    ]);
  });

  it('accepts more running tasks than desired (scale-in in progress)', () => {
    expect(
      taskCountRule({ ...healthy, service: service({ runningCount: 3 }) }),
    ).toEqual([]);
  });
});

describe('rolloutRule', () => {
  it('reports a circuit-breaker rollback from the failed deployment', () => {
    const failed = deployment({
      id: 'ecs-svc/2',
      status: 'ACTIVE',
      taskDefinitionRevision: 8,
      rolloutState: 'FAILED',
      rolloutStateReason:
        'ECS deployment circuit breaker: tasks failed to start. Rolling back to ecs-svc/1.',
    });
    const reasons = rolloutRule({
      ...healthy,
      deployment: state({ lastFailed: failed }),
    });
    expect(reasons).toEqual([
      expect.objectContaining({
        code: 'circuit-breaker-rollback',
        severity: 'degraded',
        resource: 'ecs-svc/2',
      }),
    ]);
    expect(reasons[0].message).toContain('payments-api-production:8');
  });

  it('reports a failed rollout that was not the circuit breaker', () => {
    expect(
      rolloutRule({
        ...healthy,
        deployment: state({
          primary: deployment({
            rolloutState: 'FAILED',
            rolloutStateReason: 'alarm p99-latency went into ALARM',
          }),
        }),
      }),
    ).toEqual([
      expect.objectContaining({ code: 'rollout-failed', severity: 'degraded' }),
    ]);
  });

  it('reports the same failed deployment once even when it is primary and last failed', () => {
    const failed = deployment({ rolloutState: 'FAILED' });
    expect(
      rolloutRule({
        ...healthy,
        deployment: state({ primary: failed, lastFailed: failed }),
      }),
    ).toHaveLength(1);
  });

  it('informs about a blue/green rollout in progress with its stage', () => {
    const reasons = rolloutRule({
      ...healthy,
      deployment: state({
        strategy: 'BLUE_GREEN',
        primary: deployment({
          rolloutState: 'IN_PROGRESS',
          strategy: 'BLUE_GREEN',
          blueGreenStage: 'TEST_TRAFFIC_SHIFT',
        }),
      }),
    });
    expect(reasons).toEqual([
      expect.objectContaining({
        code: 'rollout-in-progress',
        severity: 'info',
      }),
    ]);
    expect(reasons[0].message).toContain('TEST_TRAFFIC_SHIFT');
  });
});

describe('alarmRule', () => {
  it('degrades for each alarm in ALARM', () => {
    expect(
      alarmRule({
        ...healthy,
        alarms: [
          {
            name: 'payments-api-production-alb-5xx',
            signal: 'alb-5xx',
            state: 'ALARM',
            reason: 'Threshold Crossed',
          },
          { name: 'payments-api-production-p99-latency', state: 'ALARM' },
        ],
      }),
    ).toEqual([
      expect.objectContaining({
        code: 'alarm',
        severity: 'degraded',
        resource: 'payments-api-production-alb-5xx',
        message:
          'Alarm payments-api-production-alb-5xx is in ALARM: Threshold Crossed',
      }),
      expect.objectContaining({
        resource: 'payments-api-production-p99-latency',
      }),
    ]);
  });
});

describe('targetHealthRule', () => {
  const targets = {
    targetGroupArn: 'arn:tg',
    targetGroupName: 'payments-api-production-b',
    total: 2,
    healthy: 2,
    unhealthy: 0,
    other: 0,
    unhealthyReasons: [],
  };

  it('accepts all-healthy targets', () => {
    expect(targetHealthRule({ ...healthy, targets })).toEqual([]);
  });

  it('degrades with some unhealthy targets', () => {
    expect(
      targetHealthRule({
        ...healthy,
        targets: {
          ...targets,
          healthy: 1,
          unhealthy: 1,
          unhealthyReasons: ['Target.ResponseCodeMismatch'],
        },
      }),
    ).toEqual([
      expect.objectContaining({
        code: 'unhealthy-targets',
        severity: 'degraded',
        message:
          '1 of 2 targets unhealthy in payments-api-production-b (Target.ResponseCodeMismatch)',
      }),
    ]);
  });

  it('is down when no target is healthy', () => {
    expect(
      targetHealthRule({
        ...healthy,
        targets: { ...targets, healthy: 0, unhealthy: 2 },
      }),
    ).toEqual([expect.objectContaining({ severity: 'down' })]);
  });
});

describe('dataStoreRule', () => {
  it('degrades for a transient state and is down for a failed store', () => {
    expect(
      dataStoreRule({
        ...healthy,
        dataStores: [
          {
            kind: 'aurora',
            identifier: 'payments-api-production',
            status: 'modifying',
            available: false,
          },
          {
            kind: 'valkey',
            identifier: 'payments-api-production',
            status: 'create-failed',
            available: false,
          },
          {
            kind: 'valkey',
            identifier: 'other',
            status: 'available',
            available: true,
          },
        ],
      }),
    ).toEqual([
      expect.objectContaining({
        code: 'database-unavailable',
        severity: 'degraded',
        message: 'Aurora cluster payments-api-production is modifying',
      }),
      expect.objectContaining({ code: 'cache-unavailable', severity: 'down' }),
    ]);
  });
});
