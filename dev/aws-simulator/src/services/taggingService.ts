import type {
  GetResourcesOutput,
  ResourceTagMapping,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { AwsError } from '../protocols/AwsError.ts';
import { pageOf } from './pagination.ts';
import {
  objectList,
  optionalInteger,
  optionalString,
  ParamError,
  stringList,
} from './params.ts';
import { regionalInstances } from './regionalInstances.ts';
import { jsonServiceErrors } from './serviceErrors.ts';
import type {
  RequestContext,
  RequestParams,
  ServiceDefinition,
} from './types.ts';

/**
 * Resource Groups Tagging API GetResources (awsJson1_1, target
 * ResourceGroupsTaggingAPI_20170126): the tagged ECS services of the caller's account and
 * region, with the same `zeroops:service` / `zeroops:environment` tags ECS reports for them.
 * The AWS ECS plugin for Backstage finds services this way (its tags annotation), so the
 * simulator lets it be measured side by side with ZeroOps. Other resource types are not
 * tagged in the simulated world and are not listed.
 */

interface TagFilter {
  key: string;
  values: string[];
}

function tagFilters(params: RequestParams): TagFilter[] {
  return (objectList(params, 'TagFilters') ?? []).map(filter => {
    const key = optionalString(filter, 'Key');
    if (!key) throw new ParamError('TagFilters.Key is required');
    return { key, values: stringList(filter, 'Values') ?? [] };
  });
}

/** `ecs` or `ecs:service` match an ECS service; AWS compares the service and the type. */
function typeMatches(filters: string[] | undefined, type: string): boolean {
  if (!filters || filters.length === 0) return true;
  const [service] = type.split(':');
  return filters.some(f => f === type || f === service);
}

function getResources(
  params: RequestParams,
  context: RequestContext,
): GetResourcesOutput {
  const filters = tagFilters(params);
  const types = stringList(params, 'ResourceTypeFilters');
  const arns = stringList(params, 'ResourceARNList');
  const perPage = optionalInteger(params, 'ResourcesPerPage', 1, 100) ?? 100;
  const listsEcsServices = typeMatches(types, 'ecs:service');

  const mappings: ResourceTagMapping[] = (
    listsEcsServices ? regionalInstances(context) : []
  )
    .map(i => ({
      ResourceARN: i.serviceArn,
      Tags: [
        { Key: 'zeroops:service', Value: i.service.name },
        { Key: 'zeroops:environment', Value: i.name },
      ],
    }))
    .filter(m => !arns || arns.includes(m.ResourceARN!))
    .filter(m =>
      // Every filter must match; within one, any of its values (none: the key exists).
      filters.every(f =>
        m.Tags!.some(
          t =>
            t.Key === f.key &&
            (f.values.length === 0 || f.values.includes(t.Value!)),
        ),
      ),
    )
    .sort((a, b) => a.ResourceARN!.localeCompare(b.ResourceARN!));

  const { page, nextToken } = pageOf(mappings, {
    params,
    tokenParam: 'PaginationToken',
    pageSize: perPage,
    invalidToken: () =>
      new AwsError({
        code: 'PaginationTokenExpiredException',
        message: 'The pagination token is invalid or has expired.',
      }),
    emptyTokenIsFirstPage: true,
  });
  // AWS ends the listing with an empty token rather than none.
  return { ResourceTagMappingList: page, PaginationToken: nextToken ?? '' };
}

export const taggingService: ServiceDefinition = {
  signingName: 'tagging',
  displayName: 'Resource Groups Tagging API',
  protocol: 'awsJson1_1',
  targetPrefix: 'ResourceGroupsTaggingAPI_20170126',
  operations: { GetResources: getResources },
  errors: jsonServiceErrors({
    throttling: { code: 'ThrottledException', message: 'Rate exceeded' },
    accessDeniedMessage: 'User is not authorized to perform: tag:GetResources',
    internal: {
      code: 'InternalServiceException',
      message: 'Internal service error.',
    },
    validationCode: 'InvalidParameterException',
  }),
};
