import {
  deploymentStrategyOf,
  parseTaskDefinitionArn,
  toServiceRecord,
  toStoppedTaskRecord,
  toTaskDefinitionRecord,
} from './ecsMapping';

const TD =
  'arn:aws:ecs:us-east-1:111111111111:task-definition/payments-api-production';

describe('parseTaskDefinitionArn', () => {
  it('splits family and revision', () => {
    expect(parseTaskDefinitionArn(`${TD}:42`)).toEqual({
      family: 'payments-api-production',
      revision: 42,
    });
  });
});

describe('toServiceRecord', () => {
  it('keeps what the API needs, newest events first, both blue/green target groups', () => {
    const events = Array.from({ length: 30 }, (_, i) => ({
      id: `e${i}`,
      createdAt: new Date(Date.UTC(2025, 0, 1, 0, i)),
      message: `event ${i}`,
    }));
    const record = toServiceRecord({
      serviceName: 'payments-api',
      serviceArn:
        'arn:aws:ecs:us-east-1:111111111111:service/zeroops-production/payments-api',
      status: 'ACTIVE',
      desiredCount: 2,
      runningCount: 1,
      pendingCount: 1,
      deploymentConfiguration: { strategy: 'BLUE_GREEN' },
      loadBalancers: [
        {
          targetGroupArn: 'arn:tg/payments-api-production-b/1',
          advancedConfiguration: {
            alternateTargetGroupArn: 'arn:tg/payments-api-production-g/2',
            productionListenerRule: 'rule',
            roleArn: 'role',
          },
        },
      ],
      deployments: [
        {
          id: 'ecs-svc/1',
          status: 'PRIMARY',
          taskDefinition: `${TD}:9`,
          desiredCount: 2,
          runningCount: 1,
          pendingCount: 1,
          failedTasks: 0,
          createdAt: new Date('2025-01-02T00:00:00Z'),
          rolloutState: 'IN_PROGRESS',
        },
      ],
      events,
      currentServiceDeployment: 'arn:sd/1',
    });
    expect(record.strategy).toBe('BLUE_GREEN');
    expect(record.targetGroupArns).toEqual([
      'arn:tg/payments-api-production-b/1',
      'arn:tg/payments-api-production-g/2',
    ]);
    expect(record.events).toHaveLength(10);
    expect(record.events[0]).toEqual({
      id: 'e29',
      createdAt: '2025-01-01T00:29:00.000Z',
      message: 'event 29',
    });
    expect(record.deployments).toEqual([
      {
        id: 'ecs-svc/1',
        status: 'PRIMARY',
        taskDefinitionArn: `${TD}:9`,
        taskDefinitionFamily: 'payments-api-production',
        taskDefinitionRevision: 9,
        startedAt: '2025-01-02T00:00:00.000Z',
        updatedAt: undefined,
        rolloutState: 'IN_PROGRESS',
        rolloutStateReason: undefined,
        desiredCount: 2,
        runningCount: 1,
        pendingCount: 1,
        failedTasks: 0,
        strategy: 'BLUE_GREEN',
      },
    ]);
    expect(JSON.parse(JSON.stringify(record))).toEqual(
      JSON.parse(JSON.stringify(record)),
    );
  });

  it('treats a CodeDeploy controller as blue/green and defaults to rolling', () => {
    expect(
      deploymentStrategyOf({ deploymentController: { type: 'CODE_DEPLOY' } }),
    ).toBe('BLUE_GREEN');
    expect(deploymentStrategyOf({})).toBe('ROLLING');
  });
});

describe('toTaskDefinitionRecord', () => {
  it('reads the app container image and its awslogs configuration', () => {
    expect(
      toTaskDefinitionRecord({
        taskDefinitionArn: `${TD}:9`,
        family: 'payments-api-production',
        revision: 9,
        containerDefinitions: [
          { name: 'xray', image: 'amazon/aws-xray-daemon' },
          {
            name: 'app',
            image:
              '111111111111.dkr.ecr.us-east-1.amazonaws.com/payments-api:abc',
            logConfiguration: {
              logDriver: 'awslogs',
              options: {
                'awslogs-group': '/ecs/payments-api/production',
                'awslogs-region': 'us-east-1',
                'awslogs-stream-prefix': 'app',
              },
            },
          },
        ],
      }),
    ).toEqual({
      taskDefinitionArn: `${TD}:9`,
      family: 'payments-api-production',
      revision: 9,
      image: '111111111111.dkr.ecr.us-east-1.amazonaws.com/payments-api:abc',
      logDriver: 'awslogs',
      logGroup: '/ecs/payments-api/production',
      logRegion: 'us-east-1',
      logStreamPrefix: 'app',
    });
  });
});

describe('toStoppedTaskRecord', () => {
  it('keeps stop code, reason, exit codes and the service from the task group', () => {
    expect(
      toStoppedTaskRecord({
        taskArn:
          'arn:aws:ecs:us-east-1:111111111111:task/zeroops-production/0123abcd',
        taskDefinitionArn: `${TD}:10`,
        group: 'service:payments-api',
        stopCode: 'EssentialContainerExited',
        stoppedReason: 'Essential container in task exited',
        stoppedAt: new Date('2025-01-02T10:00:00Z'),
        containers: [
          { name: 'app', exitCode: 137, reason: 'OutOfMemoryError' },
        ],
      }),
    ).toEqual({
      taskArn:
        'arn:aws:ecs:us-east-1:111111111111:task/zeroops-production/0123abcd',
      taskId: '0123abcd',
      taskDefinitionArn: `${TD}:10`,
      taskDefinitionRevision: 10,
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      startedAt: undefined,
      stoppedAt: '2025-01-02T10:00:00.000Z',
      containers: [
        {
          name: 'app',
          exitCode: 137,
          reason: 'OutOfMemoryError',
          image: undefined,
        },
      ],
      serviceName: 'payments-api',
    });
  });
});
