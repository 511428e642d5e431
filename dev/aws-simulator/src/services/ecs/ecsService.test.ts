import {
  ClusterNotFoundException,
  DescribeClustersCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  type ECSClient,
  InvalidParameterException,
  ListServiceDeploymentsCommand,
  ListServicesCommand,
  ListTasksCommand,
  paginateListServices,
  paginateListTasks,
} from '@aws-sdk/client-ecs';
import { assumeRoleIn, clients } from '../../__testUtils__/clients.ts';
import { useSimulator } from '../../__testUtils__/useSimulator.ts';

const PRODUCTION = '111111111111';
const STAGING = '222222222222';

describe('ECS through @aws-sdk/client-ecs', () => {
  const demo = useSimulator();
  let production: ECSClient;
  let staging: ECSClient;

  beforeAll(async () => {
    production = clients.ecs(demo.simulator, {
      credentials: await assumeRoleIn(demo.simulator, PRODUCTION),
    });
    staging = clients.ecs(demo.simulator, {
      credentials: await assumeRoleIn(demo.simulator, STAGING),
    });
  });

  it('describes clusters of the caller account and reports missing ones', async () => {
    const out = await production.send(
      new DescribeClustersCommand({
        clusters: ['zeroops-production', 'zeroops-staging'],
      }),
    );
    expect(out.clusters).toHaveLength(1);
    expect(out.clusters![0]).toMatchObject({
      clusterName: 'zeroops-production',
      clusterArn:
        'arn:aws:ecs:us-east-1:111111111111:cluster/zeroops-production',
      status: 'ACTIVE',
      activeServicesCount: 3,
    });
    expect(out.clusters![0].runningTasksCount).toBeGreaterThan(0);
    // The staging cluster lives in another account, so production cannot see it.
    expect(out.failures).toEqual([
      {
        arn: 'arn:aws:ecs:us-east-1:111111111111:cluster/zeroops-staging',
        reason: 'MISSING',
      },
    ]);
  });

  it('lists every service exactly once across pages', async () => {
    const arns: string[] = [];
    for await (const page of paginateListServices(
      { client: staging, pageSize: 1 },
      { cluster: 'zeroops-ephemeral' },
    )) {
      expect(page.serviceArns!.length).toBeLessThanOrEqual(1);
      arns.push(...page.serviceArns!);
    }
    expect(arns.sort()).toEqual([
      'arn:aws:ecs:us-east-1:222222222222:service/zeroops-ephemeral/payments-api-pr-7',
      'arn:aws:ecs:us-east-1:222222222222:service/zeroops-ephemeral/storefront-web-pr-42',
    ]);
  });

  it('answers ClusterNotFoundException for an unknown cluster', async () => {
    await expect(
      production.send(new ListServicesCommand({ cluster: 'nope' })),
    ).rejects.toBeInstanceOf(ClusterNotFoundException);
  });

  it('describes a blue/green deployment in progress with both revisions', async () => {
    const out = await production.send(
      new DescribeServicesCommand({
        cluster: 'zeroops-production',
        services: ['storefront-web', 'payments-api', 'ghost'],
        include: ['TAGS'],
      }),
    );
    expect(out.failures).toEqual([
      {
        arn: 'arn:aws:ecs:us-east-1:111111111111:service/zeroops-production/ghost',
        reason: 'MISSING',
      },
    ]);
    const storefront = out.services!.find(
      s => s.serviceName === 'storefront-web',
    )!;
    expect(storefront.status).toBe('ACTIVE');
    expect(storefront.desiredCount).toBe(3);
    expect(storefront.runningCount).toBe(6);
    expect(storefront.deploymentConfiguration).toMatchObject({
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 10,
      deploymentCircuitBreaker: { enable: true, rollback: true },
    });
    const [primary, active] = storefront.deployments!;
    expect(primary).toMatchObject({
      status: 'PRIMARY',
      rolloutState: 'IN_PROGRESS',
    });
    expect(active).toMatchObject({
      status: 'ACTIVE',
      rolloutState: 'COMPLETED',
    });
    expect(primary.createdAt).toBeInstanceOf(Date);
    expect(primary.createdAt!.getTime()).toBeGreaterThan(
      active.createdAt!.getTime(),
    );
    expect(primary.taskDefinition).toMatch(
      /^arn:aws:ecs:us-east-1:111111111111:task-definition\/storefront-web-production:\d+$/,
    );
    expect(storefront.loadBalancers).toEqual([
      expect.objectContaining({
        targetGroupArn: expect.stringContaining(
          ':targetgroup/storefront-web-prod-b/',
        ),
        containerName: 'app',
        containerPort: 3000,
        advancedConfiguration: expect.objectContaining({
          alternateTargetGroupArn: expect.stringContaining(
            ':targetgroup/storefront-web-prod-g/',
          ),
        }),
      }),
    ]);
    expect(storefront.currentServiceRevisions).toHaveLength(2);
    expect(storefront.events!.length).toBeGreaterThan(3);
    expect(storefront.events![0].createdAt!.getTime()).toBeGreaterThanOrEqual(
      storefront.events![1].createdAt!.getTime(),
    );
    expect(storefront.events![0].message).toMatch(
      /^\(service storefront-web\) /,
    );
    expect(storefront.tags).toEqual([
      { key: 'zeroops:service', value: 'storefront-web' },
      { key: 'zeroops:environment', value: 'production' },
    ]);

    const payments = out.services!.find(s => s.serviceName === 'payments-api')!;
    expect(payments.deployments).toHaveLength(1);
    expect(payments.deployments![0]).toMatchObject({
      status: 'PRIMARY',
      rolloutState: 'COMPLETED',
      runningCount: 3,
    });
    expect(
      payments.events!.some(e => /has reached a steady state/.test(e.message!)),
    ).toBe(true);
  });

  it('refuses more than 10 services per DescribeServices call, like ECS', async () => {
    await expect(
      production.send(
        new DescribeServicesCommand({
          cluster: 'zeroops-production',
          services: Array.from({ length: 11 }, (_, i) => `s${i}`),
        }),
      ),
    ).rejects.toBeInstanceOf(InvalidParameterException);
  });

  it('tells the circuit breaker rollback story in staging', async () => {
    const out = await staging.send(
      new DescribeServicesCommand({
        cluster: 'zeroops-staging',
        services: ['orders-worker'],
      }),
    );
    const [service] = out.services!;
    expect(service.loadBalancers).toEqual([]);
    const failed = service.deployments!.find(d => d.rolloutState === 'FAILED')!;
    expect(failed.rolloutStateReason).toMatch(/circuit breaker/);
    expect(failed.failedTasks).toBe(3);
    const primary = service.deployments!.find(d => d.status === 'PRIMARY')!;
    expect(primary.rolloutState).toBe('COMPLETED');
    expect(primary.taskDefinition).not.toBe(failed.taskDefinition);
    expect(service.events!.map(e => e.message).join('\n')).toMatch(
      /rolling back to deployment/,
    );

    const stopped: string[] = [];
    for await (const page of paginateListTasks(
      { client: staging, pageSize: 2 },
      {
        cluster: 'zeroops-staging',
        serviceName: 'orders-worker',
        desiredStatus: 'STOPPED',
      },
    )) {
      stopped.push(...page.taskArns!);
    }
    expect(stopped).toHaveLength(3);
    expect(new Set(stopped).size).toBe(3);
    const tasks = await staging.send(
      new DescribeTasksCommand({ cluster: 'zeroops-staging', tasks: stopped }),
    );
    for (const task of tasks.tasks!) {
      expect(task).toMatchObject({
        lastStatus: 'STOPPED',
        stopCode: 'EssentialContainerExited',
        stoppedReason: 'Essential container in task exited',
        taskDefinitionArn: failed.taskDefinition,
      });
      expect(task.stoppedAt!.getTime()).toBeGreaterThan(
        task.startedAt!.getTime(),
      );
      expect(task.containers![0]).toMatchObject({
        name: 'app',
        exitCode: 137,
        reason: expect.stringContaining('OutOfMemoryError'),
      });
    }
  });

  it('lists running tasks and describes their health', async () => {
    const running = await production.send(
      new ListTasksCommand({
        cluster: 'zeroops-production',
        serviceName: 'payments-api',
      }),
    );
    expect(running.taskArns).toHaveLength(3);
    const described = await production.send(
      new DescribeTasksCommand({
        cluster: 'zeroops-production',
        tasks: [
          ...running.taskArns!,
          'arn:aws:ecs:us-east-1:111111111111:task/zeroops-production/0000',
        ],
      }),
    );
    expect(described.tasks).toHaveLength(3);
    expect(described.failures).toEqual([
      expect.objectContaining({ reason: 'MISSING' }),
    ]);
    for (const task of described.tasks!) {
      expect(task).toMatchObject({
        lastStatus: 'RUNNING',
        desiredStatus: 'RUNNING',
        healthStatus: 'HEALTHY',
        group: 'service:payments-api',
        launchType: 'FARGATE',
      });
      expect(task.containers![0].healthStatus).toBe('HEALTHY');
      expect(
        task.containers![0].networkInterfaces![0].privateIpv4Address,
      ).toMatch(/^10\.\d+\.\d+\.\d+$/);
    }
  });

  it('describes task definitions with the awslogs group and a commit SHA image tag', async () => {
    const service = (
      await production.send(
        new DescribeServicesCommand({
          cluster: 'zeroops-production',
          services: ['payments-api'],
        }),
      )
    ).services![0];
    const out = await production.send(
      new DescribeTaskDefinitionCommand({
        taskDefinition: service.taskDefinition,
      }),
    );
    const td = out.taskDefinition!;
    expect(td.family).toBe('payments-api-production');
    const [container] = td.containerDefinitions!;
    expect(container.name).toBe('app');
    expect(container.image).toMatch(
      /^111111111111\.dkr\.ecr\.us-east-1\.amazonaws\.com\/payments-api:[0-9a-f]{40}$/,
    );
    expect(container.logConfiguration).toEqual({
      logDriver: 'awslogs',
      options: {
        'awslogs-group': '/ecs/payments-api/production',
        'awslogs-region': 'us-east-1',
        'awslogs-stream-prefix': 'app',
      },
    });
    // The family alone resolves to the latest revision.
    const latest = await production.send(
      new DescribeTaskDefinitionCommand({
        taskDefinition: 'payments-api-production',
      }),
    );
    expect(latest.taskDefinition!.taskDefinitionArn).toBe(td.taskDefinitionArn);
  });

  it('exposes service deployments with the blue/green lifecycle stage and the rollback', async () => {
    const list = await production.send(
      new ListServiceDeploymentsCommand({
        cluster: 'zeroops-production',
        service: 'storefront-web',
      }),
    );
    const arns = list.serviceDeployments!.map(d => d.serviceDeploymentArn!);
    const described = await production.send(
      new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: arns }),
    );
    const inProgress = described.serviceDeployments!.find(
      d => d.status === 'IN_PROGRESS',
    )!;
    expect(inProgress.lifecycleStage).toBe('TEST_TRAFFIC_SHIFT');
    expect(inProgress.deploymentConfiguration!.strategy).toBe('BLUE_GREEN');

    const stagingList = await staging.send(
      new ListServiceDeploymentsCommand({
        cluster: 'zeroops-staging',
        service: 'orders-worker',
        status: ['ROLLBACK_SUCCESSFUL'],
      }),
    );
    expect(stagingList.serviceDeployments).toHaveLength(1);
    const [rolledBack] = (
      await staging.send(
        new DescribeServiceDeploymentsCommand({
          serviceDeploymentArns: [
            stagingList.serviceDeployments![0].serviceDeploymentArn!,
          ],
        }),
      )
    ).serviceDeployments!;
    expect(rolledBack.deploymentCircuitBreaker).toEqual({
      status: 'TRIGGERED',
      failureCount: 3,
      threshold: 3,
    });
    expect(rolledBack.rollback!.reason).toMatch(/circuit breaker/);
  });
});
