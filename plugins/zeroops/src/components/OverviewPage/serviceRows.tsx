import { Text } from '@backstage/ui';
import { OverviewService } from '@zeroops/backstage-plugin-zeroops-common';
import { DataTable, DataTableColumn } from '../common/DataTable';
import { ServiceLink } from './ServiceLink';

/** A row of an overview table about one service. */
export interface ServiceRow<S> {
  id: string;
  service: S;
}

/** One row per service, keyed by its entity ref. */
export function serviceRows<S extends { entityRef: string }>(
  services: readonly S[],
): ServiceRow<S>[] {
  return services.map(service => ({ id: service.entityRef, service }));
}

/** The first column of the overview's tables: the service, linked to its entity page. */
export function serviceColumn<
  T extends { service: OverviewService },
>(): DataTableColumn<T> {
  return {
    id: 'service',
    label: 'Service',
    isRowHeader: true,
    render: ({ service }) => <ServiceLink service={service} />,
  };
}

/** The empty state of a table of the services the owner and system filters leave. */
const NO_MATCHING_SERVICE = <Text>No service matches the filters.</Text>;

/** A column of an {@link OverviewServiceTable}. */
export type OverviewServiceColumn = DataTableColumn<
  ServiceRow<OverviewService>
>;

/**
 * A table of the overview's services (those the filters leave), one row each: the linked
 * service first, then the table's own columns.
 */
export function OverviewServiceTable(props: {
  /** Accessible name of the table. */
  label: string;
  services: readonly OverviewService[];
  columns: readonly OverviewServiceColumn[];
}) {
  return (
    <DataTable
      label={props.label}
      columns={[serviceColumn(), ...props.columns]}
      items={serviceRows(props.services)}
      emptyState={NO_MATCHING_SERVICE}
    />
  );
}
