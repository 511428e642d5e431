/**
 * Response builders shaped like what the backend returns for the AWS simulator's demo scenario,
 * with times relative to now so that ages read the same whenever the tests run.
 */
import { Entity } from '@backstage/catalog-model';
import {
  Deployment,
  EntityEnvironment,
  EntityEnvironmentsResponse,
  StoppedTask,
} from '@zeroops/backstage-plugin-zeroops-common';

const HOUR = 3_600_000;

export function hoursAgo(hours: number): string {
  return new Date(Date.now() - hours * HOUR).toISOString();
}

export function entity(
  name: string,
  annotations: Record<string, string> = {
    'zeroops.io/service-name': name,
    'github.com/project-slug': `zeroops-demo/${name}`,
  },
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      owner: 'group:default/team-checkout',
      system: 'checkout',
    },
  };
}

export function deployment(overrides: Partial<Deployment> = {}): Deployment {
  const family = overrides.taskDefinitionFamily ?? 'payments-api-production';
  const revision = overrides.taskDefinitionRevision ?? 12;
  const sha = 'c0ffee1234567890c0ffee1234567890c0ffee12';
  return {
    id: 'ecs-svc/1000',
    status: 'PRIMARY',
    taskDefinitionArn: `arn:aws:ecs:us-east-1:111111111111:task-definition/${family}:${revision}`,
    taskDefinitionFamily: family,
    taskDefinitionRevision: revision,
    image: `111111111111.dkr.ecr.us-east-1.amazonaws.com/payments-api:${sha}`,
    commitSha: sha,
    startedAt: hoursAgo(30),
    rolloutState: 'COMPLETED',
    desiredCount: 3,
    runningCount: 3,
    pendingCount: 0,
    failedTasks: 0,
    strategy: 'ROLLING',
    ...overrides,
  };
}

export function environment(
  overrides: Partial<EntityEnvironment> = {},
): EntityEnvironment {
  const name = overrides.name ?? 'production';
  const kind = overrides.kind ?? 'persistent';
  return {
    name,
    platformEnvironment: kind === 'ephemeral' ? 'ephemeral' : name,
    kind,
    location: {
      accountId: '111111111111',
      region: 'us-east-1',
      cluster: `zeroops-${kind === 'ephemeral' ? 'ephemeral' : name}`,
      ecsServiceName: 'payments-api',
    },
    health: { status: 'healthy', reasons: [] },
    service: {
      status: 'ACTIVE',
      desiredCount: 3,
      runningCount: 3,
      pendingCount: 0,
      launchType: 'FARGATE',
      createdAt: hoursAgo(24 * 200),
    },
    deployment: {
      strategy: 'ROLLING',
      primary: deployment(),
      inFlight: [],
    },
    events: [
      {
        id: 'event-1',
        createdAt: hoursAgo(1),
        message: '(service payments-api) has reached a steady state.',
      },
    ],
    stoppedTasks: [],
    alarms: [],
    dataStores: [],
    links: {
      console: `https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/zeroops-${name}/services/payments-api/health?region=us-east-1`,
      logGroup: `/ecs/payments-api/${name}`,
      logs: `https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Fecs$252Fpayments-api$252F${name}`,
    },
    partialErrors: [],
    fetchedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** storefront-web: blue/green deployment in production at TEST_TRAFFIC_SHIFT, and PR 42. */
export function storefrontEnvironments(): EntityEnvironmentsResponse {
  const newSha = '12a8f1a3fa7d4ecbffcfc5effd4af6c155a9dda5';
  const oldSha = '1ff1f26966eeeb5c8e1598f604db1ddcfc747f0f';
  return {
    entityRef: 'component:default/storefront-web',
    serviceName: 'storefront-web',
    demoData: true,
    generatedAt: new Date().toISOString(),
    environments: [
      environment({
        name: 'production',
        health: {
          status: 'healthy',
          reasons: [
            {
              code: 'rollout-in-progress',
              severity: 'info',
              message:
                'Deploying storefront-web-production:14 (blue/green stage TEST_TRAFFIC_SHIFT)',
              resource: 'ecs-svc/527',
            },
          ],
        },
        service: {
          status: 'ACTIVE',
          desiredCount: 3,
          runningCount: 6,
          pendingCount: 0,
        },
        deployment: {
          strategy: 'BLUE_GREEN',
          primary: deployment({
            id: 'ecs-svc/527',
            taskDefinitionFamily: 'storefront-web-production',
            taskDefinitionRevision: 14,
            strategy: 'BLUE_GREEN',
            rolloutState: 'IN_PROGRESS',
            blueGreenStage: 'TEST_TRAFFIC_SHIFT',
            startedAt: hoursAgo(0.2),
            commitSha: newSha,
            image: `111111111111.dkr.ecr.us-east-1.amazonaws.com/storefront-web:${newSha}`,
          }),
          inFlight: [
            deployment({
              id: 'ecs-svc/299',
              status: 'ACTIVE',
              taskDefinitionFamily: 'storefront-web-production',
              taskDefinitionRevision: 13,
              strategy: 'BLUE_GREEN',
              startedAt: hoursAgo(24 * 6),
              commitSha: oldSha,
              image: `111111111111.dkr.ecr.us-east-1.amazonaws.com/storefront-web:${oldSha}`,
            }),
          ],
        },
      }),
      environment({ name: 'staging' }),
      environment({
        name: 'pr-42',
        kind: 'ephemeral',
        pullRequest: 42,
        service: {
          status: 'ACTIVE',
          desiredCount: 1,
          runningCount: 1,
          pendingCount: 0,
          createdAt: hoursAgo(50),
        },
      }),
    ],
  };
}

/** A task killed for exceeding its memory, as ECS reports it. */
export function oomStoppedTask(id: string): StoppedTask {
  return {
    taskArn: `arn:aws:ecs:us-east-1:222222222222:task/zeroops-staging/${id}`,
    taskId: id,
    taskDefinitionRevision: 41,
    stopCode: 'EssentialContainerExited',
    stoppedReason: 'Essential container in task exited',
    startedAt: hoursAgo(0.6),
    stoppedAt: hoursAgo(0.5),
    containers: [
      {
        name: 'app',
        exitCode: 137,
        reason: 'OutOfMemoryError: Container killed due to memory usage',
      },
    ],
  };
}

/** orders-worker: the circuit breaker rolled back revision 41 in staging (out of memory). */
export function ordersWorkerEnvironments(): EntityEnvironmentsResponse {
  const rollbackReason =
    'Deployment of orders-worker-staging:41 was rolled back by the deployment circuit breaker: ECS deployment circuit breaker: tasks failed to start.';
  return {
    entityRef: 'component:default/orders-worker',
    serviceName: 'orders-worker',
    demoData: true,
    generatedAt: new Date().toISOString(),
    environments: [
      environment({ name: 'production' }),
      environment({
        name: 'staging',
        health: {
          status: 'degraded',
          reasons: [
            {
              code: 'circuit-breaker-rollback',
              severity: 'degraded',
              message: rollbackReason,
              resource: 'ecs-svc/396',
            },
          ],
        },
        deployment: {
          strategy: 'ROLLING',
          primary: deployment({
            id: 'ecs-svc/149',
            taskDefinitionFamily: 'orders-worker-staging',
            taskDefinitionRevision: 40,
            desiredCount: 1,
            runningCount: 1,
          }),
          inFlight: [],
          lastFailed: deployment({
            id: 'ecs-svc/396',
            status: 'ACTIVE',
            taskDefinitionFamily: 'orders-worker-staging',
            taskDefinitionRevision: 41,
            rolloutState: 'FAILED',
            rolloutStateReason:
              'ECS deployment circuit breaker: tasks failed to start.',
            desiredCount: 0,
            runningCount: 0,
            failedTasks: 3,
            startedAt: hoursAgo(0.8),
          }),
        },
        events: [
          {
            id: 'e2',
            createdAt: hoursAgo(0.5),
            message:
              '(service orders-worker) (deployment ecs-svc/396) deployment failed: tasks failed to start.',
          },
        ],
        stoppedTasks: [oomStoppedTask('9470419e'), oomStoppedTask('b104def1')],
      }),
    ],
  };
}

/** An environment the backend had not read by its request deadline. */
export function pendingEnvironment(name: string): EntityEnvironment {
  const base = environment({ name });
  return {
    ...base,
    health: {
      status: 'unknown',
      reasons: [
        {
          code: 'data-unavailable',
          severity: 'info',
          message: 'Still reading AWS',
        },
      ],
    },
    service: undefined,
    deployment: undefined,
    events: [],
    pending: true,
  };
}
