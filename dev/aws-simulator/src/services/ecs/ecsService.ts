import type {
  DescribeClustersResponse,
  DescribeServicesResponse,
  Failure,
  ListServicesResponse,
} from '@aws-sdk/client-ecs';
import { paginate, requestFingerprint } from '../pagination.ts';
import { ParamError, optionalInteger, stringList } from '../params.ts';
import type {
  RequestContext,
  RequestParams,
  ServiceDefinition,
} from '../types.ts';
import { renderCluster, renderService } from './renderEcs.ts';
import {
  invalidParameter,
  findCluster,
  requireCluster,
  servicesOf,
  includes,
  pageOffset,
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
  const names = stringList(params, 'clusters') ?? ['default'];
  if (names.length > 100)
    throw invalidParameter('clusters can have at most 100 items.');
  const clusters = [];
  const failures: Failure[] = [];
  for (const name of names) {
    const cluster = findCluster(context, name);
    if (cluster) {
      clusters.push(
        renderCluster(cluster, context.world, includes(params, 'TAGS')),
      );
    } else {
      failures.push({
        arn: name.startsWith('arn:')
          ? name
          : `arn:aws:ecs:${context.region}:${context.account}:cluster/${name}`,
        reason: 'MISSING',
      });
    }
  }
  return { clusters, failures };
}

function listServices(
  params: RequestParams,
  context: RequestContext,
): ListServicesResponse {
  const cluster = requireCluster(context, params);
  const maxResults = optionalInteger(params, 'maxResults', 1, 100) ?? 10;
  const fingerprint = requestFingerprint(params, 'nextToken');
  const arns = servicesOf(context, cluster)
    .map(i => i.serviceArn)
    .sort();
  const { page, nextToken } = paginate(
    arns,
    pageOffset(params, fingerprint),
    maxResults,
    fingerprint,
  );
  return { serviceArns: page, nextToken };
}

function describeServices(
  params: RequestParams,
  context: RequestContext,
): DescribeServicesResponse {
  const cluster = requireCluster(context, params);
  const wanted = stringList(params, 'services');
  if (!wanted || wanted.length === 0)
    throw new ParamError('services is required');
  if (wanted.length > 10) {
    throw invalidParameter('services can have at most 10 items.');
  }
  const instances = servicesOf(context, cluster);
  const services = [];
  const failures: Failure[] = [];
  for (const name of wanted) {
    const instance = instances.find(
      i => i.ecsServiceName === name || i.serviceArn === name,
    );
    if (instance) {
      services.push(
        renderService(instance, context.now, includes(params, 'TAGS')),
      );
    } else {
      failures.push({
        arn: name.startsWith('arn:')
          ? name
          : `arn:aws:ecs:${context.region}:${context.account}:service/${cluster.name}/${name}`,
        reason: 'MISSING',
      });
    }
  }
  return { services, failures };
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
  errors: {
    throttling: {
      code: 'ThrottlingException',
      status: 400,
      message: 'Rate exceeded',
    },
    accessDenied: {
      code: 'AccessDeniedException',
      status: 400,
      message: 'User is not authorized to perform this action.',
    },
    internal: {
      code: 'ServerException',
      status: 500,
      message: 'Service Unavailable. Please try again later.',
    },
    unavailable: {
      code: 'ServiceUnavailableException',
      status: 503,
      message: 'Service Unavailable. Please try again later.',
    },
    validation: { code: 'InvalidParameterException', status: 400, message: '' },
  },
};
