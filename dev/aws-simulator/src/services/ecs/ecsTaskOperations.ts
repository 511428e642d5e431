import type {
  DescribeTaskDefinitionResponse,
  DescribeTasksResponse,
  ListTasksResponse,
} from '@aws-sdk/client-ecs';
import { AwsError } from '../../protocols/AwsError.ts';
import type { TaskModel } from '../../scenario/world.ts';
import { optionalInteger, optionalString, requiredString } from '../params.ts';
import type { RequestContext, RequestParams } from '../types.ts';
import { renderTask, renderTaskDefinition } from './renderTasks.ts';
import {
  describeInCluster,
  invalidParameter,
  matchesService,
  requireCluster,
  serviceNotFound,
  servicesOf,
  includes,
  listPage,
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
    instances = instances.filter(i => matchesService(i, serviceName));
    if (instances.length === 0) throw serviceNotFound();
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
  const { page, nextToken } = listPage(arns, params, maxResults);
  return { taskArns: page, nextToken };
}

export function describeTasks(
  params: RequestParams,
  context: RequestContext,
): DescribeTasksResponse {
  const { described, failures } = describeInCluster(
    params,
    context,
    { param: 'tasks', max: 100, resource: 'task' },
    (ref, instances) => {
      for (const instance of instances) {
        const task = instance.tasks.find(t => t.arn === ref || t.id === ref);
        if (task) return renderTask(task, instance, context.now);
      }
      return undefined;
    },
  );
  return { tasks: described, failures };
}
