import type { Budget, DescribeBudgetsResponse } from '@aws-sdk/client-budgets';
import { SERVICE_TAG } from '../cost/costModel.ts';
import { monthSpend } from '../cost/monthSpend.ts';
import { AwsError } from '../protocols/AwsError.ts';
import type { BudgetModel } from '../scenario/world.ts';
import { startOfUtcMonth } from '../time.ts';
import { at } from './ecs/renderEcs.ts';
import { pageOf } from './pagination.ts';
import { optionalInteger, requiredString } from './params.ts';
import { jsonServiceErrors } from './serviceErrors.ts';
import type {
  RequestContext,
  RequestParams,
  ServiceDefinition,
} from './types.ts';

/**
 * AWS Budgets DescribeBudgets (awsJson1_1, target AWSBudgetServiceGateway): monthly cost
 * budgets of the management account, optionally filtered by the `zeroops:service` tag, with
 * CalculatedSpend from the same cost model Cost Explorer answers from.
 */

/** AWS's default end of a budget without an end date (2087-06-15). */
const OPEN_ENDED = new Date(3706473600 * 1000);

function money(amount: number): { Amount: string; Unit: string } {
  return { Amount: amount.toFixed(2), Unit: 'USD' };
}

function renderBudget(budget: BudgetModel, context: RequestContext): Budget {
  const { world, now } = context;
  const lines = world.cost.lines.filter(
    line =>
      budget.service === undefined || line.tags[SERVICE_TAG] === budget.service,
  );
  const { actual, forecast } = monthSpend(world.cost, lines, now);
  const limit =
    budget.limit ??
    Math.max(
      0.01,
      Math.round((actual * 100 * 100) / budget.consumedPercent!) / 100,
    );
  return {
    BudgetName: budget.name,
    BudgetLimit: money(limit),
    CostFilters: budget.service
      ? { TagKeyValue: [`user:${SERVICE_TAG}$${budget.service}`] }
      : undefined,
    CostTypes: {
      IncludeTax: true,
      IncludeSubscription: true,
      UseBlended: false,
      IncludeRefund: false,
      IncludeCredit: false,
      IncludeUpfront: true,
      IncludeRecurring: true,
      IncludeOtherSubscription: true,
      IncludeSupport: true,
      IncludeDiscount: true,
      UseAmortized: false,
    },
    TimeUnit: 'MONTHLY',
    TimePeriod: {
      Start: startOfUtcMonth(at(now, budget.createdAgoMs)),
      End: OPEN_ENDED,
    },
    CalculatedSpend: {
      ActualSpend: money(actual),
      ForecastedSpend: money(forecast),
    },
    BudgetType: 'COST',
    LastUpdatedTime: at(now, 3 * 3_600_000),
  };
}

function describeBudgets(
  params: RequestParams,
  context: RequestContext,
): DescribeBudgetsResponse {
  const accountId = requiredString(params, 'AccountId');
  if (accountId !== context.account) {
    throw new AwsError({
      code: 'AccessDeniedException',
      message: `User is not authorized to describe budgets of account ${accountId}`,
    });
  }
  const maxResults = optionalInteger(params, 'MaxResults', 1, 1000) ?? 100;
  const budgets = context.world.budgets.filter(b => b.account === accountId);
  const { page, nextToken } = pageOf(budgets, {
    params,
    tokenParam: 'NextToken',
    pageSize: maxResults,
    invalidToken: () =>
      new AwsError({
        code: 'InvalidNextTokenException',
        message: 'The pagination token is invalid.',
      }),
  });
  return {
    Budgets: page.map(b => renderBudget(b, context)),
    NextToken: nextToken,
  };
}

export const budgetsService: ServiceDefinition = {
  signingName: 'budgets',
  displayName: 'AWS Budgets',
  protocol: 'awsJson1_1',
  targetPrefix: 'AWSBudgetServiceGateway',
  operations: { DescribeBudgets: describeBudgets },
  errors: jsonServiceErrors({
    throttling: { code: 'ThrottlingException', message: 'Rate exceeded' },
    accessDeniedMessage:
      'User is not authorized to perform: budgets:ViewBudget',
    internal: {
      code: 'InternalErrorException',
      message: 'An internal error occurred.',
    },
    validationCode: 'InvalidParameterException',
  }),
};
