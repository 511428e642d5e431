import { useMemo, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  Accordion,
  AccordionGroup,
  AccordionPanel,
  AccordionTrigger,
  Flex,
  Skeleton,
  Text,
} from '@backstage/ui';
import {
  DeliveryOverviewResponse,
  DeliveryOverviewService,
  DeliveryOverviewTeam,
  DEFAULT_DORA_WINDOW,
  DoraWindowDays,
} from '@zeroops/backstage-plugin-zeroops-common';
import { zeroOpsApiRef } from '../../api';
import { useZeroOpsData } from '../../hooks/useZeroOpsData';
import { formatTimestamp } from '../../lib/format';
import { DeliveryErrorPanel } from '../common/DeliveryErrorPanel';
import { DemoDataMarker } from '../common/DemoDataMarker';
import { DoraBands } from '../common/DoraBandChip';
import { ZeroOpsDataView } from '../common/ZeroOpsDataView';
import { StatusText } from '../common/StatusText';
import { DoraWindowSelect } from '../DoraCard/DoraWindowSelect';
import { DeliveryTeamServices } from './DeliveryTeamServices';
import { refLabel } from './refLabel';

/**
 * The overview's team view: one row per owning team with its DORA bands and the approvals it has
 * waiting, expanding to its services. Teams with approvals waiting come first, since those are
 * the rows a lead acts on.
 */
export function DeliveryTeams(props: { owner?: string }) {
  const api = useApi(zeroOpsApiRef);
  const [windowDays, setWindowDays] =
    useState<DoraWindowDays>(DEFAULT_DORA_WINDOW);
  const data = useZeroOpsData(
    signal => api.getDeliveryOverview(windowDays, { signal }),
    [api, windowDays],
  );
  return (
    <Flex direction="column" gap="2">
      <Flex justify="between" align="center" gap="3">
        <Text variant="body-small" color="secondary">
          DORA bands over the last {windowDays} days; expand a team for its
          services.
        </Text>
        <Flex align="center" gap="2">
          <DemoDataMarker demoData={data.value?.demoData} />
          <DoraWindowSelect
            value={windowDays}
            onChange={setWindowDays}
            label="Delivery window"
          />
        </Flex>
      </Flex>
      <ZeroOpsDataView
        data={data}
        loadingLabel="Loading delivery"
        skeleton={<Skeleton width="100%" height={96} />}
        renderError={error => (
          <DeliveryErrorPanel error={error} subject="delivery overview" />
        )}
      >
        {value => <TeamList overview={value} owner={props.owner} />}
      </ZeroOpsDataView>
    </Flex>
  );
}

function TeamList(props: {
  overview: DeliveryOverviewResponse;
  owner?: string;
}) {
  const { overview, owner } = props;
  const servicesByRef = useMemo(
    () => new Map(overview.services.map(s => [s.entityRef, s])),
    [overview.services],
  );
  const teams = useMemo(
    () =>
      overview.teams
        .filter(team => !owner || team.owner === owner)
        .sort(
          (a, b) =>
            b.pendingApprovals - a.pendingApprovals ||
            refLabel(a.owner).localeCompare(refLabel(b.owner)),
        ),
    [overview.teams, owner],
  );
  if (overview.teams.length === 0) {
    return (
      <Text as="p">
        No service has delivery data yet: services appear here once their
        catalog entity has the github.com/project-slug annotation and the
        backend has read their GitHub deployments.
      </Text>
    );
  }
  if (teams.length === 0) {
    return <Text as="p">No team matches the filters.</Text>;
  }
  return (
    <>
      <AccordionGroup allowsMultiple>
        {teams.map(team => (
          <TeamRow
            key={team.owner}
            team={team}
            services={team.services.flatMap(ref => {
              const service = servicesByRef.get(ref);
              return service ? [service] : [];
            })}
          />
        ))}
      </AccordionGroup>
      <Text variant="body-x-small" color="secondary">
        Computed {formatTimestamp(overview.generatedAt)} from the GitHub
        deployments the backend has stored.
      </Text>
    </>
  );
}

function TeamRow(props: {
  team: DeliveryOverviewTeam;
  services: DeliveryOverviewService[];
}) {
  const { team, services } = props;
  const label = refLabel(team.owner);
  return (
    <Accordion data-team={team.owner}>
      <AccordionTrigger level={3}>
        <Flex align="center" gap="4" style={{ flexWrap: 'wrap' }}>
          <Text weight="bold">{label}</Text>
          <Text variant="body-small" color="secondary">
            {team.services.length} service
            {team.services.length === 1 ? '' : 's'}
          </Text>
          <Text variant="body-small">
            <DoraBands dora={team.dora} />
          </Text>
          {team.pendingApprovals > 0 ? (
            <Text variant="body-small">
              <StatusText tone="warning">
                {team.pendingApprovals} waiting for approval
              </StatusText>
            </Text>
          ) : (
            <Text variant="body-small" color="secondary">
              nothing waiting for approval
            </Text>
          )}
        </Flex>
      </AccordionTrigger>
      <AccordionPanel>
        <DeliveryTeamServices teamLabel={label} services={services} />
      </AccordionPanel>
    </Accordion>
  );
}
