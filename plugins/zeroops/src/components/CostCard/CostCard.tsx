import { ReactNode } from 'react';
import { Flex, Text } from '@backstage/ui';
import {
  EntityCostResponse,
  zeroopsCostReadPermission,
} from '@zeroops/backstage-plugin-zeroops-common';
import { costTrend, describeForecast } from '../../lib/costSeries';
import { formatAgoWithTimestamp, formatMoney } from '../../lib/format';
import { ZeroOpsErrorPanel } from '../common/ZeroOpsErrorPanel';
import { SkeletonStack } from '../common/SkeletonStack';
import { ZeroOpsEntityDataCard } from '../common/ZeroOpsEntityDataCard';
import { BudgetBar } from './BudgetBar';
import { CostTrendChart } from './CostTrendChart';

/**
 * Entity overview card: month to date, the month-end forecast (named by its method), the
 * service's AWS Budget against the 50/80/95 % thresholds with AWS Budgets' own forecast, and six
 * months of cost split by environment.
 *
 * @public
 */
export function CostCard() {
  return (
    <ZeroOpsEntityDataCard
      title="Cost"
      load={(api, entityRef, signal) =>
        api.getEntityCost(entityRef, { signal })
      }
      loadingLabel="Loading cost"
      skeleton={
        <SkeletonStack
          bars={[{ width: '40%', height: 32 }, { height: 12 }, { height: 180 }]}
        />
      }
      renderError={error => (
        <ZeroOpsErrorPanel
          error={error}
          subject="cost"
          permission={zeroopsCostReadPermission.name}
        />
      )}
      footer={value =>
        value.lastRefreshedAt
          ? `Cost Explorer data refreshed ${formatAgoWithTimestamp(
              value.lastRefreshedAt,
            )}.`
          : undefined
      }
    >
      {value => <CostSummary cost={value} />}
    </ZeroOpsEntityDataCard>
  );
}

function Figure(props: { label: string; value: string; detail?: ReactNode }) {
  return (
    <Flex direction="column" gap="0" role="group" aria-label={props.label}>
      <Text variant="body-x-small" color="secondary">
        {props.label}
      </Text>
      <Text variant="title-small" weight="bold">
        {props.value}
      </Text>
      {props.detail ? (
        <Text variant="body-x-small" color="secondary">
          {props.detail}
        </Text>
      ) : null}
    </Flex>
  );
}

function CostSummary(props: { cost: EntityCostResponse }) {
  const { cost } = props;
  if (!cost.lastRefreshedAt) {
    return (
      <Text as="p">
        No cost collected yet: the backend reads AWS Cost Explorer on a schedule
        (a few times a day), never on a page view. The first figures appear
        after its first run.
      </Text>
    );
  }
  const trend = costTrend(cost);
  const forecast = describeForecast(cost.forecast);
  return (
    <Flex direction="column" gap="4">
      <Flex gap="6" align="start">
        <Figure
          label="Month to date"
          value={formatMoney(cost.monthToDate, cost.currency)}
        />
        <Figure
          label={forecast.label}
          value={formatMoney(cost.forecast.amount, cost.currency)}
          detail={forecast.method}
        />
        {cost.budget ? (
          <Figure
            label="Budget"
            value={formatMoney(cost.budget.limit, cost.budget.currency)}
            detail={cost.budget.name}
          />
        ) : null}
      </Flex>
      {cost.budget ? <BudgetBar budget={cost.budget} /> : null}
      {cost.budget?.forecast !== undefined ? (
        <Text as="p" variant="body-x-small" color="secondary">
          Two forecasts, two sources: the {forecast.label.toLocaleLowerCase()}{' '}
          is computed by ZeroOps from the Cost Explorer data of this service;
          the AWS Budgets forecast is AWS&apos;s own projection for the
          budget&apos;s filter, so the two can differ.
        </Text>
      ) : null}
      {cost.budget ? null : (
        <Text as="p" variant="body-small" color="secondary">
          No AWS Budget for this service: create one filtered on the cost
          allocation tag zeroops:service = {cost.serviceName} to follow it here.
        </Text>
      )}
      {trend.points.length > 0 ? (
        <CostTrendChart trend={trend} currency={cost.currency} />
      ) : null}
    </Flex>
  );
}
