import { healthStatusOf, rollUpHealth, unknownHealth } from './rules';
import {
  service,
  deployment,
  state,
  healthy,
} from './__testUtils__/healthInputs';

describe('rollUpHealth', () => {
  it('is healthy without reasons', () => {
    expect(rollUpHealth(healthy)).toEqual({ status: 'healthy', reasons: [] });
  });

  it('stays healthy with informative reasons only', () => {
    const health = rollUpHealth({
      ...healthy,
      service: service({ desiredCount: 0, runningCount: 0 }),
    });
    expect(health.status).toBe('healthy');
    expect(health.reasons.map(r => r.code)).toEqual(['scaled-to-zero']);
  });

  it('takes the worst severity and lists reasons worst first', () => {
    const health = rollUpHealth({
      ...healthy,
      service: service({ runningCount: 0 }),
      alarms: [{ name: 'payments-api-production-cpu-high', state: 'ALARM' }],
      deployment: state({
        primary: deployment({ rolloutState: 'IN_PROGRESS' }),
      }),
    });
    expect(health.status).toBe('down');
    expect(health.reasons.map(r => r.code)).toEqual([
      'no-running-tasks',
      'alarm',
      'rollout-in-progress',
    ]);
  });

  it('is degraded when the worst reason is degraded', () => {
    expect(
      rollUpHealth({
        ...healthy,
        alarms: [{ name: 'x-production-alb-5xx', state: 'ALARM' }],
      }).status,
    ).toBe('degraded');
  });

  it('is not-deployed for a service ECS does not have, whatever could not be read', () => {
    const health = rollUpHealth({
      service: undefined,
      deployment: undefined,
      alarms: [],
      dataStores: [],
      unreadable: ['alarms'],
    });
    expect(health.status).toBe('not-deployed');
    expect(health.reasons.map(r => r.code)).toEqual([
      'service-missing',
      'alarms-unreadable',
    ]);
  });

  it('lets a failed data store of a service not deployed yet show as down', () => {
    const health = rollUpHealth({
      service: undefined,
      deployment: undefined,
      alarms: [],
      dataStores: [
        {
          kind: 'aurora',
          identifier: 'payments-api-staging',
          status: 'create-failed',
          available: false,
        },
      ],
    });
    expect(health.status).toBe('down');
    expect(health.reasons.map(r => r.code)).toEqual([
      'database-unavailable',
      'service-missing',
    ]);
  });

  it('derives the status from the worst severity', () => {
    expect(healthStatusOf([])).toBe('healthy');
    expect(healthStatusOf([{ severity: 'info' }])).toBe('healthy');
    expect(
      healthStatusOf([{ severity: 'unknown' }, { severity: 'not-deployed' }]),
    ).toBe('not-deployed');
    expect(
      healthStatusOf([{ severity: 'not-deployed' }, { severity: 'degraded' }]),
    ).toBe('degraded');
  });

  it('reports unknown, not healthy, when AWS could not be read', () => {
    expect(unknownHealth('ThrottlingException')).toEqual({
      status: 'unknown',
      reasons: [
        {
          code: 'data-unavailable',
          severity: 'unknown',
          message: 'ThrottlingException',
        },
      ],
    });
  });
});
