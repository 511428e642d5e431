import { Text } from '@backstage/ui';
import { OverviewService } from '@zeroops/backstage-plugin-zeroops-common';
import { formatMoney } from '../../lib/format';
import { DataTable, DataTableColumn } from '../common/DataTable';
import { NoValue } from '../common/NoValue';
import { BudgetBar } from '../CostCard/BudgetBar';
import {
  NO_MATCHING_SERVICE,
  serviceColumn,
  ServiceRow,
  serviceRows,
} from './serviceRows';

type Item = ServiceRow<OverviewService>;

/** Month to date, forecast and budget state per service. */
export function ServiceCostTable(props: {
  services: OverviewService[];
  currency: string;
}) {
  const { services, currency } = props;
  const columns: DataTableColumn<Item>[] = [
    serviceColumn(),
    {
      id: 'mtd',
      label: 'Month to date',
      render: ({ service }) =>
        service.cost ? (
          <Text>{formatMoney(service.cost.monthToDate, currency)}</Text>
        ) : (
          <Text color="secondary">no data</Text>
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
    <DataTable
      label="Cost per service this month"
      columns={columns}
      items={serviceRows(services)}
      emptyState={NO_MATCHING_SERVICE}
    />
  );
}
