import { Text } from '@backstage/ui';
import {
  OverviewEphemeralEnvironment,
  OverviewService,
} from '@zeroops/backstage-plugin-zeroops-common';
import { DataTable, DataTableColumn } from '../common/DataTable';
import { ExternalLink } from '../common/ExternalLink';
import { HealthBadge } from '../common/HealthBadge';
import { serviceColumn } from './serviceRows';
import { CostAmount } from './CostAmount';

interface Item {
  id: string;
  service: OverviewService;
  environment: OverviewEphemeralEnvironment;
}

function formatHours(hours: number): string {
  return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} d`;
}

/** Every pull-request environment with its health, age and cost so far this month. */
export function EphemeralEnvironmentsTable(props: {
  services: OverviewService[];
  costVisible: boolean;
  currency: string;
}) {
  const { services, costVisible, currency } = props;
  const items: Item[] = services.flatMap(service =>
    service.ephemeral.map(environment => ({
      id: `${service.entityRef}:${environment.name}`,
      service,
      environment,
    })),
  );
  const columns: DataTableColumn<Item>[] = [
    serviceColumn(),
    {
      id: 'environment',
      label: 'Environment',
      render: ({ environment }) =>
        environment.pullRequestUrl ? (
          <ExternalLink href={environment.pullRequestUrl}>
            {environment.name} (PR #{environment.pullRequest})
          </ExternalLink>
        ) : (
          <Text>
            {environment.name} (PR #{environment.pullRequest})
          </Text>
        ),
    },
    {
      id: 'health',
      label: 'Health',
      render: ({ service, environment }) => (
        <HealthBadge
          status={environment.health}
          reasons={[]}
          subject={`${service.serviceName} ${environment.name}`}
        />
      ),
    },
    {
      id: 'age',
      label: 'Age',
      render: ({ environment }) =>
        environment.ageHours !== undefined ? (
          <Text>{formatHours(environment.ageHours)}</Text>
        ) : (
          <Text color="secondary">unknown</Text>
        ),
    },
    ...(costVisible
      ? [
          {
            id: 'cost',
            label: 'Cost this month',
            render: ({ environment }: Item) => (
              <CostAmount
                amount={environment.monthToDate}
                currency={currency}
              />
            ),
          },
        ]
      : []),
  ];
  return (
    <DataTable
      label="Pull-request environments"
      columns={columns}
      items={items}
      emptyState={<Text>No pull-request environment is running.</Text>}
    />
  );
}
