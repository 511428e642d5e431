import type { Failure } from '@aws-sdk/client-ecs';
import { AwsError } from '../../protocols/AwsError.ts';
import type { ClusterModel, InstanceModel } from '../../scenario/world.ts';
import { pageOf } from '../pagination.ts';
import { ParamError, optionalString, stringList } from '../params.ts';
import type { RequestContext, RequestParams } from '../types.ts';

/** Lookups, request checks and answer shapes shared by the ECS operations. */

function clusterNotFound(): AwsError {
  return new AwsError({
    code: 'ClusterNotFoundException',
    message: 'Cluster not found.',
  });
}

export function invalidParameter(message: string): AwsError {
  return new AwsError({ code: 'InvalidParameterException', message });
}

/** Cluster by name or ARN, in the caller's account and region. */
export function findCluster(
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

export function requireCluster(
  context: RequestContext,
  params: RequestParams,
): ClusterModel {
  const cluster = findCluster(context, optionalString(params, 'cluster'));
  if (!cluster) throw clusterNotFound();
  return cluster;
}

/** ECS names a service by its name or its ARN. */
export function matchesService(
  instance: InstanceModel,
  reference: string,
): boolean {
  return (
    instance.ecsServiceName === reference || instance.serviceArn === reference
  );
}

export function findService(
  instances: InstanceModel[],
  reference: string,
): InstanceModel | undefined {
  return instances.find(i => matchesService(i, reference));
}

export function serviceNotFound(): AwsError {
  return new AwsError({
    code: 'ServiceNotFoundException',
    message: 'Service not found.',
  });
}

/**
 * The references a Describe* operation is asked for: at most `max`, and required unless ECS
 * falls back to a default (`default` cluster).
 */
function requestedReferences(
  params: RequestParams,
  name: string,
  max: number,
  fallback?: string[],
): string[] {
  const references = stringList(params, name) ?? fallback;
  if (!references || (!fallback && references.length === 0)) {
    throw new ParamError(`${name} is required`);
  }
  if (references.length > max) {
    throw invalidParameter(`${name} can have at most ${max} items.`);
  }
  return references;
}

/**
 * What the Describe* operations answer: the description of each reference found, and a
 * MISSING failure for each other one. The failure names the ARN the reference would have as
 * `<resource>/<reference>` in the caller's account and region; an ARN (or any reference when
 * there is no `resource`) is reported as given.
 */
function describeEach<T>(
  context: RequestContext,
  references: readonly string[],
  describe: (reference: string) => T | undefined,
  resource?: string,
): { described: T[]; failures: Failure[] } {
  const described: T[] = [];
  const failures: Failure[] = [];
  for (const reference of references) {
    const description = describe(reference);
    if (description) {
      described.push(description);
    } else {
      failures.push({
        arn:
          reference.startsWith('arn:') || resource === undefined
            ? reference
            : `arn:aws:ecs:${context.region}:${context.account}:${resource}/${reference}`,
        reason: 'MISSING',
      });
    }
  }
  return { described, failures };
}

/** Which references a Describe* operation reads, and how it names the ones it cannot find. */
export interface DescribeRequest {
  /** The list parameter: `clusters`, `services`, `tasks`, `serviceDeploymentArns`. */
  param: string;
  max: number;
  /** What ECS describes when the list is left out (the `default` cluster). */
  fallback?: string[];
  /** The ARN resource of a reference not found (see describeEach). */
  resource?: string;
}

/** A Describe* answer: the requested references checked, then each one described or missing. */
export function describeRequested<T>(
  params: RequestParams,
  context: RequestContext,
  request: DescribeRequest,
  describe: (reference: string) => T | undefined,
): { described: T[]; failures: Failure[] } {
  const references = requestedReferences(
    params,
    request.param,
    request.max,
    request.fallback,
  );
  return describeEach(context, references, describe, request.resource);
}

/**
 * A Describe* answer for resources that live in the requested cluster (services, tasks): the
 * cluster must exist (checked before the references, as ECS does), `describe` looks among its
 * services, and a missing reference is named `<resource>/<cluster>/<reference>`.
 */
export function describeInCluster<T>(
  params: RequestParams,
  context: RequestContext,
  request: DescribeRequest & { resource: string },
  describe: (reference: string, instances: InstanceModel[]) => T | undefined,
): { described: T[]; failures: Failure[] } {
  const cluster = requireCluster(context, params);
  const instances = servicesOf(context, cluster);
  return describeRequested(
    params,
    context,
    { ...request, resource: `${request.resource}/${cluster.name}` },
    reference => describe(reference, instances),
  );
}

export function servicesOf(
  context: RequestContext,
  cluster: ClusterModel,
): InstanceModel[] {
  return context.world.instances.filter(i => i.cluster === cluster);
}

export function includes(params: RequestParams, value: string): boolean {
  return (stringList(params, 'include') ?? []).includes(value);
}

/** A List* page: ECS answers a token of another request as an invalid parameter. */
export function listPage<T>(
  items: readonly T[],
  params: RequestParams,
  pageSize: number,
): { page: T[]; nextToken?: string } {
  return pageOf(items, {
    params,
    tokenParam: 'nextToken',
    pageSize,
    invalidToken: () => invalidParameter('Invalid nextToken.'),
  });
}
