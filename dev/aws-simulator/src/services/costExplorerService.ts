import { getCostAndUsage } from '../cost/costAndUsage.ts';
import type { CostQueryContext } from '../cost/costQuery.ts';
import { getCostForecast } from '../cost/costForecast.ts';
import { jsonServiceErrors } from './serviceErrors.ts';
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
  errors: jsonServiceErrors({
    throttling: {
      code: 'LimitExceededException',
      message: 'You have exceeded the rate limit for this operation.',
    },
    accessDeniedMessage:
      'User is not authorized to perform: ce:GetCostAndUsage',
    validationCode: 'ValidationException',
  }),
};
