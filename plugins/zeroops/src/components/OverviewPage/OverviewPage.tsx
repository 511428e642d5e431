import { useMemo, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { Alert, Container, Flex, Text } from '@backstage/ui';
import { OverviewResponse } from '@zeroops/backstage-plugin-zeroops-common';
import { zeroOpsApiRef } from '../../api';
import { useZeroOpsData } from '../../hooks/useZeroOpsData';
import {
  OverviewFilter,
  filterOptions,
  filterServices,
} from '../../lib/overviewFilters';
import {
  formatAgoWithTimestamp,
  formatMoney,
  formatTimestamp,
} from '../../lib/format';
import { ZeroOpsErrorPanel } from '../common/ZeroOpsErrorPanel';
import { DemoDataMarker } from '../common/DemoDataMarker';
import { ZeroOpsDataView } from '../common/ZeroOpsDataView';
import { SkeletonStack } from '../common/SkeletonStack';
import { HealthMatrix } from './HealthMatrix';
import { ServiceCostTable } from './ServiceCostTable';
import { EphemeralEnvironmentsTable } from './EphemeralEnvironmentsTable';
import { refLabel } from './refLabel';
import { OverviewSection } from './OverviewSection';
import { RefFilterSelect } from './RefFilterSelect';
import { overviewHasPending } from '../../lib/pendingEnvironments';
import { DeliveryTeams } from './DeliveryTeams';
import { useEntityTitles } from '../../hooks/useEntityTitles';

/**
 * The overview page body: delivery and DORA per team, every service × environment health, cost
 * per service this month against its budget, and the pull-request environments with their age
 * and cost, filtered by owner and system.
 *
 * @public
 */
export function OverviewPage() {
  const api = useApi(zeroOpsApiRef);
  const data = useZeroOpsData(signal => api.getOverview({ signal }), [api], {
    isPending: overviewHasPending,
  });
  return (
    <Container py="4">
      <Flex direction="column" gap="5">
        <ZeroOpsDataView
          data={data}
          loadingLabel="Loading the overview"
          skeleton={<SkeletonStack bars={[{ height: 200 }, { height: 160 }]} />}
          renderError={error => (
            <ZeroOpsErrorPanel error={error} subject="overview" />
          )}
        >
          {value => <OverviewBody overview={value} />}
        </ZeroOpsDataView>
      </Flex>
    </Container>
  );
}

/** The filter menus above the sections: the filter each sets and the options it lists. */
const FILTER_MENUS = [
  {
    filter: 'owner',
    options: 'owners',
    label: 'Owner',
    allLabel: 'All owners',
  },
  {
    filter: 'system',
    options: 'systems',
    label: 'System',
    allLabel: 'All systems',
  },
] as const;

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
          {FILTER_MENUS.map(menu => (
            <RefFilterSelect
              key={menu.filter}
              label={menu.label}
              allLabel={menu.allLabel}
              refs={options[menu.options]}
              labelOf={labelOf}
              value={filter[menu.filter]}
              onChange={ref => setFilter(f => ({ ...f, [menu.filter]: ref }))}
            />
          ))}
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
                ? `Cost Explorer data refreshed ${formatAgoWithTimestamp(
                    overview.costLastRefreshedAt,
                  )}.`
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
