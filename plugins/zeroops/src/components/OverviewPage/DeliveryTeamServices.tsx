import { Flex, Text } from '@backstage/ui';
import { DeliveryOverviewService } from '@zeroops/backstage-plugin-zeroops-common';
import { shortSha } from '../../lib/format';
import { failureLabel } from '../../lib/deliveryLabels';
import { DataTable, DataTableColumn } from '../common/DataTable';
import { DoraBands } from '../common/DoraBandChip';
import { NoValue } from '../common/NoValue';
import { StatusText } from '../common/StatusText';
import { TimeAgo } from '../common/TimeAgo';
import { ReviewLink } from '../DeliveryCard/PendingApprovals';
import { EntityPageLink } from './EntityPageLink';
import { serviceRows, ServiceRow } from './serviceRows';

type Item = ServiceRow<DeliveryOverviewService>;

/** The services of one team: what production runs, what is waiting, what failed, their bands. */
export function DeliveryTeamServices(props: {
  teamLabel: string;
  services: DeliveryOverviewService[];
}) {
  const { teamLabel, services } = props;
  const columns: DataTableColumn<Item>[] = [
    {
      id: 'service',
      label: 'Service',
      isRowHeader: true,
      render: ({ service }) => (
        <EntityPageLink entityRef={service.entityRef} title={service.title} />
      ),
    },
    {
      id: 'production',
      label: 'Production',
      render: ({ service }) =>
        service.production ? (
          <Text variant="body-small">
            <code title={service.production.sha}>
              {shortSha(service.production.sha)}
            </code>{' '}
            <TimeAgo at={service.production.deployedAt} />
          </Text>
        ) : (
          <Text color="secondary">nothing deployed</Text>
        ),
    },
    {
      id: 'staging-ahead',
      label: 'Staging ahead',
      render: ({ service }) =>
        service.stagingAhead ? (
          <Text variant="body-small">
            {service.stagingAhead} commit{service.stagingAhead === 1 ? '' : 's'}
          </Text>
        ) : (
          <NoValue />
        ),
    },
    {
      id: 'approvals',
      label: 'Waiting for approval',
      render: ({ service }) =>
        service.pendingApprovals.length === 0 ? (
          <NoValue />
        ) : (
          <Flex direction="column" gap="1" align="start">
            {service.pendingApprovals.map(approval => (
              <Flex key={approval.workflowRunId} align="center" gap="2">
                <Text variant="body-small">{approval.environment}</Text>
                <ReviewLink approval={approval} variant="secondary" />
              </Flex>
            ))}
          </Flex>
        ),
    },
    {
      id: 'last-failure',
      label: 'Last failure',
      render: ({ service }) => {
        const failure = service.lastFailure;
        if (!failure) return <NoValue />;
        const at = failure.finishedAt ?? failure.updatedAt;
        return (
          <Text variant="body-small">
            <StatusText tone="negative">{failureLabel(failure)}</StatusText> in{' '}
            {failure.environment}, <TimeAgo at={at} />
          </Text>
        );
      },
    },
    {
      id: 'dora',
      label: 'DORA bands',
      render: ({ service }) => (
        <Text variant="body-small">
          <DoraBands dora={service.dora} />
        </Text>
      ),
    },
  ];
  return (
    <DataTable
      label={`Delivery of ${teamLabel} services`}
      columns={columns}
      items={serviceRows(services)}
      emptyState={<Text>No service of this team has a GitHub repository.</Text>}
    />
  );
}
