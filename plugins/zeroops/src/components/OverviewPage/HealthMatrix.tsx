import { Text } from '@backstage/ui';
import {
  HealthStatus,
  isPlatformServiceName,
  OverviewEnvironment,
  OverviewService,
} from '@zeroops/backstage-plugin-zeroops-common';
import { matrixEnvironments } from '../../lib/overviewFilters';
import {
  ENVIRONMENT_ERROR_LABELS,
  HEALTH_REASON_LABELS,
} from '../../lib/healthReasonLabels';
import { HealthBadge } from '../common/HealthBadge';
import { NoValue } from '../common/NoValue';
import { OverviewServiceColumn, OverviewServiceTable } from './serviceRows';
import { StillReadingBadge } from '../common/StillReadingBadge';

function reasonsOf(environment: OverviewEnvironment): string[] {
  return [
    ...(environment.errorCode
      ? [ENVIRONMENT_ERROR_LABELS[environment.errorCode]]
      : []),
    ...environment.reasons
      .filter(code => !(environment.errorCode && code === 'data-unavailable'))
      .map(code => HEALTH_REASON_LABELS[code]),
  ];
}

/** The roll-up's order (healthStatusOf in -common): not deployed is neither up nor down. */
const WORST_FIRST: HealthStatus[] = [
  'down',
  'degraded',
  'not-deployed',
  'unknown',
  'healthy',
];

/** Services × environments, one health badge per cell, pull requests summarised in one column. */
export function HealthMatrix(props: { services: OverviewService[] }) {
  const { services } = props;
  const environments = matrixEnvironments(services);
  const columns: OverviewServiceColumn[] = [
    ...environments.map(
      (name): OverviewServiceColumn => ({
        id: `env:${name}`,
        label: name,
        render: ({ service }) => {
          // The platform's entity has cost but never an ECS service: no health to show.
          if (isPlatformServiceName(service.serviceName)) {
            return <Text color="secondary">cost only</Text>;
          }
          const environment = service.environments.find(e => e.name === name);
          if (!environment) return <NoValue />;
          if (environment.pending) {
            return (
              <StillReadingBadge
                subject={`${service.serviceName} in ${name}`}
              />
            );
          }
          return (
            <HealthBadge
              status={environment.health}
              reasons={reasonsOf(environment)}
              subject={`${service.serviceName} in ${name}`}
            />
          );
        },
      }),
    ),
    {
      id: 'pull-requests',
      label: 'Pull requests',
      render: ({ service }) => {
        if (service.ephemeral.length === 0) {
          return <Text color="secondary">none</Text>;
        }
        const worst = WORST_FIRST.find(status =>
          service.ephemeral.some(e => e.health === status),
        )!;
        return (
          <HealthBadge
            status={worst}
            reasons={service.ephemeral.map(e => `${e.name}: ${e.health}`)}
            subject={`${service.ephemeral.length} pull-request environment${
              service.ephemeral.length === 1 ? '' : 's'
            } of ${service.serviceName}`}
          />
        );
      },
    },
  ];
  return (
    <OverviewServiceTable
      label="Health by service and environment"
      columns={columns}
      services={services}
    />
  );
}
