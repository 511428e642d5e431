import type {
  Cluster,
  Deployment,
  DeploymentConfiguration,
  Service,
  ServiceDeployment,
  ServiceDeploymentBrief,
  Tag,
  Task,
  TaskDefinition,
} from '@aws-sdk/client-ecs';
import type {
  ClusterModel,
  DeploymentModel,
  InstanceModel,
  TaskDefinitionModel,
  TaskModel,
  World,
} from '../../scenario/world.ts';

/** Turns world models into ECS API shapes at the instant `now`. */

export function at(now: Date, agoMs: number): Date {
  return new Date(now.getTime() - agoMs);
}

function zeroopsTags(instance: InstanceModel): Tag[] {
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

function deploymentConfiguration(
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

export function renderTaskDefinition(
  td: TaskDefinitionModel,
  now: Date,
): TaskDefinition {
  return {
    taskDefinitionArn: td.arn,
    containerDefinitions: [
      {
        name: 'app',
        image: td.image,
        cpu: 0,
        memory: td.memory,
        portMappings:
          td.containerPort !== undefined
            ? [
                {
                  containerPort: td.containerPort,
                  hostPort: td.containerPort,
                  protocol: 'tcp',
                  name: 'http',
                  appProtocol: 'http',
                },
              ]
            : [],
        essential: true,
        environment: [
          { name: 'ZEROOPS_ENVIRONMENT', value: td.environmentName },
          { name: 'PORT', value: String(td.containerPort ?? 8080) },
        ],
        secrets: [
          {
            name: 'DATABASE_URL',
            valueFrom: `arn:aws:secretsmanager:${td.region}:${td.account}:secret:${td.serviceName}/${td.environmentName}/database-AbCdEf`,
          },
        ],
        mountPoints: [],
        volumesFrom: [],
        readonlyRootFilesystem: true,
        logConfiguration: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': td.logGroup,
            'awslogs-region': td.region,
            'awslogs-stream-prefix': 'app',
          },
        },
        healthCheck: {
          command: [
            'CMD-SHELL',
            `wget -qO- http://localhost:${
              td.containerPort ?? 8080
            }/health || exit 1`,
          ],
          interval: 30,
          timeout: 5,
          retries: 3,
          startPeriod: 30,
        },
        systemControls: [],
      },
    ],
    family: td.family,
    taskRoleArn: td.taskRoleArn,
    executionRoleArn: td.executionRoleArn,
    networkMode: 'awsvpc',
    revision: td.revision,
    volumes: [],
    status: 'ACTIVE',
    requiresAttributes: [
      { name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' },
      { name: 'ecs.capability.execution-role-awslogs' },
      { name: 'ecs.capability.container-health-check' },
      { name: 'ecs.capability.task-eni' },
    ],
    placementConstraints: [],
    compatibilities: ['EC2', 'FARGATE'],
    runtimePlatform: {
      cpuArchitecture: 'ARM64',
      operatingSystemFamily: 'LINUX',
    },
    requiresCompatibilities: ['FARGATE'],
    cpu: String(td.cpu),
    memory: String(td.memory),
    registeredAt: at(now, td.registeredAgoMs),
    registeredBy: `arn:aws:sts::${td.account}:assumed-role/zeroops-deploy/github-actions`,
  };
}

export function renderTask(
  task: TaskModel,
  instance: InstanceModel,
  now: Date,
): Task {
  const td = task.taskDefinition;
  const time = (agoMs: number | undefined) =>
    agoMs === undefined ? undefined : at(now, agoMs);
  const eniId = `eni-${task.id.slice(0, 17)}`;
  return {
    attachments: [
      {
        id: `${task.id.slice(0, 8)}-${task.id.slice(8, 12)}-${task.id.slice(
          12,
          16,
        )}-${task.id.slice(16, 20)}-${task.id.slice(20)}`,
        type: 'ElasticNetworkInterface',
        status: task.lastStatus === 'STOPPED' ? 'DELETED' : 'ATTACHED',
        details: [
          { name: 'subnetId', value: instance.subnets[0] },
          { name: 'networkInterfaceId', value: eniId },
          { name: 'privateIPv4Address', value: task.privateIp },
        ],
      },
    ],
    attributes: [{ name: 'ecs.cpu-architecture', value: 'arm64' }],
    availabilityZone: task.availabilityZone,
    clusterArn: instance.cluster.arn,
    connectivity: task.lastStatus === 'PENDING' ? undefined : 'CONNECTED',
    connectivityAt: time(task.startedAgoMs),
    containers: [
      {
        containerArn: `${task.arn.replace(
          ':task/',
          ':container/',
        )}/${task.id.slice(0, 8)}-app`,
        taskArn: task.arn,
        name: 'app',
        image: td.image,
        imageDigest: `sha256:${td.commitSha}${td.commitSha.slice(0, 24)}`,
        runtimeId: `${task.id}-1234567890`,
        lastStatus: task.container.lastStatus,
        exitCode: task.container.exitCode,
        reason: task.container.reason,
        networkBindings: [],
        networkInterfaces: [
          { attachmentId: eniId, privateIpv4Address: task.privateIp },
        ],
        healthStatus: task.container.healthStatus,
        cpu: '0',
      },
    ],
    cpu: String(td.cpu),
    createdAt: at(now, task.createdAgoMs),
    desiredStatus: task.desiredStatus,
    enableExecuteCommand: false,
    executionStoppedAt: time(task.stoppedAgoMs),
    group: `service:${instance.ecsServiceName}`,
    healthStatus: task.healthStatus,
    lastStatus: task.lastStatus,
    launchType: 'FARGATE',
    memory: String(td.memory),
    overrides: {
      containerOverrides: [{ name: 'app' }],
      inferenceAcceleratorOverrides: [],
    },
    platformVersion: '1.4.0',
    platformFamily: 'Linux',
    pullStartedAt: time(
      task.startedAgoMs === undefined ? undefined : task.createdAgoMs - 5_000,
    ),
    pullStoppedAt: time(
      task.startedAgoMs === undefined ? undefined : task.createdAgoMs - 25_000,
    ),
    startedAt: time(task.startedAgoMs),
    startedBy: task.deploymentId,
    stopCode: task.stopCode,
    stoppedAt: time(task.stoppedAgoMs),
    stoppedReason: task.stoppedReason,
    stoppingAt: time(task.stoppingAgoMs),
    tags: zeroopsTags(instance),
    taskArn: task.arn,
    taskDefinitionArn: td.arn,
    version: task.lastStatus === 'STOPPED' ? 5 : 3,
    ephemeralStorage: { sizeInGiB: 20 },
    fargateEphemeralStorage: { sizeInGiB: 20 },
  };
}

export function renderServiceDeployment(
  d: DeploymentModel,
  instance: InstanceModel,
  now: Date,
): ServiceDeployment {
  const previous = instance.deployments.find(
    other =>
      other !== d &&
      other.createdAgoMs > d.createdAgoMs &&
      other.runningCount > 0,
  );
  return {
    serviceDeploymentArn: d.serviceDeploymentArn,
    serviceArn: instance.serviceArn,
    clusterArn: instance.cluster.arn,
    createdAt: at(now, d.createdAgoMs),
    startedAt: at(now, d.createdAgoMs - 2_000),
    finishedAt:
      d.finishedAgoMs === undefined ? undefined : at(now, d.finishedAgoMs),
    updatedAt: at(now, d.updatedAgoMs),
    sourceServiceRevisions: previous
      ? [
          {
            arn: previous.serviceRevisionArn,
            requestedTaskCount: previous.desiredCount,
            runningTaskCount: previous.runningCount,
            pendingTaskCount: previous.pendingCount,
          },
        ]
      : [],
    targetServiceRevision: {
      arn: d.serviceRevisionArn,
      requestedTaskCount: d.desiredCount,
      runningTaskCount: d.runningCount,
      pendingTaskCount: d.pendingCount,
    },
    status: d.serviceDeploymentStatus,
    statusReason: d.rollback?.reason,
    lifecycleStage: d.lifecycleStage,
    deploymentConfiguration: deploymentConfiguration(instance),
    rollback: d.rollback
      ? {
          reason: d.rollback.reason,
          startedAt: at(now, d.rollback.startedAgoMs),
          serviceRevisionArn: d.rollback.toServiceRevisionArn,
        }
      : undefined,
    deploymentCircuitBreaker: {
      status: d.circuitBreakerTriggered ? 'TRIGGERED' : 'MONITORING_COMPLETE',
      failureCount: d.failedTasks,
      threshold: 3,
    },
    alarms: {
      status:
        d.serviceDeploymentStatus === 'IN_PROGRESS'
          ? 'MONITORING'
          : 'MONITORING_COMPLETE',
      alarmNames: deploymentConfiguration(instance).alarms?.alarmNames ?? [],
      triggeredAlarmNames: [],
    },
  };
}

export function renderServiceDeploymentBrief(
  d: DeploymentModel,
  instance: InstanceModel,
  now: Date,
): ServiceDeploymentBrief {
  return {
    serviceDeploymentArn: d.serviceDeploymentArn,
    serviceArn: instance.serviceArn,
    clusterArn: instance.cluster.arn,
    startedAt: at(now, d.createdAgoMs - 2_000),
    createdAt: at(now, d.createdAgoMs),
    finishedAt:
      d.finishedAgoMs === undefined ? undefined : at(now, d.finishedAgoMs),
    targetServiceRevisionArn: d.serviceRevisionArn,
    status: d.serviceDeploymentStatus,
    statusReason: d.rollback?.reason,
  };
}
