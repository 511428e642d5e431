import { useMemo, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { Alert, Container, Flex, Select, Skeleton, Text } from '@backstage/ui';
import { OverviewResponse } from '@zeroops/backstage-plugin-zeroops-common';
import { zeroOpsApiRef } from '../../api';
import { useZeroOpsData } from '../../hooks/useZeroOpsData';
import {
  OverviewFilter,
  filterOptions,
  filterServices,
} from '../../lib/overviewFilters';
import { formatAgo, formatMoney, formatTimestamp } from '../../lib/format';
import { ZeroOpsErrorPanel } from '../common/ZeroOpsErrorPanel';
import { DemoDataMarker } from '../common/DemoDataMarker';
import { RefreshErrorNote } from '../common/RefreshErrorNote';
import { HealthMatrix } from './HealthMatrix';
import { ServiceCostTable } from './ServiceCostTable';
import { EphemeralEnvironmentsTable } from './EphemeralEnvironmentsTable';
import { refLabel } from './refLabel';
import { OverviewSection } from './OverviewSection';
import { overviewHasPending } from '../../lib/pendingEnvironments';
import { DeliveryTeams } from './DeliveryTeams';
import { useEntityTitles } from '../../hooks/useEntityTitles';

const ALL = 'all';

/**
 * The overview page body: delivery and DORA per team, every service × environment health, cost
 * per service this month against its budget, and the pull-request environments with their age
 * and cost, filtered by owner and system.
 *
 * @public
 */
export function OverviewPage() {
  const api = useApi(zeroOpsApiRef);
  const { value, error, refreshError, loading } = useZeroOpsData(
    signal => api.getOverview({ signal }),
    [api],
    { isPending: overviewHasPending },
  );
  return (
    <Container py="4">
      {loading ? (
        <div aria-busy="true" aria-label="Loading the overview">
          <Skeleton width="100%" height={200} />
          <Skeleton width="100%" height={160} style={{ marginTop: 16 }} />
        </div>
      ) : null}
      {!loading && (error || !value) ? (
        <ZeroOpsErrorPanel
          error={error ?? new Error('No data')}
          subject="overview"
        />
      ) : null}
      {value ? (
        <Flex direction="column" gap="5">
          {refreshError ? <RefreshErrorNote error={refreshError} /> : null}
          <OverviewBody overview={value} />
        </Flex>
      ) : null}
    </Container>
  );
}

function OverviewBody(props: { overview: OverviewResponse }) {
  const { overview } = props;
  const [filter, setFilter] = useState<OverviewFilter>({});
  const options = useMemo(
    () => filterOptions(overview.services),
    [overview.services],
  );
  const services = useMemo(
    () => filterServices(overview.services, filter),
    [overview.services, filter],
  );
  // The backend sends owner and system as entity refs; people know them by their titles.
  const titles = useEntityTitles([...options.owners, ...options.systems]);
  const labelOf = (ref: string) => titles.get(ref) ?? refLabel(ref);

  if (overview.services.length === 0) {
    return (
      <Alert
        status="info"
        icon
        title="No ZeroOps services yet"
        description="Services appear here once their catalog entity has the zeroops.io/service-name annotation (the ZeroOps templates write it)."
      />
    );
  }

  return (
    <>
      <Flex justify="between" align="end" gap="4">
        <Flex gap="3" align="end">
          <Select
            label="Owner"
            options={[
              { id: ALL, label: 'All owners' },
              ...options.owners.map(owner => ({
                id: owner,
                label: labelOf(owner),
              })),
            ]}
            value={filter.owner ?? ALL}
            onChange={key =>
              setFilter(f => ({
                ...f,
                owner: key && key !== ALL ? String(key) : undefined,
              }))
            }
          />
          <Select
            label="System"
            options={[
              { id: ALL, label: 'All systems' },
              ...options.systems.map(system => ({
                id: system,
                label: labelOf(system),
              })),
            ]}
            value={filter.system ?? ALL}
            onChange={key =>
              setFilter(f => ({
                ...f,
                system: key && key !== ALL ? String(key) : undefined,
              }))
            }
          />
        </Flex>
        <Flex direction="column" gap="1" align="end">
          <DemoDataMarker demoData={overview.demoData} />
          <Text variant="body-x-small" color="secondary">
            Health read at {formatTimestamp(overview.generatedAt)};{' '}
            {overviewHasPending(overview)
              ? 'still reading some environments, refreshed every few seconds.'
              : 'refreshed every 30 seconds.'}
          </Text>
        </Flex>
      </Flex>

      <OverviewSection title="Delivery">
        <DeliveryTeams owner={filter.owner} />
      </OverviewSection>

      <OverviewSection title="Health by environment">
        <HealthMatrix services={services} />
      </OverviewSection>

      <OverviewSection title="Cost this month">
        {overview.costVisible ? (
          <Flex direction="column" gap="2">
            {overview.totals ? (
              <Text variant="body-medium">
                All listed services:{' '}
                <strong>
                  {formatMoney(
                    overview.totals.monthToDate,
                    overview.totals.currency,
                  )}
                </strong>{' '}
                so far, forecast{' '}
                <strong>
                  {formatMoney(
                    overview.totals.forecast,
                    overview.totals.currency,
                  )}
                </strong>
                .
              </Text>
            ) : null}
            <ServiceCostTable
              services={services}
              currency={overview.totals?.currency ?? 'USD'}
            />
            <Text variant="body-x-small" color="secondary">
              {overview.costLastRefreshedAt
                ? `Cost Explorer data refreshed ${formatAgo(
                    overview.costLastRefreshedAt,
                  )} (${formatTimestamp(overview.costLastRefreshedAt)}).`
                : 'No cost collected yet: the backend reads Cost Explorer on a schedule.'}
            </Text>
          </Flex>
        ) : (
          <Alert
            status="info"
            icon
            title="Permission denied"
            description="You are not allowed to see cost: ask your Backstage admins for the zeroops.cost.read permission."
          />
        )}
      </OverviewSection>

      <OverviewSection title="Pull-request environments">
        <EphemeralEnvironmentsTable
          services={services}
          costVisible={overview.costVisible}
          currency={overview.totals?.currency ?? 'USD'}
        />
      </OverviewSection>
    </>
  );
}
