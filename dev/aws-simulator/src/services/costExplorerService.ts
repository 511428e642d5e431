import { getCostAndUsage } from '../cost/costAndUsage.ts';
import type { CostQueryContext } from '../cost/costQuery.ts';
import { getCostForecast } from '../cost/costForecast.ts';
import type {
  RequestContext,
  RequestParams,
  ServiceDefinition,
} from './types.ts';

/**
 * AWS Cost Explorer (awsJson1_1, target AWSInsightsIndexService). Throttling is
 * LimitExceededException, as the real API answers when called too often.
 */

function queryContext(context: RequestContext): CostQueryContext {
  return {
    now: context.now,
    callerAccount: context.account,
    costAccount: context.world.costAccount,
    accountNames: new Map(
      context.world.accounts.map(a => [a.id, a.name ?? a.id] as const),
    ),
  };
}

export const costExplorerService: ServiceDefinition = {
  signingName: 'ce',
  displayName: 'AWS Cost Explorer',
  protocol: 'awsJson1_1',
  targetPrefix: 'AWSInsightsIndexService',
  operations: {
    GetCostAndUsage: (params: RequestParams, context: RequestContext) =>
      getCostAndUsage(context.world.cost, params, queryContext(context)),
    GetCostForecast: (params: RequestParams, context: RequestContext) =>
      getCostForecast(context.world.cost, params, queryContext(context)),
  },
  errors: {
    throttling: {
      code: 'LimitExceededException',
      status: 400,
      message: 'You have exceeded the rate limit for this operation.',
    },
    accessDenied: {
      code: 'AccessDeniedException',
      status: 400,
      message: 'User is not authorized to perform: ce:GetCostAndUsage',
    },
    internal: {
      code: 'InternalFailure',
      status: 500,
      message: 'An internal error occurred.',
    },
    unavailable: {
      code: 'ServiceUnavailable',
      status: 503,
      message: 'Service is unavailable.',
    },
    validation: { code: 'ValidationException', status: 400, message: '' },
  },
};
