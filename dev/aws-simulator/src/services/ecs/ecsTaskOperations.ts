import type {
  DescribeTaskDefinitionResponse,
  DescribeTasksResponse,
  Failure,
  ListTasksResponse,
} from '@aws-sdk/client-ecs';
import { AwsError } from '../../protocols/AwsError.ts';
import type { TaskModel } from '../../scenario/world.ts';
import { paginate, requestFingerprint } from '../pagination.ts';
import {
  ParamError,
  optionalInteger,
  optionalString,
  requiredString,
  stringList,
} from '../params.ts';
import type { RequestContext, RequestParams } from '../types.ts';
import { renderTask, renderTaskDefinition } from './renderTasks.ts';
import {
  invalidParameter,
  requireCluster,
  servicesOf,
  includes,
  pageOffset,
} from './ecsLookups.ts';

/** DescribeTaskDefinition, ListTasks and DescribeTasks. */

export function describeTaskDefinition(
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

export function listTasks(
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

export function describeTasks(
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
