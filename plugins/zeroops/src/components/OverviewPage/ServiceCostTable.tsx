import { Text } from '@backstage/ui';
import { OverviewService } from '@zeroops/backstage-plugin-zeroops-common';
import { formatMoney } from '../../lib/format';
import { NoValue } from '../common/NoValue';
import { BudgetBar } from '../CostCard/BudgetBar';
import { CostAmount } from './CostAmount';
import { OverviewServiceColumn, OverviewServiceTable } from './serviceRows';

/** Month to date, forecast and budget state per service. */
export function ServiceCostTable(props: {
  services: OverviewService[];
  currency: string;
}) {
  const { services, currency } = props;
  const columns: OverviewServiceColumn[] = [
    {
      id: 'mtd',
      label: 'Month to date',
      render: ({ service }) => (
        <CostAmount amount={service.cost?.monthToDate} currency={currency} />
      ),
    },
    {
      id: 'forecast',
      label: 'Forecast',
      render: ({ service }) =>
        service.cost ? (
          <Text>{formatMoney(service.cost.forecast.amount, currency)}</Text>
        ) : (
          <NoValue />
        ),
    },
    {
      id: 'budget',
      label: 'Budget',
      render: ({ service }) =>
        service.cost?.budget ? (
          <div style={{ minWidth: 240 }}>
            <BudgetBar budget={service.cost.budget} compact />
          </div>
        ) : (
          <Text color="secondary">no budget</Text>
        ),
    },
  ];
  return (
    <OverviewServiceTable
      label="Cost per service this month"
      columns={columns}
      services={services}
    />
  );
}
