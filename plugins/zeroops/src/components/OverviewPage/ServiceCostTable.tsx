import { Text } from '@backstage/ui';
import { OverviewService } from '@zeroops/backstage-plugin-zeroops-common';
import { formatMoney } from '../../lib/format';
import { DataTable, DataTableColumn } from '../common/DataTable';
import { BudgetBar } from '../CostCard/BudgetBar';
import { ServiceLink } from './ServiceLink';

interface Item {
  id: string;
  service: OverviewService;
}

/** Month to date, forecast and budget state per service. */
export function ServiceCostTable(props: {
  services: OverviewService[];
  currency: string;
}) {
  const { services, currency } = props;
  const columns: DataTableColumn<Item>[] = [
    {
      id: 'service',
      label: 'Service',
      isRowHeader: true,
      render: ({ service }) => <ServiceLink service={service} />,
    },
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
          <Text color="secondary">—</Text>
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
      items={services.map(service => ({ id: service.entityRef, service }))}
      emptyState={<Text>No service matches the filters.</Text>}
    />
  );
}
