import { EnvironmentError } from '@zeroops/backstage-plugin-zeroops-common';
import { EcsServiceRecord, Loaded, StoppedTaskRecord } from '../records';
import {
  assembleEnvironment,
  EnvironmentRecords,
  targetHealthSymptoms,
} from './assembleEnvironment';

const FETCHED_AT = '2025-01-01T12:00:00.000Z';

function ok<T>(value: T): Loaded<T> {
  return { ok: true, value, fetchedAt: FETCHED_AT };
}

function failed(source: EnvironmentError['source']): Loaded<never> {
  return {
    ok: false,
    error: {
      code: 'throttled',
      source,
      message: `${source} was throttled`,
      hint: 'try again shortly',
    },
    fetchedAt: FETCHED_AT,
  };
}

const SERVICE: EcsServiceRecord = {
  serviceName: 'payments-api',
  serviceArn:
    'arn:aws:ecs:us-east-1:111111111111:service/zeroops-production/payments-api',
  status: 'ACTIVE',
  desiredCount: 2,
  runningCount: 2,
  pendingCount: 0,
  strategy: 'ROLLING',
  deployments: [],
  events: [],
  targetGroupArns: [],
};

function stopped(serviceName: string, n: number): StoppedTaskRecord {
  return {
    taskArn: `arn:task/${serviceName}-${n}`,
    serviceName,
    stoppedReason: 'Essential container exited',
    stoppedAt: `2025-01-01T11:${String(59 - n).padStart(2, '0')}:00.000Z`,
  } as StoppedTaskRecord;
}

function records(
  overrides: Partial<EnvironmentRecords> = {},
): EnvironmentRecords {
  return {
    env: {
      name: 'production',
      kind: 'persistent',
      accountId: '111111111111',
      region: 'us-east-1',
      cluster: 'zeroops-production',
    },
    instance: 'production',
    serviceName: 'payments-api',
    ecsServiceName: 'payments-api',
    services: { services: { 'payments-api': SERVICE }, missing: [] },
    fetchedAt: FETCHED_AT,
    alarms: ok([]),
    aurora: ok({ stores: [] }),
    valkey: ok({ stores: [] }),
    ...overrides,
  };
}

describe('assembleEnvironment', () => {
  it('builds the environment of a running service from its records', () => {
    const environment = assembleEnvironment(records());
    expect(environment).toMatchObject({
      name: 'production',
      platformEnvironment: 'production',
      kind: 'persistent',
      location: {
        accountId: '111111111111',
        region: 'us-east-1',
        cluster: 'zeroops-production',
        ecsServiceName: 'payments-api',
      },
      service: { status: 'ACTIVE', desiredCount: 2, runningCount: 2 },
      partialErrors: [],
      stoppedTasks: [],
      fetchedAt: FETCHED_AT,
    });
    expect(environment.health.status).toBe('healthy');
  });

  it('reports failed reads as partial errors and unreadable signals, in read order', () => {
    const environment = assembleEnvironment(
      records({
        alarms: failed('cloudwatch'),
        valkey: failed('elasticache'),
        stoppedTasks: failed('ecs'),
      }),
    );
    expect(environment.partialErrors.map(e => e.source)).toEqual([
      'cloudwatch',
      'elasticache',
      'ecs',
    ]);
    expect(environment.health.status).not.toBe('healthy');
  });

  it("keeps only the service's own stopped tasks, without their service name", () => {
    const environment = assembleEnvironment(
      records({
        stoppedTasks: ok([
          stopped('payments-api', 1),
          stopped('orders-worker', 2),
          stopped('payments-api', 3),
        ]),
      }),
    );
    expect(environment.stoppedTasks.map(t => t.taskArn)).toEqual([
      'arn:task/payments-api-1',
      'arn:task/payments-api-3',
    ]);
    expect(environment.stoppedTasks[0]).not.toHaveProperty('serviceName');
  });

  it('shows a service ECS does not have as not deployed', () => {
    const environment = assembleEnvironment(
      records({ services: { services: {}, missing: ['payments-api'] } }),
    );
    expect(environment.service).toBeUndefined();
    expect(environment.health.status).toBe('not-deployed');
  });
});

describe('targetHealthSymptoms', () => {
  it('passes unreadable alarms and stopped tasks on as undefined', () => {
    expect(
      targetHealthSymptoms(
        records({ alarms: failed('cloudwatch'), stoppedTasks: failed('ecs') }),
      ),
    ).toEqual({ alarms: undefined, stoppedTasks: undefined });
  });

  it("narrows readable ones to the service's own", () => {
    expect(
      targetHealthSymptoms(
        records({
          stoppedTasks: ok([
            stopped('orders-worker', 1),
            stopped('payments-api', 2),
          ]),
        }),
      ),
    ).toEqual({ alarms: [], stoppedTasks: [stopped('payments-api', 2)] });
  });
});
