import { buildEnvironmentLinks } from './links';

describe('buildEnvironmentLinks', () => {
  it('links the ECS console and the log group of the task definition', () => {
    expect(
      buildEnvironmentLinks({
        region: 'us-east-1',
        cluster: 'zeroops-production',
        ecsServiceName: 'payments-api',
        taskDefinition: {
          taskDefinitionArn: 'arn',
          family: 'payments-api-production',
          revision: 3,
          logDriver: 'awslogs',
          logGroup: '/ecs/payments-api/production',
          logRegion: 'us-east-1',
          logStreamPrefix: 'app',
        },
      }),
    ).toEqual({
      console:
        'https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/zeroops-production/services/payments-api/health?region=us-east-1',
      logGroup: '/ecs/payments-api/production',
      logs: 'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Fecs$252Fpayments-api$252Fproduction/log-events$3FlogStreamNameFilter$3Dapp$252F',
    });
  });

  it('has no logs link without an awslogs configuration', () => {
    expect(
      buildEnvironmentLinks({
        region: 'eu-west-1',
        cluster: 'c',
        ecsServiceName: 's',
        taskDefinition: {
          taskDefinitionArn: 'arn',
          family: 'f',
          revision: 1,
          logDriver: 'awsfirelens',
        },
      }).logs,
    ).toBeUndefined();
  });
});
