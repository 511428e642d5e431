import type { Task, TaskDefinition } from '@aws-sdk/client-ecs';
import type {
  InstanceModel,
  TaskDefinitionModel,
  TaskModel,
} from '../../scenario/world.ts';
import { at, zeroopsTags } from './renderEcs.ts';

/** Task definitions and tasks as DescribeTaskDefinition and DescribeTasks return them. */

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
