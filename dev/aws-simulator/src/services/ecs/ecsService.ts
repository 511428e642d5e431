import type {
  DescribeClustersResponse,
  DescribeServiceDeploymentsResponse,
  DescribeServicesResponse,
  DescribeTaskDefinitionResponse,
  DescribeTasksResponse,
  Failure,
  ListServiceDeploymentsResponse,
  ListServicesResponse,
  ListTasksResponse,
} from '@aws-sdk/client-ecs';
import { AwsError } from '../../protocols/AwsError.ts';
import type {
  ClusterModel,
  InstanceModel,
  TaskModel,
} from '../../scenario/world.ts';
import {
  decodePageToken,
  paginate,
  requestFingerprint,
} from '../pagination.ts';
import {
  ParamError,
  optionalInteger,
  optionalString,
  requiredString,
  stringList,
} from '../params.ts';
import type {
  RequestContext,
  RequestParams,
  ServiceDefinition,
} from '../types.ts';
import {
  renderCluster,
  renderService,
  renderServiceDeployment,
  renderServiceDeploymentBrief,
  renderTask,
  renderTaskDefinition,
} from './renderEcs.ts';

/**
 * Amazon ECS (awsJson1_1, target prefix AmazonEC2ContainerServiceV20141113): clusters,
 * services with their deployments and events, task definitions, tasks, service deployments.
 */

function clusterNotFound(): AwsError {
  return new AwsError({
    code: 'ClusterNotFoundException',
    message: 'Cluster not found.',
  });
}

function invalidParameter(message: string): AwsError {
  return new AwsError({ code: 'InvalidParameterException', message });
}

/** Cluster by name or ARN, in the caller's account and region. */
function findCluster(
  context: RequestContext,
  clusterParam: string | undefined,
): ClusterModel | undefined {
  const wanted = clusterParam ?? 'default';
  return context.world.clusters.find(
    c =>
      c.account === context.account &&
      c.region === context.region &&
      (c.name === wanted || c.arn === wanted),
  );
}

function requireCluster(
  context: RequestContext,
  params: RequestParams,
): ClusterModel {
  const cluster = findCluster(context, optionalString(params, 'cluster'));
  if (!cluster) throw clusterNotFound();
  return cluster;
}

function servicesOf(
  context: RequestContext,
  cluster: ClusterModel,
): InstanceModel[] {
  return context.world.instances.filter(i => i.cluster === cluster);
}

function includes(params: RequestParams, value: string): boolean {
  return (stringList(params, 'include') ?? []).includes(value);
}

/** Offset from a nextToken, rejecting tokens of other requests like ECS does. */
function pageOffset(params: RequestParams, fingerprint: string): number {
  const token = optionalString(params, 'nextToken');
  if (token === undefined) return 0;
  const offset = decodePageToken(token, fingerprint);
  if (offset === undefined) {
    throw invalidParameter('Invalid nextToken.');
  }
  return offset;
}

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

function describeTaskDefinition(
  params: RequestParams,
  context: RequestContext,
): DescribeTaskDefinitionResponse {
  const reference = requiredString(params, 'taskDefinition');
  const candidates = context.world.taskDefinitions.filter(
    td => td.account === context.account && td.region === context.region,
  );
  let found;
  if (reference.startsWith('arn:')) {
    found = candidates.find(td => td.arn === reference);
  } else if (reference.includes(':')) {
    const [family, revision] = reference.split(':');
    found = candidates.find(
      td => td.family === family && String(td.revision) === revision,
    );
  } else {
    found = candidates
      .filter(td => td.family === reference)
      .sort((a, b) => b.revision - a.revision)[0];
  }
  if (!found) {
    throw new AwsError({
      code: 'ClientException',
      message: 'Unable to describe task definition.',
    });
  }
  const instance = context.world.instances.find(
    i =>
      i.service.name === found.serviceName && i.name === found.environmentName,
  );
  return {
    taskDefinition: renderTaskDefinition(found, context.now),
    tags:
      includes(params, 'TAGS') && instance
        ? [
            { key: 'zeroops:service', value: instance.service.name },
            { key: 'zeroops:environment', value: instance.name },
          ]
        : undefined,
  };
}

/** ListTasks' desiredStatus filter: PENDING lists tasks not started yet. */
function matchesDesiredStatus(task: TaskModel, desiredStatus: string): boolean {
  if (desiredStatus === 'PENDING') return task.lastStatus === 'PENDING';
  return task.desiredStatus === desiredStatus;
}

function listTasks(
  params: RequestParams,
  context: RequestContext,
): ListTasksResponse {
  const cluster = requireCluster(context, params);
  const serviceName = optionalString(params, 'serviceName');
  const family = optionalString(params, 'family');
  const startedBy = optionalString(params, 'startedBy');
  const desiredStatus = optionalString(params, 'desiredStatus') ?? 'RUNNING';
  if (!['RUNNING', 'PENDING', 'STOPPED'].includes(desiredStatus)) {
    throw invalidParameter(
      'desiredStatus must be RUNNING, PENDING or STOPPED.',
    );
  }
  const maxResults = optionalInteger(params, 'maxResults', 1, 100) ?? 100;
  let instances = servicesOf(context, cluster);
  if (serviceName !== undefined) {
    instances = instances.filter(
      i => i.ecsServiceName === serviceName || i.serviceArn === serviceName,
    );
    if (instances.length === 0) {
      throw new AwsError({
        code: 'ServiceNotFoundException',
        message: 'Service not found.',
      });
    }
  }
  const arns = instances
    .flatMap(i => i.tasks)
    .filter(
      t =>
        matchesDesiredStatus(t, desiredStatus) &&
        (family === undefined || t.taskDefinition.family === family) &&
        (startedBy === undefined || t.deploymentId === startedBy),
    )
    .map(t => t.arn)
    .sort();
  const fingerprint = requestFingerprint(params, 'nextToken');
  const { page, nextToken } = paginate(
    arns,
    pageOffset(params, fingerprint),
    maxResults,
    fingerprint,
  );
  return { taskArns: page, nextToken };
}

function describeTasks(
  params: RequestParams,
  context: RequestContext,
): DescribeTasksResponse {
  const cluster = requireCluster(context, params);
  const wanted = stringList(params, 'tasks');
  if (!wanted || wanted.length === 0) throw new ParamError('tasks is required');
  if (wanted.length > 100)
    throw invalidParameter('tasks can have at most 100 items.');
  const instances = servicesOf(context, cluster);
  const tasks = [];
  const failures: Failure[] = [];
  for (const ref of wanted) {
    let match;
    for (const instance of instances) {
      const task = instance.tasks.find(t => t.arn === ref || t.id === ref);
      if (task) {
        match = renderTask(task, instance, context.now);
        break;
      }
    }
    if (match) tasks.push(match);
    else {
      failures.push({
        arn: ref.startsWith('arn:')
          ? ref
          : `arn:aws:ecs:${context.region}:${context.account}:task/${cluster.name}/${ref}`,
        reason: 'MISSING',
      });
    }
  }
  return { tasks, failures };
}

function listServiceDeployments(
  params: RequestParams,
  context: RequestContext,
): ListServiceDeploymentsResponse {
  const service = requiredString(params, 'service');
  const cluster = requireCluster(context, params);
  const instance = servicesOf(context, cluster).find(
    i => i.ecsServiceName === service || i.serviceArn === service,
  );
  if (!instance) {
    throw new AwsError({
      code: 'ServiceNotFoundException',
      message: 'Service not found.',
    });
  }
  const statuses = stringList(params, 'status');
  const maxResults = optionalInteger(params, 'maxResults', 1, 100) ?? 20;
  const briefs = instance.deployments
    .filter(d => !statuses || statuses.includes(d.serviceDeploymentStatus))
    .sort((a, b) => a.createdAgoMs - b.createdAgoMs)
    .map(d => renderServiceDeploymentBrief(d, instance, context.now));
  const fingerprint = requestFingerprint(params, 'nextToken');
  const { page, nextToken } = paginate(
    briefs,
    pageOffset(params, fingerprint),
    maxResults,
    fingerprint,
  );
  return { serviceDeployments: page, nextToken };
}

function describeServiceDeployments(
  params: RequestParams,
  context: RequestContext,
): DescribeServiceDeploymentsResponse {
  const arns = stringList(params, 'serviceDeploymentArns');
  if (!arns || arns.length === 0) {
    throw new ParamError('serviceDeploymentArns is required');
  }
  if (arns.length > 20) {
    throw invalidParameter('serviceDeploymentArns can have at most 20 items.');
  }
  const serviceDeployments = [];
  const failures: Failure[] = [];
  for (const arn of arns) {
    let found;
    for (const instance of context.world.instances) {
      if (
        instance.account !== context.account ||
        instance.region !== context.region
      ) {
        continue;
      }
      const d = instance.deployments.find(x => x.serviceDeploymentArn === arn);
      if (d) {
        found = renderServiceDeployment(d, instance, context.now);
        break;
      }
    }
    if (found) serviceDeployments.push(found);
    else failures.push({ arn, reason: 'MISSING' });
  }
  return { serviceDeployments, failures };
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
