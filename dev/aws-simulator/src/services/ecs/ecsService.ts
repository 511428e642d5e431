import type {
  DescribeClustersResponse,
  DescribeServicesResponse,
  ListServicesResponse,
} from '@aws-sdk/client-ecs';
import { optionalInteger } from '../params.ts';
import { jsonServiceErrors } from '../serviceErrors.ts';
import type {
  RequestContext,
  RequestParams,
  ServiceDefinition,
} from '../types.ts';
import { renderCluster, renderService } from './renderEcs.ts';
import {
  describeInCluster,
  describeRequested,
  findCluster,
  findService,
  requireCluster,
  servicesOf,
  includes,
  listPage,
} from './ecsLookups.ts';
import {
  describeTaskDefinition,
  listTasks,
  describeTasks,
} from './ecsTaskOperations.ts';
import {
  listServiceDeployments,
  describeServiceDeployments,
} from './ecsServiceDeploymentOperations.ts';

/**
 * Amazon ECS (awsJson1_1, target prefix AmazonEC2ContainerServiceV20141113): clusters,
 * services with their deployments and events, task definitions, tasks, service deployments.
 */

function describeClusters(
  params: RequestParams,
  context: RequestContext,
): DescribeClustersResponse {
  const { described, failures } = describeRequested(
    params,
    context,
    { param: 'clusters', max: 100, fallback: ['default'], resource: 'cluster' },
    name => {
      const cluster = findCluster(context, name);
      return (
        cluster &&
        renderCluster(cluster, context.world, includes(params, 'TAGS'))
      );
    },
  );
  return { clusters: described, failures };
}

function listServices(
  params: RequestParams,
  context: RequestContext,
): ListServicesResponse {
  const cluster = requireCluster(context, params);
  const maxResults = optionalInteger(params, 'maxResults', 1, 100) ?? 10;
  const arns = servicesOf(context, cluster)
    .map(i => i.serviceArn)
    .sort();
  const { page, nextToken } = listPage(arns, params, maxResults);
  return { serviceArns: page, nextToken };
}

function describeServices(
  params: RequestParams,
  context: RequestContext,
): DescribeServicesResponse {
  const { described, failures } = describeInCluster(
    params,
    context,
    { param: 'services', max: 10, resource: 'service' },
    (name, instances) => {
      const instance = findService(instances, name);
      return (
        instance &&
        renderService(instance, context.now, includes(params, 'TAGS'))
      );
    },
  );
  return { services: described, failures };
}

export const ecsService: ServiceDefinition = {
  signingName: 'ecs',
  displayName: 'Amazon ECS',
  protocol: 'awsJson1_1',
  targetPrefix: 'AmazonEC2ContainerServiceV20141113',
  operations: {
    DescribeClusters: describeClusters,
    ListServices: listServices,
    DescribeServices: describeServices,
    DescribeTaskDefinition: describeTaskDefinition,
    ListTasks: listTasks,
    DescribeTasks: describeTasks,
    ListServiceDeployments: listServiceDeployments,
    DescribeServiceDeployments: describeServiceDeployments,
  },
  errors: jsonServiceErrors({
    throttling: { code: 'ThrottlingException', message: 'Rate exceeded' },
    accessDeniedMessage: 'User is not authorized to perform this action.',
    internal: {
      code: 'ServerException',
      message: 'Service Unavailable. Please try again later.',
    },
    unavailable: {
      code: 'ServiceUnavailableException',
      message: 'Service Unavailable. Please try again later.',
    },
    validationCode: 'InvalidParameterException',
  }),
};
