import { Deployment } from '@zeroops/backstage-plugin-zeroops-common';
import { EcsServiceRecord } from './records';
import { needsTargetHealth } from './targetHealthPolicy';

const NOW = Date.parse('2025-03-20T12:00:00Z');

const steady: EcsServiceRecord = {
  serviceName: 'payments-api',
  serviceArn: 'arn',
  status: 'ACTIVE',
  desiredCount: 2,
  runningCount: 2,
  pendingCount: 0,
  strategy: 'ROLLING',
  deployments: [{ rolloutState: 'COMPLETED' } as Deployment],
  events: [
    {
      id: '1',
      createdAt: '2025-03-20T11:59:00Z',
      message: '(service payments-api) has reached a steady state.',
    },
  ],
  targetGroupArns: ['arn:tg/payments-api-production-b/1'],
};

const check = (overrides: Partial<Parameters<typeof needsTargetHealth>[0]>) =>
  needsTargetHealth({
    mode: 'on-symptom',
    service: steady,
    alarms: [],
    stoppedTasks: [],
    now: NOW,
    ...overrides,
  });

describe('needsTargetHealth', () => {
  it('skips a steady service and services without a load balancer', () => {
    expect(check({})).toBe(false);
    expect(
      check({ mode: 'always', service: { ...steady, targetGroupArns: [] } }),
    ).toBe(false);
  });

  it('always reads in mode always', () => {
    expect(check({ mode: 'always' })).toBe(true);
  });

  it.each([
    ['fewer tasks than desired', { service: { ...steady, runningCount: 1 } }],
    ['pending tasks', { service: { ...steady, pendingCount: 1 } }],
    [
      'a rollout in progress',
      {
        service: {
          ...steady,
          deployments: [{ rolloutState: 'IN_PROGRESS' } as Deployment],
        },
      },
    ],
    [
      'an alarm',
      {
        alarms: [
          {
            name: 'payments-api-production-unhealthy-hosts',
            state: 'ALARM' as const,
          },
        ],
      },
    ],
    [
      'a recent health-check event',
      {
        service: {
          ...steady,
          events: [
            {
              id: '2',
              createdAt: '2025-03-20T11:55:00Z',
              message:
                '(service payments-api) (port 8080) is unhealthy in target-group payments-api-production-b due to (reason Health checks failed).',
            },
          ],
        },
      },
    ],
    [
      'a task stopped by failing ELB health checks',
      {
        stoppedTasks: [
          {
            taskArn: 't',
            taskId: 't',
            containers: [],
            stoppedAt: '2025-03-20T11:50:00Z',
            stoppedReason:
              'Task failed ELB health checks in (target-group ...)',
          },
        ],
      },
    ],
    // Unread is not quiet: an unhealthy-hosts alarm or a crash may be what failed to load.
    ['alarms that could not be read', { alarms: undefined }],
    ['stopped tasks that could not be read', { stoppedTasks: undefined }],
  ])('reads on %s', (_, overrides) => {
    expect(check(overrides)).toBe(true);
  });

  it('ignores an old health-check event', () => {
    expect(
      check({
        service: {
          ...steady,
          events: [
            {
              id: '3',
              createdAt: '2025-03-20T10:00:00Z',
              message: 'is unhealthy',
            },
          ],
        },
      }),
    ).toBe(false);
  });
});
