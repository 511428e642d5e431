import { HealthStatus } from '../api/health';
import { HealthInputs, rollUpHealth } from './rules';
import { HealthSignal, UNREADABLE_SIGNALS } from './unreadableSignals';

const steady: HealthInputs = {
  service: {
    status: 'ACTIVE',
    desiredCount: 2,
    runningCount: 2,
    pendingCount: 0,
  },
  alarms: [],
  dataStores: [],
};

/** The verdict each kind of environment gets from the signals that were read. */
const verdicts: Record<Exclude<HealthStatus, 'unknown'>, HealthInputs> = {
  healthy: steady,
  degraded: {
    ...steady,
    service: { ...steady.service!, runningCount: 1 },
  },
  down: {
    ...steady,
    service: { ...steady.service!, runningCount: 0 },
  },
  // ECS has no such service: nothing was deployed there yet.
  'not-deployed': { ...steady, service: undefined },
};

/**
 * Expected outcome per signal and verdict: one row per signal of the table, written out here
 * (not derived from it), so a change to the table has to change this too.
 */
const expected: Record<HealthSignal, Record<keyof typeof verdicts, string>> = {
  alarms: {
    healthy: 'unknown',
    degraded: 'degraded',
    down: 'down',
    'not-deployed': 'not-deployed',
  },
  'target-health': {
    healthy: 'unknown',
    degraded: 'degraded',
    down: 'down',
    'not-deployed': 'not-deployed',
  },
  database: {
    healthy: 'unknown',
    degraded: 'degraded',
    down: 'down',
    'not-deployed': 'not-deployed',
  },
  cache: {
    healthy: 'unknown',
    degraded: 'degraded',
    down: 'down',
    'not-deployed': 'not-deployed',
  },
  'task-definition': {
    healthy: 'healthy',
    degraded: 'degraded',
    down: 'down',
    'not-deployed': 'not-deployed',
  },
  'stopped-tasks': {
    healthy: 'healthy',
    degraded: 'degraded',
    down: 'down',
    'not-deployed': 'not-deployed',
  },
};

const reasonCodes: Record<HealthSignal, string | undefined> = {
  alarms: 'alarms-unreadable',
  'target-health': 'target-health-unreadable',
  database: 'database-unreadable',
  cache: 'cache-unreadable',
  'task-definition': undefined,
  'stopped-tasks': undefined,
};

describe('a signal that could not be read', () => {
  it('has a row for every signal', () => {
    expect(Object.keys(UNREADABLE_SIGNALS).sort()).toEqual(
      Object.keys(expected).sort(),
    );
  });

  describe.each(Object.keys(expected) as HealthSignal[])('%s', signal => {
    it.each(Object.keys(verdicts) as Array<keyof typeof verdicts>)(
      'turns a %s verdict into the table’s outcome',
      verdict => {
        const health = rollUpHealth({
          ...verdicts[verdict],
          unreadable: [signal],
        });
        expect(health.status).toBe(expected[signal][verdict]);
      },
    );

    it('names itself in the reasons, or adds none when no rule reads it', () => {
      const health = rollUpHealth({ ...steady, unreadable: [signal] });
      expect(
        health.reasons.map(({ code, severity }) => ({ code, severity })),
      ).toEqual(
        [reasonCodes[signal]]
          .filter(Boolean)
          .map(code => ({ code, severity: 'unknown' })),
      );
      for (const reason of health.reasons) {
        expect(reason.message).toContain('could not be read');
      }
    });
  });

  it('keeps a firing alarm read elsewhere ahead of the unknown reasons', () => {
    const health = rollUpHealth({
      ...steady,
      alarms: [{ name: 'shop-staging-p99-latency', state: 'ALARM' }],
      unreadable: ['database'],
    });
    expect(health.status).toBe('degraded');
    expect(health.reasons.map(r => r.code)).toEqual([
      'alarm',
      'database-unreadable',
    ]);
  });

  it('lists every unreadable signal once, in table order', () => {
    const health = rollUpHealth({
      ...steady,
      unreadable: ['cache', 'alarms', 'cache'],
    });
    expect(health.reasons.map(r => r.code)).toEqual([
      'alarms-unreadable',
      'cache-unreadable',
    ]);
  });
});
