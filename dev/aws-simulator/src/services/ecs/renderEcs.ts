import type {
  Cluster,
  Deployment,
  DeploymentConfiguration,
  Service,
  Tag,
} from '@aws-sdk/client-ecs';
import type {
  ClusterModel,
  DeploymentModel,
  InstanceModel,
  World,
} from '../../scenario/world.ts';

/**
 * Turns world models into ECS API shapes at the instant `now`: clusters and services here, task
 * definitions and tasks in renderTasks.ts, service deployments in renderServiceDeployments.ts.
 */

export function at(now: Date, agoMs: number): Date {
  return new Date(now.getTime() - agoMs);
}

export function zeroopsTags(instance: InstanceModel): Tag[] {
  return [
    { key: 'zeroops:service', value: instance.service.name },
    { key: 'zeroops:environment', value: instance.name },
  ];
}

export function renderCluster(
  cluster: ClusterModel,
  world: World,
  includeTags: boolean,
): Cluster {
  const instances = world.instances.filter(i => i.cluster === cluster);
  let running = 0;
  let pending = 0;
  for (const instance of instances) {
    for (const task of instance.tasks) {
      if (task.lastStatus === 'RUNNING') running++;
      if (task.lastStatus === 'PENDING') pending++;
    }
  }
  return {
    clusterArn: cluster.arn,
    clusterName: cluster.name,
    status: 'ACTIVE',
    registeredContainerInstancesCount: 0,
    runningTasksCount: running,
    pendingTasksCount: pending,
    activeServicesCount: instances.length,
    statistics: [],
    tags: includeTags
      ? [{ key: 'zeroops:environment', value: cluster.environment.name }]
      : [],
    settings: [{ name: 'containerInsights', value: 'enabled' }],
    capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
    defaultCapacityProviderStrategy: [],
  };
}

export function deploymentConfiguration(
  instance: InstanceModel,
): DeploymentConfiguration {
  const alarmNames = instance.alarms
    .filter(a =>
      ['alb-5xx', 'p99-latency', 'unhealthy-hosts'].includes(a.signal),
    )
    .map(a => a.name);
  const blueGreen = instance.strategy === 'BLUE_GREEN';
  return {
    deploymentCircuitBreaker: { enable: true, rollback: true },
    maximumPercent: 200,
    minimumHealthyPercent: 100,
    alarms: { alarmNames, enable: alarmNames.length > 0, rollback: true },
    strategy: instance.strategy,
    bakeTimeInMinutes: blueGreen ? 10 : undefined,
  };
}

function networkConfiguration(instance: InstanceModel) {
  return {
    awsvpcConfiguration: {
      subnets: instance.subnets,
      securityGroups: [instance.securityGroupId],
      assignPublicIp: 'DISABLED' as const,
    },
  };
}

export function renderDeployment(
  d: DeploymentModel,
  instance: InstanceModel,
  now: Date,
): Deployment {
  return {
    id: d.id,
    status: d.status,
    taskDefinition: d.taskDefinition.arn,
    desiredCount: d.desiredCount,
    pendingCount: d.pendingCount,
    runningCount: d.runningCount,
    failedTasks: d.failedTasks,
    createdAt: at(now, d.createdAgoMs),
    updatedAt: at(now, d.updatedAgoMs),
    launchType: 'FARGATE',
    platformVersion: '1.4.0',
    platformFamily: 'Linux',
    networkConfiguration: networkConfiguration(instance),
    rolloutState: d.rolloutState,
    rolloutStateReason: d.rolloutStateReason,
  };
}

export function renderService(
  instance: InstanceModel,
  now: Date,
  includeTags: boolean,
): Service {
  const running = instance.tasks.filter(t => t.lastStatus === 'RUNNING').length;
  const pending = instance.tasks.filter(t => t.lastStatus === 'PENDING').length;
  const primary = instance.deployments.find(d => d.status === 'PRIMARY')!;
  const blue = instance.targetGroups.find(tg => tg.color === 'b');
  const green = instance.targetGroups.find(tg => tg.color === 'g');
  const lbId = instance.loadBalancerArn?.split('/').slice(-2).join('/') ?? '';
  const listenerBase = instance.loadBalancerArn?.replace(
    ':loadbalancer/',
    ':listener-rule/',
  );
  return {
    serviceArn: instance.serviceArn,
    serviceName: instance.ecsServiceName,
    clusterArn: instance.cluster.arn,
    loadBalancers: blue
      ? [
          {
            targetGroupArn: blue.arn,
            containerName: 'app',
            containerPort: blue.port,
            advancedConfiguration:
              instance.strategy === 'BLUE_GREEN' && green
                ? {
                    alternateTargetGroupArn: green.arn,
                    productionListenerRule: `${listenerBase}/443/${lbId.slice(
                      -8,
                    )}1`,
                    testListenerRule: `${listenerBase}/8443/${lbId.slice(-8)}2`,
                    roleArn: `arn:aws:iam::${instance.account}:role/zeroops-ecs-blue-green`,
                  }
                : undefined,
          },
        ]
      : [],
    serviceRegistries: [],
    status: 'ACTIVE',
    desiredCount: instance.desiredCount,
    runningCount: running,
    pendingCount: pending,
    launchType: 'FARGATE',
    platformVersion: 'LATEST',
    platformFamily: 'Linux',
    taskDefinition: primary.taskDefinition.arn,
    deploymentConfiguration: deploymentConfiguration(instance),
    deployments: instance.deployments.map(d =>
      renderDeployment(d, instance, now),
    ),
    roleArn: `arn:aws:iam::${instance.account}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`,
    events: instance.events.map(e => ({
      id: e.id,
      createdAt: at(now, e.agoMs),
      message: e.message,
    })),
    createdAt: at(now, instance.createdAgoMs),
    currentServiceDeployment: primary.serviceDeploymentArn,
    currentServiceRevisions: instance.deployments
      .filter(d => d.runningCount > 0 || d.status === 'PRIMARY')
      .map(d => ({
        arn: d.serviceRevisionArn,
        requestedTaskCount: d.desiredCount,
        runningTaskCount: d.runningCount,
        pendingTaskCount: d.pendingCount,
      })),
    placementConstraints: [],
    placementStrategy: [],
    networkConfiguration: networkConfiguration(instance),
    healthCheckGracePeriodSeconds: blue ? 60 : undefined,
    schedulingStrategy: 'REPLICA',
    deploymentController: { type: 'ECS' },
    tags: includeTags ? zeroopsTags(instance) : undefined,
    createdBy: `arn:aws:iam::${instance.account}:role/zeroops-deploy`,
    enableECSManagedTags: true,
    propagateTags: 'SERVICE',
    enableExecuteCommand: false,
    availabilityZoneRebalancing: 'ENABLED',
  };
}
